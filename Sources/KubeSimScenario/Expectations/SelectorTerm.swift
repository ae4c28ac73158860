/// One `key=value` or `key!=value` term of a count selector.
public struct SelectorTerm: Sendable, Equatable {
  /// The label key, or a reserved key (`node`, `phase`, `ready`, `namespace`).
  public var key: String
  /// The value to compare with.
  public var value: String
  /// True for `key!=value`.
  public var negated: Bool

  /// Creates a value with the given parts.
  public init(key: String, value: String, negated: Bool) {
    self.key = key
    self.value = value
    self.negated = negated
  }

  /// The keys that do not name labels.
  public static let reservedKeys: [String] = ["namespace", "node", "phase", "ready"]
}
