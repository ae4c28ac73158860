import KubeSimKernel
import KubeSimModel

/// How the replica calculator treats each pod (replica_calculator.go `groupPods`, v1.35), with
/// `--horizontal-pod-autoscaler-cpu-initialization-period` (5m) and
/// `--horizontal-pod-autoscaler-initial-readiness-delay` (30s).
public enum PodGrouping {
  /// kube-controller-manager default of `--horizontal-pod-autoscaler-cpu-initialization-period`.
  public static let cpuInitializationPeriod = SimDuration.minutes(5)
  /// kube-controller-manager default of `--horizontal-pod-autoscaler-initial-readiness-delay`.
  public static let delayOfInitialReadinessStatus = SimDuration.seconds(30)

  /// The state of `pod` for `resource`, given whether metrics-server has a metric for it, that
  /// metric's timestamp and window:
  /// - being deleted, Failed or Pending → ignored;
  /// - no metric → missing (returned as `.ready`; the calculator sees `metric == nil`);
  /// - for cpu only: no Ready condition or no start time → unready; within the CPU
  ///   initialization period after start → unready if not Ready, or if the metric was taken
  ///   less than one window after the last readiness transition; after it → unready only if
  ///   not Ready and the readiness has not changed since the initial readiness delay (the pod
  ///   has never been ready).
  public static func state(
    _ pod: Pod, resource: String, hasMetric: Bool, metricTime: SimTime, window: SimDuration,
    now: SimTime, cpuInitializationPeriod: SimDuration = cpuInitializationPeriod,
    delayOfInitialReadinessStatus: SimDuration = delayOfInitialReadinessStatus
  ) -> ReplicaCalculator.PodState {
    if pod.metadata.deletionTimestamp != nil || pod.status.phase == .failed { return .ignored }
    if pod.status.phase == .pending || pod.status.phase == nil { return .ignored }
    guard hasMetric else { return .ready }
    guard resource == "cpu" else { return .ready }
    guard let ready = pod.status.conditions.first(where: { $0.type == "Ready" }),
      let start = pod.status.startTime
    else { return .unready }
    let transition = ready.lastTransitionTime ?? start
    let unready: Bool
    if start + cpuInitializationPeriod > now {
      unready = ready.status == .false || metricTime < transition + window
    } else {
      unready = ready.status == .false && start + delayOfInitialReadinessStatus > transition
    }
    return unready ? .unready : .ready
  }
}
