import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel
import KubeSimScenario
import Testing

@testable import KubeSimNodeAgent

/// Kubelet heartbeats on a train (`SimulationLoop+HeartbeatTrains.swift`): Lease renewals read
/// lazily, status updates only when they can matter, with the times of the per-node timers.
@Suite struct HeartbeatTrainTests {
  static func node(_ name: String, memory: Int64 = 8 << 30) -> Node {
    var n = Node(metadata: ObjectMeta(name: name))
    n.status.capacity = ["cpu": Quantity(4), "memory": Quantity(memory), "pods": Quantity(110)]
    n.status.allocatable = n.status.capacity
    return n
  }

  static func world(_ nodes: [Node], _ objects: [APIObject] = []) throws -> World {
    try World(
      WorldInput(seed: 1, objects: nodes.map { .node($0) } + objects),
      components: KubeletWorld.components)
  }

  static func kubelet(_ w: World, _ name: String) -> Kubelet? {
    w.components.compactMap { $0 as? Kubelet }.first { $0.nodeName == name }
  }

  static func readyHeartbeat(_ w: World, _ node: String) -> SimTime? {
    w.api.get(.node, nil, node)?.asNode?.status.conditions.first { $0.type == "Ready" }?
      .lastHeartbeatTime
  }

  @Test func leaseIsRenewedEveryTenSecondsAndFreezesWhenTheKubeletStops() throws {
    let w = try Self.world([Self.node("worker-1"), Self.node("worker-2")])
    try w.run(until: .zero + .seconds(89))
    #expect(w.api.nodeLeaseRenewTime("worker-1") == .zero + .seconds(80))
    try w.run(until: .zero + .seconds(90))
    // The fire at 90 s has been processed: the renewal is visible at its own instant.
    #expect(w.api.nodeLeaseRenewTime("worker-1") == .zero + .seconds(90))
    #expect(w.api.nodeLeaseIsLive("worker-1"))
    try w.run(until: .zero + .seconds(95))
    let k = try #require(Self.kubelet(w, "worker-1"))
    _ = w.api.withContext(of: k) { ctx in k.stop(&ctx) }
    try w.run(until: .zero + .seconds(300))
    #expect(w.api.nodeLeaseRenewTime("worker-1") == .zero + .seconds(90))
    #expect(!w.api.nodeLeaseIsLive("worker-1"))
    #expect(w.api.nodeLeaseRenewTime("worker-2") == .zero + .seconds(300))
    // Back at 301.5 s: renewed at once, then every 10 s from there.
    try w.run(until: .zero + .milliseconds(301_500))
    _ = w.api.withContext(of: k) { ctx in k.recover(&ctx) }
    #expect(w.api.nodeLeaseRenewTime("worker-1") == .zero + .milliseconds(301_500))
    try w.run(until: .zero + .seconds(330))
    #expect(w.api.nodeLeaseRenewTime("worker-1") == .zero + .milliseconds(321_500))
  }

  @Test func bothKubeletsShareOneTrainAndQuietNodesPostEveryFiveMinutes() throws {
    let w = try Self.world([Self.node("worker-1"), Self.node("worker-2")])
    try w.run(until: .zero + .minutes(11))
    // One event per 10 s for both nodes (66 fires), not one per node per 10 s (132).
    let events = w.api.processedEvents
    #expect(events < 100, "processed \(events) events")
    // An unchanged status is posted every nodeStatusReportFrequency (5 min): 0, 5m, 10m.
    #expect(Self.readyHeartbeat(w, "worker-1") == .zero + .minutes(10))
    #expect(Self.readyHeartbeat(w, "worker-2") == .zero + .minutes(10))
  }

  @Test func aPodNearTheMemoryThresholdWakesTheEvictionManagerAtTheNextFire() throws {
    // 1 GiB node, default memory.available<100Mi: a pod using 950Mi leaves 74Mi available.
    let w = try Self.world([Self.node("worker-1", memory: 1 << 30)])
    try w.run(until: .zero + .seconds(33))
    let pod = KubeletWorld.pod(
      "hog", images: ["registry.local/hog:1"], annotations: ["sim.kubesim.io/memory": "950Mi"])
    _ = try w.api.create(pod)
    try w.run(until: .zero + .seconds(120))
    let evicted = KubeletWorld.events(w, ["EvictionThresholdMet", "Evicted"])
    // The pod runs from a few seconds after 33 s (pull); the first pass that sees it is the
    // train's fire at 40 s (or the next one), on the 10 s grid as before.
    #expect(!evicted.isEmpty)
    let first = try #require(
      w.recordedEvents.first { $0.reason == "EvictionThresholdMet" }?.time)
    #expect(first.microseconds % 10_000_000 == 0)
    #expect(first <= .zero + .seconds(60))
  }

  @Test func evictionIsQuietOnlyWhenNoThresholdCanBeMet() throws {
    let w = try Self.world([Self.node("worker-1", memory: 1 << 30)])
    try w.run(until: .zero + .seconds(1))
    let k = try #require(Self.kubelet(w, "worker-1"))
    let node = try #require(w.api.get(.node, nil, "worker-1")?.asNode)
    #expect(k.evictionIsQuiet(node, now: w.now))
    // A diurnal curve peaking at 900Mi + 100Mi = 1000Mi could leave less than 100Mi.
    let pod = KubeletWorld.pod(
      "wave", images: ["registry.local/wave:1"],
      annotations: ["sim.kubesim.io/memory": "diurnal(mean=900Mi, amplitude=100Mi)"])
    _ = try w.api.create(pod)
    try w.run(until: .zero + .seconds(30))
    let after = try #require(w.api.get(.node, nil, "worker-1")?.asNode)
    #expect(!k.evictionIsQuiet(after, now: w.now))
  }
}

/// Upper bounds of usage models without traffic (what lets a kubelet skip eviction passes).
@Suite struct UsageModelBoundTests {
  static let mi: Int64 = 1 << 20
  static let cases: [(String, Int64)] = [
    ("300Mi", 300 * mi),
    ("diurnal(mean=200Mi, amplitude=100Mi)", 300 * mi + 1),
    ("walk(start=100Mi, step=10Mi, every=1m, min=0, max=400Mi)", 410 * mi),
    ("steps(0s=100Mi, 5m=700Mi, 10m=200Mi)", 700 * mi),
    ("series(0s=100Mi, 5m=500Mi)", 500 * mi),
    ("traffic(base=64Mi, per-inflight=1Mi)", 64 * mi),
    ("noise(mean=100Mi, sd=10Mi)", 160 * mi + 1),
  ]

  @Test(arguments: cases)
  func boundCoversEveryValue(text: String, bound: Int64) throws {
    let model = try UsageModel(parsing: text, resource: .memory, key: "sim.kubesim.io/memory")
    #expect(model.upperBoundWithoutTraffic(request: 0) == bound)
    for minute in stride(from: Int64(0), through: 2 * 1440, by: 7) {
      let v = model.value(UsageInput(time: .zero + .minutes(minute), request: 0, seed: 42))
      #expect(v <= bound, "\(text) at \(minute)m: \(v) > \(bound)")
    }
  }
}
