import KubeSimModel

/// Incremental per-domain counts for PodTopologySpread's PreFilter, so pods of a repeated
/// template do not rescan every node and pod each cycle.
///
/// An entry is (namespace, selector, topology key, the keys a node must carry) → matching pods
/// per topology value over the live nodes carrying all the keys, with every such node's value
/// present (a domain with 0 pods still counts for the minimum). Built by one full scan, then kept
/// current on every pod add/remove (`apply`); node or namespace label changes and node removal
/// clear it. Only used when no Honor policy has anything to check (see
/// `SpreadConstraint.needsNodeObjects`). Least recently used entries beyond `capacity` are
/// dropped. A reference type, like `AffinityCountCache`.
public final class SpreadCountCache: @unchecked Sendable {
  struct Entry {
    var key: String
    var namespace: String
    var selector: LabelSelector
    var topologyKey: String
    var requiredKeys: [String]
    var counts: [String: Int64]
  }
  private var entries: [Entry] = []
  public var capacity = 16

  public init() {}

  public func clear() { entries.removeAll() }

  func lookup(_ key: String) -> [String: Int64]? {
    guard let i = entries.firstIndex(where: { $0.key == key }) else { return nil }
    if i > 0 { entries.insert(entries.remove(at: i), at: 0) }
    return entries[0].counts
  }

  func store(_ e: Entry) {
    entries.insert(e, at: 0)
    if entries.count > capacity { entries.removeLast() }
  }

  func apply(_ p: AssignedPod, nodeLabels: Labels, sign: Int64) {
    if entries.isEmpty || p.terminating { return }
    for i in entries.indices {
      let e = entries[i]
      guard p.namespace == e.namespace, let v = nodeLabels[e.topologyKey],
        e.requiredKeys.allSatisfy({ nodeLabels[$0] != nil }), e.selector.matches(p.labels)
      else { continue }
      entries[i].counts[v, default: 0] += sign
    }
  }
}

extension AssignedPods {
  /// PreFilter's per-domain counts for one constraint when node objects need no check.
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
    let key =
      "\(namespace)|\(c.topologyKey)|\(requiredKeys.joined(separator: ","))|\(c.selector.keyText)"
    if let hit = spreadCache.lookup(key) { return hit }
    var counts: [String: Int64] = [:]
    for slot in nodeLabels.indices where live(slot) {
      let nl = nodeLabels[slot]
      guard requiredKeys.allSatisfy({ nl[$0] != nil }), let v = nl[c.topologyKey] else { continue }
      counts[v, default: 0] += slot < bySlot.count ? c.count(bySlot[slot], namespace: namespace) : 0
    }
    spreadCache.store(
      SpreadCountCache.Entry(
        key: key, namespace: namespace, selector: sel, topologyKey: c.topologyKey,
        requiredKeys: requiredKeys, counts: counts))
    return counts
  }
}
