/// A Secret (`v1.Secret`), carried without behaviour.
public struct Secret: Sendable, Equatable {
  /// Standard object metadata.
  public var metadata: ObjectMeta
  /// Immutable.
  public var immutable: Bool?
  /// Base64 data.
  public var data: StringMap
  /// Plain data (write-only upstream).
  public var stringData: StringMap
  /// The secret type, e.g. `Opaque`.
  public var type: String?

  /// Creates a `Secret`; every parameter defaults to its unset value.
  public init(
    metadata: ObjectMeta = ObjectMeta(),
    immutable: Bool? = nil,
    data: StringMap = StringMap(),
    stringData: StringMap = StringMap(),
    type: String? = nil
  ) {
    self.metadata = metadata
    self.immutable = immutable
    self.data = data
    self.stringData = stringData
    self.type = type
  }
}
