import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel
import Testing

@testable import KubeSimScenario

@Suite struct DrainProcessTests {
  static func q(_ s: String) -> Quantity { (try? Quantity(parsing: s)) ?? .zero }

  static func node(_ name: String) -> APIObject {
    var n = Node(metadata: ObjectMeta(name: name))
    n.status.capacity = ["cpu": q("4"), "memory": q("8Gi"), "pods": q("110")]
    n.status.allocatable = n.status.capacity
    return .node(n)
  }

  static func deployment(_ name: String, replicas: Int32) -> APIObject {
    var d = Deployment(metadata: ObjectMeta(name: name, namespace: "default"))
    d.spec.replicas = replicas
    d.spec.selector = LabelSelector(matchLabels: ["app": name])
    d.spec.template.metadata.labels = ["app": name]
    d.spec.template.spec.containers = [Container(name: "nginx", image: "nginx:1.27")]
    return .deployment(d)
  }

  static func pdb(minAvailable: Int32) -> APIObject {
    .podDisruptionBudget(
      PodDisruptionBudget(
        metadata: ObjectMeta(name: "web", namespace: "default"),
        spec: PodDisruptionBudgetSpec(
          minAvailable: .int(minAvailable), selector: LabelSelector(matchLabels: ["app": "web"]))))
  }

  static func lines(_ w: World) -> [String] {
    w.recordedEvents.filter { ["Drain", "DrainRetry", "DrainFailed"].contains($0.reason) }.map {
      "\($0.time) \($0.reason) \($0.message)"
    }
  }

  @Test func drainWaitsForTheBudgetThenProceedsWhenAReplacementIsReady() throws {
    let w = try World(
      WorldInput(seed: 1, objects: [Self.node("n1"), Self.deployment("web", replicas: 2),
        Self.pdb(minAvailable: 1)]))
    try w.run(until: .zero + .seconds(30))
    let pdb = try #require(w.api.get(.podDisruptionBudget, "default", "web")?.asPodDisruptionBudget)
    #expect(pdb.status.currentHealthy == 2 && pdb.status.desiredHealthy == 1)
    #expect(pdb.status.expectedPods == 2 && pdb.status.disruptionsAllowed == 1)
    try w.api.create(Self.node("n2"))
    let pods = w.api.pods(onNode: "n1").map(\.metadata.name)
    #expect(pods.count == 2)
    let out = try DrainProcess.begin(node: "n1", options: DrainOptions(), api: w.api)
    #expect(out == ["node/n1 cordoned"] + pods.map { "evicting pod default/\($0)" })
    try w.run(until: .zero + .seconds(120))
    // The first eviction uses the budget's one allowed disruption; the second is refused and
    // retried 5 s later, when the first pod's replacement on n2 is Ready (2 healthy again:
    // the terminating pod does not count). Each pod stops after its 30 s grace period.
    #expect(
      Self.lines(w) == [
        "30s DrainRetry error when evicting pods/\"\(pods[1])\" -n \"default\" (will retry after "
          + "5s): Cannot evict pod as it would violate the pod's disruption budget.",
        "1m0s Drain pod/\(pods[0]) evicted",
        "1m5s Drain pod/\(pods[1]) evicted",
        "1m5s Drain node/n1 drained",
      ])
    #expect(w.api.pods(onNode: "n1").isEmpty)
    #expect(w.api.pods(onNode: "n2").count == 2)
  }

  @Test func unmanagedPodsNeedForce() throws {
    var bare = Pod(metadata: ObjectMeta(name: "bare", namespace: "default"))
    bare.spec.containers = [Container(name: "c", image: "busybox:1.36")]
    let w = try World(WorldInput(seed: 1, objects: [Self.node("n1"), .pod(bare)]))
    try w.run(until: .zero + .seconds(10))
    #expect(
      throws: KubectlError(
        "error: unable to drain node \"n1\" due to error: cannot delete Pods that declare no "
          + "controller (use --force to override): default/bare, continuing command...")
    ) { try DrainProcess.begin(node: "n1", options: DrainOptions(), api: w.api) }
    var force = DrainOptions()
    force.force = true
    force.gracePeriodSeconds = 0
    let out = try DrainProcess.begin(node: "n1", options: force, api: w.api)
    #expect(out == [
      "node/n1 already cordoned", "Warning: deleting Pods that declare no controller: default/bare",
      "evicting pod default/bare",
    ])
    try w.run(until: .zero + .seconds(20))
    #expect(Self.lines(w) == ["10s Drain pod/bare evicted", "10s Drain node/n1 drained"])
  }

  @Test func parsesDrainFlags() throws {
    let c = try KubectlCommandParser.parse(
      "kubectl drain n1 --ignore-daemonsets --delete-emptydir-data --force --grace-period=10 --timeout=2m")
    var o = DrainOptions()
    o.ignoreDaemonSets = true
    o.deleteEmptyDirData = true
    o.force = true
    o.gracePeriodSeconds = 10
    o.timeout = .seconds(120)
    #expect(c == .drain(node: "n1", options: o))
    #expect(throws: KubectlError("--timeout: expected a duration such as 5m, found \"soon\"")) {
      try KubectlCommandParser.parse("drain n1 --timeout=soon")
    }
  }
}
