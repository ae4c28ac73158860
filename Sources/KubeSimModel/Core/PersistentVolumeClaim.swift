/// A claim for storage (`v1.PersistentVolumeClaim`).
public struct PersistentVolumeClaim: Sendable, Equatable {
  /// Standard object metadata.
  public var metadata: ObjectMeta
  /// The spec.
  public var spec: PersistentVolumeClaimSpec
  /// The status.
  public var status: PersistentVolumeClaimStatus

  /// Creates a `PersistentVolumeClaim`; every parameter defaults to its unset value.
  public init(
    metadata: ObjectMeta = ObjectMeta(),
    spec: PersistentVolumeClaimSpec = PersistentVolumeClaimSpec(),
    status: PersistentVolumeClaimStatus = PersistentVolumeClaimStatus()
  ) {
    self.metadata = metadata
    self.spec = spec
    self.status = status
  }
}

/// A claim's spec.
public struct PersistentVolumeClaimSpec: Sendable, Equatable {
  /// Requested access modes.
  public var accessModes: [String]
  /// Volumes by label.
  public var selector: LabelSelector?
  /// Requested size.
  public var resources: VolumeResourceRequirements
  /// The bound volume.
  public var volumeName: String?
  /// The class.
  public var storageClassName: String?
  /// Filesystem or Block.
  public var volumeMode: String?

  /// Creates a `PersistentVolumeClaimSpec`; every parameter defaults to its unset value.
  public init(
    accessModes: [String] = [],
    selector: LabelSelector? = nil,
    resources: VolumeResourceRequirements = VolumeResourceRequirements(),
    volumeName: String? = nil,
    storageClassName: String? = nil,
    volumeMode: String? = nil
  ) {
    self.accessModes = accessModes
    self.selector = selector
    self.resources = resources
    self.volumeName = volumeName
    self.storageClassName = storageClassName
    self.volumeMode = volumeMode
  }
}

/// A claim's requests and limits.
public struct VolumeResourceRequirements: Sendable, Equatable {
  /// Limits.
  public var limits: ResourceList
  /// Requests (`storage`).
  public var requests: ResourceList

  /// Creates a `VolumeResourceRequirements`; every parameter defaults to its unset value.
  public init(
    limits: ResourceList = ResourceList(),
    requests: ResourceList = ResourceList()
  ) {
    self.limits = limits
    self.requests = requests
  }
}

/// A claim's status.
public struct PersistentVolumeClaimStatus: Sendable, Equatable {
  /// Pending, Bound, Lost.
  public var phase: String?
  /// Actual access modes.
  public var accessModes: [String]
  /// Actual capacity.
  public var capacity: ResourceList

  /// Creates a `PersistentVolumeClaimStatus`; every parameter defaults to its unset value.
  public init(
    phase: String? = nil,
    accessModes: [String] = [],
    capacity: ResourceList = ResourceList()
  ) {
    self.phase = phase
    self.accessModes = accessModes
    self.capacity = capacity
  }
}
