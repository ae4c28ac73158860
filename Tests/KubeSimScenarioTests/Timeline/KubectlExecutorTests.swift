import KubeSimKernel
import KubeSimModel
import KubeSimTestSupport
import KubeSimYAML
import Testing

@testable import KubeSimScenario

/// kubectl verbs run through the API server with kubectl's outputs and errors.
@Suite(.serialized) struct KubectlExecutorTests {
  static let base = """
    apiVersion: kubesim.io/v1alpha1
    kind: NodePool
    metadata: {name: worker}
    spec: {count: 2, capacity: {cpu: "2", memory: 4Gi, pods: "10"}}
    ---
    apiVersion: v1
    kind: ConfigMap
    metadata: {name: a, labels: {app: web}}
    ---
    apiVersion: v1
    kind: ConfigMap
    metadata: {name: b, labels: {app: db}}
    ---
    apiVersion: kubesim.io/v1alpha1
    kind: Scenario
    metadata: {name: x}
    spec:
      timeline:
        - {at: 1m, kubectl: apply -f extra.yaml}
        - {at: 2m, kubectl: apply -f extra.yaml}
        - {at: 3m, kubectl: create -f extra.yaml}

    """

  /// A runner over the base scenario, with `extra.yaml` holding one ConfigMap.
  func makeRunner(_ dir: TemporaryDirectory) throws -> ScenarioRunner {
    dir.write(
      "extra.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: extra}\ndata: {k: v}\n")
    let file = dir.write("s.yaml", Self.base)
    let input = try ScenarioLoader.load([file], requireScenario: true).get()
    return try ScenarioRunner(input, options: RunOptions())
  }

  func run(_ runner: ScenarioRunner, _ line: String) throws -> [String] {
    let command = try KubectlCommandParser.parse(line)
    let entry = TimelineEntry(
      at: .zero, action: .kubectl(command),
      location: KubeSimYAML.SourceLocation(file: "t", line: 1, column: 1), text: line)
    return try KubectlExecutor(api: runner.world.api).run(entry)
  }

  @Test func applyCreatesThenLeavesUnchangedAndCreateRefusesDuplicates() throws {
    let dir = TemporaryDirectory("kubectl")
    defer { dir.remove() }
    let runner = try makeRunner(dir)
    let timeline = runner.scenario.timeline
    #expect(timeline[0].manifests.count == 1)
    let executor = KubectlExecutor(api: runner.world.api)
    #expect(try executor.run(timeline[0]) == ["configmap/extra created"])
    #expect(try executor.run(timeline[1]) == ["configmap/extra unchanged"])
    #expect(
      throws: KubectlError("Error from server (AlreadyExists): configmaps \"extra\" already exists")
    ) {
      try executor.run(timeline[2])
    }
  }

  @Test func deleteBySelectorAndByName() throws {
    let dir = TemporaryDirectory("kubectl")
    defer { dir.remove() }
    let runner = try makeRunner(dir)
    #expect(try run(runner, "delete configmap -l app=web") == ["configmap \"a\" deleted"])
    #expect(runner.world.api.get(.configMap, "default", "a") == nil)
    #expect(throws: KubectlError("Error from server (NotFound): configmaps \"a\" not found")) {
      try run(runner, "delete cm a")
    }
    #expect(throws: KubectlError("No resources found in default namespace.")) {
      try run(runner, "delete configmaps -l app=none")
    }
  }

  @Test func labelNeedsOverwriteToChangeAValue() throws {
    let dir = TemporaryDirectory("kubectl")
    defer { dir.remove() }
    let runner = try makeRunner(dir)
    #expect(throws: KubectlError("'app' already has a value (web), and --overwrite is false")) {
      try run(runner, "label cm a app=api")
    }
    #expect(try run(runner, "label cm a app=api --overwrite") == ["configmap/a labeled"])
    #expect(try run(runner, "label cm a app-") == ["configmap/a labeled"])
    #expect(runner.world.api.get(.configMap, "default", "a")?.metadata.labels.isEmpty == true)
    #expect(try run(runner, "annotate node worker-1 note=x") == ["node/worker-1 annotated"])
  }

  @Test func taintAddsOverwritesAndRemoves() throws {
    let dir = TemporaryDirectory("kubectl")
    defer { dir.remove() }
    let runner = try makeRunner(dir)
    #expect(try run(runner, "taint nodes worker-1 gpu=yes:NoSchedule") == ["node/worker-1 tainted"])
    #expect(
      throws: KubectlError(
        "node worker-1 already has gpu taint(s) with same effect(s) and --overwrite is false")
    ) { try run(runner, "taint nodes worker-1 gpu=no:NoSchedule") }
    #expect(
      try run(runner, "taint nodes worker-1 gpu=no:NoSchedule --overwrite") == [
        "node/worker-1 tainted"
      ])
    guard case .node(let n) = runner.world.api.get(.node, nil, "worker-1") else {
      Issue.record("no node")
      return
    }
    #expect(
      n.spec.taints.map { "\($0.key)=\($0.value ?? ""):\($0.effect.rawValue)" } == [
        "gpu=no:NoSchedule"
      ])
    #expect(try run(runner, "taint nodes worker-1 gpu:NoSchedule-") == ["node/worker-1 untainted"])
    #expect(throws: KubectlError("taint \"gpu:NoSchedule\" not found")) {
      try run(runner, "taint nodes worker-1 gpu:NoSchedule-")
    }
  }

  @Test func cordonTwiceSaysAlready() throws {
    let dir = TemporaryDirectory("kubectl")
    defer { dir.remove() }
    let runner = try makeRunner(dir)
    #expect(try run(runner, "cordon worker-2") == ["node/worker-2 cordoned"])
    #expect(try run(runner, "cordon worker-2") == ["node/worker-2 already cordoned"])
    #expect(try run(runner, "uncordon worker-2") == ["node/worker-2 uncordoned"])
    #expect(throws: KubectlError("Error from server (NotFound): nodes \"worker-9\" not found")) {
      try run(runner, "cordon worker-9")
    }
  }
}
