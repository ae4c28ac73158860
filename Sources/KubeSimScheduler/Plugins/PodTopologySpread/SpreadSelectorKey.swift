import KubeSimModel

/// What PodTopologySpread counts: pods of one namespace whose labels match one selector
/// (upstream `countPodsMatchSelector`, podtopologyspread/common.go, v1.35). The key of the
/// per-node counts (`SpreadNodeCounts`) and part of the key of the per-domain counts
/// (`SpreadCountCache`).
///
/// Hashable by value, so a cache lookup hashes a few strings instead of building a key text.
struct SpreadSelectorKey: Hashable {
  var namespace: String
  var selector: LabelSelector

  static func == (a: SpreadSelectorKey, b: SpreadSelectorKey) -> Bool {
    a.namespace == b.namespace && a.selector == b.selector
  }

  func hash(into h: inout Hasher) {
    h.combine(namespace)
    h.combine(selector.matchLabels)
    h.combine(selector.matchExpressions.count)
    for r in selector.matchExpressions {
      h.combine(r.key)
      h.combine(r.operator)
      h.combine(r.values)
    }
  }

  /// The label pair every matching pod must carry, if the selector names one: its first
  /// `matchLabels` entry, else its first `In` requirement with a single value. Lets a store
  /// visit, for a pod, only the entries anchored on one of its labels.
  var anchor: SpreadSelectorAnchor? {
    if let e = selector.matchLabels.entries.first {
      return SpreadSelectorAnchor(namespace: namespace, key: e.key, value: e.value)
    }
    for r in selector.matchExpressions where r.operator == .in && r.values.count == 1 {
      return SpreadSelectorAnchor(namespace: namespace, key: r.key, value: r.values[0])
    }
    return nil
  }

  /// Whether a pod counts (upstream `countPodsMatchSelector` for one pod): not terminating, in
  /// the namespace, labels matching.
  @inline(__always)
  func counts(_ p: AssignedPod) -> Bool {
    !p.terminating && p.namespace == namespace && selector.matches(p.labels)
  }
}

/// A namespace and label pair that a selector requires (`SpreadSelectorKey.anchor`).
struct SpreadSelectorAnchor: Hashable {
  var namespace: String
  var key: String
  var value: String
}

/// The key of one per-domain count entry: the selector, the topology key counted, and the keys
/// a node must carry to count at all (PreFilter: every constraint's key; PreScore: the same
/// when `requireAll`, else none).
struct SpreadDomainKey: Hashable {
  var selector: SpreadSelectorKey
  var topologyKey: String
  var requiredKeys: [String]
}
