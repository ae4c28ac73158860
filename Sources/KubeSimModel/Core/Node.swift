import KubeSimKernel
import KubeSimYAML

/// A node (`v1.Node`).
public struct Node: Sendable, Equatable {
  /// Standard object metadata.
  public var metadata: ObjectMeta
  /// The desired state.
  public var spec: NodeSpec
  /// The observed state (capacity, conditions, images), written by the kubelet.
  public var status: NodeStatus

  /// Creates a `Node`; every parameter defaults to its unset value.
  public init(
    metadata: ObjectMeta = ObjectMeta(),
    spec: NodeSpec = NodeSpec(),
    status: NodeStatus = NodeStatus()
  ) {
    self.metadata = metadata
    self.spec = spec
    self.status = status
  }
}

/// The desired state of a node (`v1.NodeSpec`).
public struct NodeSpec: Sendable, Equatable {
  /// Carried.
  public var podCIDR: String?
  /// Carried.
  public var providerID: String?
  /// Cordoned: new pods are not scheduled here.
  public var unschedulable: Bool?
  /// Taints.
  public var taints: [Taint]

  /// Creates a `NodeSpec`; every parameter defaults to its unset value.
  public init(
    podCIDR: String? = nil,
    providerID: String? = nil,
    unschedulable: Bool? = nil,
    taints: [Taint] = []
  ) {
    self.podCIDR = podCIDR
    self.providerID = providerID
    self.unschedulable = unschedulable
    self.taints = taints
  }
}

/// The observed state of a node (`v1.NodeStatus`).
public struct NodeStatus: Sendable, Equatable, CopyOnWriteValue {
  // Copy-on-write storage behind one reference (see `PodSpec`): objects are copied far more
  // often than they change.
  @usableFromInline struct Fields: Sendable, Equatable {
    @usableFromInline var capacity: ResourceList
    @usableFromInline var allocatable: ResourceList
    @usableFromInline var phase: String?
    @usableFromInline var conditions: [NodeCondition]
    @usableFromInline var addresses: [NodeAddress]
    @usableFromInline var nodeInfo: NodeSystemInfo?
    @usableFromInline var images: [ContainerImage]
  }

  @usableFromInline var box: CopyOnWriteBox<Fields>

  @inlinable public static func == (a: NodeStatus, b: NodeStatus) -> Bool { sameFields(a, b) }

  /// Total resources.
  @inlinable public var capacity: ResourceList {
    _read { yield box.fields.capacity }
    _modify { yield &fields.capacity }
  }
  /// Resources available to pods.
  @inlinable public var allocatable: ResourceList {
    _read { yield box.fields.allocatable }
    _modify { yield &fields.allocatable }
  }
  /// Deprecated phase (carried).
  @inlinable public var phase: String? {
    _read { yield box.fields.phase }
    _modify { yield &fields.phase }
  }
  /// Ready, MemoryPressure, DiskPressure, PIDPressure, NetworkUnavailable.
  @inlinable public var conditions: [NodeCondition] {
    _read { yield box.fields.conditions }
    _modify { yield &fields.conditions }
  }
  /// Addresses.
  @inlinable public var addresses: [NodeAddress] {
    _read { yield box.fields.addresses }
    _modify { yield &fields.addresses }
  }
  /// Versions and ids.
  @inlinable public var nodeInfo: NodeSystemInfo? {
    _read { yield box.fields.nodeInfo }
    _modify { yield &fields.nodeInfo }
  }
  /// Images present on the node.
  @inlinable public var images: [ContainerImage] {
    _read { yield box.fields.images }
    _modify { yield &fields.images }
  }

  /// Creates a `NodeStatus`; every parameter defaults to its unset value.
  public init(
    capacity: ResourceList = ResourceList(),
    allocatable: ResourceList = ResourceList(),
    phase: String? = nil,
    conditions: [NodeCondition] = [],
    addresses: [NodeAddress] = [],
    nodeInfo: NodeSystemInfo? = nil,
    images: [ContainerImage] = []
  ) {
    box = CopyOnWriteBox(
      Fields(
        capacity: capacity, allocatable: allocatable, phase: phase, conditions: conditions,
        addresses: addresses, nodeInfo: nodeInfo, images: images))
  }
}

/// A node condition (`v1.NodeCondition`).
public struct NodeCondition: Sendable, Equatable {
  /// `Ready`, `MemoryPressure`, `DiskPressure`, `PIDPressure`, `NetworkUnavailable`.
  public var type: String
  /// True, False or Unknown.
  public var status: ConditionStatus
  /// Last heartbeat.
  public var lastHeartbeatTime: SimTime?
  /// Last change.
  public var lastTransitionTime: SimTime?
  /// A CamelCase reason (`KubeletReady`, `NodeStatusUnknown`).
  public var reason: String?
  /// A message.
  public var message: String?

  /// Creates a `NodeCondition`; every parameter defaults to its unset value.
  public init(
    type: String = "",
    status: ConditionStatus = .unknown,
    lastHeartbeatTime: SimTime? = nil,
    lastTransitionTime: SimTime? = nil,
    reason: String? = nil,
    message: String? = nil
  ) {
    self.type = type
    self.status = status
    self.lastHeartbeatTime = lastHeartbeatTime
    self.lastTransitionTime = lastTransitionTime
    self.reason = reason
    self.message = message
  }
}

/// A node address (`v1.NodeAddress`).
public struct NodeAddress: Sendable, Equatable {
  /// `InternalIP`, `Hostname`, ….
  public var type: String
  /// The address.
  public var address: String

  /// Creates a `NodeAddress`; every parameter defaults to its unset value.
  public init(
    type: String = "",
    address: String = ""
  ) {
    self.type = type
    self.address = address
  }
}

/// Node software versions (a subset of `v1.NodeSystemInfo`).
public struct NodeSystemInfo: Sendable, Equatable {
  /// The kubelet version.
  public var kubeletVersion: String
  /// The runtime.
  public var containerRuntimeVersion: String
  /// `linux`.
  public var operatingSystem: String
  /// `amd64`.
  public var architecture: String

  /// Creates a `NodeSystemInfo`; every parameter defaults to its unset value.
  public init(
    kubeletVersion: String = "",
    containerRuntimeVersion: String = "",
    operatingSystem: String = "",
    architecture: String = ""
  ) {
    self.kubeletVersion = kubeletVersion
    self.containerRuntimeVersion = containerRuntimeVersion
    self.operatingSystem = operatingSystem
    self.architecture = architecture
  }
}

/// An image on a node (`v1.ContainerImage`).
public struct ContainerImage: Sendable, Equatable {
  /// The names (references and digests).
  public var names: [String]
  /// The size.
  public var sizeBytes: Int64?

  /// Creates a `ContainerImage`; every parameter defaults to its unset value.
  public init(
    names: [String] = [],
    sizeBytes: Int64? = nil
  ) {
    self.names = names
    self.sizeBytes = sizeBytes
  }
}
