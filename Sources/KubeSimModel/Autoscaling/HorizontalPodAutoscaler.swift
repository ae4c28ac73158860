import KubeSimKernel
import KubeSimYAML

/// A horizontal pod autoscaler, held in its `autoscaling/v2` form (`autoscaling/v1` manifests are converted).
public struct HorizontalPodAutoscaler: Sendable, Equatable {
  /// Standard object metadata.
  public var metadata: ObjectMeta
  /// The spec.
  public var spec: HorizontalPodAutoscalerSpec
  /// The status.
  public var status: HorizontalPodAutoscalerStatus

  /// Creates a `HorizontalPodAutoscaler`; every parameter defaults to its unset value.
  public init(
    metadata: ObjectMeta = ObjectMeta(),
    spec: HorizontalPodAutoscalerSpec = HorizontalPodAutoscalerSpec(),
    status: HorizontalPodAutoscalerStatus = HorizontalPodAutoscalerStatus()
  ) {
    self.metadata = metadata
    self.spec = spec
    self.status = status
  }
}

/// An HPA's spec (`autoscalingv2.HorizontalPodAutoscalerSpec`).
public struct HorizontalPodAutoscalerSpec: Sendable, Equatable {
  /// The scaled object.
  public var scaleTargetRef: CrossVersionObjectReference
  /// Lower bound; defaults to 1.
  public var minReplicas: Int32?
  /// Upper bound.
  public var maxReplicas: Int32
  /// Metrics; defaults to CPU 80% utilization.
  public var metrics: [MetricSpec]
  /// Scaling behaviour.
  public var behavior: HorizontalPodAutoscalerBehavior?

  /// Creates a `HorizontalPodAutoscalerSpec`; every parameter defaults to its unset value.
  public init(
    scaleTargetRef: CrossVersionObjectReference = CrossVersionObjectReference(),
    minReplicas: Int32? = nil,
    maxReplicas: Int32 = 0,
    metrics: [MetricSpec] = [],
    behavior: HorizontalPodAutoscalerBehavior? = nil
  ) {
    self.scaleTargetRef = scaleTargetRef
    self.minReplicas = minReplicas
    self.maxReplicas = maxReplicas
    self.metrics = metrics
    self.behavior = behavior
  }
}

/// A reference to a scalable object.
public struct CrossVersionObjectReference: Sendable, Equatable {
  /// The kind.
  public var kind: String
  /// The name.
  public var name: String
  /// The API version.
  public var apiVersion: String?

  /// Creates a `CrossVersionObjectReference`; every parameter defaults to its unset value.
  public init(
    kind: String = "",
    name: String = "",
    apiVersion: String? = nil
  ) {
    self.kind = kind
    self.name = name
    self.apiVersion = apiVersion
  }
}

/// A metric (`autoscalingv2.MetricSpec`).
public struct MetricSpec: Sendable, Equatable {
  /// Resource, ContainerResource, Pods, Object or External.
  public var type: String
  /// For Resource.
  public var resource: ResourceMetricSource?
  /// For ContainerResource.
  public var containerResource: ContainerResourceMetricSource?
  /// For Pods (kept raw).
  public var pods: YAMLNode?
  /// For Object (kept raw).
  public var object: YAMLNode?
  /// For External (kept raw).
  public var external: YAMLNode?

  /// Creates a `MetricSpec`; every parameter defaults to its unset value.
  public init(
    type: String = "",
    resource: ResourceMetricSource? = nil,
    containerResource: ContainerResourceMetricSource? = nil,
    pods: YAMLNode? = nil,
    object: YAMLNode? = nil,
    external: YAMLNode? = nil
  ) {
    self.type = type
    self.resource = resource
    self.containerResource = containerResource
    self.pods = pods
    self.object = object
    self.external = external
  }
}

/// A resource metric.
public struct ResourceMetricSource: Sendable, Equatable {
  /// `cpu` or `memory`.
  public var name: String
  /// The target.
  public var target: MetricTarget

  /// Creates a `ResourceMetricSource`; every parameter defaults to its unset value.
  public init(
    name: String = "",
    target: MetricTarget = MetricTarget()
  ) {
    self.name = name
    self.target = target
  }
}

/// A per-container resource metric.
public struct ContainerResourceMetricSource: Sendable, Equatable {
  /// The resource.
  public var name: String
  /// The target.
  public var target: MetricTarget
  /// The container.
  public var container: String

  /// Creates a `ContainerResourceMetricSource`; every parameter defaults to its unset value.
  public init(
    name: String = "",
    target: MetricTarget = MetricTarget(),
    container: String = ""
  ) {
    self.name = name
    self.target = target
    self.container = container
  }
}

/// A metric target.
public struct MetricTarget: Sendable, Equatable {
  /// Utilization, Value or AverageValue.
  public var type: String
  /// For Value.
  public var value: Quantity?
  /// For AverageValue.
  public var averageValue: Quantity?
  /// For Utilization, in percent of requests.
  public var averageUtilization: Int32?

  /// Creates a `MetricTarget`; every parameter defaults to its unset value.
  public init(
    type: String = "",
    value: Quantity? = nil,
    averageValue: Quantity? = nil,
    averageUtilization: Int32? = nil
  ) {
    self.type = type
    self.value = value
    self.averageValue = averageValue
    self.averageUtilization = averageUtilization
  }
}

/// Scaling behaviour.
public struct HorizontalPodAutoscalerBehavior: Sendable, Equatable {
  /// Scale-up rules.
  public var scaleUp: HPAScalingRules?
  /// Scale-down rules.
  public var scaleDown: HPAScalingRules?

  /// Creates a `HorizontalPodAutoscalerBehavior`; every parameter defaults to its unset value.
  public init(
    scaleUp: HPAScalingRules? = nil,
    scaleDown: HPAScalingRules? = nil
  ) {
    self.scaleUp = scaleUp
    self.scaleDown = scaleDown
  }
}

/// Scaling rules in one direction.
public struct HPAScalingRules: Sendable, Equatable {
  /// The window.
  public var stabilizationWindowSeconds: Int32?
  /// Max, Min or Disabled.
  public var selectPolicy: String?
  /// The policies.
  public var policies: [HPAScalingPolicy]
  /// The tolerance (alpha).
  public var tolerance: Quantity?

  /// Creates a `HPAScalingRules`; every parameter defaults to its unset value.
  public init(
    stabilizationWindowSeconds: Int32? = nil,
    selectPolicy: String? = nil,
    policies: [HPAScalingPolicy] = [],
    tolerance: Quantity? = nil
  ) {
    self.stabilizationWindowSeconds = stabilizationWindowSeconds
    self.selectPolicy = selectPolicy
    self.policies = policies
    self.tolerance = tolerance
  }
}

/// A scaling policy.
public struct HPAScalingPolicy: Sendable, Equatable {
  /// Pods or Percent.
  public var type: String
  /// The amount.
  public var value: Int32
  /// The period.
  public var periodSeconds: Int32

  /// Creates a `HPAScalingPolicy`; every parameter defaults to its unset value.
  public init(
    type: String = "",
    value: Int32 = 0,
    periodSeconds: Int32 = 0
  ) {
    self.type = type
    self.value = value
    self.periodSeconds = periodSeconds
  }
}

/// An HPA's status.
public struct HorizontalPodAutoscalerStatus: Sendable, Equatable {
  /// Generation observed.
  public var observedGeneration: Int64?
  /// Last scale.
  public var lastScaleTime: SimTime?
  /// Current replicas.
  public var currentReplicas: Int32
  /// Desired replicas.
  public var desiredReplicas: Int32
  /// Current metrics (kept raw).
  public var currentMetrics: YAMLNode?
  /// Conditions.
  public var conditions: [HorizontalPodAutoscalerCondition]

  /// Creates a `HorizontalPodAutoscalerStatus`; every parameter defaults to its unset value.
  public init(
    observedGeneration: Int64? = nil,
    lastScaleTime: SimTime? = nil,
    currentReplicas: Int32 = 0,
    desiredReplicas: Int32 = 0,
    currentMetrics: YAMLNode? = nil,
    conditions: [HorizontalPodAutoscalerCondition] = []
  ) {
    self.observedGeneration = observedGeneration
    self.lastScaleTime = lastScaleTime
    self.currentReplicas = currentReplicas
    self.desiredReplicas = desiredReplicas
    self.currentMetrics = currentMetrics
    self.conditions = conditions
  }
}

/// An HPA condition.
public struct HorizontalPodAutoscalerCondition: Sendable, Equatable {
  /// AbleToScale, ScalingActive, ScalingLimited.
  public var type: String
  /// The status.
  public var status: ConditionStatus
  /// Last transition.
  public var lastTransitionTime: SimTime?
  /// Reason.
  public var reason: String?
  /// Message.
  public var message: String?

  /// Creates a `HorizontalPodAutoscalerCondition`; every parameter defaults to its unset value.
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
