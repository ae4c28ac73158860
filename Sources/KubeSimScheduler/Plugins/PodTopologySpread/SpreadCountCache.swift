import KubeSimModel

/// Incremental per-domain counts for PodTopologySpread's PreFilter and PreScore, so pods of a
/// repeated template do not rescan every node and pod each cycle.
///
/// An entry is (namespace, selector, topology key, the keys a node must carry) → matching pods
/// per topology value over the live nodes carrying all the keys and the topology key, with every
/// such node's value present (a domain with 0 pods still counts for PreFilter's minimum). Built
/// from the per-node counts (`SpreadNodeCounts`, one pass over the nodes), then kept current on
/// every pod add/remove/update on a live node (`apply`); node or namespace label changes and node
/// removal clear it. Only used when no Honor policy has anything to check (see
/// `SpreadConstraint.needsNodeObjects`). A reference type, like `AffinityCountCache`: every copy
/// of a snapshot shares it, and copies that add pods undo them.
///
/// PreFilter and PreScore ask for different required keys, so a template's pods use two entries
/// when both run. `capacity` (1,024) holds every selector of a cluster of hundreds of
/// Deployments even when their pods arrive interleaved (`kubesim bench cluster-day` has 500
/// selectors; its pods happen to come one template at a time, and the old 16-entry list would
/// have thrashed on any interleaving). Lookups are one hash probe, and a pod's arrival visits
/// only the entries anchored on its labels (`SpreadCountStore`).
public final class SpreadCountCache: @unchecked Sendable {
  private var store = SpreadCountStore<SpreadDomainKey, [String: Int64]>(capacity: 1_024)

  public init() {}

  /// Upper bound on the number of entries (least recently used ones beyond it are dropped).
  public var capacity: Int {
    get { store.capacity }
    set { store.capacity = max(1, newValue) }
  }

  /// Number of entries held.
  public var count: Int { store.entries.count }

  /// Drops every entry (node labels, namespace labels or the set of live nodes changed).
  public func clear() { store.clear() }

  func lookup(_ key: SpreadDomainKey) -> [String: Int64]? { store.lookup(key) }

  func store(_ key: SpreadDomainKey, counts: [String: Int64]) {
    store.store(key, selector: key.selector, counts: counts)
  }

  /// Applies one pod's arrival (sign 1) or departure (−1) on a live node with `nodeLabels`.
  func apply(_ p: AssignedPod, nodeLabels: Labels, sign: Int64) {
    store.forEachMatch(p) { key, counts in
      guard let v = nodeLabels[key.topologyKey],
        key.requiredKeys.allSatisfy({ nodeLabels[$0] != nil })
      else { return }
      counts[v, default: 0] += sign
    }
  }
}
