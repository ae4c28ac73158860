import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel
import KubeSimScenario
import Testing

@testable import KubeSimControllers

enum CW {
  static func q(_ s: String) -> Quantity { (try? Quantity(parsing: s)) ?? .zero }

  static func replicaSet(_ name: String, replicas: Int32) -> APIObject {
    var rs = ReplicaSet(metadata: ObjectMeta(name: name, namespace: "default"))
    rs.spec.replicas = replicas
    rs.spec.selector = LabelSelector(matchLabels: ["app": name])
    rs.spec.template.metadata.labels = ["app": name]
    rs.spec.template.spec.containers = [Container(name: "nginx", image: "nginx:1.27")]
    return .replicaSet(rs)
  }

  /// Controllers only: pods stay Pending and unbound.
  static func world(_ objects: [APIObject], seed: UInt64 = 3) throws -> World {
    try World(
      WorldInput(seed: seed, objects: objects),
      components: ComponentSet(
        controlPlane: { _ in [ReplicaSetController(), DeploymentController()] },
        kubelet: { _, _ in nil }))
  }

  static func events(_ w: World, _ reasons: Set<String>) -> [String] {
    w.recordedEvents.filter { reasons.contains($0.reason) }.map {
      "\($0.time) \($0.reason) \($0.object.eventPath) \($0.message)"
    }
  }
}

@Suite struct ReplicaSetControllerTests {
  @Test func createsPodsWithGeneratedNamesAndOwnerReferences() throws {
    let w = try CW.world([CW.replicaSet("web", replicas: 3)])
    try w.run(until: .zero + .seconds(1))
    #expect(
      CW.events(w, ["SuccessfulCreate"]) == [
        "10ms SuccessfulCreate ReplicaSet/default/web Created pod: web-pn2vk",
        "10ms SuccessfulCreate ReplicaSet/default/web Created pod: web-ptsj2",
        "10ms SuccessfulCreate ReplicaSet/default/web Created pod: web-rzjsk",
      ])
    let pods = w.api.list(.pod).compactMap(\.asPod)
    #expect(pods.count == 3)
    let ref = try #require(pods.first?.metadata.ownerReferences.first)
    #expect(ref.kind == "ReplicaSet" && ref.name == "web" && ref.controller == true)
    let rs = try #require(w.api.get(.replicaSet, "default", "web")?.asReplicaSet)
    #expect(rs.status.replicas == 3 && rs.status.fullyLabeledReplicas == 3)
    #expect(rs.status.readyReplicas == 0 && rs.status.observedGeneration == 1)
  }

  @Test func scaleDownDeletesNewestUnscheduledPodsFirst() throws {
    let w = try CW.world([CW.replicaSet("web", replicas: 3)])
    try w.run(until: .zero + .seconds(1))
    var rs = try #require(w.api.get(.replicaSet, "default", "web")?.asReplicaSet)
    rs.spec.replicas = 1
    rs.metadata.resourceVersion = nil
    try w.api.update(.replicaSet(rs))
    try w.run(until: .zero + .seconds(2))
    // All three are unassigned, Pending, not ready, created at the same instant: equal rank, so
    // the remaining tie-break is name order (KubeSim; upstream's sort is unstable here).
    #expect(
      CW.events(w, ["SuccessfulDelete"]) == [
        "1.01s SuccessfulDelete ReplicaSet/default/web Deleted pod: web-pn2vk",
        "1.01s SuccessfulDelete ReplicaSet/default/web Deleted pod: web-ptsj2",
      ])
    #expect(w.api.list(.pod).map(\.metadata.name) == ["web-rzjsk"])
  }

  @Test func slowStartStopsAtTheFirstFailingBatch() throws {
    var quota = ResourceQuota(metadata: ObjectMeta(name: "pods", namespace: "default"))
    quota.spec.hard = ["pods": CW.q("2")]
    let w = try CW.world([.resourceQuota(quota), CW.replicaSet("web", replicas: 5)])
    try w.run(until: .zero + .seconds(1))
    let evs = CW.events(w, ["SuccessfulCreate", "FailedCreate"]).map {
      $0.split(separator: " ").prefix(2).joined(separator: " ")
    }
    // Batch 1: one pod; batch 2: one pod and one rejection by the quota; no batch 3. (Each later
    // sync, triggered by the observed creations, retries and fails again on the quota.)
    #expect(
      Array(evs.prefix(4))
        == [
          "10ms SuccessfulCreate", "10ms SuccessfulCreate", "10ms FailedCreate",
          "20ms FailedCreate",
        ])
    #expect(w.api.count(.pod) == 2)
  }
}

@Suite struct ActivePodsRankingTests {
  static func pod(
    _ name: String, node: String? = nil, phase: PodPhase = .running, readySince: Int64? = nil,
    restarts: Int32 = 0, created: Int64 = 0, cost: String? = nil, uid: String = ""
  ) -> Pod {
    var p = Pod(metadata: ObjectMeta(name: name, namespace: "default"))
    p.metadata.uid = uid.isEmpty ? name : uid
    p.metadata.creationTimestamp = SimTime(microseconds: created * 1_000_000)
    if let cost { p.metadata.annotations = ["controller.kubernetes.io/pod-deletion-cost": cost] }
    p.spec.nodeName = node
    p.status.phase = phase
    if let readySince {
      p.status.conditions = [
        PodCondition(
          type: "Ready", status: .true,
          lastTransitionTime: SimTime(microseconds: readySince * 1_000_000))
      ]
    }
    p.status.containerStatuses = [ContainerStatus(name: "c", restartCount: restarts)]
    return p
  }

  @Test func ordersVictimsAsUpstream() {
    let now = SimTime(microseconds: 1000 * 1_000_000)
    let pods = [
      Self.pod("ready-old", node: "n4", readySince: 100),  // ready 900s: bucket 39
      Self.pod("ready-new", node: "n5", readySince: 990),  // ready 10s: bucket 33
      Self.pod("notready", node: "n1"),
      Self.pod("pending", node: "n1", phase: .pending),
      Self.pod("unassigned", phase: .pending),
      Self.pod("cheap", node: "n2", readySince: 100, cost: "-5"),
      // Same ready time as ready-old: step 6 does not apply, more restarts go first.
      Self.pod("restarts", node: "n3", readySince: 100, restarts: 4),
    ]
    let ranks = ActivePodsRanking.ranks(pods, related: pods)
    let order = ActivePodsRanking.sorted(pods, ranks: ranks, now: now).map(\.metadata.name)
    #expect(
      order == ["unassigned", "pending", "notready", "cheap", "ready-new", "restarts", "ready-old"])
  }

  @Test func colocatedPodsGoFirstAmongEquals() {
    let now = SimTime(microseconds: 1000 * 1_000_000)
    let pods = [
      Self.pod("alone", node: "n1", readySince: 100),
      Self.pod("crowded-1", node: "n2", readySince: 100),
      Self.pod("crowded-2", node: "n2", readySince: 100),
    ]
    let ranks = ActivePodsRanking.ranks(pods, related: pods)
    #expect(ranks == [1, 2, 2])
    let order = ActivePodsRanking.sorted(pods, ranks: ranks, now: now).map(\.metadata.name)
    #expect(order == ["crowded-1", "crowded-2", "alone"])
  }

  @Test func logarithmicBucketsTieBreakByUID() {
    let now = SimTime(microseconds: 1000 * 1_000_000)
    // Ready for 600s and 700s: both in bucket floor(log2(6e11 ns)) = floor(log2(7e11)) = 39.
    let a = Self.pod("a", node: "n1", readySince: 400, uid: "uid-b")
    let b = Self.pod("b", node: "n2", readySince: 300, uid: "uid-a")
    let order = ActivePodsRanking.sorted([a, b], ranks: [1, 1], now: now).map(\.metadata.name)
    #expect(order == ["b", "a"])
    #expect(ActivePodsRanking.logRank(.seconds(1)) == 29)
  }
}

@Suite struct PodTemplateHashTests {
  static func template(image: String) -> PodTemplateSpec {
    var t = PodTemplateSpec()
    t.metadata.labels = ["app": "web"]
    t.spec.containers = [Container(name: "nginx", image: image)]
    return t
  }

  @Test func fnv32aMatchesGoHashFnv() {
    #expect(PodTemplateHash.fnv32a([]) == 2_166_136_261)
    #expect(PodTemplateHash.fnv32a(Array("a".utf8)) == 0xe40c_292c)
    #expect(PodTemplateHash.fnv32a(Array("foobar".utf8)) == 0xbf9c_f968)
  }

  @Test func safeEncodeMapsDigitsToTheKubernetesAlphabet() {
    #expect(PodTemplateHash.safeEncode("0123456789") == "456789bcdf")
  }

  @Test func hashIsStableAndIgnoresItsOwnLabel() {
    let t = Self.template(image: "nginx:1.27")
    let h = PodTemplateHash.compute(t, collisionCount: nil)
    #expect(h == PodTemplateHash.compute(t, collisionCount: nil))
    var labelled = t
    labelled.metadata.labels["pod-template-hash"] = h
    #expect(PodTemplateHash.compute(labelled, collisionCount: nil) == h)
    #expect(PodTemplateHash.compute(Self.template(image: "nginx:1.28"), collisionCount: nil) != h)
    #expect(PodTemplateHash.compute(t, collisionCount: 1) != h)
    #expect(h.allSatisfy { "456789bcdf".contains($0) })
  }

  @Test func fencepostsRoundSurgeUpAndUnavailableDown() {
    var d = Deployment()
    d.spec.replicas = 10
    #expect(DeploymentUtil.resolveFenceposts(d) == (3, 2))
    d.spec.replicas = 1
    #expect(DeploymentUtil.resolveFenceposts(d) == (1, 0))
    d.spec.strategy = DeploymentStrategy(
      type: .rollingUpdate,
      rollingUpdate: RollingUpdateDeployment(maxUnavailable: .int(0), maxSurge: .int(0)))
    #expect(DeploymentUtil.resolveFenceposts(d) == (0, 1))
  }
}

@Suite struct DeploymentControllerTests {
  static func deployment(image: String, replicas: Int32 = 4) -> Deployment {
    var d = Deployment(metadata: ObjectMeta(name: "web", namespace: "default"))
    d.spec.replicas = replicas
    d.spec.selector = LabelSelector(matchLabels: ["app": "web"])
    d.spec.template = PodTemplateHashTests.template(image: image)
    return d
  }

  @Test func createsReplicaSetNamedByHashWithHashLabels() throws {
    let w = try CW.world([.deployment(Self.deployment(image: "nginx:1.27"))])
    try w.run(until: .zero + .seconds(1))
    let stored = try #require(w.api.get(.deployment, "default", "web")?.asDeployment)
    let hash = PodTemplateHash.compute(stored.spec.template, collisionCount: nil)
    let rs = try #require(w.api.get(.replicaSet, "default", "web-\(hash)")?.asReplicaSet)
    #expect(rs.spec.replicas == 4)
    #expect(rs.spec.selector.matchLabels["pod-template-hash"] == hash)
    #expect(rs.spec.template.metadata.labels["pod-template-hash"] == hash)
    #expect(rs.metadata.annotations["deployment.kubernetes.io/revision"] == "1")
    #expect(
      CW.events(w, ["ScalingReplicaSet"]) == [
        "10ms ScalingReplicaSet Deployment/default/web Scaled up replica set web-\(hash) from 0 to 4"
      ])
    let d = try #require(w.api.get(.deployment, "default", "web")?.asDeployment)
    #expect(
      d.status.replicas == 4 && d.status.updatedReplicas == 4 && d.status.availableReplicas == 0)
    #expect(d.status.unavailableReplicas == 4)
    let progressing = d.status.conditions.first { $0.type == "Progressing" }
    #expect(progressing?.reason == "ReplicaSetUpdated")
    let available = d.status.conditions.first { $0.type == "Available" }
    #expect(available?.status == .false && available?.reason == "MinimumReplicasUnavailable")
  }

  @Test func templateChangeSurgesTheNewReplicaSetWithinMaxSurge() throws {
    let w = try CW.world([.deployment(Self.deployment(image: "nginx:1.27"))])
    try w.run(until: .zero + .seconds(1))
    var d = try #require(w.api.get(.deployment, "default", "web")?.asDeployment)
    d.spec.template.spec.containers[0].image = "nginx:1.28"
    d.metadata.resourceVersion = nil
    try w.api.update(.deployment(d))
    try w.run(until: .zero + .seconds(2))
    let stored = try #require(w.api.get(.deployment, "default", "web")?.asDeployment)
    let newHash = PodTemplateHash.compute(stored.spec.template, collisionCount: nil)
    let new = try #require(w.api.get(.replicaSet, "default", "web-\(newHash)")?.asReplicaSet)
    // replicas 4, maxSurge 25% → 1, maxUnavailable 25% → 1. The new RS starts at 1 (total 5);
    // no old pod is available, so cleanupUnhealthyReplicas scales the old RS to 3 (5 − 3 − 1
    // unavailable new), then the new RS surges to 2; there it stops (5 − 3 − 2 = 0).
    #expect(new.spec.replicas == 2)
    var oldTemplate = stored.spec.template
    oldTemplate.spec.containers[0].image = "nginx:1.27"
    let oldHash = PodTemplateHash.compute(oldTemplate, collisionCount: nil)
    #expect(w.api.get(.replicaSet, "default", "web-\(oldHash)")?.asReplicaSet?.spec.replicas == 3)
    #expect(new.metadata.annotations["deployment.kubernetes.io/revision"] == "2")
    #expect(w.api.count(.replicaSet) == 2)
  }
}

extension DeploymentControllerTests {
  @Test func stuckRolloutExceedsItsProgressDeadline() throws {
    var d = Self.deployment(image: "nginx:1.27", replicas: 2)
    d.spec.progressDeadlineSeconds = 60
    // No scheduler or kubelet: the pods never become ready.
    let w = try CW.world([.deployment(d)])
    try w.run(until: .zero + .seconds(59))
    let before = try #require(w.api.get(.deployment, "default", "web")?.asDeployment)
    let p0 = before.status.conditions.first { $0.type == "Progressing" }
    #expect(p0?.status == .true && p0?.reason == "ReplicaSetUpdated")
    let since = try #require(p0?.lastUpdateTime)
    try w.run(until: .zero + .minutes(3))
    let after = try #require(w.api.get(.deployment, "default", "web")?.asDeployment)
    let p1 = after.status.conditions.first { $0.type == "Progressing" }
    #expect(p1?.status == .false && p1?.reason == "ProgressDeadlineExceeded")
    #expect(p1?.lastTransitionTime == since + .seconds(60) + .microseconds(1))
    let rsName = try #require(w.api.list(.replicaSet).first?.metadata.name)
    #expect(p1?.message == "ReplicaSet \"\(rsName)\" has timed out progressing.")
  }

  @Test func oldReplicaSetsBeyondTheHistoryLimitAreDeleted() throws {
    var d = Self.deployment(image: "nginx:1", replicas: 0)
    d.spec.revisionHistoryLimit = 1
    let w = try CW.world([.deployment(d)])
    for v in 2...4 {
      try w.run(until: w.now + .seconds(1))
      var cur = try #require(w.api.get(.deployment, "default", "web")?.asDeployment)
      cur.spec.template.spec.containers[0].image = "nginx:\(v)"
      cur.metadata.resourceVersion = nil
      try w.api.update(.deployment(cur))
    }
    try w.run(until: w.now + .seconds(1))
    // The current ReplicaSet (nginx:4) and one old one (nginx:3) remain.
    let images = w.api.list(.replicaSet).compactMap {
      $0.asReplicaSet?.spec.template.spec.containers.first?.image
    }
    #expect(images.sorted() == ["nginx:3", "nginx:4"])
  }
}
