import Foundation
import KubeSimTestSupport
import Testing

@testable import KubeSimCLI

@Suite(.serialized) struct DescribeCommandTests {
  static let hello = RepositoryPaths.root().path + "/Scenarios/hello-cluster.yaml"

  @Test func describesADeploymentWithConditionsReplicaSetsAndEvents() throws {
    let r = CommandLineInterface.run(["describe", "deployment", "web", "--at", "1m", Self.hello])
    #expect(r.code == .success, "\(r.stderr)")
    let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines.prefix(3) == [
      "Name:                   web", "Namespace:              default",
      "CreationTimestamp:      2026-01-01T00:00:00Z",
    ])
    #expect(lines.contains(
      "Replicas:               3 desired | 3 updated | 3 total | 3 available | 0 unavailable"))
    #expect(lines.contains("RollingUpdateStrategy:  25% max unavailable, 25% max surge"))
    #expect(lines.contains("  Available    True    MinimumReplicasAvailable"))
    #expect(lines.contains("  Progressing  True    NewReplicaSetAvailable"))
    #expect(lines.contains("OldReplicaSets: <none>"))
    let newRS = try #require(lines.first { $0.hasPrefix("NewReplicaSet:") })
    #expect(newRS.hasSuffix("(3/3 replicas created)"))
    let rsName = String(newRS.split(separator: " ")[1])
    #expect(lines.suffix(4) == [
      "  Type    Reason             Age  Message", "  ----    ------             ---  -------",
      "  Normal  ScalingReplicaSet  59s  Scaled up replica set \(rsName) from 0 to 3", "",
    ])
  }

  /// `kubectl describe hpa` (describe.go describeHorizontalPodAutoscalerV2) on usage/hpa-spike:
  /// at 10m the 200% recommendations of the spike are still in the 5-minute window.
  @Test func describesAnHPAWithMetricsStatusAndConditions() throws {
    let spike = RepositoryPaths.root().path + "/Scenarios/usage/hpa-spike.yaml"
    let r = CommandLineInterface.run(["describe", "hpa", "web", "--at", "10m", spike])
    #expect(r.code == .success, "\(r.stderr)")
    let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(Array(lines[5...16]) == [
      "Reference:                                             Deployment/web",
      "Metrics:                                               ( current / target )",
      "  resource cpu on pods  (as a percentage of request):  20% (40m) / 50%",
      "Min replicas:                                          2",
      "Max replicas:                                          8",
      "Deployment pods:                                       8 current / 8 desired",
      "Conditions:",
      "  Type            Status  Reason               Message",
      "  ----            ------  ------               -------",
      "  AbleToScale     True    ScaleDownStabilized  recent recommendations were higher than "
        + "current one, applying the highest recent recommendation",
      "  ScalingActive   True    ValidMetricFound     the HPA was able to successfully calculate "
        + "a replica count from cpu resource utilization (percentage of request)",
      "  ScalingLimited  True    TooManyReplicas      the desired replica count is more than the "
        + "maximum replica count",
    ])
    // Before metrics-server has two scrapes of the pods: FailedGetResourceMetric.
    #expect(r.stdout.contains(
      "  Warning  FailedGetResourceMetric       9m44s  failed to get cpu utilization: unable to get "
        + "metrics for resource cpu: no metrics returned from resource metrics API\n"))
  }

  @Test func describesAPodWithItsOwnerAndContainerState() throws {
    let get = CommandLineInterface.run(["get", "pods", "--at", "1m", Self.hello])
    let pod = try #require(get.stdout.split(separator: "\n").dropFirst().first?.split(separator: " ").first)
    let r = CommandLineInterface.run(["describe", "pod", String(pod), "--at", "1m", Self.hello])
    #expect(r.code == .success, "\(r.stderr)")
    #expect(r.stdout.contains("Status:         Running\n"))
    #expect(r.stdout.contains("Controlled By:  ReplicaSet/web-"))
    #expect(r.stdout.contains("    State:          Running\n    Ready:          True\n"))
    #expect(r.stdout.contains("QoS Class:      Burstable\n"))
    #expect(r.stdout.contains("  Normal  Started    57s  Started container nginx\n"))
  }

  @Test func unknownObjectsAndKindsExit2() {
    let r = CommandLineInterface.run(["describe", "deploy", "nope", "--at", "1m", Self.hello])
    #expect(r.code == .badInput)
    #expect(r.stderr == "Error from server (NotFound): deployments.apps \"nope\" not found\n")
    let k = CommandLineInterface.run(["describe", "widgets", "x", Self.hello])
    #expect(k.code == .badInput)
    #expect(k.stderr == "kubesim describe: the server doesn't have a resource type \"widgets\"\n")
  }
}
