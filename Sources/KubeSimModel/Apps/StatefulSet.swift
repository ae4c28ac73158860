/// A StatefulSet (`apps/v1.StatefulSet`).
public struct StatefulSet: Sendable, Equatable {
  /// Standard object metadata.
  public var metadata: ObjectMeta
  /// The desired state.
  public var spec: StatefulSetSpec
  /// The observed state.
  public var status: StatefulSetStatus

  /// Creates a `StatefulSet`; every parameter defaults to its unset value.
  public init(
    metadata: ObjectMeta = ObjectMeta(),
    spec: StatefulSetSpec = StatefulSetSpec(),
    status: StatefulSetStatus = StatefulSetStatus()
  ) {
    self.metadata = metadata
    self.spec = spec
    self.status = status
  }
}

/// A StatefulSet's spec.
public struct StatefulSetSpec: Sendable, Equatable {
  /// Desired pods; defaults to 1.
  public var replicas: Int32?
  /// Pods it manages.
  public var selector: LabelSelector
  /// The pod template.
  public var template: PodTemplateSpec
  /// Claims created per pod.
  public var volumeClaimTemplates: [PersistentVolumeClaim]
  /// The governing headless service.
  public var serviceName: String?
  /// OrderedReady (default) or Parallel.
  public var podManagementPolicy: String?
  /// RollingUpdate (default) or OnDelete.
  public var updateStrategy: StatefulSetUpdateStrategy?
  /// History kept; defaults to 10.
  public var revisionHistoryLimit: Int32?
  /// Seconds ready before available.
  public var minReadySeconds: Int32?
  /// Claim deletion policy.
  public var persistentVolumeClaimRetentionPolicy: StatefulSetPersistentVolumeClaimRetentionPolicy?
  /// The first ordinal.
  public var ordinals: StatefulSetOrdinals?

  /// Creates a `StatefulSetSpec`; every parameter defaults to its unset value.
  public init(
    replicas: Int32? = nil,
    selector: LabelSelector = LabelSelector(),
    template: PodTemplateSpec = PodTemplateSpec(),
    volumeClaimTemplates: [PersistentVolumeClaim] = [],
    serviceName: String? = nil,
    podManagementPolicy: String? = nil,
    updateStrategy: StatefulSetUpdateStrategy? = nil,
    revisionHistoryLimit: Int32? = nil,
    minReadySeconds: Int32? = nil,
    persistentVolumeClaimRetentionPolicy: StatefulSetPersistentVolumeClaimRetentionPolicy? = nil,
    ordinals: StatefulSetOrdinals? = nil
  ) {
    self.replicas = replicas
    self.selector = selector
    self.template = template
    self.volumeClaimTemplates = volumeClaimTemplates
    self.serviceName = serviceName
    self.podManagementPolicy = podManagementPolicy
    self.updateStrategy = updateStrategy
    self.revisionHistoryLimit = revisionHistoryLimit
    self.minReadySeconds = minReadySeconds
    self.persistentVolumeClaimRetentionPolicy = persistentVolumeClaimRetentionPolicy
    self.ordinals = ordinals
  }
}

/// A StatefulSet update strategy.
public struct StatefulSetUpdateStrategy: Sendable, Equatable {
  /// RollingUpdate or OnDelete.
  public var type: String?
  /// Parameters.
  public var rollingUpdate: RollingUpdateStatefulSetStrategy?

  /// Creates a `StatefulSetUpdateStrategy`; every parameter defaults to its unset value.
  public init(
    type: String? = nil,
    rollingUpdate: RollingUpdateStatefulSetStrategy? = nil
  ) {
    self.type = type
    self.rollingUpdate = rollingUpdate
  }
}

/// StatefulSet rolling update parameters.
public struct RollingUpdateStatefulSetStrategy: Sendable, Equatable {
  /// Ordinals below are not updated; defaults to 0.
  public var partition: Int32?
  /// Alpha: pods updated at once.
  public var maxUnavailable: IntOrString?

  /// Creates a `RollingUpdateStatefulSetStrategy`; every parameter defaults to its unset value.
  public init(
    partition: Int32? = nil,
    maxUnavailable: IntOrString? = nil
  ) {
    self.partition = partition
    self.maxUnavailable = maxUnavailable
  }
}

/// What happens to claims on deletion and scale-down.
public struct StatefulSetPersistentVolumeClaimRetentionPolicy: Sendable, Equatable {
  /// Retain or Delete.
  public var whenDeleted: String?
  /// Retain or Delete.
  public var whenScaled: String?

  /// Creates a `StatefulSetPersistentVolumeClaimRetentionPolicy`; every parameter defaults to its unset value.
  public init(
    whenDeleted: String? = nil,
    whenScaled: String? = nil
  ) {
    self.whenDeleted = whenDeleted
    self.whenScaled = whenScaled
  }
}

/// StatefulSet ordinals.
public struct StatefulSetOrdinals: Sendable, Equatable {
  /// The first ordinal.
  public var start: Int32

  /// Creates a `StatefulSetOrdinals`; every parameter defaults to its unset value.
  public init(
    start: Int32 = 0
  ) {
    self.start = start
  }
}

/// A StatefulSet's status.
public struct StatefulSetStatus: Sendable, Equatable {
  /// Generation observed.
  public var observedGeneration: Int64?
  /// Pods.
  public var replicas: Int32
  /// Ready pods.
  public var readyReplicas: Int32
  /// Pods at currentRevision.
  public var currentReplicas: Int32
  /// Pods at updateRevision.
  public var updatedReplicas: Int32
  /// Current revision.
  public var currentRevision: String?
  /// Update revision.
  public var updateRevision: String?
  /// Available pods.
  public var availableReplicas: Int32

  /// Creates a `StatefulSetStatus`; every parameter defaults to its unset value.
  public init(
    observedGeneration: Int64? = nil,
    replicas: Int32 = 0,
    readyReplicas: Int32 = 0,
    currentReplicas: Int32 = 0,
    updatedReplicas: Int32 = 0,
    currentRevision: String? = nil,
    updateRevision: String? = nil,
    availableReplicas: Int32 = 0
  ) {
    self.observedGeneration = observedGeneration
    self.replicas = replicas
    self.readyReplicas = readyReplicas
    self.currentReplicas = currentReplicas
    self.updatedReplicas = updatedReplicas
    self.currentRevision = currentRevision
    self.updateRevision = updateRevision
    self.availableReplicas = availableReplicas
  }
}
