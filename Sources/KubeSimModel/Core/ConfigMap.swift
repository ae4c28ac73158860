/// A ConfigMap (`v1.ConfigMap`), carried without behaviour.
public struct ConfigMap: Sendable, Equatable {
  /// Standard object metadata.
  public var metadata: ObjectMeta
  /// Immutable.
  public var immutable: Bool?
  /// String data.
  public var data: StringMap
  /// Base64 data.
  public var binaryData: StringMap

  /// Creates a `ConfigMap`; every parameter defaults to its unset value.
  public init(
    metadata: ObjectMeta = ObjectMeta(),
    immutable: Bool? = nil,
    data: StringMap = StringMap(),
    binaryData: StringMap = StringMap()
  ) {
    self.metadata = metadata
    self.immutable = immutable
    self.data = data
    self.binaryData = binaryData
  }
}
