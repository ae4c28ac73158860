import KubeSimKernel
import KubeSimModel

/// PreFilter state of PodTopologySpread (upstream `preFilterState`, filtering.go).
public struct SpreadFilterState: Sendable {
  public var constraints: [SpreadConstraint] = []
  /// Per constraint: matching pods per topology value over the eligible nodes.
  public var matchNum: [[String: Int64]] = []
  /// Per constraint: the smallest count over the domains (upstream critical path [0]).
  public var minMatch: [Int64] = []
}

/// PreScore state of PodTopologySpread (upstream `preScoreState`, scoring.go).
public struct SpreadScoreState: Sendable {
  public var constraints: [SpreadConstraint] = []
  /// Per feasible index (the order PreScore received): the node is ignored (scores 0).
  public var ignored: [Bool] = []
  /// The same, by slot (for Score).
  public var ignoredSlots: Set<Int> = []
  /// Per constraint: counts per topology value recorded among the candidates.
  public var counts: [[String: Int64]] = []
  /// Per constraint: `ln(size + 2)`.
  public var weights: [Double] = []
  /// Per constraint: for the hostname key, the matching pods per slot (`SpreadNodeCounts`);
  /// nil for the other keys (and when absent, Score counts the node's pods itself).
  public var nodeCounts: [[Int32]?] = []
  /// The candidates PreScore received, and the raw Score of each (what `score` returns for
  /// it), computed in PreScore; nil when not computed.
  public var feasible: [Int] = []
  public var rawScores: [Int64]?
}

/// The PodTopologySpread plugin: spread matching pods over topology domains.
///
/// Upstream pkg/scheduler/framework/plugins/podtopologyspread/ (v1.35): filtering.go (PreFilter,
/// Filter), scoring.go (PreScore, Score, NormalizeScore), common.go, plugin.go.
///
/// Pods without constraints get the plugin's default constraints (`defaultingType: System`: the
/// built-in ScheduleAnyway ones; `List`: `defaultConstraints` from the args, which may be
/// DoNotSchedule and then filter) with the pod's default selector; the selector is computed by
/// `DefaultScheduler` from the Services, ReplicaSets and StatefulSets it watches and passed in
/// `PodInfo.defaultSpreadSelector`.
public struct PodTopologySpread: PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin,
  Sendable
{
  public static let pluginName = "PodTopologySpread"
  public var name: String { PodTopologySpread.pluginName }
  /// Upstream `ErrReasonConstraintsNotMatch` (filtering.go).
  public static let reasonConstraintsNotMatch =
    "node(s) didn't match pod topology spread constraints"
  /// Upstream `ErrReasonNodeLabelNotMatch` (filtering.go).
  public static let reasonNodeLabelNotMatch =
    reasonConstraintsNotMatch + " (missing required label)"
  /// `v1.LabelHostname`.
  public static let hostnameKey = "kubernetes.io/hostname"
  /// `v1.LabelTopologyZone`.
  public static let zoneKey = "topology.kubernetes.io/zone"

  /// `defaultingType: System` (true) or `List` (false).
  public var systemDefaulting = true
  /// With `List`: `PodTopologySpreadArgs.defaultConstraints` (no selectors; validated).
  public var listConstraints: [TopologySpreadConstraint] = []

  public init(systemDefaulting: Bool = true) { self.systemDefaulting = systemDefaulting }

  /// `defaultingType: List` with these `defaultConstraints` (empty: no defaulting at all).
  public init(defaultConstraints: [TopologySpreadConstraint]) {
    self.systemDefaulting = false
    self.listConstraints = defaultConstraints
  }

  /// Upstream `buildDefaultConstraints` (common.go) for a pod without constraints: the `List`
  /// default constraints with `action`, each with the pod's default selector; none when the
  /// selector is empty. (The System defaults are all ScheduleAnyway: see `scoreConstraints`.)
  func listDefaults(_ pod: PodInfo, action: UnsatisfiableConstraintAction) -> [SpreadConstraint] {
    if systemDefaulting || listConstraints.isEmpty { return [] }
    guard let sel = pod.defaultSpreadSelector, !sel.isEmpty else { return [] }
    return listConstraints.filter { $0.whenUnsatisfiable == action }.map { c in
      SpreadConstraint(
        maxSkew: Int64(c.maxSkew), topologyKey: c.topologyKey, minDomains: Int(c.minDomains ?? 1),
        selector: sel, honorNodeAffinity: (c.nodeAffinityPolicy ?? .honor) == .honor,
        honorNodeTaints: (c.nodeTaintsPolicy ?? .ignore) == .honor)
    }
  }

  // MARK: Filter

  public func preFilter(_ state: inout CycleState, _ pod: PodInfo, _ snapshot: NodeSnapshot)
    -> Status
  {
    // filtering.go `calculatePreFilterState`: the pod's constraints, else the default ones (the
    // System defaults are all ScheduleAnyway: they never filter; List ones may).
    let cs =
      pod.pod.spec.topologySpreadConstraints.isEmpty
      ? listDefaults(pod, action: .doNotSchedule)
      : SpreadConstraint.of(pod.pod, action: .doNotSchedule)
    // filtering.go `PreFilter`: no constraints → Skip.
    if cs.isEmpty { return .skip }
    var s = SpreadFilterState()
    s.constraints = cs
    s.matchNum = Array(repeating: [:], count: cs.count)
    let ns = pod.pod.metadata.namespace ?? "default"
    let checkNodes = SpreadConstraint.needsNodeObjects(pod.pod, cs)
    if !checkNodes {
      // Incremental counts (SpreadCountCache): the same sums without visiting every node.
      let keys = cs.map(\.topologyKey)
      let live = { (slot: Int) in slot < snapshot.table.count && snapshot.table.isLive[slot] }
      for (i, c) in cs.enumerated() {
        s.matchNum[i] = snapshot.pods.spreadCounts(c, namespace: ns, requiredKeys: keys, live: live)
      }
    }
    // Honor policies with something to check: visit every node, reading each one's matching
    // pods from the per-node counts (`SpreadNodeCounts`, equal to `c.count` of its pods).
    let perNode = checkNodes ? cs.map { snapshot.pods.spreadNodeCounts($0, namespace: ns) } : []
    for slot in 0..<snapshot.table.count where checkNodes && snapshot.table.isLive[slot] {
      let labels = snapshot.pods.labels(slot)
      if !SpreadConstraint.nodeHasAllKeys(labels, cs) { continue }
      for (i, c) in cs.enumerated() {
        if !c.includes(pod.pod, node: snapshot.nodes[slot]) { continue }
        let v = labels[c.topologyKey] ?? ""
        let n = slot < perNode[i].count ? Int64(perNode[i][slot]) : 0
        s.matchNum[i][v, default: 0] += n
      }
    }
    // Critical paths start at MaxInt32 (common.go `newCriticalPaths`).
    s.minMatch = s.matchNum.map { m in m.values.min() ?? Int64(Int32.max) }
    state.spreadFilter = s
    return .success
  }

  public func filter(_ state: CycleState, _ pod: PodInfo, _ snapshot: NodeSnapshot, slot: Int)
    -> Status
  {
    guard let s = state.spreadFilter else { return .success }
    let labels = snapshot.pods.labels(slot)
    for (i, c) in s.constraints.enumerated() {
      guard let v = labels[c.topologyKey] else {
        return Status(
          .unschedulableAndUnresolvable, [PodTopologySpread.reasonNodeLabelNotMatch], plugin: name)
      }
      let selfMatch: Int64 = (c.selector?.matches(pod.pod.metadata.labels) ?? false) ? 1 : 0
      // `minMatchNum`: 0 while the number of domains is below minDomains.
      var minMatch = s.minMatch[i]
      if s.matchNum[i].count < c.minDomains { minMatch = 0 }
      let skew = (s.matchNum[i][v] ?? 0) + selfMatch - minMatch
      if skew > c.maxSkew {
        return Status(.unschedulable, [PodTopologySpread.reasonConstraintsNotMatch], plugin: name)
      }
    }
    return .success
  }
}
