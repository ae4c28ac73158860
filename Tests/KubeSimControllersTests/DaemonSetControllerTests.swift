import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel
import KubeSimScenario
import Testing

@testable import KubeSimControllers

/// Builders for the workload end-to-end tests (scheduler, controllers and kubelets).
enum WL {
  static func node(_ name: String, labels: StringMap = [:], taints: [Taint] = []) -> APIObject {
    var n = Node(metadata: ObjectMeta(name: name))
    n.metadata.labels = labels
    n.spec.taints = taints
    n.status.capacity = ["cpu": CW.q("4"), "memory": CW.q("8Gi"), "pods": CW.q("110")]
    n.status.allocatable = n.status.capacity
    return .node(n)
  }

  static func template(_ app: String, image: String = "nginx:1.27") -> PodTemplateSpec {
    var t = PodTemplateSpec()
    t.metadata.labels = ["app": app]
    t.spec.containers = [
      Container(
        name: "main", image: image,
        resources: ResourceRequirements(requests: ["cpu": CW.q("100m"), "memory": CW.q("64Mi")]))
    ]
    return t
  }

  static func daemonSet(_ name: String) -> DaemonSet {
    var ds = DaemonSet(metadata: ObjectMeta(name: name, namespace: "default"))
    ds.spec.selector = LabelSelector(matchLabels: ["app": name])
    ds.spec.template = template(name)
    return ds
  }

  static func world(_ objects: [APIObject], seed: UInt64 = 3) throws -> World {
    try World(WorldInput(seed: seed, objects: objects), components: .standard)
  }

  static func events(_ w: World, _ reasons: Set<String>, kind: String? = nil) -> [String] {
    w.recordedEvents.filter {
      reasons.contains($0.reason) && (kind == nil || $0.object.kind == kind)
    }.map { "\($0.time) \($0.reason) \($0.object.name ?? "") \($0.message)" }
  }

  /// Pod name → node name, of active pods.
  static func placements(_ w: World) -> [String] {
    w.api.list(.pod).compactMap(\.asPod).filter { $0.metadata.deletionTimestamp == nil }
      .map { "\($0.metadata.name)@\($0.spec.nodeName ?? "-")" }.sorted()
  }
}

@Suite struct DaemonSetControllerTests {
  @Test func onePodPerEligibleNodeHonouringSelectorsAndTaints() throws {
    var ds = WL.daemonSet("agent")
    ds.spec.template.spec.nodeSelector = ["role": "worker"]
    let w = try WL.world([
      WL.node("a", labels: ["role": "worker"]),
      WL.node("b", labels: ["role": "worker"], taints: [Taint(key: "gpu", effect: .noSchedule)]),
      WL.node("c", labels: ["role": "infra"]),
      WL.node("d", labels: ["role": "worker"],
        taints: [Taint(key: "node.kubernetes.io/unschedulable", effect: .noSchedule)]),
      .daemonSet(ds),
    ])
    try w.run(until: .zero + .minutes(1))
    let pods = w.api.list(.pod).compactMap(\.asPod)
    // a: eligible; b: untolerated taint; c: selector; d: tolerated automatically. (The pods
    // are pinned by affinity; the scheduler's NodeAffinity filter binds them there.)
    #expect(pods.compactMap(DaemonSetController.targetNode).sorted() == ["a", "d"])
    let pod = try #require(pods.first { DaemonSetController.targetNode($0) == "a" })
    let field = pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?
      .nodeSelectorTerms.first?.matchFields.first
    #expect(field == NodeSelectorRequirement(key: "metadata.name", operator: .in, values: ["a"]))
    #expect(pod.spec.tolerations.count == 6)
    let s = try #require(w.api.get(.daemonSet, "default", "agent")?.asDaemonSet)
    #expect(s.status.desiredNumberScheduled == 2 && s.status.currentNumberScheduled == 2)
    #expect(s.status.numberReady == 2 && s.status.numberAvailable == 2)
    #expect(s.status.updatedNumberScheduled == 2 && s.status.numberUnavailable == 0)
    #expect(s.status.numberMisscheduled == 0 && s.status.observedGeneration == 1)
  }

  @Test func aNodeAddedLaterGetsAPodAndARemovedNodeLosesIt() throws {
    let w = try WL.world([WL.node("a"), .daemonSet(WL.daemonSet("agent"))])
    try w.run(until: .zero + .seconds(30))
    _ = try w.api.create(WL.node("b"))
    try w.run(until: .zero + .seconds(60))
    let nodes = w.api.list(.pod).compactMap { $0.asPod.flatMap(DaemonSetController.targetNode) }
      .sorted()
    #expect(nodes == ["a", "b"])
    let creates = WL.events(w, ["SuccessfulCreate"], kind: "DaemonSet")
    #expect(creates.count == 2)
    #expect(creates[1].hasPrefix("30.01s SuccessfulCreate agent Created pod: agent-"))
    try w.api.delete(.node, nil, "b")
    try w.run(until: .zero + .seconds(90))
    let left = w.api.list(.pod).compactMap(\.asPod).filter { $0.metadata.deletionTimestamp == nil }
    #expect(left.compactMap(DaemonSetController.targetNode) == ["a"])
    let s = try #require(w.api.get(.daemonSet, "default", "agent")?.asDaemonSet)
    #expect(s.status.desiredNumberScheduled == 1 && s.status.currentNumberScheduled == 1)
  }

  @Test func rollingUpdateReplacesOneNodeAtATime() throws {
    let w = try WL.world([WL.node("a"), WL.node("b"), WL.node("c"), .daemonSet(WL.daemonSet("agent"))])
    try w.run(until: .zero + .seconds(30))
    var ds = try #require(w.api.get(.daemonSet, "default", "agent")?.asDaemonSet)
    ds.spec.template.spec.containers[0].image = "nginx:1.28"
    ds.metadata.resourceVersion = nil
    try w.api.update(.daemonSet(ds))
    var maxUnavailable: Int32 = 0
    while w.now < .zero + .seconds(120) {
      try w.run(until: w.now + .milliseconds(100))
      let s = try #require(w.api.get(.daemonSet, "default", "agent")?.asDaemonSet)
      maxUnavailable = max(maxUnavailable, s.status.numberUnavailable)
    }
    let s = try #require(w.api.get(.daemonSet, "default", "agent")?.asDaemonSet)
    #expect(s.status.updatedNumberScheduled == 3 && s.status.numberAvailable == 3)
    #expect(maxUnavailable == 1)
    let images = w.api.list(.pod).compactMap { $0.asPod?.spec.containers.first?.image }
    #expect(images == ["nginx:1.28", "nginx:1.28", "nginx:1.28"])
    // maxUnavailable 1: one node at a time, in node order; the replacement is created as soon as
    // the deletion is observed (10ms watch delay), the next node once it is available (~3s:
    // scheduling, pull, start).
    #expect(
      WL.events(w, ["SuccessfulCreate", "SuccessfulDelete"], kind: "DaemonSet") == [
        "10ms SuccessfulCreate agent Created pod: agent-pn2vk",
        "10ms SuccessfulCreate agent Created pod: agent-ptsj2",
        "10ms SuccessfulCreate agent Created pod: agent-rzjsk",
        "30.01s SuccessfulDelete agent Deleted pod: agent-pn2vk",
        "30.02s SuccessfulCreate agent Created pod: agent-vx766",
        "33.055s SuccessfulDelete agent Deleted pod: agent-ptsj2",
        "33.065s SuccessfulCreate agent Created pod: agent-qxp46",
        "36.1s SuccessfulDelete agent Deleted pod: agent-rzjsk",
        "36.11s SuccessfulCreate agent Created pod: agent-zbpjm",
      ])
  }
}
