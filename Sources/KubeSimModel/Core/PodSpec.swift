/// The desired state of a pod (`v1.PodSpec`).
public struct PodSpec: Sendable, Equatable {
  /// Volumes (only the name and a PersistentVolumeClaim source are modelled).
  public var volumes: [Volume]
  /// Init containers, run in order before the app containers.
  public var initContainers: [Container]
  /// The app containers (at least one).
  public var containers: [Container]
  /// Restart policy; defaults to Always.
  public var restartPolicy: RestartPolicy?
  /// Grace period for graceful termination; defaults to 30.
  public var terminationGracePeriodSeconds: Int64?
  /// How long the pod may be active before the kubelet fails it.
  public var activeDeadlineSeconds: Int64?
  /// DNS policy; defaults to ClusterFirst (carried, no behaviour).
  public var dnsPolicy: DNSPolicy?
  /// Node labels the node must have.
  public var nodeSelector: StringMap
  /// Service account (carried, no behaviour).
  public var serviceAccountName: String?
  /// The node the pod is bound to (set by the scheduler's binding or by the user).
  public var nodeName: String?
  /// Uses the node's network namespace (affects host ports).
  public var hostNetwork: Bool?
  /// Node, pod affinity and anti-affinity.
  public var affinity: Affinity?
  /// The scheduler profile that schedules this pod; defaults to default-scheduler.
  public var schedulerName: String?
  /// Taints this pod tolerates.
  public var tolerations: [Toleration]
  /// The PriorityClass giving this pod's priority.
  public var priorityClassName: String?
  /// The resolved priority (set by the Priority admission step).
  public var priority: Int32?
  /// Carried; defaults to true.
  public var enableServiceLinks: Bool?
  /// Whether this pod may preempt lower-priority pods.
  public var preemptionPolicy: PreemptionPolicy?
  /// Runtime-class overhead added to requests (carried).
  public var overhead: ResourceList?
  /// How pods spread over topology domains.
  public var topologySpreadConstraints: [TopologySpreadConstraint]
  /// Gates that keep the pod out of scheduling until removed.
  public var schedulingGates: [PodSchedulingGate]
  /// Pod-level requests and limits (v1.34 beta).
  public var resources: ResourceRequirements?
  /// The pod's hostname (a DNS-1123 label); unset means the pod's name. Indexed Jobs set it to
  /// `<job>-<index>` (pkg/controller/job/job_controller.go `manageJob`). Carried: KubeSim models
  /// no DNS. Rendered only when set, so templates without it hash as before.
  public var hostname: String?
  /// With `hostname`, the pod's FQDN is `<hostname>.<subdomain>.<ns>.svc.<cluster-domain>`
  /// (a DNS-1123 label). Carried: KubeSim models no DNS.
  public var subdomain: String?

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
    self.volumes = volumes
    self.initContainers = initContainers
    self.containers = containers
    self.restartPolicy = restartPolicy
    self.terminationGracePeriodSeconds = terminationGracePeriodSeconds
    self.activeDeadlineSeconds = activeDeadlineSeconds
    self.dnsPolicy = dnsPolicy
    self.nodeSelector = nodeSelector
    self.serviceAccountName = serviceAccountName
    self.nodeName = nodeName
    self.hostNetwork = hostNetwork
    self.affinity = affinity
    self.schedulerName = schedulerName
    self.tolerations = tolerations
    self.priorityClassName = priorityClassName
    self.priority = priority
    self.enableServiceLinks = enableServiceLinks
    self.preemptionPolicy = preemptionPolicy
    self.overhead = overhead
    self.topologySpreadConstraints = topologySpreadConstraints
    self.schedulingGates = schedulingGates
    self.resources = resources
    self.hostname = hostname
    self.subdomain = subdomain
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
