import KubeSimKernel

/// The delay before the kubelet restarts an exited container.
///
/// Upstream: `backOffPeriod = 10s` and `MaxContainerBackOff = 300s` (pkg/kubelet/kubelet.go,
/// v1.35), doubling per restart (client-go `flowcontrol.Backoff`), as documented: "exponential
/// back-off delay (10s, 20s, 40s, …), that is capped at five minutes". KubeSim applies 10s before
/// the first restart too, and does not reset the backoff after 10 minutes of running (issue 5).
public enum CrashLoopBackOff {
  public static let initial = SimDuration.seconds(10)
  public static let max = SimDuration.seconds(300)

  /// Delay before restart number `restart` (1 for the first restart).
  public static func delay(restart: Int) -> SimDuration {
    var d = initial
    var i = 1
    while i < restart && d < max {
      d = d * 2
      i += 1
    }
    return Swift.min(d, max)
  }
}
