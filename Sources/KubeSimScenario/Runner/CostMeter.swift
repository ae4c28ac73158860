import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel

/// Integrates node cost over a run: every Node carrying `sim.kubesim.io/cost-per-hour` (set from
/// its NodePool's `costPerHour`, nodes added by the cluster autoscaler included) costs its price
/// for each hour between its creation and its deletion (node-hours × price).
///
/// A passive watcher of nodes: a change delivered `watchDelay` after its write is dated at the
/// write. Amounts are integer micro-units (of the pool's currency) per node interval, summed in
/// node order, so totals are exact and deterministic.
public final class CostMeter: Component {
  public let componentName = "kubesim-cost"
  public var watches: [WatchFilter] { [WatchFilter(kind: .node)] }

  /// One node's priced lifetime.
  struct Interval {
    var node: String
    var pool: String
    var microPerHour: Int64
    var start: SimTime
    var end: SimTime?
  }

  private var intervals: [Interval] = []
  private var open: [String: Int] = [:]
  /// Pool name prefixes, longest first, for attributing nodes to pools.
  private let pools: [(prefix: String, name: String)]

  /// A meter attributing nodes to `pools` by node name prefix (`<prefix>-<n>`).
  public init(pools: [NodePool] = []) {
    self.pools = pools.map { ($0.nodeNamePrefix + "-", $0.metadata.name) }.sorted {
      $0.prefix.count > $1.prefix.count
    }
  }

  public func observe(_ change: WatchChange, _ ctx: inout ComponentContext) {
    let written = ctx.now - ctx.settings.watchDelay
    switch change {
    case .added(let o), .modified(_, let o):
      guard case .node(let n) = o, open[n.metadata.name] == nil,
        let text = n.metadata.annotations[NodePool.costAnnotation],
        let price = try? Quantity(parsing: text)
      else { return }
      let name = n.metadata.name
      open[name] = intervals.count
      intervals.append(
        Interval(
          node: name, pool: pool(of: name), microPerHour: price.scaledValue(-6),
          start: max(written, .zero)))
    case .deleted(let o):
      guard let i = open.removeValue(forKey: o.metadata.name) else { return }
      intervals[i].end = written
    }
  }

  public func timerFired(_ token: UInt64, _ ctx: inout ComponentContext) {}

  private func pool(of node: String) -> String {
    for p in pools where node.hasPrefix(p.prefix) {
      let rest = node.dropFirst(p.prefix.count)
      if !rest.isEmpty && rest.allSatisfy({ $0.isASCII && $0.isNumber }) { return p.name }
    }
    return ""
  }

  /// The cost up to `now` in micro-units, of every node or of one pool's nodes.
  public func costMicros(at now: SimTime, pool: String? = nil) -> Int64 {
    var total: Int64 = 0
    for i in intervals where pool == nil || i.pool == pool {
      let end = min(i.end ?? now, now)
      guard end > i.start else { continue }
      let us = (end - i.start).microseconds
      // price × hours, in micro-units: micro/h × µs / 3.6e9 µs/h (exact up to 1 micro-unit).
      total +=
        i.microPerHour / 1_000 * us / 3_600_000 + (i.microPerHour % 1_000) * us / 3_600_000_000
    }
    return total
  }

  /// Node-hours up to `now` (in microsecond-nodes), of every priced node or of one pool.
  public func nodeMicroseconds(at now: SimTime, pool: String? = nil) -> Int64 {
    var total: Int64 = 0
    for i in intervals where pool == nil || i.pool == pool {
      let end = min(i.end ?? now, now)
      if end > i.start { total += (end - i.start).microseconds }
    }
    return total
  }

  /// Whether `name` is a declared NodePool.
  public func isPool(_ name: String) -> Bool { pools.contains { $0.name == name } }

  /// The pools seen, in first-seen order ("" for priced nodes of no declared pool).
  public var poolNames: [String] {
    var out: [String] = []
    for i in intervals where !out.contains(i.pool) { out.append(i.pool) }
    return out
  }
}
