import KubeSimKernel

/// The times of one scheduling attempt, for the latency split of issue 7 (queue wait vs
/// scheduling cycle vs binding).
///
/// KubeSim's scheduler pops a pod, runs the algorithm at once and finishes the cycle one
/// simulated cycle cost (plus any Permit wait) later, where it binds synchronously: so
/// `decidedAt − poppedAt` is the simulated cycle and `boundAt − decidedAt` is 0. Upstream binds
/// in a goroutine after the scheduling cycle (schedule_one.go `bindingCycle`); its
/// `scheduler_scheduling_attempt_duration_seconds` covers "scheduling algorithm + binding"
/// (pkg/scheduler/metrics/metrics.go), which here is `boundAt − poppedAt`.
public struct SchedulingAttemptTiming: Sendable, Equatable {
  /// `namespace/name`.
  public var pod: String
  /// The profile's scheduler name.
  public var profile: String
  /// 1 for the first attempt.
  public var attempt: Int
  /// When the pod entered the queue for this attempt: added, or put back after its previous
  /// attempt failed (the queue entry's `timestamp`; scheduling_queue.go `QueuedPodInfo.Timestamp`).
  public var queuedAt: SimTime
  /// When the pod first entered the queue (`InitialAttemptTimestamp` upstream).
  public var firstQueuedAt: SimTime
  /// When the attempt popped the pod off the queue.
  public var poppedAt: SimTime
  /// When the cycle reached its decision (the simulated cycle cost after the pop).
  public var decidedAt: SimTime
  /// When the API server stored the binding; nil when the attempt did not bind the pod.
  public var boundAt: SimTime?

  /// Creates a value with the given parts.
  public init(
    pod: String, profile: String, attempt: Int, queuedAt: SimTime, firstQueuedAt: SimTime,
    poppedAt: SimTime, decidedAt: SimTime, boundAt: SimTime?
  ) {
    self.pod = pod
    self.profile = profile
    self.attempt = attempt
    self.queuedAt = queuedAt
    self.firstQueuedAt = firstQueuedAt
    self.poppedAt = poppedAt
    self.decidedAt = decidedAt
    self.boundAt = boundAt
  }
}

/// Receives the timing of every scheduling attempt when set on `DefaultScheduler.timingObserver`
/// (the metrics recorder uses it). Nil by default: the scheduler then builds no timing value.
public protocol SchedulingTimingObserver: AnyObject {
  /// Called once per attempt, when its cycle finishes (bound, rejected or failed to bind).
  func attemptFinished(_ timing: SchedulingAttemptTiming)
}
