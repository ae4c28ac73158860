import KubeSimKernel
import KubeSimModel

extension PodTopologySpread {
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

  /// scoring.go `PreScore` (`initPreScoreState`): the candidates' topology values per
  /// constraint, then the matching pods per value over every live node of the snapshot,
  /// candidates or not; then every candidate's raw Score (`SpreadScoreState.rawScores`).
  ///
  /// The counts come from the incremental per-domain counts (`AssignedPods.spreadCounts`) when
  /// they equal the scan's exactly: no Honor policy has anything to check
  /// (`SpreadConstraint.needsNodeObjects` false) and no candidate value is "". The scan reads a
  /// node lacking the key as value "" when `requireAll` is false (system defaults), which the
  /// per-domain counts (nodes carrying the key only) cannot reproduce, so a "" candidate falls
  /// back to the scan (`scanCounts`). The hostname constraint's counts are read per node from
  /// `SpreadNodeCounts`.
  ///
  /// - Complexity: O(feasible × constraints) with the caches warm; the scan O(nodes).
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
    let c = SpreadScoreCandidates(
      cs, feasible: feasible, snapshot: snapshot, requireAll: requireAll)
    s.counts = c.counts
    s.ignored = c.ignored
    s.ignoredSlots = c.ignoredSlots
    // `topologyNormalizingWeight(size) = ln(size + 2)`; the hostname key's size is the number of
    // candidates not ignored.
    s.weights = cs.indices.map { i in
      let size = c.isHostname[i] ? feasible.count - c.ignoredCount : c.values[i].count
      return DeterministicMath.ln(Double(size + 2))
    }
    let ns = pod.pod.metadata.namespace ?? "default"
    let checkNodes = SpreadConstraint.needsNodeObjects(pod.pod, cs)
    let requiredKeys = requireAll ? cs.map(\.topologyKey) : []
    let live = { (slot: Int) in slot < snapshot.table.count && snapshot.table.isLive[slot] }
    var scan = Array(repeating: false, count: cs.count)
    s.nodeCounts = Array(repeating: nil, count: cs.count)
    for i in cs.indices {
      if c.isHostname[i] {
        s.nodeCounts[i] = snapshot.pods.spreadNodeCounts(cs[i], namespace: ns)
        continue
      }
      // A nil selector matches nothing: every count stays 0, as the scan would leave it.
      if cs[i].selector == nil { continue }
      if checkNodes || s.counts[i][""] != nil {
        scan[i] = true
        continue
      }
      let cached = snapshot.pods.spreadCounts(
        cs[i], namespace: ns, requiredKeys: requiredKeys, live: live)
      for v in c.values[i] { s.counts[i][v] = cached[v] ?? 0 }
    }
    if scan.contains(true) {
      scanCounts(&s, pod, snapshot, scan: scan, requireAll: requireAll, checkNodes: checkNodes)
    }
    s.rawScores = c.rawScores(s, feasible: feasible)
    s.feasible = feasible
    state.spreadScore = s
    return .success
  }

  /// The counting scan of `initPreScoreState` for the constraints flagged in `scan`: every live
  /// node (with all keys when `requireAll`, included by the Honor policies when `checkNodes`)
  /// adds its matching pods to its value, read as "" when the node lacks the key, if that value
  /// is a candidate. Each node's matching pods come from `SpreadNodeCounts`.
  private func scanCounts(
    _ s: inout SpreadScoreState, _ pod: PodInfo, _ snapshot: NodeSnapshot, scan: [Bool],
    requireAll: Bool, checkNodes: Bool
  ) {
    let cs = s.constraints
    let ns = pod.pod.metadata.namespace ?? "default"
    let perNode = cs.indices.map { i in
      scan[i] ? snapshot.pods.spreadNodeCounts(cs[i], namespace: ns) : []
    }
    for slot in 0..<snapshot.table.count where snapshot.table.isLive[slot] {
      let labels = snapshot.pods.labels(slot)
      if requireAll && !SpreadConstraint.nodeHasAllKeys(labels, cs) { continue }
      for (i, c) in cs.enumerated() where scan[i] {
        if checkNodes && !c.includes(pod.pod, node: snapshot.nodes[slot]) { continue }
        let v = labels[c.topologyKey] ?? ""
        guard let cur = s.counts[i][v] else { continue }
        s.counts[i][v] = cur + (slot < perNode[i].count ? Int64(perNode[i][slot]) : 0)
      }
    }
  }

  /// scoring.go `Score`: ignored nodes 0, else Σ over the constraints whose key the node has of
  /// `cnt·w + (maxSkew − 1)`, rounded half away from zero (`math.Round`). The hostname
  /// constraint's `cnt` is the node's matching pods, read from PreScore's per-node counts.
  public func score(_ state: CycleState, _ pod: PodInfo, _ snapshot: NodeSnapshot, slot: Int)
    -> Int64
  {
    guard let s = state.spreadScore, !s.ignoredSlots.contains(slot) else { return 0 }
    let labels = snapshot.pods.labels(slot)
    var score = 0.0
    for (i, c) in s.constraints.enumerated() {
      guard let v = labels[c.topologyKey] else { continue }
      let cnt: Int64
      if c.topologyKey == PodTopologySpread.hostnameKey {
        if i < s.nodeCounts.count, let perNode = s.nodeCounts[i] {
          cnt = slot < perNode.count ? Int64(perNode[slot]) : 0
        } else {
          let ns = pod.pod.metadata.namespace ?? "default"
          cnt = c.count(snapshot.pods.pods(slot), namespace: ns)
        }
      } else {
        cnt = s.counts[i][v] ?? 0
      }
      score += Double(cnt) * s.weights[i] + Double(c.maxSkew - 1)
    }
    return Int64(score.rounded(.toNearestOrAwayFromZero))
  }

  /// The raw Scores of `feasible`, in order, appended to `column`: PreScore's precomputed
  /// ones when it ran on the same candidates (the scoring loops' case), else `score` per node.
  /// Both give the same numbers (`SpreadScoreState.rawScores`).
  func appendRawScores(
    _ state: CycleState, _ pod: PodInfo, _ snapshot: NodeSnapshot, _ feasible: [Int],
    to column: inout [Int64]
  ) {
    if let s = state.spreadScore, let raw = s.rawScores, s.feasible == feasible {
      column.append(contentsOf: raw)
      return
    }
    for slot in feasible { column.append(score(state, pod, snapshot, slot: slot)) }
  }

  /// Whether Score's raw scores need NormalizeScore (always).
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
