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
    let podCount = snapshot.pods.bySlot.count
    if !checkNodes {
      // Incremental counts (SpreadCountCache): the same sums without visiting every node.
      let keys = cs.map(\.topologyKey)
      let live = { (slot: Int) in slot < snapshot.table.count && snapshot.table.isLive[slot] }
      for (i, c) in cs.enumerated() {
        s.matchNum[i] = snapshot.pods.spreadCounts(c, namespace: ns, requiredKeys: keys, live: live)
      }
    }
    for slot in 0..<snapshot.table.count where checkNodes && snapshot.table.isLive[slot] {
      let labels = snapshot.pods.labels(slot)
      if !SpreadConstraint.nodeHasAllKeys(labels, cs) { continue }
      for (i, c) in cs.enumerated() {
        if checkNodes && !c.includes(pod.pod, node: snapshot.nodes[slot]) { continue }
        let v = labels[c.topologyKey] ?? ""
        let n = slot < podCount ? c.count(snapshot.pods.bySlot[slot], namespace: ns) : 0
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

  // MARK: Score

  /// The ScheduleAnyway constraints, or the system defaults (hostname maxSkew 3, zone maxSkew 5,
  /// plugin.go `systemDefaultConstraints`) with the pod's default selector when the pod has no
  /// constraints at all. - Returns: the constraints and whether they are system defaults.
  func scoreConstraints(_ pod: PodInfo) -> ([SpreadConstraint], Bool) {
    if !pod.pod.spec.topologySpreadConstraints.isEmpty {
      return (SpreadConstraint.of(pod.pod, action: .scheduleAnyway), false)
    }
    if !systemDefaulting { return (listDefaults(pod, action: .scheduleAnyway), false) }
    guard let sel = pod.defaultSpreadSelector, !sel.isEmpty else {
      return ([], false)
    }
    let mk = { (key: String, skew: Int64) in
      SpreadConstraint(
        maxSkew: skew, topologyKey: key, minDomains: 1, selector: sel, honorNodeAffinity: true,
        honorNodeTaints: false)
    }
    return ([mk(PodTopologySpread.hostnameKey, 3), mk(PodTopologySpread.zoneKey, 5)], true)
  }

  public func preScore(
    _ state: inout CycleState, _ pod: PodInfo, _ snapshot: NodeSnapshot, feasible: [Int]
  ) -> Status {
    if feasible.isEmpty { return .skip }
    let (cs, systemDefaulted) = scoreConstraints(pod)
    // scoring.go `initPreScoreState`: no constraints → Skip.
    if cs.isEmpty { return .skip }
    let requireAll = !pod.pod.spec.topologySpreadConstraints.isEmpty || !systemDefaulted
    var s = SpreadScoreState()
    s.constraints = cs
    s.counts = Array(repeating: [:], count: cs.count)
    s.ignored = Array(repeating: false, count: feasible.count)
    var topoSize = Array(repeating: 0, count: cs.count)
    var ignoredCount = 0
    for (j, slot) in feasible.enumerated() {
      let labels = snapshot.pods.labels(slot)
      if requireAll && !SpreadConstraint.nodeHasAllKeys(labels, cs) {
        s.ignored[j] = true
        s.ignoredSlots.insert(slot)
        ignoredCount += 1
        continue
      }
      for (i, c) in cs.enumerated() where c.topologyKey != PodTopologySpread.hostnameKey {
        let v = labels[c.topologyKey] ?? ""
        if s.counts[i][v] == nil {
          s.counts[i][v] = 0
          topoSize[i] += 1
        }
      }
    }
    // `topologyNormalizingWeight(size) = ln(size + 2)`; the hostname key's size is the number of
    // candidates not ignored.
    s.weights = cs.enumerated().map { i, c in
      let size =
        c.topologyKey == PodTopologySpread.hostnameKey
        ? feasible.count - ignoredCount : topoSize[i]
      return DeterministicMath.ln(Double(size + 2))
    }
    let ns = pod.pod.metadata.namespace ?? "default"
    // Counting runs over every node of the snapshot, candidates or not.
    if cs.contains(where: { $0.topologyKey != PodTopologySpread.hostnameKey }) {
      let checkNodes = SpreadConstraint.needsNodeObjects(pod.pod, cs)
      let podCount = snapshot.pods.bySlot.count
      for slot in 0..<snapshot.table.count where snapshot.table.isLive[slot] {
        let labels = snapshot.pods.labels(slot)
        if requireAll && !SpreadConstraint.nodeHasAllKeys(labels, cs) { continue }
        for (i, c) in cs.enumerated() where c.topologyKey != PodTopologySpread.hostnameKey {
          if checkNodes && !c.includes(pod.pod, node: snapshot.nodes[slot]) { continue }
          let v = labels[c.topologyKey] ?? ""
          guard let cur = s.counts[i][v] else { continue }
          if slot < podCount {
            s.counts[i][v] = cur + c.count(snapshot.pods.bySlot[slot], namespace: ns)
          }
        }
      }
    }
    state.spreadScore = s
    return .success
  }

  /// scoring.go `Score`: ignored nodes 0, else Σ over the constraints whose key the node has of
  /// `cnt·w + (maxSkew − 1)`, rounded half away from zero (`math.Round`).
  public func score(_ state: CycleState, _ pod: PodInfo, _ snapshot: NodeSnapshot, slot: Int)
    -> Int64
  {
    guard let s = state.spreadScore, !s.ignoredSlots.contains(slot) else { return 0 }
    let labels = snapshot.pods.labels(slot)
    let ns = pod.pod.metadata.namespace ?? "default"
    var score = 0.0
    for (i, c) in s.constraints.enumerated() {
      guard let v = labels[c.topologyKey] else { continue }
      let cnt: Int64
      if c.topologyKey == PodTopologySpread.hostnameKey {
        cnt = c.count(snapshot.pods.pods(slot), namespace: ns)
      } else {
        cnt = s.counts[i][v] ?? 0
      }
      score += Double(cnt) * s.weights[i] + Double(c.maxSkew - 1)
    }
    return Int64(score.rounded(.toNearestOrAwayFromZero))
  }

  public var normalizes: Bool { true }

  /// scoring.go `NormalizeScore`: ignored nodes 0; else `100·(max + min − s)/max` over the
  /// others, all 100 when max is 0.
  public func normalize(_ state: CycleState, _ pod: PodInfo, _ scores: inout [Int64]) {
    guard let s = state.spreadScore else { return }
    var minS = Int64.max
    var maxS: Int64 = 0
    for (j, v) in scores.enumerated() where !(j < s.ignored.count && s.ignored[j]) {
      if v < minS { minS = v }
      if v > maxS { maxS = v }
    }
    for j in scores.indices {
      if j < s.ignored.count && s.ignored[j] {
        scores[j] = 0
      } else if maxS == 0 {
        scores[j] = NodeScore.max
      } else {
        scores[j] = NodeScore.max * (maxS + minS - scores[j]) / maxS
      }
    }
  }
}
