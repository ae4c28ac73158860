import KubeSimKernel
import KubeSimYAML

/// A Job (`batch/v1.Job`).
public struct Job: Sendable, Equatable {
  /// Standard object metadata.
  public var metadata: ObjectMeta
  /// The desired state.
  public var spec: JobSpec
  /// The observed state.
  public var status: JobStatus

  /// Creates a `Job`; every parameter defaults to its unset value.
  public init(
    metadata: ObjectMeta = ObjectMeta(),
    spec: JobSpec = JobSpec(),
    status: JobStatus = JobStatus()
  ) {
    self.metadata = metadata
    self.spec = spec
    self.status = status
  }
}

/// A Job's spec (`batchv1.JobSpec`).
public struct JobSpec: Sendable, Equatable {
  /// Pods running at once; defaults to 1.
  public var parallelism: Int32?
  /// Successful pods needed; defaults to 1.
  public var completions: Int32?
  /// Deadline from start.
  public var activeDeadlineSeconds: Int64?
  /// Pod failure policy (accepted, kept raw; not modelled yet).
  public var podFailurePolicy: YAMLNode?
  /// Success policy (accepted, kept raw; not modelled yet).
  public var successPolicy: YAMLNode?
  /// Retries before failing; defaults to 6.
  public var backoffLimit: Int32?
  /// Retries per index (Indexed jobs).
  public var backoffLimitPerIndex: Int32?
  /// Failed indexes before failing.
  public var maxFailedIndexes: Int32?
  /// Pods (generated unless manualSelector).
  public var selector: LabelSelector?
  /// The user manages the selector.
  public var manualSelector: Bool?
  /// The pod template.
  public var template: PodTemplateSpec
  /// Deletion delay after finishing.
  public var ttlSecondsAfterFinished: Int32?
  /// NonIndexed (default) or Indexed.
  public var completionMode: CompletionMode?
  /// Suspended.
  public var suspend: Bool?
  /// TerminatingOrFailed or Failed.
  public var podReplacementPolicy: String?

  /// Creates a `JobSpec`; every parameter defaults to its unset value.
  public init(
    parallelism: Int32? = nil,
    completions: Int32? = nil,
    activeDeadlineSeconds: Int64? = nil,
    podFailurePolicy: YAMLNode? = nil,
    successPolicy: YAMLNode? = nil,
    backoffLimit: Int32? = nil,
    backoffLimitPerIndex: Int32? = nil,
    maxFailedIndexes: Int32? = nil,
    selector: LabelSelector? = nil,
    manualSelector: Bool? = nil,
    template: PodTemplateSpec = PodTemplateSpec(),
    ttlSecondsAfterFinished: Int32? = nil,
    completionMode: CompletionMode? = nil,
    suspend: Bool? = nil,
    podReplacementPolicy: String? = nil
  ) {
    self.parallelism = parallelism
    self.completions = completions
    self.activeDeadlineSeconds = activeDeadlineSeconds
    self.podFailurePolicy = podFailurePolicy
    self.successPolicy = successPolicy
    self.backoffLimit = backoffLimit
    self.backoffLimitPerIndex = backoffLimitPerIndex
    self.maxFailedIndexes = maxFailedIndexes
    self.selector = selector
    self.manualSelector = manualSelector
    self.template = template
    self.ttlSecondsAfterFinished = ttlSecondsAfterFinished
    self.completionMode = completionMode
    self.suspend = suspend
    self.podReplacementPolicy = podReplacementPolicy
  }
}

/// `batchv1.CompletionMode`.
public enum CompletionMode: String, Sendable, Hashable, CaseIterable {
  /// `NonIndexed`.
  case nonIndexed = "NonIndexed"
  /// `Indexed`.
  case indexed = "Indexed"
}

/// A Job's status.
public struct JobStatus: Sendable, Equatable {
  /// Complete, Failed, Suspended, ….
  public var conditions: [JobCondition]
  /// Start.
  public var startTime: SimTime?
  /// Completion.
  public var completionTime: SimTime?
  /// Active pods.
  public var active: Int32
  /// Succeeded pods.
  public var succeeded: Int32
  /// Failed pods.
  public var failed: Int32
  /// Terminating pods.
  public var terminating: Int32?
  /// Completed indexes.
  public var completedIndexes: String?
  /// Ready pods.
  public var ready: Int32?

  /// Creates a `JobStatus`; every parameter defaults to its unset value.
  public init(
    conditions: [JobCondition] = [],
    startTime: SimTime? = nil,
    completionTime: SimTime? = nil,
    active: Int32 = 0,
    succeeded: Int32 = 0,
    failed: Int32 = 0,
    terminating: Int32? = nil,
    completedIndexes: String? = nil,
    ready: Int32? = nil
  ) {
    self.conditions = conditions
    self.startTime = startTime
    self.completionTime = completionTime
    self.active = active
    self.succeeded = succeeded
    self.failed = failed
    self.terminating = terminating
    self.completedIndexes = completedIndexes
    self.ready = ready
  }
}

/// A Job condition.
public struct JobCondition: Sendable, Equatable {
  /// Complete, Failed, Suspended, FailureTarget, SuccessCriteriaMet.
  public var type: String
  /// The status.
  public var status: ConditionStatus
  /// Last probe.
  public var lastProbeTime: SimTime?
  /// Last transition.
  public var lastTransitionTime: SimTime?
  /// Reason.
  public var reason: String?
  /// Message.
  public var message: String?

  /// Creates a `JobCondition`; every parameter defaults to its unset value.
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
