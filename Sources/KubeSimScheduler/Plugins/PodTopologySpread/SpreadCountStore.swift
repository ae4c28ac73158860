import KubeSimModel

/// A bounded, least-recently-used table of count entries keyed by `Key`, each counting the pods
/// of one namespace that match one selector, with an index that finds the entries a pod can
/// match without testing every selector.
///
/// Lookups are one hash probe. A pod's arrival or departure (`forEachMatch`) visits only the
/// entries anchored on one of the pod's labels (`SpreadSelectorKey.anchor`) plus the few
/// entries whose selector names no single label pair. At most `capacity` entries are kept; when
/// full, the entry used longest ago is replaced (found by a scan of the use stamps, only on a
/// store). The dictionaries are only probed, never iterated, so their order reaches nothing.
///
/// - Complexity: lookup O(1) (hashing the key); store O(1), O(capacity) when full;
///   `forEachMatch` O(labels of the pod + matching candidates).
struct SpreadCountStore<Key: Hashable, Counts> {
  struct Entry {
    var key: Key
    var selector: SpreadSelectorKey
    var anchor: SpreadSelectorAnchor?
    var counts: Counts
    var lastUse: UInt64
  }
  private(set) var entries: [Entry] = []
  private var index: [Key: Int] = [:]
  private var anchored: [SpreadSelectorAnchor: [Int]] = [:]
  private var unanchored: [Int] = []
  private var clock: UInt64 = 0
  /// Upper bound on the number of entries.
  var capacity: Int

  init(capacity: Int) { self.capacity = max(1, capacity) }

  var isEmpty: Bool { entries.isEmpty }

  mutating func clear() {
    entries.removeAll()
    index.removeAll()
    anchored.removeAll()
    unanchored.removeAll()
  }

  /// The counts stored under `key`, marking the entry as used.
  mutating func lookup(_ key: Key) -> Counts? {
    guard let i = index[key] else { return nil }
    clock += 1
    entries[i].lastUse = clock
    return entries[i].counts
  }

  /// Stores counts under a key not present, replacing the least recently used entry when full.
  mutating func store(_ key: Key, selector: SpreadSelectorKey, counts: Counts) {
    clock += 1
    let e = Entry(
      key: key, selector: selector, anchor: selector.anchor, counts: counts, lastUse: clock)
    let i: Int
    if entries.count < capacity {
      i = entries.count
      entries.append(e)
    } else {
      i = leastRecentlyUsed()
      unlink(i)
      index[entries[i].key] = nil
      entries[i] = e
    }
    index[key] = i
    if let a = e.anchor {
      anchored[a, default: []].append(i)
    } else {
      unanchored.append(i)
    }
  }

  /// Calls `body` with the counts of every entry whose selector counts pod `p`.
  @inline(__always)
  mutating func forEachMatch(_ p: AssignedPod, _ body: (Key, inout Counts) -> Void) {
    if entries.isEmpty || p.terminating { return }
    for l in p.labels.entries {
      let a = SpreadSelectorAnchor(namespace: p.namespace, key: l.key, value: l.value)
      guard let ids = anchored[a] else { continue }
      for i in ids where entries[i].selector.counts(p) { body(entries[i].key, &entries[i].counts) }
    }
    for i in unanchored where entries[i].selector.counts(p) {
      body(entries[i].key, &entries[i].counts)
    }
  }

  private func leastRecentlyUsed() -> Int {
    var best = 0
    for i in entries.indices where entries[i].lastUse < entries[best].lastUse { best = i }
    return best
  }

  private mutating func unlink(_ i: Int) {
    if let a = entries[i].anchor {
      anchored[a]?.removeAll { $0 == i }
      if anchored[a]?.isEmpty == true { anchored[a] = nil }
    } else {
      unanchored.removeAll { $0 == i }
    }
  }
}
