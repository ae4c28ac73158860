import KubeSimKernel
import KubeSimModel

@testable import KubeSimScheduler

/// PodTopologySpread's PreScore and Score as a plain scan, with no cache: every live node and
/// every pod on it, each pod's labels matched (the implementation before the incremental counts,
/// scoring.go `initPreScoreState`, `PreScore`, `Score`). The oracle of
/// `SpreadIncrementalCountsTests`.
enum SpreadScanReference {
  /// Pods on `slot` in `namespace`, not terminating, matching `selector` (nil matches nothing).
  static func count(_ s: NodeSnapshot, _ namespace: String, _ selector: LabelSelector?, slot: Int)
    -> Int64
  {
    guard let sel = selector else { return 0 }
    return Int64(
      s.pods.pods(slot).filter {
        !$0.terminating && $0.namespace == namespace && sel.matches($0.labels)
      }.count)
  }

  /// Matching pods per value of `key` over the live nodes carrying `key` and `required`.
  static func domains(
    _ s: NodeSnapshot, _ namespace: String, _ selector: LabelSelector?, key: String,
    required: [String]
  ) -> [String: Int64] {
    var out: [String: Int64] = [:]
    for slot in 0..<s.table.count where s.table.isLive[slot] {
      let l = s.pods.labels(slot)
      guard let v = l[key], required.allSatisfy({ l[$0] != nil }) else { continue }
      out[v, default: 0] += count(s, namespace, selector, slot: slot)
    }
    return out
  }

  /// PreFilter's `matchNum` (filtering.go `calculatePreFilterState`): per constraint, matching
  /// pods per value over the live nodes carrying every constraint's key that the Honor
  /// policies include.
  static func matchNum(_ pod: Pod, _ cs: [SpreadConstraint], _ s: NodeSnapshot)
    -> [[String: Int64]]
  {
    var m = Array(repeating: [String: Int64](), count: cs.count)
    let ns = pod.metadata.namespace ?? "default"
    for slot in 0..<s.table.count where s.table.isLive[slot] {
      let l = s.pods.labels(slot)
      if !cs.allSatisfy({ l[$0.topologyKey] != nil }) { continue }
      for (i, c) in cs.enumerated() where c.includes(pod, node: s.nodes[slot]) {
        m[i][l[c.topologyKey] ?? "", default: 0] += count(s, ns, c.selector, slot: slot)
      }
    }
    return m
  }

  /// The raw Score of every feasible node (nil entries: PreScore skipped), then normalized as
  /// `PodTopologySpread.normalize` does.
  static func scores(
    _ plugin: PodTopologySpread, _ pod: PodInfo, _ s: NodeSnapshot, feasible: [Int]
  ) -> [Int64]? {
    if feasible.isEmpty { return nil }
    let (cs, systemDefaulted) = plugin.scoreConstraints(pod)
    if cs.isEmpty { return nil }
    let requireAll = !pod.pod.spec.topologySpreadConstraints.isEmpty || !systemDefaulted
    let host = PodTopologySpread.hostnameKey
    var counts = Array(repeating: [String: Int64](), count: cs.count)
    var ignored = Array(repeating: false, count: feasible.count)
    for (j, slot) in feasible.enumerated() {
      let l = s.pods.labels(slot)
      if requireAll && !cs.allSatisfy({ l[$0.topologyKey] != nil }) {
        ignored[j] = true
        continue
      }
      for (i, c) in cs.enumerated() where c.topologyKey != host {
        counts[i][l[c.topologyKey] ?? ""] = 0
      }
    }
    let kept = ignored.filter { !$0 }.count
    let weights = cs.indices.map { i in
      DeterministicMath.ln(Double((cs[i].topologyKey == host ? kept : counts[i].count) + 2))
    }
    let ns = pod.pod.metadata.namespace ?? "default"
    for slot in 0..<s.table.count where s.table.isLive[slot] {
      let l = s.pods.labels(slot)
      if requireAll && !cs.allSatisfy({ l[$0.topologyKey] != nil }) { continue }
      for (i, c) in cs.enumerated() where c.topologyKey != host {
        if !c.includes(pod.pod, node: s.nodes[slot]) { continue }
        let v = l[c.topologyKey] ?? ""
        guard let cur = counts[i][v] else { continue }
        counts[i][v] = cur + count(s, ns, c.selector, slot: slot)
      }
    }
    var raw: [Int64] = []
    for (j, slot) in feasible.enumerated() {
      if ignored[j] {
        raw.append(0)
        continue
      }
      let l = s.pods.labels(slot)
      var score = 0.0
      for (i, c) in cs.enumerated() {
        guard let v = l[c.topologyKey] else { continue }
        let cnt = c.topologyKey == host ? count(s, ns, c.selector, slot: slot) : counts[i][v] ?? 0
        score += Double(cnt) * weights[i] + Double(c.maxSkew - 1)
      }
      raw.append(Int64(score.rounded(.toNearestOrAwayFromZero)))
    }
    var state = CycleState()
    state.spreadScore = SpreadScoreState(ignored: ignored)
    plugin.normalize(state, pod, &raw)
    return raw
  }
}

extension SpreadScoreState {
  /// A state carrying only the ignored flags (what `normalize` reads).
  init(ignored: [Bool]) {
    self.init()
    self.ignored = ignored
  }
}
