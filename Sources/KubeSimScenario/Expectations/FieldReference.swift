/// `kind/[namespace/]name.path…`: a value read from one object's JSON form.
public struct FieldReference: Sendable, Equatable {
  /// The kind as written (`deployment`, `deploy`, `pods`, `Pod`).
  public var kind: String
  /// The namespace, when written as `kind/namespace/name`; nil means `default` for namespaced kinds.
  public var namespace: String?
  /// The object name.
  public var name: String
  /// The path into the object's JSON form.
  public var path: [PathComponent]
  /// Offset of the reference in the expression text (0-based, in Unicode scalars).
  public var offset: Int
  /// The reference as written, for messages.
  public var text: String
}
