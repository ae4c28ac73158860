import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel
import KubeSimScenario
import Testing

@testable import KubeSimControllers

/// Rollouts end to end (scheduler, controllers, kubelets), checked after every instant.
@Suite struct DeploymentRolloutTests {
  static func deployment(replicas: Int32, recreate: Bool = false) -> Deployment {
    var d = Deployment(metadata: ObjectMeta(name: "web", namespace: "default"))
    d.spec.replicas = replicas
    d.spec.selector = LabelSelector(matchLabels: ["app": "web"])
    d.spec.template = WL.template("web")
    if recreate { d.spec.strategy = DeploymentStrategy(type: .recreate) }
    return d
  }

  static func setImage(_ w: World, _ image: String) throws {
    var d = try #require(w.api.get(.deployment, "default", "web")?.asDeployment)
    d.spec.template.spec.containers[0].image = image
    d.metadata.resourceVersion = nil
    try w.api.update(.deployment(d))
  }

  /// (ready, existing) pods: active pods that are Ready, and pods not yet removed.
  static func counts(_ w: World) -> (ready: Int, active: Int, all: Int) {
    let pods = w.api.list(.pod).compactMap(\.asPod)
    let active = pods.filter(PodUtil.isActive)
    return (active.filter(PodUtil.isReady).count, active.count, pods.count)
  }

  @Test func rollingUpdateOf10With25PercentKeeps8ReadyAndAtMost13Pods() throws {
    let w = try WL.world([
      WL.node("a"), WL.node("b"), WL.node("c"), WL.node("d"),
      .deployment(Self.deployment(replicas: 10)),
    ])
    try w.run(until: .zero + .minutes(1))
    #expect(Self.counts(w).ready == 10)
    try Self.setImage(w, "nginx:1.28")
    var minReady = Int.max
    var maxActive = 0
    try w.run(until: .zero + .minutes(5)) { _ in
      let c = Self.counts(w)
      minReady = min(minReady, c.ready)
      maxActive = max(maxActive, c.active)
    }
    // maxUnavailable 25% of 10 → 2 (rounded down), maxSurge 25% → 3 (rounded up).
    #expect(minReady == 8)
    #expect(maxActive == 13)
    let images = w.api.list(.pod).compactMap { $0.asPod?.spec.containers.first?.image }
    #expect(images == Array(repeating: "nginx:1.28", count: 10))
    let d = try #require(w.api.get(.deployment, "default", "web")?.asDeployment)
    #expect(d.status.updatedReplicas == 10 && d.status.availableReplicas == 10)
    let p = d.status.conditions.first { $0.type == "Progressing" }
    #expect(p?.reason == "NewReplicaSetAvailable")
    let hash = PodTemplateHash.compute(d.spec.template, collisionCount: nil)
    // The first steps of the rollout (sync.go/rolling.go): surge the new ReplicaSet by 3, take
    // the old one down by 2 (10 − 2 = 8 available must remain).
    let scaling = WL.events(w, ["ScalingReplicaSet"]).dropFirst()
    #expect(scaling.first == "1m0.01s ScalingReplicaSet web Scaled up replica set web-\(hash) from 0 to 3")
    #expect(scaling.dropFirst().first?.hasSuffix("from 10 to 8") == true)
  }

  @Test func recreateDeletesEveryOldPodBeforeCreatingNewOnes() throws {
    let w = try WL.world([WL.node("a"), .deployment(Self.deployment(replicas: 3, recreate: true))])
    try w.run(until: .zero + .minutes(1))
    try Self.setImage(w, "nginx:1.28")
    var overlap = false
    try w.run(until: .zero + .minutes(5)) { _ in
      let images = Set(w.api.list(.pod).compactMap { $0.asPod?.spec.containers.first?.image })
      if images.count > 1 { overlap = true }
    }
    #expect(!overlap)
    let d = try #require(w.api.get(.deployment, "default", "web")?.asDeployment)
    let hash = PodTemplateHash.compute(d.spec.template, collisionCount: nil)
    let scaling = WL.events(w, ["ScalingReplicaSet"])
    #expect(scaling.count == 3)
    #expect(scaling[1].hasPrefix("1m0.01s ScalingReplicaSet web Scaled down replica set web-"))
    #expect(scaling[1].hasSuffix(" from 3 to 0"))
    // The new ReplicaSet is created (at full size) only once the old pods are gone: deleted at
    // 1m0.02s, 30s default grace period, the kubelet's confirmation observed 10ms later.
    #expect(scaling[2] == "1m30.03s ScalingReplicaSet web Scaled up replica set web-\(hash) from 0 to 3")
    #expect(d.status.availableReplicas == 3 && d.status.updatedReplicas == 3)
  }
}

extension DeploymentRolloutTests {
  /// A scale during a stuck rollout is spread over both ReplicaSets (sync.go `scale`).
  @Test func scalingDuringARolloutIsProportional() throws {
    var d = Self.deployment(replicas: 10)
    d.spec.template.spec.containers[0].readinessProbe = Probe(periodSeconds: 5)
    let w = try WL.world([WL.node("a"), WL.node("b"), WL.node("c"), .deployment(d)])
    try w.run(until: .zero + .minutes(1))
    // The new release never becomes ready: the rollout stops at old 8 + new 5 (= 10 + 3 surge,
    // 8 available).
    var cur = try #require(w.api.get(.deployment, "default", "web")?.asDeployment)
    cur.spec.template.spec.containers[0].image = "nginx:1.28"
    cur.spec.template.metadata.annotations["sim.kubesim.io/startup"] = "1h"
    cur.metadata.resourceVersion = nil
    try w.api.update(.deployment(cur))
    try w.run(until: .zero + .minutes(2))
    let oldName = try #require(
      w.api.list(.replicaSet).compactMap(\.asReplicaSet).first {
        $0.spec.template.spec.containers[0].image == "nginx:1.27"
      }?.metadata.name)
    let newName = try #require(
      w.api.list(.replicaSet).compactMap(\.asReplicaSet).first {
        $0.spec.template.spec.containers[0].image == "nginx:1.28"
      }?.metadata.name)
    let size = { (n: String) in w.api.get(.replicaSet, "default", n)?.asReplicaSet?.spec.replicas }
    #expect(size(oldName) == 8 && size(newName) == 5)
    cur = try #require(w.api.get(.deployment, "default", "web")?.asDeployment)
    cur.spec.replicas = 20
    cur.metadata.resourceVersion = nil
    try w.api.update(.deployment(cur))
    try w.run(until: .zero + .minutes(2) + .seconds(1))
    // 20 + 5 surge − 13 = 12 to add: old round(8 × 25 / 13) = 15 (+7), new the rest (+5).
    #expect(
      Array(WL.events(w, ["ScalingReplicaSet"]).suffix(2)) == [
        "2m0.01s ScalingReplicaSet web Scaled up replica set \(oldName) from 8 to 15",
        "2m0.01s ScalingReplicaSet web Scaled up replica set \(newName) from 5 to 10",
      ])
  }
}

extension DeploymentRolloutTests {
  /// A foreign ReplicaSet already holds `web-<hash>`: collisionCount goes to 1 and the new
  /// ReplicaSet is named by the hash with the collision count.
  @Test func hashCollisionBumpsCollisionCount() throws {
    let w = try CW.world([])
    let stored = try #require(try w.api.create(.deployment(Self.deployment(replicas: 2))).asDeployment)
    let hash = PodTemplateHash.compute(stored.spec.template, collisionCount: nil)
    var decoy = ReplicaSet(metadata: ObjectMeta(name: "web-\(hash)", namespace: "default"))
    decoy.spec.replicas = 0
    decoy.spec.selector = LabelSelector(matchLabels: ["app": "other"])
    decoy.spec.template = WL.template("other")
    try w.api.create(.replicaSet(decoy))
    try w.run(until: .zero + .seconds(1))
    let d = try #require(w.api.get(.deployment, "default", "web")?.asDeployment)
    #expect(d.status.collisionCount == 1)
    let second = PodTemplateHash.compute(stored.spec.template, collisionCount: 1)
    #expect(second != hash)
    let rs = try #require(w.api.get(.replicaSet, "default", "web-\(second)")?.asReplicaSet)
    #expect(rs.spec.replicas == 2)
  }
}
