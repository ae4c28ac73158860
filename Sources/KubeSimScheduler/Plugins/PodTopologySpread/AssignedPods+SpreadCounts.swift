import KubeSimModel

extension AssignedPods {
  /// Per slot, the pods `SpreadConstraint.count` counts for (namespace, selector): from
  /// `spreadNodeCounts`, else one pass over every pod (then kept current). Slots past the end
  /// count 0; a nil selector matches nothing (empty result).
  ///
  /// - Complexity: O(1) when cached (one hash probe), else O(pods) (O(slots) when no pod
  ///   carries the selector's anchor pair).
  func spreadNodeCounts(_ c: SpreadConstraint, namespace: String) -> [Int32] {
    guard let sel = c.selector else { return [] }
    let key = SpreadSelectorKey(namespace: namespace, selector: sel)
    if let hit = spreadNodeCounts.lookup(key) { return hit }
    var counts = [Int32](repeating: 0, count: bySlot.count)
    // No pod carries the selector's anchor pair: every count is 0, no pass needed.
    spreadNodeCounts.startTally(bySlot)
    let none = key.anchor.map { !spreadNodeCounts.anyPod(carrying: $0) } ?? false
    for slot in bySlot.indices where !none {
      // Field by field through a buffer: passing or iterating whole records copies each one
      // (a dozen reference-counted fields), the cost of this pass.
      counts[slot] = bySlot[slot].withUnsafeBufferPointer { pods in
        var n: Int32 = 0
        for i in pods.indices
        where !pods[i].terminating && pods[i].namespace == namespace
          && sel.matches(pods[i].labels)
        {
          n += 1
        }
        return n
      }
    }
    spreadNodeCounts.store(key, counts: counts)
    return counts
  }

  /// Matching pods per topology value over the live nodes carrying `requiredKeys` and the
  /// constraint's key, every such node's value present (0 when no pod matches). PreFilter's
  /// `matchNum` when node objects need no check; PreScore's counts for candidate values other
  /// than "" (see `PodTopologySpread.preScore`). From `spreadCache`, else summed from the
  /// per-node counts over the nodes (then kept current).
  ///
  /// - Complexity: O(1) when cached, else O(nodes) (plus O(pods) if the per-node counts are
  ///   not cached either).
  func spreadCounts(
    _ c: SpreadConstraint, namespace: String, requiredKeys: [String], live: (Int) -> Bool
  ) -> [String: Int64] {
    guard let sel = c.selector else {
      // A nil selector matches nothing: every domain at 0.
      var out: [String: Int64] = [:]
      for slot in nodeLabels.indices where live(slot) {
        let nl = nodeLabels[slot]
        if requiredKeys.allSatisfy({ nl[$0] != nil }), let v = nl[c.topologyKey] { out[v] = 0 }
      }
      return out
    }
    let key = SpreadDomainKey(
      selector: SpreadSelectorKey(namespace: namespace, selector: sel),
      topologyKey: c.topologyKey, requiredKeys: requiredKeys)
    if let hit = spreadCache.lookup(key) { return hit }
    let perNode = spreadNodeCounts(c, namespace: namespace)
    var counts: [String: Int64] = [:]
    for slot in nodeLabels.indices where live(slot) {
      let nl = nodeLabels[slot]
      guard requiredKeys.allSatisfy({ nl[$0] != nil }), let v = nl[c.topologyKey] else { continue }
      counts[v, default: 0] += slot < perNode.count ? Int64(perNode[slot]) : 0
    }
    spreadCache.store(key, counts: counts)
    return counts
  }
}
