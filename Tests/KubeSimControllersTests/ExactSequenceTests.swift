import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel
import KubeSimScenario
import Testing

@testable import KubeSimControllers

/// Records changes of PodDisruptionBudget status and pod deletions, with times.
final class StatusRecorder: Component {
  let componentName = "status-recorder"
  var watches: [WatchFilter] { [WatchFilter(kind: .podDisruptionBudget), WatchFilter(kind: .pod)] }
  var lines: [String] = []
  func observe(_ change: WatchChange, _ ctx: inout ComponentContext) {
    switch change {
    case .modified(let old, .podDisruptionBudget(let b)):
      let was = old.asPodDisruptionBudget?.status
      if was?.disruptionsAllowed != b.status.disruptionsAllowed
        || was?.currentHealthy != b.status.currentHealthy
      {
        lines.append(
          "\(ctx.now) pdb healthy=\(b.status.currentHealthy) allowed=\(b.status.disruptionsAllowed)"
            + " disrupted=\(b.status.disruptedPods.map(\.name))")
      }
    case .deleted(.pod(let p)):
      lines.append("\(ctx.now) deleted \(p.metadata.name)")
    default: break
    }
  }
  func timerFired(_ token: UInt64, _ ctx: inout ComponentContext) {}
}

/// Issue 4 "Must show": exact (time, reason, object, message) sequences for each controller's
/// main behaviour, against the upstream defaults.
@Suite struct ExactSequenceTests {
  static func events(_ w: World, _ reasons: Set<String>) -> [String] {
    w.recordedEvents.filter { reasons.contains($0.reason) }.map {
      "\($0.time) \($0.reason) \($0.object.eventPath) \($0.message)"
    }
  }

  @Test func replicaSetScaleUpInSlowStartBatchesThenDown() throws {
    let w = try CW.world([CW.replicaSet("web", replicas: 1)])
    try w.run(until: .zero + .seconds(1))
    var rs = try #require(w.api.get(.replicaSet, "default", "web")?.asReplicaSet)
    rs.spec.replicas = 5
    rs.metadata.resourceVersion = nil
    try w.api.update(.replicaSet(rs))
    try w.run(until: .zero + .seconds(2))
    rs = try #require(w.api.get(.replicaSet, "default", "web")?.asReplicaSet)
    rs.spec.replicas = 2
    rs.metadata.resourceVersion = nil
    try w.api.update(.replicaSet(rs))
    try w.run(until: .zero + .seconds(3))
    // 1 → 5: four creations in slow-start batches 1, 2 and the last 1, all at once (no error).
    // 5 → 2: the three newest unscheduled pods go (equal ranks: name order, KubeSim).
    #expect(
      Self.events(w, ["SuccessfulCreate", "SuccessfulDelete"]) == [
        "10ms SuccessfulCreate ReplicaSet/default/web Created pod: web-pn2vk",
        "1.01s SuccessfulCreate ReplicaSet/default/web Created pod: web-ptsj2",
        "1.01s SuccessfulCreate ReplicaSet/default/web Created pod: web-rzjsk",
        "1.01s SuccessfulCreate ReplicaSet/default/web Created pod: web-vx766",
        "1.01s SuccessfulCreate ReplicaSet/default/web Created pod: web-qxp46",
        "2.01s SuccessfulDelete ReplicaSet/default/web Deleted pod: web-ptsj2",
        "2.01s SuccessfulDelete ReplicaSet/default/web Deleted pod: web-qxp46",
        "2.01s SuccessfulDelete ReplicaSet/default/web Deleted pod: web-rzjsk",
      ])
  }

  @Test func deploymentRollingUpdateFullSequence() throws {
    let w = try WL.world([
      WL.node("a"), WL.node("b"), .deployment(DeploymentRolloutTests.deployment(replicas: 4)),
    ])
    try w.run(until: .zero + .minutes(1))
    try DeploymentRolloutTests.setImage(w, "nginx:1.28")
    try w.run(until: .zero + .minutes(3))
    // 4 replicas, 25%/25%: maxSurge 1 (rounded up), maxUnavailable 1 (rounded down). Each step
    // waits for the new pods to become available (schedule, pull, start: ~3 s, then ~1 s once
    // the image is on both nodes); old and new alternate, never below 3 available nor above 5.
    #expect(
      Self.events(w, ["ScalingReplicaSet"]) == [
        "10ms ScalingReplicaSet Deployment/default/web Scaled up replica set web-f97c8f89b from 0 to 4",
        "1m0.01s ScalingReplicaSet Deployment/default/web Scaled up replica set web-858c9b95c5 from 0 to 1",
        "1m0.01s ScalingReplicaSet Deployment/default/web Scaled down replica set web-f97c8f89b from 4 to 3",
        "1m0.02s ScalingReplicaSet Deployment/default/web Scaled up replica set web-858c9b95c5 from 1 to 2",
        "1m3.065s ScalingReplicaSet Deployment/default/web Scaled down replica set web-f97c8f89b from 3 to 2",
        "1m3.075s ScalingReplicaSet Deployment/default/web Scaled up replica set web-858c9b95c5 from 2 to 3",
        "1m3.095s ScalingReplicaSet Deployment/default/web Scaled down replica set web-f97c8f89b from 2 to 1",
        "1m3.105s ScalingReplicaSet Deployment/default/web Scaled up replica set web-858c9b95c5 from 3 to 4",
        "1m4.13s ScalingReplicaSet Deployment/default/web Scaled down replica set web-f97c8f89b from 1 to 0",
      ])
  }

  @Test func deploymentRecreateFullSequence() throws {
    let w = try WL.world([
      WL.node("a"), .deployment(DeploymentRolloutTests.deployment(replicas: 2, recreate: true)),
    ])
    try w.run(until: .zero + .minutes(1))
    try DeploymentRolloutTests.setImage(w, "nginx:1.28")
    try w.run(until: .zero + .minutes(3))
    // recreate.go: old ReplicaSet to 0, its pods stop after their 30 s grace period, and only
    // when none is left is the new ReplicaSet created at full size.
    #expect(
      Self.events(w, ["ScalingReplicaSet", "SuccessfulCreate", "SuccessfulDelete", "Killing"])
        == [
          "10ms ScalingReplicaSet Deployment/default/web Scaled up replica set web-f97c8f89b from 0 to 2",
          "20ms SuccessfulCreate ReplicaSet/default/web-f97c8f89b Created pod: web-f97c8f89b-pn2vk",
          "20ms SuccessfulCreate ReplicaSet/default/web-f97c8f89b Created pod: web-f97c8f89b-ptsj2",
          "1m0.01s ScalingReplicaSet Deployment/default/web Scaled down replica set web-f97c8f89b from 2 to 0",
          "1m0.02s SuccessfulDelete ReplicaSet/default/web-f97c8f89b Deleted pod: web-f97c8f89b-pn2vk",
          "1m0.02s SuccessfulDelete ReplicaSet/default/web-f97c8f89b Deleted pod: web-f97c8f89b-ptsj2",
          "1m0.03s Killing Pod/default/web-f97c8f89b-pn2vk Stopping container main",
          "1m0.03s Killing Pod/default/web-f97c8f89b-ptsj2 Stopping container main",
          "1m30.03s ScalingReplicaSet Deployment/default/web Scaled up replica set web-858c9b95c5 from 0 to 2",
          "1m30.04s SuccessfulCreate ReplicaSet/default/web-858c9b95c5 Created pod: web-858c9b95c5-rzjsk",
          "1m30.04s SuccessfulCreate ReplicaSet/default/web-858c9b95c5 Created pod: web-858c9b95c5-vx766",
        ])
  }

  @Test func statefulSetScaleDownOneOrdinalAtATime() throws {
    let w = try WL.world([
      WL.node("a"), StatefulSetControllerTests.storageClass,
      .statefulSet(StatefulSetControllerTests.set(3)),
    ])
    try w.run(until: .zero + .seconds(30))
    var s = try #require(w.api.get(.statefulSet, "default", "db")?.asStatefulSet)
    s.spec.replicas = 1
    s.metadata.resourceVersion = nil
    try w.api.update(.statefulSet(s))
    try w.run(until: .zero + .minutes(3))
    // OrderedReady: the highest ordinal first; db-1 only once db-2 is gone (30 s grace).
    #expect(
      Self.events(w, ["SuccessfulDelete", "Killing"]) == [
        "30.01s SuccessfulDelete StatefulSet/default/db delete Pod db-2 in StatefulSet db successful",
        "30.02s Killing Pod/default/db-2 Stopping container main",
        "1m0.02s SuccessfulDelete StatefulSet/default/db delete Pod db-1 in StatefulSet db successful",
        "1m0.03s Killing Pod/default/db-1 Stopping container main",
      ])
  }

  @Test func podGCDeletesPodsOfADeletedNodeAfterTheQuarantine() throws {
    let rec = StatusRecorder()
    let std = ComponentSet.standard
    let w = try World(
      WorldInput(
        seed: 1, objects: [JW.node("n1"), GarbageCollectorTests.deployment("web", replicas: 1)]),
      components: ComponentSet(controlPlane: { std.controlPlane($0) + [rec] }, kubelet: std.kubelet)
    )
    try w.run(until: .zero + .seconds(30))
    try w.api.delete(.node, nil, "n1")
    try w.run(until: .zero + .seconds(120))
    // gc.go `gcOrphaned`: the pod of the deleted node is noticed at the 40 s tick and deleted
    // (force) at the first tick after the 40 s quarantine; its ReplicaSet replaces it then.
    #expect(rec.lines == ["1m20.01s deleted web-5d7799bddd-l8mrg"])
    #expect(
      Self.events(w, ["SuccessfulCreate", "SuccessfulDelete"]) == [
        "20ms SuccessfulCreate ReplicaSet/default/web-5d7799bddd Created pod: web-5d7799bddd-l8mrg",
        "1m20.01s SuccessfulCreate ReplicaSet/default/web-5d7799bddd Created pod: web-5d7799bddd-r9tlx",
      ])
  }

  @Test func evictionWithABudgetFullSequence() throws {
    let rec = StatusRecorder()
    let std = ComponentSet.standard
    let w = try World(
      WorldInput(
        seed: 1,
        objects: [
          JW.node("n1"), GarbageCollectorTests.deployment("web", replicas: 3),
          DisruptionControllerTests.pdb(PodDisruptionBudgetSpec(minAvailable: .int(2))),
        ]),
      components: ComponentSet(controlPlane: { std.controlPlane($0) + [rec] }, kubelet: std.kubelet)
    )
    try w.run(until: .zero + .seconds(30))
    let names = w.api.list(.pod).map(\.metadata.name)
    try w.api.evict("default", names[0])
    try w.run(until: .zero + .minutes(4))
    // The eviction writes the budget (one disruption used, the pod in disruptedPods); the
    // disruption controller then sees the pod terminating (not healthy, no longer listed); the
    // replacement is Ready at 31.045s and the budget allows one disruption again; the evicted
    // pod goes after its 30 s grace period.
    #expect(
      rec.lines == [
        "3.065s pdb healthy=3 allowed=1 disrupted=[]",
        "30.01s pdb healthy=3 allowed=0 disrupted=[\"web-5d7799bddd-l8mrg\"]",
        "30.02s pdb healthy=2 allowed=0 disrupted=[]",
        "31.055s pdb healthy=3 allowed=1 disrupted=[]",
        "1m0.01s deleted web-5d7799bddd-l8mrg",
      ])
    #expect(
      Self.events(w, ["Killing", "SuccessfulCreate"]) == [
        "20ms SuccessfulCreate ReplicaSet/default/web-5d7799bddd Created pod: web-5d7799bddd-l8mrg",
        "20ms SuccessfulCreate ReplicaSet/default/web-5d7799bddd Created pod: web-5d7799bddd-r9tlx",
        "20ms SuccessfulCreate ReplicaSet/default/web-5d7799bddd Created pod: web-5d7799bddd-xf77r",
        "30.01s Killing Pod/default/web-5d7799bddd-l8mrg Stopping container nginx",
        "30.01s SuccessfulCreate ReplicaSet/default/web-5d7799bddd Created pod: web-5d7799bddd-vwx9z",
      ])
  }
}

extension ExactSequenceTests {
  /// `status.terminatingReplicas` (gate DeploymentReplicaSetTerminatingReplicas, on by default
  /// since v1.35): the ReplicaSet counts its pods being deleted, the Deployment sums its
  /// ReplicaSets'; both fall back to 0 once the kubelet has confirmed the deletions.
  @Test func terminatingReplicasDuringAScaleDown() throws {
    let w = try JW.world([GarbageCollectorTests.deployment("web", replicas: 3)])
    try w.run(until: .zero + .seconds(30))
    var d = try #require(w.api.get(.deployment, "default", "web")?.asDeployment)
    #expect(d.status.terminatingReplicas == 0)
    d.spec.replicas = 1
    d.metadata.resourceVersion = nil
    try w.api.update(.deployment(d))
    try w.run(until: .zero + .seconds(31))
    let rs = try #require(w.api.list(.replicaSet).first?.asReplicaSet)
    d = try #require(w.api.get(.deployment, "default", "web")?.asDeployment)
    #expect(rs.status.replicas == 1 && rs.status.terminatingReplicas == 2)
    #expect(d.status.replicas == 1 && d.status.terminatingReplicas == 2)
    try w.run(until: .zero + .seconds(61))
    d = try #require(w.api.get(.deployment, "default", "web")?.asDeployment)
    #expect(d.status.terminatingReplicas == 0)
  }
}
