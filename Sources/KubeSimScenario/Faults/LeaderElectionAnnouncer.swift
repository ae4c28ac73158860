import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel

/// Records the leader-election Event when a control-plane component leads again after an
/// outage: Normal `LeaderElection` on the Lease `kube-system/<component>`, "<identity> became
/// leader" (client-go tools/leaderelection/resourcelock `RecordEvent`). KubeSim's identity is
/// `<component>-<n>`, n counting the leaders since the start (upstream: hostname + UUID).
///
/// Registered by the fault injector at the outage; it only sets one timer.
final class LeaderElectionAnnouncer: Component {
  let componentName: String
  var watches: [WatchFilter] { [] }
  let lease: String
  let identity: String
  let at: SimTime

  init(lease: String, identity: String, at: SimTime) {
    self.componentName = "leader-election/\(lease)"
    self.lease = lease
    self.identity = identity
    self.at = at
  }

  func start(_ ctx: inout ComponentContext) { ctx.setTimer(at: at, token: 1) }

  func observe(_ change: WatchChange, _ ctx: inout ComponentContext) {}

  func timerFired(_ token: UInt64, _ ctx: inout ComponentContext) {
    ctx.recordEvent(
      type: .normal, reason: "LeaderElection",
      object: ObjectReference(kind: "Lease", namespace: "kube-system", name: lease), node: nil,
      message: "\(identity) became leader")
  }
}
