/// A storage class (`storage.k8s.io/v1.StorageClass`).
public struct StorageClass: Sendable, Equatable {
  /// Standard object metadata.
  public var metadata: ObjectMeta
  /// The provisioner.
  public var provisioner: String
  /// Provisioner parameters.
  public var parameters: StringMap
  /// Delete (default) or Retain.
  public var reclaimPolicy: String?
  /// Mount options.
  public var mountOptions: [String]
  /// Expansion allowed.
  public var allowVolumeExpansion: Bool?
  /// Immediate (default) or WaitForFirstConsumer.
  public var volumeBindingMode: String?

  /// Creates a `StorageClass`; every parameter defaults to its unset value.
  public init(
    metadata: ObjectMeta = ObjectMeta(),
    provisioner: String = "",
    parameters: StringMap = StringMap(),
    reclaimPolicy: String? = nil,
    mountOptions: [String] = [],
    allowVolumeExpansion: Bool? = nil,
    volumeBindingMode: String? = nil
  ) {
    self.metadata = metadata
    self.provisioner = provisioner
    self.parameters = parameters
    self.reclaimPolicy = reclaimPolicy
    self.mountOptions = mountOptions
    self.allowVolumeExpansion = allowVolumeExpansion
    self.volumeBindingMode = volumeBindingMode
  }
}
