import Foundation
import KubeSimTestSupport
import Testing

@testable import KubeSimCLI

@Suite struct TopCommandTests {
  static let scenario = RepositoryPaths.root().path + "/Scenarios/usage/top.yaml"

  @Test func topPodsAtThePeakOfTheCurve() {
    let r = CommandLineInterface.run(["top", "pods", "--at", "15m", Self.scenario])
    #expect(r.code == .success)
    // api: diurnal(mean=50%, amplitude=40%, period=1h) of 500m peaks at 15m: 250m + 200m;
    // metrics-server averages the cAdvisor samples 14m10s…15m0s (449.6m → 450m).
    #expect(
      r.stdout == """
        NAME                   CPU(cores)   MEMORY(bytes)
        api-5bb68595df-pn6ll   450m         268Mi
        api-5bb68595df-zgkbd   450m         308Mi
        batch                  1000m        1024Mi

        """)
  }

  @Test func topNodesSumsPodsAndDividesByAllocatable() {
    let r = CommandLineInterface.run(["top", "nodes", "--at", "30m", Self.scenario])
    #expect(r.code == .success)
    // The default profile's PodTopologySpread system constraints (hostname, maxSkew 3) spread the
    // two api replicas: worker-1 holds batch and one api pod (1000m + 259m = 1259m of 4 cores =
    // 31.475% → 31%, truncated), worker-2 the other (259m → 6%).
    #expect(
      r.stdout == """
        NAME       CPU(cores)   CPU(%)   MEMORY(bytes)   MEMORY(%)
        worker-1   1259m        31%      1292Mi          15%
        worker-2   259m         6%       260Mi           3%

        """)
  }

  @Test func topContainersAndBadKind() {
    let c = CommandLineInterface.run(["top", "pods", "--containers", "--at", "15m", Self.scenario])
    #expect(c.stdout.hasPrefix("POD                    NAME   CPU(cores)   MEMORY(bytes)\n"))
    #expect(c.stdout.contains("batch                  work   1000m        1024Mi\n"))
    let bad = CommandLineInterface.run(["top", "deployments", Self.scenario])
    #expect(bad.code == .badInput)
    #expect(bad.stderr.contains("expected pods or nodes, found 'deployments'"))
  }

  @Test func noPodsBeforeTwoScrapes() {
    let r = CommandLineInterface.run(["top", "pods", "--at", "30s", Self.scenario])
    #expect(r.code == .success)
    #expect(r.stdout == "")
    #expect(r.stderr == "No resources found in default namespace.\n")
  }
}

@Suite struct HPAScenarioTests {
  @Test func rescaleEventsOfTheSpike() {
    let path = RepositoryPaths.root().path + "/Scenarios/usage/hpa-spike.yaml"
    let r = CommandLineInterface.run(["run", path])
    #expect(r.code == .success)
    let lines = r.stdout.split(separator: "\n").filter { $0.contains("SuccessfulRescale") }.map {
      String($0)
    }
    let prefix = "SuccessfulRescale  HorizontalPodAutoscaler/default/web: New size: "
    let cpu = "; reason: cpu resource utilization (percentage of request) "
    #expect(
      lines == [
        "  3m0.01s  \(prefix)4\(cpu)above target",
        " 3m15.01s  \(prefix)8\(cpu)above target",
        " 14m0.01s  \(prefix)4; reason: All metrics below target",
        "19m15.01s  \(prefix)3; reason: All metrics below target",
      ])
  }
}

@Suite(.serialized) struct TopThrottlingTests {
  @Test func throttlingCountsCFSPeriodsAboveTheLimit() {
    let dir = TemporaryDirectory()
    defer { dir.remove() }
    let file = dir.write(
      "t.yaml",
      """
      apiVersion: kubesim.io/v1alpha1
      kind: NodePool
      metadata: {name: worker}
      spec: {count: 1, capacity: {cpu: "4", memory: 8Gi, pods: "110"}}
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: busy
        annotations: {sim.kubesim.io/cpu: "steps(0s=100m, 1m=300m)"}
      spec:
        containers:
        - {name: app, image: "busybox:1.36", resources: {requests: {cpu: 100m}, limits: {cpu: 200m}}}
      ---
      apiVersion: kubesim.io/v1alpha1
      kind: Scenario
      metadata: {name: thr}
      spec: {duration: 5m}

      """)
    let r = CommandLineInterface.run(["top", "pods", "--throttling", "--at", "3m", file])
    #expect(r.code == .success)
    // 18 sample intervals (10s … 3m) of 100 CFS periods; the 12 from 1m on want 300m of a 200m
    // limit: 1,200 throttled periods, 12 × 100m × 10s = 12 CPU-seconds not given.
    #expect(
      r.stdout == """
        POD    NAME   CPU-LIMIT   PERIODS   THROTTLED   THROTTLED-TIME
        busy   app    200m        1800      1200        12.000s

        """)
    let top = CommandLineInterface.run(["top", "pods", "--at", "3m", file])
    #expect(top.stdout.contains("busy   200m"))
  }
}
