import KubeSimKernel
import KubeSimYAML

/// A ReplicaSet (`apps/v1.ReplicaSet`).
public struct ReplicaSet: Sendable, Equatable {
  /// Standard object metadata.
  public var metadata: ObjectMeta
  /// The desired state.
  public var spec: ReplicaSetSpec
  /// The observed state.
  public var status: ReplicaSetStatus

  /// Creates a `ReplicaSet`; every parameter defaults to its unset value.
  public init(
    metadata: ObjectMeta = ObjectMeta(),
    spec: ReplicaSetSpec = ReplicaSetSpec(),
    status: ReplicaSetStatus = ReplicaSetStatus()
  ) {
    self.metadata = metadata
    self.spec = spec
    self.status = status
  }
}

/// A ReplicaSet's spec.
public struct ReplicaSetSpec: Sendable, Equatable {
  /// Desired pods; defaults to 1.
  public var replicas: Int32?
  /// Seconds a pod must be ready to count as available.
  public var minReadySeconds: Int32?
  /// Pods it manages.
  public var selector: LabelSelector
  /// The pod template.
  public var template: PodTemplateSpec

  /// Creates a `ReplicaSetSpec`; every parameter defaults to its unset value.
  public init(
    replicas: Int32? = nil,
    minReadySeconds: Int32? = nil,
    selector: LabelSelector = LabelSelector(),
    template: PodTemplateSpec = PodTemplateSpec()
  ) {
    self.replicas = replicas
    self.minReadySeconds = minReadySeconds
    self.selector = selector
    self.template = template
  }
}

/// A ReplicaSet's status.
public struct ReplicaSetStatus: Sendable, Equatable {
  /// Pods.
  public var replicas: Int32
  /// Pods whose labels match the template.
  public var fullyLabeledReplicas: Int32
  /// Ready pods.
  public var readyReplicas: Int32
  /// Available pods.
  public var availableReplicas: Int32
  /// Terminating pods.
  public var terminatingReplicas: Int32?
  /// Generation observed.
  public var observedGeneration: Int64?
  /// Conditions.
  public var conditions: [ReplicaSetCondition]

  /// Creates a `ReplicaSetStatus`; every parameter defaults to its unset value.
  public init(
    replicas: Int32 = 0,
    fullyLabeledReplicas: Int32 = 0,
    readyReplicas: Int32 = 0,
    availableReplicas: Int32 = 0,
    terminatingReplicas: Int32? = nil,
    observedGeneration: Int64? = nil,
    conditions: [ReplicaSetCondition] = []
  ) {
    self.replicas = replicas
    self.fullyLabeledReplicas = fullyLabeledReplicas
    self.readyReplicas = readyReplicas
    self.availableReplicas = availableReplicas
    self.terminatingReplicas = terminatingReplicas
    self.observedGeneration = observedGeneration
    self.conditions = conditions
  }
}

/// A ReplicaSet condition.
public struct ReplicaSetCondition: Sendable, Equatable {
  /// The type (ReplicaFailure).
  public var type: String
  /// The status.
  public var status: ConditionStatus
  /// Last transition.
  public var lastTransitionTime: SimTime?
  /// Reason.
  public var reason: String?
  /// Message.
  public var message: String?

  /// Creates a `ReplicaSetCondition`; every parameter defaults to its unset value.
  public init(
    type: String = "",
    status: ConditionStatus = .unknown,
    lastTransitionTime: SimTime? = nil,
    reason: String? = nil,
    message: String? = nil
  ) {
    self.type = type
    self.status = status
    self.lastTransitionTime = lastTransitionTime
    self.reason = reason
    self.message = message
  }
}
