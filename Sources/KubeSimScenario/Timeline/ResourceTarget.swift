/// Which objects a kubectl command acts on: named objects or a label selector, of one kind.
public struct ResourceTarget: Sendable, Equatable {
  /// The kind as written (`deployment`, `deploy`, `nodes`).
  public var kind: String
  /// Names (empty when `selector` or `all` is used).
  public var names: [String]
  /// A label selector in kubectl's string form (`app=web,tier!=db`).
  public var selector: String?
  /// `--all`.
  public var all: Bool
  /// `-n/--namespace`, nil for the default namespace (or a cluster-scoped kind).
  public var namespace: String?

  /// Creates a value with the given parts.
  public init(
    kind: String, names: [String] = [], selector: String? = nil, all: Bool = false,
    namespace: String? = nil
  ) {
    self.kind = kind
    self.names = names
    self.selector = selector
    self.all = all
    self.namespace = namespace
  }
}
