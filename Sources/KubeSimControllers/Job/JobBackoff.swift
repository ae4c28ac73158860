import KubeSimKernel

/// The Job controller's pod-failure backoff (upstream pkg/controller/job/backoff_utils.go
/// `backoffRecord`, `getRemainingTime`): after `n` failures since the last success, a new pod
/// waits `10 s · 2^(n−1)` (capped at 10 min) from the last failure.
public enum JobBackoff {
  /// `DefaultJobPodFailureBackOff` (pkg/controller/job/job_controller.go): 10 s.
  public static let initial = SimDuration.seconds(10)
  /// `MaxJobPodFailureBackOff` (pkg/controller/job/job_controller.go): 10 min.
  public static let maximum = SimDuration.seconds(600)

  /// The backoff after `failures` failures since the last success (0 when there are none).
  public static func delay(failures: Int) -> SimDuration {
    guard failures > 0 else { return .zero }
    var d = initial
    var i = 1
    while i < failures {
      d = d + d
      if d > maximum { return maximum }
      i += 1
    }
    return d
  }

  /// How long to wait from `now` before creating a pod: the backoff less the time elapsed
  /// since `lastFailure`, never negative (backoff_utils.go `getRemainingTime`).
  public static func remaining(failures: Int, lastFailure: SimTime?, now: SimTime) -> SimDuration {
    guard failures > 0, let last = lastFailure else { return .zero }
    let left = delay(failures: failures) - (now - last)
    return left > .zero ? left : .zero
  }
}
