import KubeSimModel

/// Per node slot: the number of pods on it that PodTopologySpread counts for one (namespace,
/// selector), exactly `SpreadConstraint.count(pods(slot), namespace:)` (upstream
/// `countPodsMatchSelector`: not terminating, same namespace, selector matches), so Score reads
/// the hostname constraint's count in O(1) instead of matching every pod on the node.
///
/// An entry is built by one pass over every pod, then kept current on every pod
/// add/remove/update (`apply`, the hooks `SpreadCountCache` uses). It depends on the pods of
/// each slot only, not on node labels or liveness: label changes keep it, a removed node's slot
/// keeps its pods' counts until they are removed (slots are never reused; readers visit live
/// slots only). A reference type shared by every copy of a snapshot, like `SpreadCountCache`.
/// `capacity` (1,024 entries of one `Int32` per slot) covers hundreds of interleaved templates.
///
/// From the first build on, it also tallies the non-terminating pods carrying each (namespace,
/// label pair), so building an entry for a selector whose anchor pair no pod carries (the first
/// pod of a new template, the common case) skips the pass over every pod. Until then (no pod
/// had a spread selector) pod arrivals pay nothing for it.
public final class SpreadNodeCounts: @unchecked Sendable {
  private var store = SpreadCountStore<SpreadSelectorKey, [Int32]>(capacity: 1_024)
  /// Non-terminating pods per (namespace, label pair); pairs at 0 are removed. Kept only once
  /// `tallying` (started by `startTally`).
  private var podsCarrying: [SpreadSelectorAnchor: Int32] = [:]
  private(set) var tallying = false

  public init() {}

  /// Upper bound on the number of entries (least recently used ones beyond it are dropped).
  public var capacity: Int {
    get { store.capacity }
    set { store.capacity = max(1, newValue) }
  }

  /// Number of entries held.
  public var count: Int { store.entries.count }

  /// Drops every entry (not the tally of label pairs, which describes the pods).
  public func clear() { store.clear() }

  /// Whether any non-terminating pod carries the namespace and label pair (after
  /// `startTally`).
  func anyPod(carrying a: SpreadSelectorAnchor) -> Bool { podsCarrying[a] != nil }

  /// Tallies every pod present and keeps the tally current from now on.
  func startTally(_ bySlot: [[AssignedPod]]) {
    if tallying { return }
    tallying = true
    for pods in bySlot {
      pods.withUnsafeBufferPointer { buf in
        for i in buf.indices { tally(buf[i].terminating, buf[i].namespace, buf[i].labels, 1) }
      }
    }
  }

  private func tally(_ terminating: Bool, _ namespace: String, _ labels: Labels, _ sign: Int32) {
    if terminating { return }
    for l in labels.entries {
      let a = SpreadSelectorAnchor(namespace: namespace, key: l.key, value: l.value)
      let n = (podsCarrying[a] ?? 0) + sign
      podsCarrying[a] = n == 0 ? nil : n
    }
  }

  func lookup(_ key: SpreadSelectorKey) -> [Int32]? { store.lookup(key) }

  func store(_ key: SpreadSelectorKey, counts: [Int32]) {
    store.store(key, selector: key, counts: counts)
  }

  /// Applies one pod's arrival (sign 1) or departure (−1) on `slot`.
  func apply(_ p: AssignedPod, slot: Int, sign: Int32) {
    if tallying { tally(p.terminating, p.namespace, p.labels, sign) }
    store.forEachMatch(p) { _, counts in
      while counts.count <= slot { counts.append(0) }
      counts[slot] += sign
    }
  }
}
