import KubeSimModel
import KubeSimScenario
import Testing

/// The run's single node-cost integrator: exact decimal rates, exact sums, pool attribution,
/// rate changes and queries before the latest change.
@Suite struct NodeCostLedgerTests {
  static func node(
    _ name: String, _ labels: StringMap = StringMap(), cost: String? = nil
  ) -> Node {
    var annotations = StringMap()
    if let cost { annotations[NodeCostLedger.annotation] = cost }
    return Node(metadata: ObjectMeta(name: name, labels: labels, annotations: annotations))
  }

  @Test func rateParsingIsExactDecimal() {
    #expect(NodeCostLedger.parseRate("0.096") == 96_000)
    #expect(NodeCostLedger.parseRate("12") == 12_000_000)
    #expect(NodeCostLedger.parseRate(".5") == 500_000)
    #expect(NodeCostLedger.parseRate("0.0000015") == 2)
    #expect(NodeCostLedger.parseRate("-1") == nil)
    #expect(NodeCostLedger.parseRate("1e3") == nil)
    #expect(NodeCostLedger.parseRate("") == nil)
    #expect(NodeCostLedger.parseRate(".") == nil)
  }

  @Test func poolComesFromTheLabelElseTheNamePrefix() {
    let node = { (name: String, labels: StringMap) in Self.node(name, labels) }
    #expect(NodeCostLedger.pool(of: node("worker-12", StringMap())) == "worker")
    #expect(NodeCostLedger.pool(of: node("gpu-pool-a-3", StringMap())) == "gpu-pool-a")
    #expect(NodeCostLedger.pool(of: node("standalone", StringMap())) == "standalone")
    #expect(NodeCostLedger.pool(of: node("node-x", StringMap())) == "node-x")
    var labels = StringMap()
    labels["sim.kubesim.io/node-pool"] = "spot"
    #expect(NodeCostLedger.pool(of: node("worker-1", labels)) == "spot")
    // Declared pools first (a pool `gpu` with namePrefix `g`, and one named `g-big`), longest
    // prefix first; the label still wins; other names fall back to stripping `-<n>`.
    let ledger = NodeCostLedger(pools: [("g", "gpu"), ("g-big", "g-big")])
    #expect(ledger.pool(of: node("g-3", StringMap())) == "gpu")
    #expect(ledger.pool(of: node("g-big-2", StringMap())) == "g-big")
    #expect(ledger.pool(of: node("g-x", StringMap())) == "g-x")
    #expect(ledger.pool(of: node("worker-7", StringMap())) == "worker")
    #expect(ledger.pool(of: node("g-1", labels)) == "spot")
  }

  /// Sums are taken in nano-units and rounded once: 3 nodes at 0.096/h for 1115 s are
  /// 3 × 29733.333… µ = 89200 µ exactly (rounding each node first would give 89199).
  @Test func sumsAreExactAndRoundedOnce() {
    var ledger = NodeCostLedger()
    for i in 1...3 { ledger.update(Self.node("w-\(i)", cost: "0.096"), at: 0) }
    #expect(ledger.totalMicros(at: 1_115_000_000) == 89_200)
    #expect(ledger.perPoolMicros(at: 1_115_000_000).map(\.micros) == [89_200])
    #expect(ledger.ratePerHourMicros == 288_000)
    #expect(ledger.hasCost)
  }

  /// A changed rate closes the old segment; a query before a deletion counts only up to the
  /// query; unpriced nodes count node time but no cost.
  @Test func rateChangesDeletionsAndEarlierQueries() {
    var ledger = NodeCostLedger()
    let hour: Int64 = 3_600_000_000
    ledger.update(Self.node("a-1", cost: "1"), at: 0)
    ledger.update(Self.node("b-1"), at: 0)
    ledger.update(Self.node("a-1", cost: "1"), at: hour / 4)  // same rate: no new segment
    ledger.update(Self.node("a-1", cost: "3"), at: hour / 2)
    ledger.remove("a-1", at: hour)
    #expect(ledger.totalMicros(at: hour) == 2_000_000)
    #expect(ledger.totalMicros(at: hour * 3 / 4) == 1_250_000)
    #expect(ledger.totalMicros(at: 2 * hour, pool: "a") == 2_000_000)
    #expect(ledger.totalMicros(at: 2 * hour, pool: "b") == 0)
    #expect(ledger.totalMicros(at: 2 * hour, pool: "c") == 0)
    #expect(ledger.nodeMicros(at: 2 * hour) == 3 * hour)
    #expect(ledger.nodeMicros(at: hour / 2, pool: "a") == hour / 2)
    #expect(ledger.poolNames == ["a", "b"])
    #expect(ledger.ratePerHourMicros == 0)
  }
}
