import KubeSimKernel
import KubeSimModel
import KubeSimTestSupport
import KubeSimYAML
import Testing

@testable import KubeSimScenario

/// `set image`, `set resources`, `rollout …` and `patch` against a running cluster.
@Suite(.serialized) struct WorkloadVerbsTests {
  static let base = """
    apiVersion: kubesim.io/v1alpha1
    kind: NodePool
    metadata: {name: worker}
    spec: {count: 3, capacity: {cpu: "4", memory: 8Gi, pods: "20"}}
    ---
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: web}
    spec:
      replicas: 4
      selector: {matchLabels: {app: web}}
      template:
        metadata: {labels: {app: web}}
        spec:
          containers:
            - {name: nginx, image: "nginx:1.27", resources: {requests: {cpu: 100m, memory: 64Mi}}}
    ---
    apiVersion: kubesim.io/v1alpha1
    kind: Scenario
    metadata: {name: x}
    spec: {}

    """

  func makeRunner(_ dir: TemporaryDirectory) throws -> ScenarioRunner {
    let file = dir.write("s.yaml", Self.base)
    let input = try ScenarioLoader.load([file], requireScenario: true).get()
    let runner = try ScenarioRunner(input, options: RunOptions())
    try runner.world.run(until: .zero + .minutes(1))
    return runner
  }

  func run(_ runner: ScenarioRunner, _ line: String) throws -> [String] {
    let command = try KubectlCommandParser.parse(line)
    try TimelineValidation.check(command)
    let entry = TimelineEntry(
      at: .zero, action: .kubectl(command),
      location: KubeSimYAML.SourceLocation(file: "t", line: 1, column: 1), text: line)
    return try KubectlExecutor(api: runner.world.api).run(entry)
  }

  func deployment(_ runner: ScenarioRunner) throws -> Deployment {
    try #require(runner.world.api.get(.deployment, "default", "web")?.asDeployment)
  }

  func images(_ runner: ScenarioRunner) -> [String] {
    runner.world.api.list(.pod).compactMap(\.asPod).filter { $0.metadata.deletionTimestamp == nil }
      .compactMap { $0.spec.containers.first?.image }.sorted()
  }

  @Test func setImageRollsOutAndUndoRollsBack() throws {
    let dir = TemporaryDirectory("verbs")
    defer { dir.remove() }
    let r = try makeRunner(dir)
    #expect(try run(r, "set image deployment/web nginx=nginx:1.28") == [
      "deployment.apps/web image updated"
    ])
    try r.world.run(until: .zero + .minutes(3))
    #expect(images(r) == Array(repeating: "nginx:1.28", count: 4))
    #expect(try deployment(r).metadata.annotations["deployment.kubernetes.io/revision"] == "2")
    #expect(try run(r, "rollout status deployment/web") == [
      "deployment \"web\" successfully rolled out"
    ])
    #expect(try run(r, "rollout undo deployment/web") == ["deployment.apps/web rolled back"])
    try r.world.run(until: .zero + .minutes(5))
    #expect(images(r) == Array(repeating: "nginx:1.27", count: 4))
    // The revision-1 ReplicaSet is reused and becomes revision 3.
    #expect(try deployment(r).metadata.annotations["deployment.kubernetes.io/revision"] == "3")
    #expect(throws: KubectlError("unable to find specified revision 1 in history")) {
      try run(r, "rollout undo deployment/web --to-revision=1")
    }
    #expect(try run(r, "rollout undo deployment/web --to-revision=2") == [
      "deployment.apps/web rolled back"
    ])
    try r.world.run(until: .zero + .minutes(7))
    #expect(images(r) == Array(repeating: "nginx:1.28", count: 4))
    #expect(try run(r, "rollout undo deployment/web --to-revision=4") == [
      "deployment.apps/web skipped rollback (current template already matches revision 4)"
    ])
  }

  @Test func pauseHoldsTheRolloutUntilResume() throws {
    let dir = TemporaryDirectory("verbs")
    defer { dir.remove() }
    let r = try makeRunner(dir)
    #expect(try run(r, "rollout pause deployment/web") == ["deployment.apps/web paused"])
    #expect(throws: KubectlError("deployments.apps \"web\" is already paused")) {
      try run(r, "rollout pause deployment/web")
    }
    _ = try run(r, "set image deployment/web nginx=nginx:1.28")
    _ = try run(r, "set resources deployment/web -c nginx --limits=cpu=200m,memory=128Mi")
    try r.world.run(until: .zero + .minutes(2))
    #expect(images(r) == Array(repeating: "nginx:1.27", count: 4))
    #expect(r.world.api.count(.replicaSet) == 1)
    let p = try deployment(r).status.conditions.first { $0.type == "Progressing" }
    #expect(p?.status == .unknown && p?.reason == "DeploymentPaused")
    #expect(p?.message == "Deployment is paused")
    #expect(try run(r, "rollout resume deployment/web") == ["deployment.apps/web resumed"])
    try r.world.run(until: .zero + .minutes(4))
    #expect(images(r) == Array(repeating: "nginx:1.28", count: 4))
    let pod = try #require(r.world.api.list(.pod).compactMap(\.asPod).first)
    #expect(pod.spec.containers[0].resources.limits["cpu"] == (try Quantity(parsing: "200m")))
    #expect(r.world.api.count(.replicaSet) == 2)
  }

  @Test func restartSetsTheAnnotationAndReplacesEveryPod() throws {
    let dir = TemporaryDirectory("verbs")
    defer { dir.remove() }
    let r = try makeRunner(dir)
    let before = Set(r.world.api.list(.pod).map(\.metadata.name))
    #expect(try run(r, "rollout restart deployment/web") == ["deployment.apps/web restarted"])
    let d = try deployment(r)
    #expect(
      d.spec.template.metadata.annotations["kubectl.kubernetes.io/restartedAt"]
        == "2026-01-01T00:01:00Z")
    try r.world.run(until: .zero + .minutes(3))
    let after = Set(r.world.api.list(.pod).map(\.metadata.name))
    #expect(after.count == 4 && after.isDisjoint(with: before))
  }

  @Test func mergePatchChangesFieldsAndRemovesNulls() throws {
    let dir = TemporaryDirectory("verbs")
    defer { dir.remove() }
    let r = try makeRunner(dir)
    #expect(
      try run(r, #"patch deployment web --type merge -p '{"spec":{"replicas":2},"metadata":{"labels":{"tier":"front"}}}'"#)
        == ["deployment.apps/web patched"])
    let d = try deployment(r)
    #expect(d.spec.replicas == 2 && d.metadata.labels["tier"] == "front")
    #expect(
      try run(r, #"patch deployment web --type merge -p '{"metadata":{"labels":{"tier":null}}}'"#)
        == ["deployment.apps/web patched"])
    #expect(try deployment(r).metadata.labels["tier"] == nil)
  }

  @Test func wrongArgumentsAreErrors() {
    #expect(throws: KubectlError("kubectl set image needs at least one CONTAINER=IMAGE argument")) {
      try KubectlCommandParser.parse("set image deployment/web")
    }
    #expect(
      throws: KubectlError(
        "unknown kubectl rollout subcommand \"history\" (expected undo, restart, pause, resume, status)")
    ) { try KubectlCommandParser.parse("rollout history deployment/web") }
    #expect(
      throws: KubectlError("kubectl rollout pause applies to deployments, found \"daemonset\"")
    ) { try KubectlCommandParser.parse("rollout pause daemonset/agent") }
    #expect(
      throws: KubectlError(
        "KubeSim's kubectl patch supports --type merge (JSON merge patch) only, found no --type (kubectl's default strategic)")
    ) { try KubectlCommandParser.parse(#"patch deploy web -p '{}'"#) }
    #expect(throws: KubectlError("--to-revision: expected a non-negative integer, found \"x\"")) {
      try KubectlCommandParser.parse("rollout undo deploy/web --to-revision=x")
    }
  }
}
