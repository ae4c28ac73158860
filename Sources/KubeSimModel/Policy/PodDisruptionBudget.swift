import KubeSimKernel

/// A disruption budget (`policy/v1.PodDisruptionBudget`).
public struct PodDisruptionBudget: Sendable, Equatable {
  /// Standard object metadata.
  public var metadata: ObjectMeta
  /// The spec.
  public var spec: PodDisruptionBudgetSpec
  /// The status.
  public var status: PodDisruptionBudgetStatus

  /// Creates a `PodDisruptionBudget`; every parameter defaults to its unset value.
  public init(
    metadata: ObjectMeta = ObjectMeta(),
    spec: PodDisruptionBudgetSpec = PodDisruptionBudgetSpec(),
    status: PodDisruptionBudgetStatus = PodDisruptionBudgetStatus()
  ) {
    self.metadata = metadata
    self.spec = spec
    self.status = status
  }
}

/// A PDB's spec.
public struct PodDisruptionBudgetSpec: Sendable, Equatable {
  /// Pods that must stay available.
  public var minAvailable: IntOrString?
  /// The pods.
  public var selector: LabelSelector?
  /// Pods that may be unavailable.
  public var maxUnavailable: IntOrString?
  /// IfHealthyBudget or AlwaysAllow.
  public var unhealthyPodEvictionPolicy: String?

  /// Creates a `PodDisruptionBudgetSpec`; every parameter defaults to its unset value.
  public init(
    minAvailable: IntOrString? = nil,
    selector: LabelSelector? = nil,
    maxUnavailable: IntOrString? = nil,
    unhealthyPodEvictionPolicy: String? = nil
  ) {
    self.minAvailable = minAvailable
    self.selector = selector
    self.maxUnavailable = maxUnavailable
    self.unhealthyPodEvictionPolicy = unhealthyPodEvictionPolicy
  }
}

/// A PDB's status.
public struct PodDisruptionBudgetStatus: Sendable, Equatable {
  /// Generation observed.
  public var observedGeneration: Int64?
  /// Evictions allowed now.
  public var disruptionsAllowed: Int32
  /// Healthy pods.
  public var currentHealthy: Int32
  /// Minimum healthy pods.
  public var desiredHealthy: Int32
  /// Pods counted.
  public var expectedPods: Int32
  /// Pods evicted but not yet seen deleted by the disruption controller, with the eviction
  /// time (`map[string]metav1.Time` upstream; kept sorted by name here). Set by the eviction
  /// API, pruned by the disruption controller.
  public var disruptedPods: [(name: String, time: SimTime)] = []
  /// Conditions (`DisruptionAllowed`), written by the disruption controller.
  public var conditions: [PodDisruptionBudgetCondition] = []

  public static func == (a: Self, b: Self) -> Bool {
    a.observedGeneration == b.observedGeneration && a.disruptionsAllowed == b.disruptionsAllowed
      && a.currentHealthy == b.currentHealthy && a.desiredHealthy == b.desiredHealthy
      && a.expectedPods == b.expectedPods && a.disruptedPods.map(\.name) == b.disruptedPods.map(\.name)
      && a.disruptedPods.map(\.time) == b.disruptedPods.map(\.time) && a.conditions == b.conditions
  }

  /// Creates a `PodDisruptionBudgetStatus`; every parameter defaults to its unset value.
  public init(
    observedGeneration: Int64? = nil,
    disruptionsAllowed: Int32 = 0,
    currentHealthy: Int32 = 0,
    desiredHealthy: Int32 = 0,
    expectedPods: Int32 = 0
  ) {
    self.observedGeneration = observedGeneration
    self.disruptionsAllowed = disruptionsAllowed
    self.currentHealthy = currentHealthy
    self.desiredHealthy = desiredHealthy
    self.expectedPods = expectedPods
  }
}

/// A PodDisruptionBudget condition (`metav1.Condition`): `DisruptionAllowed`.
public struct PodDisruptionBudgetCondition: Sendable, Equatable {
  /// `DisruptionAllowed`.
  public var type: String
  /// The status.
  public var status: ConditionStatus
  /// `SufficientPods`, `InsufficientPods` or `SyncFailed`.
  public var reason: String
  /// A message.
  public var message: String
  /// Last transition.
  public var lastTransitionTime: SimTime?
  /// The generation observed.
  public var observedGeneration: Int64?

  /// Creates a condition.
  public init(
    type: String, status: ConditionStatus, reason: String, message: String = "",
    lastTransitionTime: SimTime? = nil, observedGeneration: Int64? = nil
  ) {
    self.type = type
    self.status = status
    self.reason = reason
    self.message = message
    self.lastTransitionTime = lastTransitionTime
    self.observedGeneration = observedGeneration
  }
}
