import KubeSimKernel

/// The delay before the kubelet restarts an exited container.
///
/// Upstream: `backOffPeriod = 10s` and `MaxContainerBackOff = 300s` (pkg/kubelet/kubelet.go,
/// v1.35), doubling per restart (client-go `flowcontrol.Backoff`), as documented: "exponential
/// back-off delay (10s, 20s, 40s, …), that is capped at five minutes". The entry resets to 10s
/// when the last backoff is more than `2 × max` = 10 minutes old (client-go
/// `flowcontrol.Backoff.Next` with `hasExpired`: `now - lastUpdate > 2 * maxDuration`), so a
/// container that ran 10 minutes without crashing starts again at 10s. KubeSim applies 10s
/// before the first restart too (upstream's first restart may be immediate).
public enum CrashLoopBackOff {
  public static let initial = SimDuration.seconds(10)
  public static let max = SimDuration.seconds(300)

  /// The next delay, given the previous one and when it was taken (nil for none).
  public static func next(previous: SimDuration?, at: SimTime?, now: SimTime) -> SimDuration {
    guard let previous, let at, now - at <= max * 2 else { return initial }
    return Swift.min(previous * 2, max)
  }

  /// Delay before restart number `restart` (1 for the first restart) of a container that
  /// crashes more often than every 10 minutes.
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
