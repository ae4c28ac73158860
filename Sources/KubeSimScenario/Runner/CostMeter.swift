import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel

/// Feeds the run's `NodeCostLedger` (the single node-cost integrator): every Node carrying
/// `sim.kubesim.io/cost-per-hour` (set from its NodePool's `costPerHour`, nodes added by the
/// cluster autoscaler included) costs its price for each hour between its creation and its
/// deletion (node-hours × price). The `cost()` expectations and the reports
/// (`MetricsRecorder`: summary cost, cost series) both read `ledger`, so they agree.
///
/// A passive watcher of nodes: a change delivered `watchDelay` after its write is dated at the
/// write (a node declared in the scenario is dated at 0).
public final class CostMeter: Component {
  public let componentName = "kubesim-cost"
  public var watches: [WatchFilter] { [WatchFilter(kind: .node)] }

  /// Node cost so far, per pool (see `NodeCostLedger`).
  public private(set) var ledger: NodeCostLedger
  /// The declared NodePools' names.
  private let declaredPools: [String]

  /// A meter attributing nodes to `pools` by node name prefix (`<prefix>-<n>`) after the
  /// `sim.kubesim.io/node-pool` label (see `NodeCostLedger.pool(of:)`).
  public init(pools: [NodePool] = []) {
    ledger = NodeCostLedger(pools: pools.map { ($0.nodeNamePrefix, $0.metadata.name) })
    declaredPools = pools.map(\.metadata.name)
  }

  public func observe(_ change: WatchChange, _ ctx: inout ComponentContext) {
    let written = max(ctx.now - ctx.settings.watchDelay, .zero).microseconds
    switch change {
    case .added(let o), .modified(_, let o):
      guard case .node(let n) = o else { return }
      ledger.update(n, at: written)
    case .deleted(let o):
      ledger.remove(o.metadata.name, at: written)
    }
  }

  public func timerFired(_ token: UInt64, _ ctx: inout ComponentContext) {}

  /// The cost up to `now` in micro-units, of every node or of one pool's nodes.
  public func costMicros(at now: SimTime, pool: String? = nil) -> Int64 {
    ledger.totalMicros(at: now.microseconds, pool: pool)
  }

  /// Node lifetime up to `now` in node-microseconds, of every node or of one pool's nodes.
  public func nodeMicroseconds(at now: SimTime, pool: String? = nil) -> Int64 {
    ledger.nodeMicros(at: now.microseconds, pool: pool)
  }

  /// Whether `name` is a declared NodePool or a pool a node was attributed to so far.
  public func isPool(_ name: String) -> Bool {
    declaredPools.contains(name) || ledger.poolNames.contains(name)
  }

  /// The pools that had a node so far, sorted byte-wise.
  public var poolNames: [String] { ledger.poolNames }

  /// Whether a run of `objects` and `pools` has priced nodes: an initial node carries the
  /// cost annotation or a NodePool has `costPerHour` (its nodes, the autoscaler's included,
  /// carry it). Only such runs register the meter, so other runs' event counts stay as they were.
  public static func isPriced(_ objects: [APIObject], pools: [NodePool]) -> Bool {
    pools.contains { $0.spec.costPerHour != nil }
      || objects.contains { $0.asNode?.metadata.annotations[NodePool.costAnnotation] != nil }
  }
}
