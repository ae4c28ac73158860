/// Per-cycle data that PreFilter/PreScore plugins compute for their Filter/Score
/// (upstream `fwk.CycleState`). Typed slots instead of upstream's string-keyed map: each plugin
/// that needs state gets a field.
public struct CycleState: Sendable {
  /// Plugins whose PreFilter returned Skip: their Filter does not run this cycle.
  public var skippedFilterPlugins: [String] = []
  /// Plugins whose PreScore returned Skip: they add nothing to any node's score.
  public var skippedScorePlugins: [String] = []
  /// InterPodAffinity's PreFilter state (nil when its PreFilter did not run or skipped).
  public var affinityFilter: AffinityFilterState?
  /// InterPodAffinity's PreScore state: topology score per key and value.
  public var affinityScore: TopologyCounts?
  /// PodTopologySpread's PreFilter state.
  public var spreadFilter: SpreadFilterState?
  /// PodTopologySpread's PreScore state.
  public var spreadScore: SpreadScoreState?
  public init() {}
}
