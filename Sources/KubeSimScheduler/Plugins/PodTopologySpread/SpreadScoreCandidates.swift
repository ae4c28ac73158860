/// PodTopologySpread PreScore's view of the candidate nodes (scoring.go `initPreScoreState`):
/// which are ignored (lacking a constraint's key when `requireAll`), the topology values they
/// carry per constraint, and where each candidate's value sits, so every candidate's raw Score
/// is computed once the counts are known without reading labels or hashing values again.
struct SpreadScoreCandidates {
  /// Per constraint: its key is the hostname (counted per node, not per value).
  var isHostname: [Bool]
  /// Per constraint: the candidate values in the order first seen (deterministic).
  var values: [[String]]
  /// Per constraint: every candidate value → 0 (PreScore fills in the counts).
  var counts: [[String: Int64]]
  /// Per feasible index: the node is ignored (scores 0); and the same by slot.
  var ignored: [Bool]
  var ignoredSlots: Set<Int> = []
  var ignoredCount = 0
  /// Per constraint, per feasible index: the index of the node's value in `values` (0 for the
  /// hostname key), or −1 when the node lacks the key (Score skips the constraint there).
  private var valueIndex: [[Int32]]

  init(_ cs: [SpreadConstraint], feasible: [Int], snapshot: NodeSnapshot, requireAll: Bool) {
    isHostname = cs.map { $0.topologyKey == PodTopologySpread.hostnameKey }
    values = Array(repeating: [], count: cs.count)
    counts = Array(repeating: [:], count: cs.count)
    ignored = Array(repeating: false, count: feasible.count)
    valueIndex = Array(repeating: Array(repeating: -1, count: feasible.count), count: cs.count)
    // Each node's value per constraint by interned id; a node lacking the key reads as "",
    // the same candidate value as a node labelled "" (id `emptyId`, else one past the ids).
    let topo = cs.map { snapshot.pods.topologyValues($0.topologyKey) }
    let emptyId = topo.map { Int($0.emptyId ?? Int32($0.names.count)) }
    var position = topo.indices.map { i in
      isHostname[i] ? [] : Array(repeating: -1, count: topo[i].names.count + 1)
    }
    for (j, slot) in feasible.enumerated() {
      if requireAll && topo.contains(where: { $0.id(slot) < 0 }) {
        ignored[j] = true
        ignoredSlots.insert(slot)
        ignoredCount += 1
        continue
      }
      for i in cs.indices {
        let id = topo[i].id(slot)
        if isHostname[i] {
          if id >= 0 { valueIndex[i][j] = 0 }
          continue
        }
        let key = id >= 0 ? Int(id) : emptyId[i]
        var x = position[i][key]
        if x < 0 {
          let v = id >= 0 ? topo[i].names[Int(id)] : ""
          x = values[i].count
          values[i].append(v)
          position[i][key] = x
          counts[i][v] = 0
        }
        // Score skips a constraint whose key the node lacks.
        if id >= 0 { valueIndex[i][j] = Int32(x) }
      }
    }
  }

  /// scoring.go `Score` for every candidate, in `feasible` order: exactly what
  /// `PodTopologySpread.score` returns for it (the same sum in the same order, rounded half
  /// away from zero), 0 for ignored nodes.
  func rawScores(_ s: SpreadScoreState, feasible: [Int]) -> [Int64] {
    // Per constraint, read once: counts by value position, per-node counts, the skew term.
    let byIndex = values.indices.map { i in values[i].map { s.counts[i][$0] ?? 0 } }
    let perNode = s.nodeCounts.map { $0 ?? [] }
    let skewTerm = s.constraints.map { Double($0.maxSkew - 1) }
    let weights = s.weights
    var out = [Int64](repeating: 0, count: feasible.count)
    for (j, slot) in feasible.enumerated() where !ignored[j] {
      var score = 0.0
      for i in skewTerm.indices {
        let x = valueIndex[i][j]
        if x < 0 { continue }
        let cnt: Int64
        if isHostname[i] {
          cnt = slot < perNode[i].count ? Int64(perNode[i][slot]) : 0
        } else {
          cnt = byIndex[i][Int(x)]
        }
        score += Double(cnt) * weights[i] + skewTerm[i]
      }
      out[j] = Int64(score.rounded(.toNearestOrAwayFromZero))
    }
    return out
  }
}
