import KubeSimKernel
import KubeSimYAML

/// A Deployment (`apps/v1.Deployment`).
public struct Deployment: Sendable, Equatable {
  /// Standard object metadata.
  public var metadata: ObjectMeta
  /// The desired state.
  public var spec: DeploymentSpec
  /// The observed state, written by the deployment controller.
  public var status: DeploymentStatus

  /// Creates a `Deployment`; every parameter defaults to its unset value.
  public init(
    metadata: ObjectMeta = ObjectMeta(),
    spec: DeploymentSpec = DeploymentSpec(),
    status: DeploymentStatus = DeploymentStatus()
  ) {
    self.metadata = metadata
    self.spec = spec
    self.status = status
  }
}

/// A Deployment's spec (`appsv1.DeploymentSpec`).
public struct DeploymentSpec: Sendable, Equatable {
  /// Desired pods; defaults to 1.
  public var replicas: Int32?
  /// Pods it manages; must match the template's labels.
  public var selector: LabelSelector
  /// The pod template.
  public var template: PodTemplateSpec
  /// Rollout strategy; defaults to RollingUpdate 25%/25%.
  public var strategy: DeploymentStrategy?
  /// Seconds a pod must be ready to count as available.
  public var minReadySeconds: Int32?
  /// Old ReplicaSets kept; defaults to 10.
  public var revisionHistoryLimit: Int32?
  /// Paused rollouts.
  public var paused: Bool?
  /// Seconds before a stalled rollout is reported; defaults to 600.
  public var progressDeadlineSeconds: Int32?

  /// Creates a `DeploymentSpec`; every parameter defaults to its unset value.
  public init(
    replicas: Int32? = nil,
    selector: LabelSelector = LabelSelector(),
    template: PodTemplateSpec = PodTemplateSpec(),
    strategy: DeploymentStrategy? = nil,
    minReadySeconds: Int32? = nil,
    revisionHistoryLimit: Int32? = nil,
    paused: Bool? = nil,
    progressDeadlineSeconds: Int32? = nil
  ) {
    self.replicas = replicas
    self.selector = selector
    self.template = template
    self.strategy = strategy
    self.minReadySeconds = minReadySeconds
    self.revisionHistoryLimit = revisionHistoryLimit
    self.paused = paused
    self.progressDeadlineSeconds = progressDeadlineSeconds
  }
}

/// A rollout strategy.
public struct DeploymentStrategy: Sendable, Equatable {
  /// Recreate or RollingUpdate.
  public var type: DeploymentStrategyType?
  /// Rolling update parameters.
  public var rollingUpdate: RollingUpdateDeployment?

  /// Creates a `DeploymentStrategy`; every parameter defaults to its unset value.
  public init(
    type: DeploymentStrategyType? = nil,
    rollingUpdate: RollingUpdateDeployment? = nil
  ) {
    self.type = type
    self.rollingUpdate = rollingUpdate
  }
}

/// Rolling update parameters.
public struct RollingUpdateDeployment: Sendable, Equatable {
  /// Pods that may be unavailable (absolute or %).
  public var maxUnavailable: IntOrString?
  /// Pods above the desired count (absolute or %).
  public var maxSurge: IntOrString?

  /// Creates a `RollingUpdateDeployment`; every parameter defaults to its unset value.
  public init(
    maxUnavailable: IntOrString? = nil,
    maxSurge: IntOrString? = nil
  ) {
    self.maxUnavailable = maxUnavailable
    self.maxSurge = maxSurge
  }
}

/// `appsv1.DeploymentStrategyType`.
public enum DeploymentStrategyType: String, Sendable, Hashable, CaseIterable {
  /// `Recreate`.
  case recreate = "Recreate"
  /// `RollingUpdate`.
  case rollingUpdate = "RollingUpdate"
}

/// A Deployment's status (`appsv1.DeploymentStatus`).
public struct DeploymentStatus: Sendable, Equatable {
  /// The generation observed.
  public var observedGeneration: Int64?
  /// Pods targeted (non-terminating).
  public var replicas: Int32
  /// Pods with the current template.
  public var updatedReplicas: Int32
  /// Ready pods.
  public var readyReplicas: Int32
  /// Available pods.
  public var availableReplicas: Int32
  /// Unavailable pods.
  public var unavailableReplicas: Int32
  /// Terminating pods.
  public var terminatingReplicas: Int32?
  /// Available, Progressing, ReplicaFailure.
  public var conditions: [DeploymentCondition]
  /// Hash collisions.
  public var collisionCount: Int32?

  /// Creates a `DeploymentStatus`; every parameter defaults to its unset value.
  public init(
    observedGeneration: Int64? = nil,
    replicas: Int32 = 0,
    updatedReplicas: Int32 = 0,
    readyReplicas: Int32 = 0,
    availableReplicas: Int32 = 0,
    unavailableReplicas: Int32 = 0,
    terminatingReplicas: Int32? = nil,
    conditions: [DeploymentCondition] = [],
    collisionCount: Int32? = nil
  ) {
    self.observedGeneration = observedGeneration
    self.replicas = replicas
    self.updatedReplicas = updatedReplicas
    self.readyReplicas = readyReplicas
    self.availableReplicas = availableReplicas
    self.unavailableReplicas = unavailableReplicas
    self.terminatingReplicas = terminatingReplicas
    self.conditions = conditions
    self.collisionCount = collisionCount
  }
}

/// A Deployment condition.
public struct DeploymentCondition: Sendable, Equatable {
  /// Available, Progressing, ReplicaFailure.
  public var type: String
  /// The status.
  public var status: ConditionStatus
  /// Last update.
  public var lastUpdateTime: SimTime?
  /// Last transition.
  public var lastTransitionTime: SimTime?
  /// Reason.
  public var reason: String?
  /// Message.
  public var message: String?

  /// Creates a `DeploymentCondition`; every parameter defaults to its unset value.
  public init(
    type: String = "",
    status: ConditionStatus = .unknown,
    lastUpdateTime: SimTime? = nil,
    lastTransitionTime: SimTime? = nil,
    reason: String? = nil,
    message: String? = nil
  ) {
    self.type = type
    self.status = status
    self.lastUpdateTime = lastUpdateTime
    self.lastTransitionTime = lastTransitionTime
    self.reason = reason
    self.message = message
  }
}
