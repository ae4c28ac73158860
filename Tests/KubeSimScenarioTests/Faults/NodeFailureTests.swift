import KubeSimKernel
import KubeSimModel
import KubeSimTestSupport
import KubeSimYAML
import Testing

@testable import KubeSimScenario

/// A node crash with upstream defaults, end to end: heartbeats stop, the node lifecycle
/// controller marks the node Unknown after the 50 s grace period (within one 5 s monitor
/// period), taints it one monitor period later, the taint eviction controller deletes its pods
/// 300 s after that, and the ReplicaSet replaces them.
@Suite(.serialized) struct NodeFailureTests {
  static func scenario(tolerationSeconds: Int? = nil, fault: String = "node-crash worker-2", extra: String = "") -> String {
    let tolerations =
      tolerationSeconds.map {
        """
              tolerations:
              - {key: node.kubernetes.io/unreachable, operator: Exists, effect: NoExecute, tolerationSeconds: \($0)}
        """
      } ?? ""
    return """
      apiVersion: kubesim.io/v1alpha1
      kind: NodePool
      metadata: {name: worker}
      spec: {count: 3, capacity: {cpu: "4", memory: 8Gi, pods: "110"}}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web}
      spec:
        replicas: 3
        selector: {matchLabels: {app: web}}
        template:
          metadata: {labels: {app: web}}
          spec:
      \(tolerations)
            containers:
            - {name: nginx, image: "nginx:1.27", resources: {requests: {cpu: 100m, memory: 128Mi}}}
      ---
      apiVersion: kubesim.io/v1alpha1
      kind: Scenario
      metadata: {name: crash}
      spec:
        duration: 10m
        timeline:
          - {at: 65s, fault: \(fault)}
      \(extra)

      """
  }

  static func run(_ text: String) throws -> ScenarioRunner {
    let dir = TemporaryDirectory()
    defer { dir.remove() }
    let file = dir.write("s.yaml", text)
    let input = try ScenarioLoader.load([file], requireScenario: true).get()
    let runner = try ScenarioRunner(input, options: RunOptions())
    _ = runner.run()
    return runner
  }

  static let reasons: Set<String> = [
    "FaultInjected", "NodeNotReady", "TaintManagerEviction", "Killing", "SuccessfulCreate",
    "Scheduled", "Started",
  ]

  static func lines(_ runner: ScenarioRunner) -> [String] {
    runner.world.recordedEvents.filter { reasons.contains($0.reason) && $0.time > .zero + .seconds(10) }
      .map { "\($0.time) \($0.type.rawValue) \($0.reason) \($0.object.kind ?? "")/\($0.object.name ?? "") \($0.message)" }
  }

  /// The pod that ran on `node` at the crash (names come from the template hash).
  static func victim(_ runner: ScenarioRunner, _ node: String) -> String {
    runner.world.bindings.first { $0.node == node }?.pod ?? "?"
  }

  @Test func crashedNodeIsEvictedAndReplacedWithUpstreamTiming() throws {
    let runner = try Self.run(Self.scenario())
    let v = Self.victim(runner, "worker-2")
    let rs = String(v.dropLast(6))
    let lines = Self.lines(runner)
    let replacement = try #require(
      runner.world.bindings.last.map(\.pod))
    // Lease renewed every 10 s from 0: last renewal at 60 s. Monitor passes every 5 s: the
    // first with now > 60 s + 50 s is at 115 s (Ready=Unknown, NodeNotReady, pods not ready).
    // The NoExecute taint is queued at the next pass (120 s, upstream passes the Ready
    // condition observed before the update) and added 100 ms later; the taint eviction
    // controller sees it 10 ms later and deletes the pod 300 s after that (default
    // tolerationSeconds). The replacement starts 1 s after its bind (image already present).
    #expect(
      lines == [
        "1m5s Warning FaultInjected Node/worker-2 Fault injected: node-crash worker-2",
        "1m55s Normal NodeNotReady Node/worker-2 Node worker-2 status is now: NodeNotReady",
        "1m55s Warning NodeNotReady Pod/\(v) Node is not ready",
        "7m0.11s Normal TaintManagerEviction Pod/\(v) Marking for deletion Pod default/\(v)",
        "7m0.12s Normal SuccessfulCreate ReplicaSet/\(rs) Created pod: \(replacement)",
        "7m0.135s Normal Scheduled Pod/\(replacement) Successfully assigned default/\(replacement) to worker-1",
        "7m1.145s Normal Started Pod/\(replacement) Started container nginx",
      ])
    let node = try #require(runner.world.api.get(.node, nil, "worker-2")?.asNode)
    let ready = try #require(node.status.conditions.first { $0.type == "Ready" })
    #expect(ready.status == .unknown)
    #expect(ready.reason == "NodeStatusUnknown")
    #expect(ready.lastTransitionTime == .zero + .seconds(115))
    #expect(
      node.spec.taints.map { "\($0.key):\($0.effect.rawValue)" } == [
        "node.kubernetes.io/unreachable:NoSchedule", "node.kubernetes.io/unreachable:NoExecute",
      ])
    #expect(node.spec.taints.last?.timeAdded == .zero + .milliseconds(120_100))
    // The evicted pod stays Terminating: its kubelet is gone and nobody confirms the deletion.
    let old = try #require(runner.world.api.get(.pod, "default", v)?.asPod)
    #expect(old.metadata.deletionTimestamp == .zero + .milliseconds(450_110))
    #expect(
      old.status.conditions.first { $0.type == "DisruptionTarget" }?.reason
        == "DeletionByTaintManager")
  }

  @Test func tolerationSecondsThirtyEvictsThirtySecondsAfterTheTaint() throws {
    let runner = try Self.run(Self.scenario(tolerationSeconds: 30))
    let v = Self.victim(runner, "worker-2")
    let eviction = runner.world.recordedEvents.first { $0.reason == "TaintManagerEviction" }
    #expect(eviction?.time == .zero + .milliseconds(150_110))
    #expect(eviction?.message == "Marking for deletion Pod default/\(v)")
  }

  @Test func recoveredNodeLosesItsTaintsAndConfirmsTheDeletion() throws {
    let runner = try Self.run(
      Self.scenario(extra: "    - {at: 8m, fault: node-recover worker-2}"))
    let v = Self.victim(runner, "worker-2")
    let node = try #require(runner.world.api.get(.node, nil, "worker-2")?.asNode)
    #expect(node.spec.taints.isEmpty)
    #expect(node.status.conditions.first { $0.type == "Ready" }?.status == .true)
    // The kubelet resyncs at 8m and deletes the pod that was evicted while it was down.
    #expect(runner.world.api.get(.pod, "default", v) == nil)
    #expect(runner.world.api.list(.pod).count == 3)
  }

  @Test func partitionedNodeKeepsItsPodsRunning() throws {
    let runner = try Self.run(
      Self.scenario(fault: "node-partition worker-2", extra: "    - {at: 3m, fault: node-heal worker-2}"))
    let v = Self.victim(runner, "worker-2")
    let pod = try #require(runner.world.api.get(.pod, "default", v)?.asPod)
    // Tainted at 120.1 s, healed at 3m: before the 300 s toleration ran out. The pod never
    // stopped; the kubelet writes its Ready status again at the heal.
    #expect(pod.metadata.deletionTimestamp == nil)
    #expect(pod.status.phase == .running)
    #expect(pod.status.conditions.first { $0.type == "Ready" }?.status == .true)
    let cancel = runner.world.recordedEvents.first { $0.reason == "TaintManagerEviction" }
    #expect(cancel?.message == "Cancelling deletion of Pod default/\(v)")
  }

  @Test func sameSeedGivesIdenticalEvents() throws {
    let a = try Self.run(Self.scenario())
    let b = try Self.run(Self.scenario())
    #expect(a.world.eventsJSONL() == b.world.eventsJSONL())
  }
}
