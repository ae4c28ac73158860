/// The desired state of a pod (`v1.PodSpec`).
///
/// The fields live behind one copy-on-write reference: a pod is copied at every watch delivery,
/// store read and write, while its spec (two dozen fields, most of them arrays and strings)
/// rarely changes after creation. Copying one reference instead of every field, and comparing
/// specs by identity before field by field, keeps those copies and comparisons cheap. Reads and
/// in-place mutations go through `_read`/`_modify` accessors, so nothing else changes for users.
public struct PodSpec: Sendable, Equatable, CopyOnWriteValue {
  /// The stored fields (see the public properties).
  @usableFromInline struct Fields: Sendable, Equatable {
    @usableFromInline var volumes: [Volume]
    @usableFromInline var initContainers: [Container]
    @usableFromInline var containers: [Container]
    @usableFromInline var restartPolicy: RestartPolicy?
    @usableFromInline var terminationGracePeriodSeconds: Int64?
    @usableFromInline var activeDeadlineSeconds: Int64?
    @usableFromInline var dnsPolicy: DNSPolicy?
    @usableFromInline var nodeSelector: StringMap
    @usableFromInline var serviceAccountName: String?
    @usableFromInline var nodeName: String?
    @usableFromInline var hostNetwork: Bool?
    @usableFromInline var affinity: Affinity?
    @usableFromInline var schedulerName: String?
    @usableFromInline var tolerations: [Toleration]
    @usableFromInline var priorityClassName: String?
    @usableFromInline var priority: Int32?
    @usableFromInline var enableServiceLinks: Bool?
    @usableFromInline var preemptionPolicy: PreemptionPolicy?
    @usableFromInline var overhead: ResourceList?
    @usableFromInline var topologySpreadConstraints: [TopologySpreadConstraint]
    @usableFromInline var schedulingGates: [PodSchedulingGate]
    @usableFromInline var resources: ResourceRequirements?
    @usableFromInline var hostname: String?
    @usableFromInline var subdomain: String?
  }

  @usableFromInline var box: CopyOnWriteBox<Fields>

  @inlinable public static func == (a: PodSpec, b: PodSpec) -> Bool { sameFields(a, b) }

  /// Volumes (only the name and a PersistentVolumeClaim source are modelled).
  @inlinable public var volumes: [Volume] {
    _read { yield box.fields.volumes }
    _modify { yield &fields.volumes }
  }
  /// Init containers, run in order before the app containers.
  @inlinable public var initContainers: [Container] {
    _read { yield box.fields.initContainers }
    _modify { yield &fields.initContainers }
  }
  /// The app containers (at least one).
  @inlinable public var containers: [Container] {
    _read { yield box.fields.containers }
    _modify { yield &fields.containers }
  }
  /// Restart policy; defaults to Always.
  @inlinable public var restartPolicy: RestartPolicy? {
    _read { yield box.fields.restartPolicy }
    _modify { yield &fields.restartPolicy }
  }
  /// Grace period for graceful termination; defaults to 30.
  @inlinable public var terminationGracePeriodSeconds: Int64? {
    _read { yield box.fields.terminationGracePeriodSeconds }
    _modify { yield &fields.terminationGracePeriodSeconds }
  }
  /// How long the pod may be active before the kubelet fails it.
  @inlinable public var activeDeadlineSeconds: Int64? {
    _read { yield box.fields.activeDeadlineSeconds }
    _modify { yield &fields.activeDeadlineSeconds }
  }
  /// DNS policy; defaults to ClusterFirst (carried, no behaviour).
  @inlinable public var dnsPolicy: DNSPolicy? {
    _read { yield box.fields.dnsPolicy }
    _modify { yield &fields.dnsPolicy }
  }
  /// Node labels the node must have.
  @inlinable public var nodeSelector: StringMap {
    _read { yield box.fields.nodeSelector }
    _modify { yield &fields.nodeSelector }
  }
  /// Service account (carried, no behaviour).
  @inlinable public var serviceAccountName: String? {
    _read { yield box.fields.serviceAccountName }
    _modify { yield &fields.serviceAccountName }
  }
  /// The node the pod is bound to (set by the scheduler's binding or by the user).
  @inlinable public var nodeName: String? {
    _read { yield box.fields.nodeName }
    _modify { yield &fields.nodeName }
  }
  /// Uses the node's network namespace (affects host ports).
  @inlinable public var hostNetwork: Bool? {
    _read { yield box.fields.hostNetwork }
    _modify { yield &fields.hostNetwork }
  }
  /// Node, pod affinity and anti-affinity.
  @inlinable public var affinity: Affinity? {
    _read { yield box.fields.affinity }
    _modify { yield &fields.affinity }
  }
  /// The scheduler profile that schedules this pod; defaults to default-scheduler.
  @inlinable public var schedulerName: String? {
    _read { yield box.fields.schedulerName }
    _modify { yield &fields.schedulerName }
  }
  /// Taints this pod tolerates.
  @inlinable public var tolerations: [Toleration] {
    _read { yield box.fields.tolerations }
    _modify { yield &fields.tolerations }
  }
  /// The PriorityClass giving this pod's priority.
  @inlinable public var priorityClassName: String? {
    _read { yield box.fields.priorityClassName }
    _modify { yield &fields.priorityClassName }
  }
  /// The resolved priority (set by the Priority admission step).
  @inlinable public var priority: Int32? {
    _read { yield box.fields.priority }
    _modify { yield &fields.priority }
  }
  /// Carried; defaults to true.
  @inlinable public var enableServiceLinks: Bool? {
    _read { yield box.fields.enableServiceLinks }
    _modify { yield &fields.enableServiceLinks }
  }
  /// Whether this pod may preempt lower-priority pods.
  @inlinable public var preemptionPolicy: PreemptionPolicy? {
    _read { yield box.fields.preemptionPolicy }
    _modify { yield &fields.preemptionPolicy }
  }
  /// Runtime-class overhead added to requests (carried).
  @inlinable public var overhead: ResourceList? {
    _read { yield box.fields.overhead }
    _modify { yield &fields.overhead }
  }
  /// How pods spread over topology domains.
  @inlinable public var topologySpreadConstraints: [TopologySpreadConstraint] {
    _read { yield box.fields.topologySpreadConstraints }
    _modify { yield &fields.topologySpreadConstraints }
  }
  /// Gates that keep the pod out of scheduling until removed.
  @inlinable public var schedulingGates: [PodSchedulingGate] {
    _read { yield box.fields.schedulingGates }
    _modify { yield &fields.schedulingGates }
  }
  /// Pod-level requests and limits (v1.34 beta).
  @inlinable public var resources: ResourceRequirements? {
    _read { yield box.fields.resources }
    _modify { yield &fields.resources }
  }
  /// The pod's hostname (a DNS-1123 label); unset means the pod's name. Indexed Jobs set it to
  /// `<job>-<index>` (pkg/controller/job/job_controller.go `manageJob`). Carried: KubeSim models
  /// no DNS. Rendered only when set, so templates without it hash as before.
  @inlinable public var hostname: String? {
    _read { yield box.fields.hostname }
    _modify { yield &fields.hostname }
  }
  /// With `hostname`, the pod's FQDN is `<hostname>.<subdomain>.<ns>.svc.<cluster-domain>`
  /// (a DNS-1123 label). Carried: KubeSim models no DNS.
  @inlinable public var subdomain: String? {
    _read { yield box.fields.subdomain }
    _modify { yield &fields.subdomain }
  }

  /// Creates a `PodSpec`; every parameter defaults to its unset value.
  public init(
    volumes: [Volume] = [],
    initContainers: [Container] = [],
    containers: [Container] = [],
    restartPolicy: RestartPolicy? = nil,
    terminationGracePeriodSeconds: Int64? = nil,
    activeDeadlineSeconds: Int64? = nil,
    dnsPolicy: DNSPolicy? = nil,
    nodeSelector: StringMap = StringMap(),
    serviceAccountName: String? = nil,
    nodeName: String? = nil,
    hostNetwork: Bool? = nil,
    affinity: Affinity? = nil,
    schedulerName: String? = nil,
    tolerations: [Toleration] = [],
    priorityClassName: String? = nil,
    priority: Int32? = nil,
    enableServiceLinks: Bool? = nil,
    preemptionPolicy: PreemptionPolicy? = nil,
    overhead: ResourceList? = nil,
    topologySpreadConstraints: [TopologySpreadConstraint] = [],
    schedulingGates: [PodSchedulingGate] = [],
    resources: ResourceRequirements? = nil,
    hostname: String? = nil,
    subdomain: String? = nil
  ) {
    box = CopyOnWriteBox(
      Fields(
        volumes: volumes, initContainers: initContainers, containers: containers,
        restartPolicy: restartPolicy, terminationGracePeriodSeconds: terminationGracePeriodSeconds,
        activeDeadlineSeconds: activeDeadlineSeconds, dnsPolicy: dnsPolicy,
        nodeSelector: nodeSelector, serviceAccountName: serviceAccountName, nodeName: nodeName,
        hostNetwork: hostNetwork, affinity: affinity, schedulerName: schedulerName,
        tolerations: tolerations, priorityClassName: priorityClassName, priority: priority,
        enableServiceLinks: enableServiceLinks, preemptionPolicy: preemptionPolicy,
        overhead: overhead, topologySpreadConstraints: topologySpreadConstraints,
        schedulingGates: schedulingGates, resources: resources, hostname: hostname,
        subdomain: subdomain))
  }
}

/// A scheduling gate (`v1.PodSchedulingGate`).
public struct PodSchedulingGate: Sendable, Equatable {
  /// The gate's name.
  public var name: String

  /// Creates a `PodSchedulingGate`; every parameter defaults to its unset value.
  public init(
    name: String = ""
  ) {
    self.name = name
  }
}

/// A pod volume; the name, the claim reference and the node-local sources (emptyDir,
/// hostPath, which keep the cluster autoscaler from moving the pod) are modelled (`v1.Volume`).
public struct Volume: Sendable, Equatable {
  /// The volume name.
  public var name: String
  /// A claim this volume mounts.
  public var persistentVolumeClaim: PersistentVolumeClaimVolumeSource?
  /// A scratch directory on the node (`v1.EmptyDirVolumeSource`).
  public var emptyDir: EmptyDirVolumeSource?
  /// A directory of the node's file system (`v1.HostPathVolumeSource`).
  public var hostPath: HostPathVolumeSource?

  /// Creates a `Volume`; every parameter defaults to its unset value.
  public init(
    name: String = "",
    persistentVolumeClaim: PersistentVolumeClaimVolumeSource? = nil,
    emptyDir: EmptyDirVolumeSource? = nil,
    hostPath: HostPathVolumeSource? = nil
  ) {
    self.name = name
    self.persistentVolumeClaim = persistentVolumeClaim
    self.emptyDir = emptyDir
    self.hostPath = hostPath
  }
}

/// An emptyDir volume (`v1.EmptyDirVolumeSource`): `medium` ("" for the node's disk, "Memory"
/// for tmpfs) and `sizeLimit`.
public struct EmptyDirVolumeSource: Sendable, Equatable {
  /// "" (default: the node's storage) or "Memory".
  public var medium: String?
  /// The size limit.
  public var sizeLimit: Quantity?

  /// Creates an `EmptyDirVolumeSource`; every parameter defaults to its unset value.
  public init(medium: String? = nil, sizeLimit: Quantity? = nil) {
    self.medium = medium
    self.sizeLimit = sizeLimit
  }
}

/// A hostPath volume (`v1.HostPathVolumeSource`).
public struct HostPathVolumeSource: Sendable, Equatable {
  /// The path on the node.
  public var path: String
  /// The hostPath type (`Directory`, `DirectoryOrCreate`, …).
  public var type: String?

  /// Creates a `HostPathVolumeSource`; every parameter defaults to its unset value.
  public init(path: String = "", type: String? = nil) {
    self.path = path
    self.type = type
  }
}

/// A volume backed by a PersistentVolumeClaim.
public struct PersistentVolumeClaimVolumeSource: Sendable, Equatable {
  /// The claim's name in the pod's namespace.
  public var claimName: String
  /// Mount read-only.
  public var readOnly: Bool?

  /// Creates a `PersistentVolumeClaimVolumeSource`; every parameter defaults to its unset value.
  public init(
    claimName: String = "",
    readOnly: Bool? = nil
  ) {
    self.claimName = claimName
    self.readOnly = readOnly
  }
}

/// Pod and sidecar restart policy (`v1.RestartPolicy`).
public enum RestartPolicy: String, Sendable, Hashable, CaseIterable {
  /// `Always`.
  case always = "Always"
  /// `OnFailure`.
  case onFailure = "OnFailure"
  /// `Never`.
  case never = "Never"
}

/// Pod DNS policy (`v1.DNSPolicy`); carried without behaviour.
public enum DNSPolicy: String, Sendable, Hashable, CaseIterable {
  /// `ClusterFirstWithHostNet`.
  case clusterFirstWithHostNet = "ClusterFirstWithHostNet"
  /// `ClusterFirst`.
  case clusterFirst = "ClusterFirst"
  /// `Default`.
  case `default` = "Default"
  /// `None`.
  case none = "None"
}

/// Whether a pod may preempt (`v1.PreemptionPolicy`).
public enum PreemptionPolicy: String, Sendable, Hashable, CaseIterable {
  /// `PreemptLowerPriority`.
  case preemptLowerPriority = "PreemptLowerPriority"
  /// `Never`.
  case never = "Never"
}
