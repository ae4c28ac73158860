import Foundation
import KubeSimTestSupport
import Testing

@testable import KubeSimCLI

@Suite(.serialized) struct ValidateCommandTests {
  static let root = RepositoryPaths.root().path

  @Test(arguments: RepositoryPaths.files(under: "Tests/Fixtures/kubectl", suffix: ".yaml"))
  func kubectlManifestsValidate(_ file: String) {
    let r = CommandLineInterface.run(["validate", Self.root + "/" + file])
    #expect(r.code == .success, "\(r.stderr)")
    #expect(r.stdout == "\(Self.root)/\(file): 1 document OK\n")
  }

  /// Files of the Kubernetes documentation that a current API server rejects too, with why.
  static let rejected: [String: String] = [
    "application__job__cronjob.yaml":
      "application__job__cronjob.yaml:1:13: apiVersion: no matches for kind \"CronJob\" in version \"batch/v1beta1\": batch/v1beta1 CronJob was removed in Kubernetes v1.25; use apiVersion batch/v1",
    // Field names are case-sensitive in strict decoding (sigs.k8s.io/json): the field is grpc.
    "pods__probe__grpc-liveness.yaml":
      "pods__probe__grpc-liveness.yaml:13:7: spec.containers[0].livenessProbe.gRPC: unknown field \"gRPC\"; did you mean \"grpc\"?",
  ]

  static let examples: [String] = {
    let dir = "/work/shared/reference/k8s-examples"
    let all = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
    return all.filter { $0.hasSuffix(".yaml") }.sorted().map { dir + "/" + $0 }
  }()

  @Test(arguments: examples)
  func kubernetesExamplesValidate(_ path: String) {
    let r = CommandLineInterface.run(["validate", path])
    let name = String(path.split(separator: "/").last ?? "")
    if let message = Self.rejected[name] {
      #expect(r.code == .badInput)
      #expect(r.stderr == "/work/shared/reference/k8s-examples/\(message)\n1 error\n")
    } else {
      #expect(r.code == .success, "\(r.stderr)")
      #expect(r.stdout.hasSuffix("OK\n"))
    }
  }

  @Test func bundledScenariosValidate() {
    let files = RepositoryPaths.files(under: "Scenarios", suffix: ".yaml")
    #expect(files.contains("Scenarios/hello-cluster.yaml"))
    for file in files {
      let r = CommandLineInterface.run(["validate", Self.root + "/" + file])
      #expect(r.code == .success, "\(file): \(r.stderr)")
      #expect(r.stderr == "")
    }
  }

  @Test func verboseListsIgnoredFieldsOnceEach() {
    let dir = TemporaryDirectory("verbose")
    defer { dir.remove() }
    let file = dir.write(
      "p.yaml",
      """
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      spec:
        containers:
          - {name: a, image: nginx, env: [{name: X, value: "1"}]}
          - {name: b, image: nginx, env: [{name: Y, value: "2"}]}
      """)
    let quiet = CommandLineInterface.run(["validate", file])
    #expect(quiet.stderr == "")
    let r = CommandLineInterface.run(["validate", "--verbose", file])
    #expect(r.code == .success)
    #expect(r.stderr == "\(file):6:31: warning: spec.containers[*].env: ignored: not modelled\n")
    #expect(r.stdout == "\(file): 1 document OK\n")
  }

  @Test func warnsWhenJobPodsNeverExit() {
    let r = CommandLineInterface.run(["validate", Self.root + "/Tests/Fixtures/kubectl/job.yaml"])
    #expect(r.code == .success)
    #expect(
      r.stderr.hasSuffix(
        "job.yaml:1:1: warning: spec.template.metadata.annotations: Job pi: its pods never exit (no sim.kubesim.io/duration annotation, e.g. sim.kubesim.io/duration: 30s), so it never completes\n"
      ))
  }
}
