/// A DaemonSet (`apps/v1.DaemonSet`).
public struct DaemonSet: Sendable, Equatable {
  /// Standard object metadata.
  public var metadata: ObjectMeta
  /// The desired state.
  public var spec: DaemonSetSpec
  /// The observed state.
  public var status: DaemonSetStatus

  /// Creates a `DaemonSet`; every parameter defaults to its unset value.
  public init(
    metadata: ObjectMeta = ObjectMeta(),
    spec: DaemonSetSpec = DaemonSetSpec(),
    status: DaemonSetStatus = DaemonSetStatus()
  ) {
    self.metadata = metadata
    self.spec = spec
    self.status = status
  }
}

/// A DaemonSet's spec.
public struct DaemonSetSpec: Sendable, Equatable {
  /// Pods it manages.
  public var selector: LabelSelector
  /// The pod template.
  public var template: PodTemplateSpec
  /// RollingUpdate (default) or OnDelete.
  public var updateStrategy: DaemonSetUpdateStrategy?
  /// Seconds ready before available.
  public var minReadySeconds: Int32?
  /// History kept; defaults to 10.
  public var revisionHistoryLimit: Int32?

  /// Creates a `DaemonSetSpec`; every parameter defaults to its unset value.
  public init(
    selector: LabelSelector = LabelSelector(),
    template: PodTemplateSpec = PodTemplateSpec(),
    updateStrategy: DaemonSetUpdateStrategy? = nil,
    minReadySeconds: Int32? = nil,
    revisionHistoryLimit: Int32? = nil
  ) {
    self.selector = selector
    self.template = template
    self.updateStrategy = updateStrategy
    self.minReadySeconds = minReadySeconds
    self.revisionHistoryLimit = revisionHistoryLimit
  }
}

/// A DaemonSet update strategy.
public struct DaemonSetUpdateStrategy: Sendable, Equatable {
  /// RollingUpdate or OnDelete.
  public var type: String?
  /// Parameters.
  public var rollingUpdate: RollingUpdateDaemonSet?

  /// Creates a `DaemonSetUpdateStrategy`; every parameter defaults to its unset value.
  public init(
    type: String? = nil,
    rollingUpdate: RollingUpdateDaemonSet? = nil
  ) {
    self.type = type
    self.rollingUpdate = rollingUpdate
  }
}

/// DaemonSet rolling update parameters.
public struct RollingUpdateDaemonSet: Sendable, Equatable {
  /// Defaults to 1.
  public var maxUnavailable: IntOrString?
  /// Defaults to 0.
  public var maxSurge: IntOrString?

  /// Creates a `RollingUpdateDaemonSet`; every parameter defaults to its unset value.
  public init(
    maxUnavailable: IntOrString? = nil,
    maxSurge: IntOrString? = nil
  ) {
    self.maxUnavailable = maxUnavailable
    self.maxSurge = maxSurge
  }
}

/// A DaemonSet's status.
public struct DaemonSetStatus: Sendable, Equatable {
  /// Nodes running a daemon pod that should.
  public var currentNumberScheduled: Int32
  /// Nodes running one that should not.
  public var numberMisscheduled: Int32
  /// Nodes that should run one.
  public var desiredNumberScheduled: Int32
  /// Nodes with a ready daemon pod.
  public var numberReady: Int32
  /// Generation observed.
  public var observedGeneration: Int64?
  /// Nodes with the current template.
  public var updatedNumberScheduled: Int32
  /// Nodes with an available daemon pod.
  public var numberAvailable: Int32
  /// Nodes without one.
  public var numberUnavailable: Int32

  /// Creates a `DaemonSetStatus`; every parameter defaults to its unset value.
  public init(
    currentNumberScheduled: Int32 = 0,
    numberMisscheduled: Int32 = 0,
    desiredNumberScheduled: Int32 = 0,
    numberReady: Int32 = 0,
    observedGeneration: Int64? = nil,
    updatedNumberScheduled: Int32 = 0,
    numberAvailable: Int32 = 0,
    numberUnavailable: Int32 = 0
  ) {
    self.currentNumberScheduled = currentNumberScheduled
    self.numberMisscheduled = numberMisscheduled
    self.desiredNumberScheduled = desiredNumberScheduled
    self.numberReady = numberReady
    self.observedGeneration = observedGeneration
    self.updatedNumberScheduled = updatedNumberScheduled
    self.numberAvailable = numberAvailable
    self.numberUnavailable = numberUnavailable
  }
}
