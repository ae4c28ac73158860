/// An image with its layers (`kubesim.io/v1alpha1 Image`).
public struct ImageSpec: Sendable, Equatable {
  /// The image's metadata (`name` is for messages only).
  public var metadata: ObjectMeta
  /// The reference and layers.
  public var spec: ImageSpecSpec

  /// Creates a `ImageSpec`; every parameter defaults to its unset value.
  public init(
    metadata: ObjectMeta = ObjectMeta(),
    spec: ImageSpecSpec = ImageSpecSpec()
  ) {
    self.metadata = metadata
    self.spec = spec
  }
}

/// The spec of an `Image` document.
public struct ImageSpecSpec: Sendable, Equatable {
  /// The image reference, e.g. `nginx:1.27`.
  public var reference: String
  /// Other references naming the same image (e.g. `docker.io/library/nginx:1.27`).
  public var aliases: [String]
  /// Layers, base first.
  public var layers: [ImageLayer]

  /// Creates a `ImageSpecSpec`; every parameter defaults to its unset value.
  public init(
    reference: String = "",
    aliases: [String] = [],
    layers: [ImageLayer] = []
  ) {
    self.reference = reference
    self.aliases = aliases
    self.layers = layers
  }
}

/// An image layer.
public struct ImageLayer: Sendable, Equatable {
  /// The layer digest (`sha256:…`); layers with equal digests are shared between images.
  public var digest: String
  /// The compressed size (a quantity: `27Mi`, `31457280`).
  public var size: Quantity

  /// Creates a `ImageLayer`; every parameter defaults to its unset value.
  public init(
    digest: String = "",
    size: Quantity = .zero
  ) {
    self.digest = digest
    self.size = size
  }
}
