import KubeSimKernel
import KubeSimYAML

/// A CronJob (`batch/v1.CronJob`).
public struct CronJob: Sendable, Equatable {
  /// Standard object metadata.
  public var metadata: ObjectMeta
  /// The desired state.
  public var spec: CronJobSpec
  /// The observed state.
  public var status: CronJobStatus

  /// Creates a `CronJob`; every parameter defaults to its unset value.
  public init(
    metadata: ObjectMeta = ObjectMeta(),
    spec: CronJobSpec = CronJobSpec(),
    status: CronJobStatus = CronJobStatus()
  ) {
    self.metadata = metadata
    self.spec = spec
    self.status = status
  }
}

/// A CronJob's spec.
public struct CronJobSpec: Sendable, Equatable {
  /// The cron schedule.
  public var schedule: String
  /// The time zone.
  public var timeZone: String?
  /// Deadline for a missed start.
  public var startingDeadlineSeconds: Int64?
  /// Allow (default), Forbid or Replace.
  public var concurrencyPolicy: ConcurrencyPolicy?
  /// Suspended; defaults to false.
  public var suspend: Bool?
  /// The job template.
  public var jobTemplate: JobTemplateSpec
  /// Kept successful jobs; defaults to 3.
  public var successfulJobsHistoryLimit: Int32?
  /// Kept failed jobs; defaults to 1.
  public var failedJobsHistoryLimit: Int32?

  /// Creates a `CronJobSpec`; every parameter defaults to its unset value.
  public init(
    schedule: String = "",
    timeZone: String? = nil,
    startingDeadlineSeconds: Int64? = nil,
    concurrencyPolicy: ConcurrencyPolicy? = nil,
    suspend: Bool? = nil,
    jobTemplate: JobTemplateSpec = JobTemplateSpec(),
    successfulJobsHistoryLimit: Int32? = nil,
    failedJobsHistoryLimit: Int32? = nil
  ) {
    self.schedule = schedule
    self.timeZone = timeZone
    self.startingDeadlineSeconds = startingDeadlineSeconds
    self.concurrencyPolicy = concurrencyPolicy
    self.suspend = suspend
    self.jobTemplate = jobTemplate
    self.successfulJobsHistoryLimit = successfulJobsHistoryLimit
    self.failedJobsHistoryLimit = failedJobsHistoryLimit
  }
}

/// `batchv1.ConcurrencyPolicy`.
public enum ConcurrencyPolicy: String, Sendable, Hashable, CaseIterable {
  /// `Allow`.
  case allow = "Allow"
  /// `Forbid`.
  case forbid = "Forbid"
  /// `Replace`.
  case replace = "Replace"
}

/// A Job template.
public struct JobTemplateSpec: Sendable, Equatable {
  /// Labels and annotations of created jobs.
  public var metadata: ObjectMeta
  /// The jobs' spec.
  public var spec: JobSpec

  /// Creates a `JobTemplateSpec`; every parameter defaults to its unset value.
  public init(
    metadata: ObjectMeta = ObjectMeta(),
    spec: JobSpec = JobSpec()
  ) {
    self.metadata = metadata
    self.spec = spec
  }
}

/// A CronJob's status.
public struct CronJobStatus: Sendable, Equatable {
  /// Running jobs.
  public var active: [ObjectReference]
  /// Last schedule.
  public var lastScheduleTime: SimTime?
  /// Last success.
  public var lastSuccessfulTime: SimTime?

  /// Creates a `CronJobStatus`; every parameter defaults to its unset value.
  public init(
    active: [ObjectReference] = [],
    lastScheduleTime: SimTime? = nil,
    lastSuccessfulTime: SimTime? = nil
  ) {
    self.active = active
    self.lastScheduleTime = lastScheduleTime
    self.lastSuccessfulTime = lastSuccessfulTime
  }
}
