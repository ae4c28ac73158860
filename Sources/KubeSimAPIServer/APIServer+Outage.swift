import KubeSimKernel
import KubeSimModel

extension APIServer {
  /// The message of a write while the API server is down: what kubectl prints when it cannot
  /// connect (staging/src/k8s.io/client-go/rest: "The connection to the server %s was refused -
  /// did you specify the right host or port?"), with KubeSim's server name.
  public static let unavailableMessage =
    "The connection to the server kube-apiserver:6443 was refused - did you specify the right host or port?"

  /// Whether writes are accepted now.
  public var isAvailable: Bool { unavailableUntil.map { now >= $0 } ?? true }

  /// Throws `serviceUnavailable` while the API server is down.
  func checkAvailable() throws(APIError) {
    if !isAvailable { throw APIError(.serviceUnavailable, Self.unavailableMessage) }
  }

  /// Takes the API server down until `until` (fault `api-server-outage`): every write fails
  /// (create, update, status, delete, bind, eviction, node Lease renewal) with
  /// `serviceUnavailable`; reads still answer (components read their informer caches, which
  /// keep the last state). A later call extends the outage.
  package func makeUnavailable(until: SimTime) {
    unavailableUntil = max(unavailableUntil ?? until, until)
  }

  /// Pauses the registered `component` until `until` (a control-plane component down), then
  /// resumes it as a new leader (see `SimulationLoop.pause`).
  package func pause(_ component: any Component, until: SimTime, restart: Bool) {
    guard let index = loop.components.firstIndex(where: { $0 === component }) else { return }
    loop.pause(component: index, until: until, restart: restart)
  }
}

/// A component that runs under leader election and starts with empty state when a new leader
/// takes over (kube-scheduler, kube-controller-manager's controllers). `restarted` is called
/// when it comes back from an outage as a new process, before the changes it missed are
/// delivered; the default keeps the state (its caches catch up from the missed changes).
public protocol LeaderElectedComponent: Component {
  /// Drops the state a freshly started process would not have.
  func restarted(_ ctx: inout ComponentContext)
}

/// client-go leader election with kube-scheduler's and kube-controller-manager's defaults
/// (k8s.io/component-base/config/v1alpha1/defaults.go `RecommendedDefaultLeaderElectionConfiguration`:
/// leaseDuration 15s, renewDeadline 10s, retryPeriod 2s).
///
/// KubeSim's model: the leader renews its Lease every retryPeriod from time zero; a process
/// that stops leaves the Lease to expire `leaseDuration` after its last renewal; a new process
/// tries to acquire at once when it starts and then every retryPeriod (no jitter: upstream adds
/// up to 1.2 × retryPeriod of random jitter), and succeeds at the first try at or after the
/// expiry. With the API server down, the leader cannot renew and gives up leadership
/// `renewDeadline` after its last renewal; a shorter outage keeps the leader.
public enum LeaderElection {
  /// `leaseDuration`.
  public static let leaseDuration = SimDuration.seconds(15)
  /// `renewDeadline`.
  public static let renewDeadline = SimDuration.seconds(10)
  /// `retryPeriod`.
  public static let retryPeriod = SimDuration.seconds(2)

  /// The leader's last successful renewal at or before `t` (renewals every retryPeriod).
  public static func lastRenewal(atOrBefore t: SimTime) -> SimTime {
    let p = retryPeriod.microseconds
    return SimTime(microseconds: t.microseconds / p * p)
  }

  /// When the control plane leads again after an API-server outage from `start` to `back`:
  /// nil when the outage ends before the leader's renew deadline (it keeps leading); else the
  /// restarted process (it gives up `renewDeadline` after its last renewal and starts again at
  /// once) acquires at its first try, every retryPeriod from the restart, at or after both the
  /// API server's return and the Lease's expiry.
  public static func reacquireAfterAPIOutage(start: SimTime, back: SimTime) -> SimTime? {
    let renewed = lastRenewal(atOrBefore: start)
    let lost = renewed + renewDeadline
    if back <= lost { return nil }
    let target = max(back, renewed + leaseDuration)
    let p = retryPeriod.microseconds
    let tries = ((target - lost).microseconds + p - 1) / p
    return lost + .microseconds(tries * p)
  }

  /// When a process that starts at `start` acquires a Lease last renewed at `renewed`: its
  /// first try at or after the expiry (`renewed + leaseDuration`), tries every retryPeriod.
  public static func acquireTime(start: SimTime, lastRenewed renewed: SimTime) -> SimTime {
    let expiry = renewed + leaseDuration
    if start >= expiry { return start }
    let p = retryPeriod.microseconds
    let tries = ((expiry - start).microseconds + p - 1) / p
    return start + .microseconds(tries * p)
  }
}
