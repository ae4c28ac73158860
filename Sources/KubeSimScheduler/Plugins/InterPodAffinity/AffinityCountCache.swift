import KubeSimModel

/// Incremental topology counts for InterPodAffinity, so a cycle does not scan every pod.
///
/// Two kinds of entries, each created by one full scan the first time a cycle asks and then
/// kept current on every pod add/remove (`apply`), so pods of the same template (a ReplicaSet's)
/// pay O(1) per cycle instead of O(pods):
/// - *incoming terms*: for a list of terms with multipliers (the incoming pod's required
///   affinity, required anti-affinity, or weighted preferred terms), Σ multiplier per existing
///   pod matching a term, by the term's topology pair (upstream
///   `getIncomingAffinityAntiAffinityCounts`, and the first half of `processExistingPod`);
/// - *existing terms*: for an incoming pod's namespace and labels, Σ over the existing pods'
///   required anti-affinity terms (filter) or their required affinity × hardPodAffinityWeight
///   and preferred terms (score) that match it (`getExistingAntiAffinityCounts`, the second half
///   of `processExistingPod`).
/// Node or namespace label changes clear the cache. At most `capacity` entries are kept (least
/// recently used dropped). A reference type: the scheduler runs one cycle at a time on one
/// thread, and plugins fill it through the snapshot they are given by value.
public final class AffinityCountCache: @unchecked Sendable {
  enum Kind {
    case incoming(terms: [AffinityTerm], multipliers: [Int64])
    /// Existing pods' terms against a pod in `namespace` with `labels`; `mode` 0 = required
    /// anti-affinity, 1 = scoring with the given hard weight and preferred-terms flag.
    case existing(namespace: String, labels: Labels, mode: Int, hardWeight: Int64, preferred: Bool)
  }
  struct Entry {
    var key: String
    var kind: Kind
    var counts: TopologyCounts
  }
  private var entries: [Entry] = []
  public var capacity = 16

  public init() {}

  /// Drops every entry (node or namespace labels changed).
  public func clear() { entries.removeAll() }

  func lookup(_ key: String) -> TopologyCounts? {
    guard let i = entries.firstIndex(where: { $0.key == key }) else { return nil }
    if i > 0 { entries.insert(entries.remove(at: i), at: 0) }
    return entries[0].counts
  }

  func store(_ key: String, _ kind: Kind, _ counts: TopologyCounts) {
    entries.insert(Entry(key: key, kind: kind, counts: counts), at: 0)
    if entries.count > capacity { entries.removeLast() }
  }

  /// Applies one pod's arrival (sign 1) or departure (−1) on a node to every entry.
  func apply(
    _ p: AssignedPod, nodeLabels: Labels, namespaceLabels: [String: Labels], sign: Int64
  ) {
    if entries.isEmpty || nodeLabels.isEmpty { return }
    for e in entries.indices {
      Self.contribute(
        p, nodeLabels, namespaceLabels, entries[e].kind, sign, into: &entries[e].counts)
    }
  }

  /// What one existing pod on a node with `nodeLabels` adds to counts of `kind`.
  @inline(__always)
  static func contribute(
    _ p: AssignedPod, _ nodeLabels: Labels, _ nsLabels: [String: Labels], _ kind: Kind,
    _ sign: Int64, into counts: inout TopologyCounts
  ) {
    switch kind {
    case .incoming(let terms, let mult):
      let pl = nsLabels[p.namespace]
      for (i, t) in terms.enumerated() {
        if let v = nodeLabels[t.topologyKey],
          t.matches(namespace: p.namespace, labels: p.labels, namespaceLabels: pl)
        {
          counts.bump(t.topologyKey, v, by: mult[i] * sign)
        }
      }
    case .existing(let ns, let labels, let mode, let hard, let preferred):
      guard let et = p.terms else { return }
      let il = nsLabels[ns]
      if mode == 0 {
        for t in et.requiredAntiAffinity {
          if let v = nodeLabels[t.topologyKey],
            t.matches(namespace: ns, labels: labels, namespaceLabels: il)
          {
            counts.bump(t.topologyKey, v, by: sign)
          }
        }
        return
      }
      if hard > 0 {
        for t in et.requiredAffinity {
          if let v = nodeLabels[t.topologyKey],
            t.matches(namespace: ns, labels: labels, namespaceLabels: il)
          {
            counts.bump(t.topologyKey, v, by: hard * sign)
          }
        }
      }
      if preferred {
        for t in et.preferredAffinity {
          if let v = nodeLabels[t.topologyKey],
            t.matches(namespace: ns, labels: labels, namespaceLabels: il)
          {
            counts.bump(t.topologyKey, v, by: t.weight * sign)
          }
        }
        for t in et.preferredAntiAffinity {
          if let v = nodeLabels[t.topologyKey],
            t.matches(namespace: ns, labels: labels, namespaceLabels: il)
          {
            counts.bump(t.topologyKey, v, by: -t.weight * sign)
          }
        }
      }
    }
  }
}

extension AssignedPods {
  /// Counts of `kind` over every pod on every live node, from the cache or one full scan.
  /// Zero counts are dropped, so an empty result means "no pair" as upstream's maps.
  func counts(_ kind: AffinityCountCache.Kind, key: String, live: (Int) -> Bool) -> TopologyCounts {
    if let c = cache.lookup(key) { return c }
    var counts: TopologyCounts = [:]
    for slot in bySlot.indices where live(slot) && slot < nodeLabels.count {
      let nl = nodeLabels[slot]
      if nl.isEmpty { continue }
      if case .existing = kind, withAffinity[slot] == 0 { continue }
      for p in bySlot[slot] {
        AffinityCountCache.contribute(p, nl, namespaceLabels, kind, 1, into: &counts)
      }
    }
    cache.store(key, kind, counts)
    return counts
  }
}

extension AffinityTerm {
  /// A text identifying the term (for cache keys).
  var signature: String {
    let ns = namespaces.joined(separator: ",")
    return "\(topologyKey)|\(ns)|\(namespaceSelector.keyText)|\(selector.keyText)|\(weight)"
  }
}

extension Optional where Wrapped == LabelSelector {
  /// A cache-key text of the selector ("-" for nil); no reflection (`String(describing:)` is slow).
  var keyText: String {
    guard let s = self else { return "-" }
    var out = s.matchLabels.keyText + "#"
    for r in s.matchExpressions {
      out += r.key + " " + r.operator.rawValue + " " + r.values.joined(separator: ",") + ";"
    }
    return out
  }
}

extension StringMap {
  /// A cache-key text of the map (entries are sorted by key).
  var keyText: String {
    var out = ""
    for e in entries { out += e.key + "=" + e.value + "," }
    return out
  }
}
