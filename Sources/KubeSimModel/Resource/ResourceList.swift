/// Resource names and amounts (`v1.ResourceList`): `cpu: 500m`, `memory: 1Gi`, `pods: "110"`.
///
/// Stored as an array of entries sorted by name (byte-wise), not a dictionary: deterministic
/// iteration and small per-pod memory (ARCHITECTURE.md).
public struct ResourceList: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral {
  /// One resource amount.
  public struct Entry: Sendable, Hashable {
    /// The resource name (`cpu`, `memory`, `ephemeral-storage`, `pods`, `nvidia.com/gpu`, …).
    public var name: String
    /// The amount.
    public var quantity: Quantity
    /// Creates an entry.
    public init(name: String, quantity: Quantity) {
      self.name = name
      self.quantity = quantity
    }
  }

  /// The entries sorted by name, names unique.
  public private(set) var entries: [Entry]

  /// An empty list.
  public init() { entries = [] }

  /// A list from name/quantity pairs (a later duplicate replaces the earlier one).
  public init(dictionaryLiteral elements: (String, Quantity)...) {
    entries = []
    for (k, v) in elements { self[k] = v }
  }

  /// The CPU resource name.
  public static let cpu = "cpu"
  /// The memory resource name.
  public static let memory = "memory"
  /// The ephemeral storage resource name.
  public static let ephemeralStorage = "ephemeral-storage"
  /// The pod-count resource name (node capacity).
  public static let pods = "pods"
  /// The storage resource name (volumes, claims).
  public static let storage = "storage"

  /// The number of entries.
  public var count: Int { entries.count }
  /// True when empty.
  public var isEmpty: Bool { entries.isEmpty }

  /// The amount for `name`; setting nil removes it.
  public subscript(name: String) -> Quantity? {
    get {
      for e in entries where e.name == name { return e.quantity }
      return nil
    }
    set {
      var i = 0
      while i < entries.count && StringMap.less(entries[i].name, name) { i += 1 }
      let found = i < entries.count && entries[i].name == name
      switch (found, newValue) {
      case (true, let q?): entries[i].quantity = q
      case (true, nil): entries.remove(at: i)
      case (false, let q?): entries.insert(Entry(name: name, quantity: q), at: i)
      case (false, nil): break
      }
    }
  }

  /// CPU in millicores (0 when absent).
  public var cpuMilli: Int64 { self[ResourceList.cpu]?.milliValue ?? 0 }
  /// Memory in bytes (0 when absent).
  public var memoryBytes: Int64 { self[ResourceList.memory]?.value ?? 0 }

  /// Iterates `(name, quantity)` in name order, without copying the entries.
  public struct Iterator: IteratorProtocol {
    var base: IndexingIterator<[Entry]>
    /// The next pair.
    public mutating func next() -> (name: String, quantity: Quantity)? {
      guard let e = base.next() else { return nil }
      return (name: e.name, quantity: e.quantity)
    }
  }

  /// Iterates `(name, quantity)` in name order.
  public func makeIterator() -> Iterator { Iterator(base: entries.makeIterator()) }
}
