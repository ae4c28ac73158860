extension ImageSpec {
  /// The main reference (`spec.reference`).
  public var reference: String { spec.reference }

  /// Every reference naming this image: the reference, then the aliases.
  public var references: [String] { [spec.reference] + spec.aliases }

  /// The layers, base first.
  public var layers: [ImageLayer] { spec.layers }

  /// The total size of all layers in bytes.
  public var sizeBytes: Int64 { spec.layers.reduce(0) { $0 &+ $1.sizeBytes } }
}

extension ImageLayer {
  /// The layer size in bytes (`size` rounded up to a whole byte).
  public var sizeBytes: Int64 { size.value }
}
