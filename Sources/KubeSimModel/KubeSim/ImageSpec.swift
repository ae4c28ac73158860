/// An image with its layers (`apiVersion: kubesim.io/v1alpha1`, `kind: Image`), KubeSim's own kind.
///
/// Fields of `spec`:
/// - `reference` (required): the image reference pods use, e.g. `nginx:1.27`.
/// - `aliases`: other references naming the same image (`docker.io/library/nginx:1.27`).
/// - `layers` (required): base first; each `{digest, size}` with `size` a quantity (`27Mi`,
///   `31457280`). Images built on the same base share layer digests, and a node pulls only
///   the layers it lacks. Images that no `Image` document declares get the default size
///   setting.
/// - `unpullable` (default false): every pull of this image fails, as for a tag that does not
///   exist in the registry: `ErrImagePull`, then `ImagePullBackOff` with the image back-off
///   (10s doubling to 300s); other images pull normally. A node that already has the image
///   (`NodePool` `images`, or `imagePullPolicy: IfNotPresent` after an earlier pull) still
///   starts it, as a real runtime would.
///
/// ```yaml
/// apiVersion: kubesim.io/v1alpha1
/// kind: Image
/// metadata: {name: nginx}
/// spec:
///   reference: nginx:1.27
///   layers:
///   - {digest: "sha256:5d0da3dc9764", size: 27Mi}
///   - {digest: "sha256:aa5d47f22b64", size: 41Mi}
/// ```
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
  /// Every pull of this image fails (KubeSim's failure mode: a tag missing from the registry).
  public var unpullable: Bool

  /// Creates a `ImageSpecSpec`; every parameter defaults to its unset value.
  public init(
    reference: String = "",
    aliases: [String] = [],
    layers: [ImageLayer] = [],
    unpullable: Bool = false
  ) {
    self.reference = reference
    self.aliases = aliases
    self.layers = layers
    self.unpullable = unpullable
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
