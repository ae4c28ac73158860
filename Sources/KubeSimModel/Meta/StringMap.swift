/// A string-to-string map kept sorted by key: labels, annotations, node selectors, ConfigMap data.
///
/// Kubernetes uses `map[string]string`; KubeSim keeps a sorted array of entries instead so that
/// iteration is deterministic (ARCHITECTURE.md, determinism rule 1) and a pod's few labels cost one
/// small allocation rather than a hash table. Lookups are binary searches.
///
/// - Complexity: lookup O(log n), insertion O(n); n is small (a handful of labels).
public struct StringMap: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral {
  /// One key/value entry.
  public struct Entry: Sendable, Hashable {
    /// The key.
    public var key: String
    /// The value.
    public var value: String
    /// Creates an entry.
    public init(key: String, value: String) {
      self.key = key
      self.value = value
    }
  }

  /// The entries, sorted by key (byte-wise, as Go sorts strings), keys unique.
  public private(set) var entries: [Entry]

  /// An empty map.
  public init() { entries = [] }

  /// A map from pairs; a later duplicate key replaces the earlier value.
  public init<S: Sequence>(_ pairs: S) where S.Element == (String, String) {
    entries = []
    for (k, v) in pairs { self[k] = v }
  }

  /// A map from a dictionary literal (later duplicates win).
  public init(dictionaryLiteral elements: (String, String)...) {
    self.init(elements)
  }

  /// The number of entries.
  public var count: Int { entries.count }
  /// True when there are no entries.
  public var isEmpty: Bool { entries.isEmpty }
  /// The keys in sorted order.
  public var keys: [String] { entries.map(\.key) }

  /// Binary search: the index of `key`, or where it would be inserted.
  @usableFromInline
  func index(of key: String) -> (index: Int, found: Bool) {
    var lo = 0
    var hi = entries.count
    while lo < hi {
      let mid = (lo + hi) / 2
      let k = entries[mid].key
      if k == key { return (mid, true) }
      if StringMap.less(k, key) { lo = mid + 1 } else { hi = mid }
    }
    return (lo, false)
  }

  /// Byte-wise (UTF-8) ordering, as Go's `sort.Strings`; independent of locale and normalization.
  public static func less(_ a: String, _ b: String) -> Bool {
    a.utf8.lexicographicallyPrecedes(b.utf8)
  }

  /// The value for `key`; setting nil removes the entry.
  public subscript(key: String) -> String? {
    get {
      let (i, found) = index(of: key)
      return found ? entries[i].value : nil
    }
    set {
      let (i, found) = index(of: key)
      switch (found, newValue) {
      case (true, let v?): entries[i].value = v
      case (true, nil): entries.remove(at: i)
      case (false, let v?): entries.insert(Entry(key: key, value: v), at: i)
      case (false, nil): break
      }
    }
  }

  /// True when `key` is present.
  public func contains(_ key: String) -> Bool { index(of: key).found }

  /// Iterates `(key, value)` pairs in key order, without copying the entries.
  public struct Iterator: IteratorProtocol {
    var base: IndexingIterator<[Entry]>
    /// The next pair.
    public mutating func next() -> (key: String, value: String)? {
      guard let e = base.next() else { return nil }
      return (key: e.key, value: e.value)
    }
  }

  /// Iterates `(key, value)` pairs in key order.
  public func makeIterator() -> Iterator { Iterator(base: entries.makeIterator()) }

  /// True when every entry of `other` is present here with the same value (a subset test, as
  /// `labels.SelectorFromSet(other).Matches(self)` in `k8s.io/apimachinery/pkg/labels`).
  public func containsAll(_ other: StringMap) -> Bool {
    for e in other.entries where self[e.key] != e.value { return false }
    return true
  }
}

/// Labels of an object: a sorted string map (`metadata.labels`).
public typealias Labels = StringMap
