import KubeSimKernel

/// A scale-up option: adding `nodeCount` nodes of one pool would let `podCount` pending pods
/// schedule. Upstream: cluster-autoscaler `expander.Option`.
public struct ScaleUpOption: Sendable, Equatable {
  /// The pool's name.
  public var pool: String
  /// Nodes to add.
  public var nodeCount: Int
  /// Keys (`namespace/name`) of the pods the new nodes would hold.
  public var pods: [String]
  /// CPU (milli) and memory (bytes) the pods request.
  public var requestedMilliCPU: Int64
  /// Memory the pods request, in bytes.
  public var requestedMemoryBytes: Int64
  /// CPU capacity (milli) of one node of the pool.
  public var nodeMilliCPU: Int64
  /// Memory capacity (bytes) of one node of the pool.
  public var nodeMemoryBytes: Int64
  /// The pool's `priority` (priority expander).
  public var priority: Int32

  /// An option from its parts.
  public init(
    pool: String, nodeCount: Int, pods: [String], requestedMilliCPU: Int64 = 0,
    requestedMemoryBytes: Int64 = 0, nodeMilliCPU: Int64 = 0, nodeMemoryBytes: Int64 = 0,
    priority: Int32 = 0
  ) {
    self.pool = pool
    self.nodeCount = nodeCount
    self.pods = pods
    self.requestedMilliCPU = requestedMilliCPU
    self.requestedMemoryBytes = requestedMemoryBytes
    self.nodeMilliCPU = nodeMilliCPU
    self.nodeMemoryBytes = nodeMemoryBytes
    self.priority = priority
  }

  /// least-waste's score in millionths: the unused fraction of CPU plus that of memory over
  /// the new nodes' capacity (lower is better). Upstream: `expander/waste/waste.go`
  /// `BestOptions` (`wastedCPU + wastedMemory`, with `resourcesForNode` = `status.capacity`),
  /// here in integer millionths.
  public var wasteMicros: Int64 {
    let cpu = nodeMilliCPU * Int64(nodeCount)
    let mem = nodeMemoryBytes * Int64(nodeCount)
    func waste(_ req: Int64, _ avail: Int64) -> Int64 {
      avail <= 0 ? 0 : (avail - min(req, avail)) * 1_000_000 / avail
    }
    return waste(requestedMilliCPU, cpu) + waste(requestedMemoryBytes, mem)
  }
}

/// The expanders: which pool to grow when several would help.
///
/// Upstream: cluster-autoscaler `expander/` (`random`, `mostpods`, `waste`, `priority`).
/// Each filter keeps the best options; ties left after it are broken by the `random`
/// expander (upstream chains expanders and falls back to random), drawing from the
/// run's `autoscaler` stream. Options come sorted by pool name, so draws are reproducible.
public enum Expander {
  /// The options the named expander keeps (before the random tie-break).
  public static func best(_ name: String, _ options: [ScaleUpOption]) -> [ScaleUpOption] {
    switch name {
    case "most-pods":
      // expander/mostpods: the options that schedule the most pods.
      let top = options.map(\.pods.count).max() ?? 0
      return options.filter { $0.pods.count == top }
    case "least-waste":
      let low = options.map(\.wasteMicros).min() ?? 0
      return options.filter { $0.wasteMicros == low }
    case "priority":
      // expander/priority: the options of the highest-priority groups.
      let top = options.map(\.priority).max() ?? 0
      return options.filter { $0.priority == top }
    default:
      return options
    }
  }

  /// The chosen option: `best`, then a uniform draw among the remaining ties (no draw when
  /// one is left).
  public static func choose(
    _ name: String, _ options: [ScaleUpOption], random: inout RandomStream
  ) -> ScaleUpOption? {
    let kept = best(name, options)
    if kept.count <= 1 { return kept.first }
    return kept[random.uniform(below: kept.count)]
  }
}
