/// Per-cycle data that PreFilter/PreScore plugins compute for their Filter/Score
/// (upstream `fwk.CycleState`). Typed slots instead of upstream's string-keyed map: each plugin
/// that needs state gets a field.
public struct CycleState: Sendable {
  /// Plugins whose PreFilter returned Skip: their Filter does not run this cycle.
  public var skippedFilterPlugins: [String] = []
  /// Plugins whose PreScore returned Skip: they add nothing to any node's score.
  public var skippedScorePlugins: [String] = []
  /// The PreFilter plugins' merged `PreFilterResult`: nil = all nodes, else only these nodes are
  /// filtered (sorted names).
  public var preFilterNodeNames: [String]? = nil
  /// The plugins that narrowed `preFilterNodeNames` (for the absent nodes' status).
  public var preFilterNarrowedBy: [String] = []
  public init() {}
}
