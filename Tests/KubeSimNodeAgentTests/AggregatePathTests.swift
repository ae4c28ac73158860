import KubeSimKernel
import Testing

@testable import KubeSimNodeAgent

/// When kube-proxy may summarise a segment's split by its mean (`ServiceSlot.takeAggregate`):
/// judged over a 1s traffic interval at the segment's rate, every pod's share must be clearly
/// within its capacity or clearly past it.
@Suite struct AggregatePathTests {
  static func slot(pods: Int, capacity: Int64?, allServing: Bool = true) -> KubeProxy.ServiceSlot {
    var s = KubeProxy.ServiceSlot(key: "default/web")
    let keys = (1...pods).map { "default/web-\($0)" }
    s.route = KubeProxy.Route(
      endpoints: [], keys: keys, capacities: keys.map { _ in capacity }, uniform: .some(capacity))
    s.allServing = allServing
    return s
  }

  struct Case: Sendable, CustomTestStringConvertible {
    var mode: ProxyMode
    var pods: Int
    /// milli-rps.
    var capacity: Int64?
    var rate: Int64
    var allServing = true
    var aggregate: Bool
    var testDescription: String {
      "\(mode.rawValue) \(pods) pods cap \(capacity.map(String.init) ?? "∞") rate \(rate)"
    }
  }

  static let cases: [Case] = [
    // iptables: mean 50, 6 sd = 6·√(50·½) = 30: 80 ≤ 100.
    Case(mode: .iptables, pods: 2, capacity: 100_000, rate: 100_000, aggregate: true),
    // mean 80 + 37.9 > 100 and 80 − 37.9 < 100: the split decides.
    Case(mode: .iptables, pods: 2, capacity: 100_000, rate: 160_000, aggregate: false),
    // mean 50 − 30 = 20 ≥ 10: every pod is past its capacity.
    Case(mode: .iptables, pods: 2, capacity: 10_000, rate: 100_000, aggregate: true),
    // Unbounded pods always fit.
    Case(mode: .iptables, pods: 3, capacity: nil, rate: 1_000_000, aggregate: true),
    // A pod that does not serve needs the per-endpoint path (its share fails).
    Case(
      mode: .iptables, pods: 2, capacity: 100_000, rate: 100_000, allServing: false,
      aggregate: false),
    // IPVS rr: shares 10 or 11 of 10.5 per interval: some fit, some do not.
    Case(mode: .ipvsRoundRobin, pods: 3, capacity: 10_500, rate: 32_000, aggregate: false),
    // shares 10 or 11 of 10: every pod is at or past its capacity.
    Case(mode: .ipvsRoundRobin, pods: 3, capacity: 10_000, rate: 31_000, aggregate: true),
    // shares of at most 10 of 10 fit.
    Case(mode: .ipvsRoundRobin, pods: 3, capacity: 10_000, rate: 30_000, aggregate: true),
    // Least-connection depends on each pod's in-flight count: never aggregated.
    Case(mode: .ipvsLeastConnection, pods: 2, capacity: nil, rate: 1_000, aggregate: false),
  ]

  @Test(arguments: cases) func aggregateOnlyWhenTheSplitCannotMatter(_ c: Case) {
    var s = Self.slot(pods: c.pods, capacity: c.capacity, allServing: c.allServing)
    let took = s.takeAggregate(7, rate: c.rate, mode: c.mode, intervalUs: 1_000_000)
    #expect(took == c.aggregate)
    #expect(s.aggregate == (c.aggregate ? 7 : 0))
    if c.aggregate {
      #expect(s.aggregatePods == Int64(c.pods))
      #expect(s.aggregateCapacity == c.capacity)
    }
  }

  /// A short segment is judged at its rate over the whole interval, not by its own few
  /// requests: 2 requests in a 10ms segment at 100 rps over 2 pods of 100 rps fit.
  @Test func shortSegmentIsJudgedOverTheInterval() {
    var s = Self.slot(pods: 2, capacity: 100_000)
    let took = s.takeAggregate(2, rate: 100_000, mode: .iptables, intervalUs: 1_000_000)
    #expect(took)
  }

  /// IPVS rr on the aggregate path keeps its rotation: 7 requests over 3 pods move it by 1.
  @Test func roundRobinRotationAdvances() {
    var s = Self.slot(pods: 3, capacity: nil)
    let first = s.takeAggregate(7, rate: 7_000, mode: .ipvsRoundRobin, intervalUs: 1_000_000)
    #expect(first && s.router?.cursor == 1)
    let second = s.takeAggregate(8, rate: 8_000, mode: .ipvsRoundRobin, intervalUs: 1_000_000)
    #expect(second && s.router?.cursor == 0)
  }

  /// The aggregate settles as equal queues: 2 pods of 100 rps sent 400 in 1s (200 ± 60 each)
  /// serve 200.
  @Test func settleAggregateServesUpToTheCapacity() {
    var s = Self.slot(pods: 2, capacity: 100_000)
    s.stats = ServiceTraffic(service: "default/web")
    let took = s.takeAggregate(400, rate: 400_000, mode: .iptables, intervalUs: 1_000_000)
    #expect(took)
    s.settleAggregate(1_000_000, .seconds(30))
    #expect(s.served == 200)
    #expect(s.stats?.failedOverload == 200)
    #expect(s.aggregate == 0)
  }
}
