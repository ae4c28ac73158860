/// Per-cycle data that PreFilter/PreScore plugins compute for their Filter/Score
/// (upstream `fwk.CycleState`, a string-keyed map of `StateData`).
///
/// KubeSim keys the data by its Swift type instead of a string: a plugin declares a state type
/// and reads it back typed, `state[NodeAffinityState.self]`, with no casts at the call site.
/// Read a slot once per cycle (in PreFilter/PreScore, or once before the node loop), not per
/// node: the lookup is a dictionary probe plus a dynamic cast. The dictionary is never
/// iterated, so its order cannot reach behaviour.
public struct CycleState: Sendable {
  /// Plugins whose PreFilter returned Skip: their Filter does not run this cycle.
  public var skippedFilterPlugins: [String] = []
  /// Plugins whose PreScore returned Skip: they add nothing to any node's score.
  public var skippedScorePlugins: [String] = []
  /// Upstream `PreFilterResult.NodeNames`: when set, only these nodes are evaluated (the
  /// intersection of every PreFilter's result).
  public var preFilterNodeNames: [String]?
  /// The plugins that narrowed `preFilterNodeNames` (for the absent nodes' status).
  public var preFilterNarrowedBy: [String] = []
  private var slots: [ObjectIdentifier: any Sendable] = [:]
  /// InterPodAffinity's PreFilter state (nil when its PreFilter did not run or skipped).
  public var affinityFilter: AffinityFilterState?
  /// InterPodAffinity's PreScore state: topology score per key and value.
  public var affinityScore: TopologyCounts?
  /// PodTopologySpread's PreFilter state.
  public var spreadFilter: SpreadFilterState?
  /// PodTopologySpread's PreScore state.
  public var spreadScore: SpreadScoreState?

  public init() {}

  /// The data a plugin stored under its state type, if any.
  public subscript<T: Sendable>(_ type: T.Type) -> T? {
    get { slots[ObjectIdentifier(type)] as? T }
    set { slots[ObjectIdentifier(type)] = newValue }
  }

  /// Narrows the nodes to evaluate (upstream `PreFilterResult.Merge`: intersection).
  public mutating func restrictNodes(to names: [String]) {
    if let cur = preFilterNodeNames {
      preFilterNodeNames = cur.filter { names.contains($0) }
    } else {
      preFilterNodeNames = names
    }
  }
}
