/// The name of an object within its kind: namespace ("" for cluster-scoped kinds) and name.
public struct ObjectKey: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The namespace; "" for cluster-scoped kinds.
  public var namespace: String
  /// The name.
  public var name: String

  /// A key from its parts.
  public init(namespace: String, name: String) {
    self.namespace = namespace
    self.name = name
  }

  /// Ordered by namespace, then name (byte-wise, as `kubectl get` sorts).
  public static func < (a: ObjectKey, b: ObjectKey) -> Bool {
    if a.namespace != b.namespace {
      return a.namespace.utf8.lexicographicallyPrecedes(b.namespace.utf8)
    }
    return a.name.utf8.lexicographicallyPrecedes(b.name.utf8)
  }

  /// `namespace/name`, or `name` for cluster-scoped objects.
  public var description: String { namespace.isEmpty ? name : "\(namespace)/\(name)" }
}
