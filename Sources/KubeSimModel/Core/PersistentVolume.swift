/// A persistent volume (`v1.PersistentVolume`).
public struct PersistentVolume: Sendable, Equatable {
  /// Standard object metadata.
  public var metadata: ObjectMeta
  /// The spec.
  public var spec: PersistentVolumeSpec
  /// The status.
  public var status: PersistentVolumeStatus

  /// Creates a `PersistentVolume`; every parameter defaults to its unset value.
  public init(
    metadata: ObjectMeta = ObjectMeta(),
    spec: PersistentVolumeSpec = PersistentVolumeSpec(),
    status: PersistentVolumeStatus = PersistentVolumeStatus()
  ) {
    self.metadata = metadata
    self.spec = spec
    self.status = status
  }
}

/// A PV's spec (the volume source is ignored).
public struct PersistentVolumeSpec: Sendable, Equatable {
  /// The size (`storage`).
  public var capacity: ResourceList
  /// ReadWriteOnce, ReadOnlyMany, ReadWriteMany, ReadWriteOncePod.
  public var accessModes: [String]
  /// The bound claim.
  public var claimRef: ObjectReference?
  /// Retain, Delete or Recycle.
  public var persistentVolumeReclaimPolicy: String?
  /// The class.
  public var storageClassName: String?
  /// Filesystem or Block.
  public var volumeMode: String?
  /// Nodes that can access the volume.
  public var nodeAffinity: VolumeNodeAffinity?
  /// The CSI volume source (driver and handle; NodeVolumeLimits counts attachments by it).
  public var csi: CSIPersistentVolumeSource?

  /// Creates a `PersistentVolumeSpec`; every parameter defaults to its unset value.
  public init(
    capacity: ResourceList = ResourceList(),
    accessModes: [String] = [],
    claimRef: ObjectReference? = nil,
    persistentVolumeReclaimPolicy: String? = nil,
    storageClassName: String? = nil,
    volumeMode: String? = nil,
    nodeAffinity: VolumeNodeAffinity? = nil,
    csi: CSIPersistentVolumeSource? = nil
  ) {
    self.capacity = capacity
    self.accessModes = accessModes
    self.claimRef = claimRef
    self.persistentVolumeReclaimPolicy = persistentVolumeReclaimPolicy
    self.storageClassName = storageClassName
    self.volumeMode = volumeMode
    self.nodeAffinity = nodeAffinity
    self.csi = csi
  }
}

/// Nodes a volume can be accessed from.
public struct VolumeNodeAffinity: Sendable, Equatable {
  /// The required node selector.
  public var required: NodeSelector?

  /// Creates a `VolumeNodeAffinity`; every parameter defaults to its unset value.
  public init(
    required: NodeSelector? = nil
  ) {
    self.required = required
  }
}

/// A PV's status.
public struct PersistentVolumeStatus: Sendable, Equatable {
  /// Available, Bound, Released, Failed.
  public var phase: String?

  /// Creates a `PersistentVolumeStatus`; every parameter defaults to its unset value.
  public init(
    phase: String? = nil
  ) {
    self.phase = phase
  }
}

/// A volume provided by a CSI driver (`v1.CSIPersistentVolumeSource`); only what the scheduler
/// reads is modelled (the attributes, secrets and fsType are ignored).
public struct CSIPersistentVolumeSource: Sendable, Equatable {
  /// The CSI driver's name (`spec.csi.driver`).
  public var driver: String
  /// The volume's ID within the driver.
  public var volumeHandle: String
  /// Mount read-only.
  public var readOnly: Bool?

  /// Creates a `CSIPersistentVolumeSource`; every parameter defaults to its unset value.
  public init(driver: String = "", volumeHandle: String = "", readOnly: Bool? = nil) {
    self.driver = driver
    self.volumeHandle = volumeHandle
    self.readOnly = readOnly
  }
}
