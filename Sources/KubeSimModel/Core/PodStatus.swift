import KubeSimKernel
import KubeSimYAML

/// The observed state of a pod (`v1.PodStatus`).
public struct PodStatus: Sendable, Equatable, CopyOnWriteValue {
  // Copy-on-write storage behind one reference (see `PodSpec`): objects are copied far more
  // often than they change.
  @usableFromInline struct Fields: Sendable, Equatable {
    @usableFromInline var observedGeneration: Int64?
    @usableFromInline var phase: PodPhase?
    @usableFromInline var conditions: [PodCondition]
    @usableFromInline var message: String?
    @usableFromInline var reason: String?
    @usableFromInline var nominatedNodeName: String?
    @usableFromInline var hostIP: String?
    @usableFromInline var podIP: String?
    @usableFromInline var startTime: SimTime?
    @usableFromInline var initContainerStatuses: [ContainerStatus]
    @usableFromInline var containerStatuses: [ContainerStatus]
    @usableFromInline var qosClass: PodQOSClass?
  }

  @usableFromInline var box: CopyOnWriteBox<Fields>

  @inlinable public static func == (a: PodStatus, b: PodStatus) -> Bool { sameFields(a, b) }

  /// The pod generation the status reflects.
  @inlinable public var observedGeneration: Int64? {
    _read { yield box.fields.observedGeneration }
    _modify { yield &fields.observedGeneration }
  }
  /// The lifecycle phase.
  @inlinable public var phase: PodPhase? {
    _read { yield box.fields.phase }
    _modify { yield &fields.phase }
  }
  /// PodScheduled, Initialized, ContainersReady, Ready, DisruptionTarget….
  @inlinable public var conditions: [PodCondition] {
    _read { yield box.fields.conditions }
    _modify { yield &fields.conditions }
  }
  /// A human-readable message.
  @inlinable public var message: String? {
    _read { yield box.fields.message }
    _modify { yield &fields.message }
  }
  /// A CamelCase reason (e.g. `Evicted`).
  @inlinable public var reason: String? {
    _read { yield box.fields.reason }
    _modify { yield &fields.reason }
  }
  /// The node a preemption nominated.
  @inlinable public var nominatedNodeName: String? {
    _read { yield box.fields.nominatedNodeName }
    _modify { yield &fields.nominatedNodeName }
  }
  /// The node's IP.
  @inlinable public var hostIP: String? {
    _read { yield box.fields.hostIP }
    _modify { yield &fields.hostIP }
  }
  /// The pod's IP.
  @inlinable public var podIP: String? {
    _read { yield box.fields.podIP }
    _modify { yield &fields.podIP }
  }
  /// When the kubelet acknowledged the pod.
  @inlinable public var startTime: SimTime? {
    _read { yield box.fields.startTime }
    _modify { yield &fields.startTime }
  }
  /// Init containers' statuses.
  @inlinable public var initContainerStatuses: [ContainerStatus] {
    _read { yield box.fields.initContainerStatuses }
    _modify { yield &fields.initContainerStatuses }
  }
  /// App containers' statuses.
  @inlinable public var containerStatuses: [ContainerStatus] {
    _read { yield box.fields.containerStatuses }
    _modify { yield &fields.containerStatuses }
  }
  /// The QoS class.
  @inlinable public var qosClass: PodQOSClass? {
    _read { yield box.fields.qosClass }
    _modify { yield &fields.qosClass }
  }

  /// Creates a `PodStatus`; every parameter defaults to its unset value.
  public init(
    observedGeneration: Int64? = nil,
    phase: PodPhase? = nil,
    conditions: [PodCondition] = [],
    message: String? = nil,
    reason: String? = nil,
    nominatedNodeName: String? = nil,
    hostIP: String? = nil,
    podIP: String? = nil,
    startTime: SimTime? = nil,
    initContainerStatuses: [ContainerStatus] = [],
    containerStatuses: [ContainerStatus] = [],
    qosClass: PodQOSClass? = nil
  ) {
    box = CopyOnWriteBox(
      Fields(
        observedGeneration: observedGeneration, phase: phase, conditions: conditions,
        message: message, reason: reason, nominatedNodeName: nominatedNodeName, hostIP: hostIP,
        podIP: podIP, startTime: startTime, initContainerStatuses: initContainerStatuses,
        containerStatuses: containerStatuses, qosClass: qosClass))
  }
}

/// A pod condition (`v1.PodCondition`).
public struct PodCondition: Sendable, Equatable {
  /// The type: `PodScheduled`, `Ready`, ….
  public var type: String
  /// True, False or Unknown.
  public var status: ConditionStatus
  /// Last probe time.
  public var lastProbeTime: SimTime?
  /// When the status last changed.
  public var lastTransitionTime: SimTime?
  /// A CamelCase reason (`Unschedulable`).
  public var reason: String?
  /// A human-readable message.
  public var message: String?

  /// Creates a `PodCondition`; every parameter defaults to its unset value.
  public init(
    type: String = "",
    status: ConditionStatus = .unknown,
    lastProbeTime: SimTime? = nil,
    lastTransitionTime: SimTime? = nil,
    reason: String? = nil,
    message: String? = nil
  ) {
    self.type = type
    self.status = status
    self.lastProbeTime = lastProbeTime
    self.lastTransitionTime = lastTransitionTime
    self.reason = reason
    self.message = message
  }
}

/// A container's status (`v1.ContainerStatus`).
public struct ContainerStatus: Sendable, Equatable {
  /// The container name.
  public var name: String
  /// The current state.
  public var state: ContainerState
  /// The previous termination, if any.
  public var lastState: ContainerState
  /// Passes its readiness probe.
  public var ready: Bool
  /// Restarts so far.
  public var restartCount: Int32
  /// The image.
  public var image: String
  /// The image id after pulling.
  public var imageID: String
  /// The runtime's id.
  public var containerID: String?
  /// Past its startup probe.
  public var started: Bool?

  /// Creates a `ContainerStatus`; every parameter defaults to its unset value.
  public init(
    name: String = "",
    state: ContainerState = ContainerState(),
    lastState: ContainerState = ContainerState(),
    ready: Bool = false,
    restartCount: Int32 = 0,
    image: String = "",
    imageID: String = "",
    containerID: String? = nil,
    started: Bool? = nil
  ) {
    self.name = name
    self.state = state
    self.lastState = lastState
    self.ready = ready
    self.restartCount = restartCount
    self.image = image
    self.imageID = imageID
    self.containerID = containerID
    self.started = started
  }
}

/// A container state; at most one member is set (`v1.ContainerState`).
public struct ContainerState: Sendable, Equatable {
  /// Waiting (e.g. `ContainerCreating`, `CrashLoopBackOff`).
  public var waiting: ContainerStateWaiting?
  /// Running since `startedAt`.
  public var running: ContainerStateRunning?
  /// Terminated with an exit code.
  public var terminated: ContainerStateTerminated?

  /// Creates a `ContainerState`; every parameter defaults to its unset value.
  public init(
    waiting: ContainerStateWaiting? = nil,
    running: ContainerStateRunning? = nil,
    terminated: ContainerStateTerminated? = nil
  ) {
    self.waiting = waiting
    self.running = running
    self.terminated = terminated
  }
}

/// A waiting container.
public struct ContainerStateWaiting: Sendable, Equatable {
  /// Why (`ContainerCreating`, `ImagePullBackOff`, `CrashLoopBackOff`).
  public var reason: String?
  /// Details.
  public var message: String?

  /// Creates a `ContainerStateWaiting`; every parameter defaults to its unset value.
  public init(
    reason: String? = nil,
    message: String? = nil
  ) {
    self.reason = reason
    self.message = message
  }
}

/// A running container.
public struct ContainerStateRunning: Sendable, Equatable {
  /// When it started.
  public var startedAt: SimTime?

  /// Creates a `ContainerStateRunning`; every parameter defaults to its unset value.
  public init(
    startedAt: SimTime? = nil
  ) {
    self.startedAt = startedAt
  }
}

/// A terminated container.
public struct ContainerStateTerminated: Sendable, Equatable {
  /// The exit code.
  public var exitCode: Int32
  /// The signal, if killed by one.
  public var signal: Int32?
  /// Why (`Completed`, `Error`, `OOMKilled`).
  public var reason: String?
  /// Details.
  public var message: String?
  /// When it started.
  public var startedAt: SimTime?
  /// When it finished.
  public var finishedAt: SimTime?
  /// The runtime's id.
  public var containerID: String?

  /// Creates a `ContainerStateTerminated`; every parameter defaults to its unset value.
  public init(
    exitCode: Int32 = 0,
    signal: Int32? = nil,
    reason: String? = nil,
    message: String? = nil,
    startedAt: SimTime? = nil,
    finishedAt: SimTime? = nil,
    containerID: String? = nil
  ) {
    self.exitCode = exitCode
    self.signal = signal
    self.reason = reason
    self.message = message
    self.startedAt = startedAt
    self.finishedAt = finishedAt
    self.containerID = containerID
  }
}

/// The phase of a pod (`v1.PodPhase`).
public enum PodPhase: String, Sendable, Hashable, CaseIterable {
  /// `Pending`.
  case pending = "Pending"
  /// `Running`.
  case running = "Running"
  /// `Succeeded`.
  case succeeded = "Succeeded"
  /// `Failed`.
  case failed = "Failed"
  /// `Unknown`.
  case unknown = "Unknown"
}

/// A condition's status (`v1.ConditionStatus`).
public enum ConditionStatus: String, Sendable, Hashable, CaseIterable {
  /// `True`.
  case `true` = "True"
  /// `False`.
  case `false` = "False"
  /// `Unknown`.
  case unknown = "Unknown"
}

/// Pod quality-of-service class (`v1.PodQOSClass`).
public enum PodQOSClass: String, Sendable, Hashable, CaseIterable {
  /// `Guaranteed`.
  case guaranteed = "Guaranteed"
  /// `Burstable`.
  case burstable = "Burstable"
  /// `BestEffort`.
  case bestEffort = "BestEffort"
}
