import KubeSimKernel
import KubeSimModel

/// The node Lease of one node (`coordination.k8s.io/v1` Lease `kube-node-lease/<node>`), as
/// KubeSim keeps it: its last explicit renewal, and the heartbeat train that renews it every
/// period while the kubelet runs (`SimulationLoop+HeartbeatTrains.swift`). `spec.renewTime` is
/// the later of the two, computed when read: a renewal nobody reads costs nothing.
struct NodeLease {
  /// The last renewal written directly (`renewNodeLease`), or frozen when the train stopped:
  /// time and kernel event index.
  var renewed: (time: SimTime, event: Int)?
  /// The train renewing it now.
  var train: HeartbeatMembership?
}

extension APIServer {
  /// Renews the Lease of `node` now: its `spec.renewTime` becomes now.
  ///
  /// KubeSim keeps only the renew time of each node Lease, and a renewal is not delivered to
  /// watchers: the node lifecycle controller reads it on each monitor pass, as upstream reads
  /// its Lease informer's cache (pkg/controller/nodelifecycle/node_lifecycle_controller.go
  /// `tryUpdateNodeHealth`). Leases are not listed by `kubesim get` (a KubeSim difference).
  public func renewNodeLease(_ node: String) {
    // A renewal is a write: it fails while the API server is down.
    guard isAvailable else { return }
    nodeLeases[node, default: NodeLease()].renewed = (now, loop.processedEvents)
  }

  /// From now on the Lease of `node` is renewed at every fire of the heartbeat train of `m` at
  /// which the API server takes writes (the kubelet's renew interval).
  public func attachNodeLease(_ node: String, to m: HeartbeatMembership) {
    nodeLeases[node, default: NodeLease()].train = m
    noteNodeChanged(node)
  }

  /// Stops the train renewals of the Lease of `node` (the kubelet stopped): its renew time
  /// stays at the last renewal.
  public func detachNodeLease(_ node: String) {
    guard var lease = nodeLeases[node], let m = lease.train else { return }
    lease.renewed = latest(lease.renewed, loop.trainRenewal(m))
    lease.train = nil
    nodeLeases[node] = lease
    noteNodeChanged(node)
  }

  /// The last renew time of the Lease of `node`, or nil when it was never renewed.
  public func nodeLeaseRenewTime(_ node: String) -> SimTime? {
    nodeLeaseRenewal(node)?.time
  }

  /// The last renewal of the Lease of `node`: its time and the kernel event index at which it
  /// happened (so a reader can tell which of its own passes came after it).
  public func nodeLeaseRenewal(_ node: String) -> (time: SimTime, event: Int)? {
    guard let lease = nodeLeases[node] else { return nil }
    guard let m = lease.train else { return lease.renewed }
    return latest(lease.renewed, loop.trainRenewal(m))
  }

  /// Whether the Lease of `node` is renewed every period by a running heartbeat train and the
  /// API server takes writes (so its renew time is never older than one period).
  public func nodeLeaseIsLive(_ node: String) -> Bool {
    guard isAvailable, let m = nodeLeases[node]?.train else { return false }
    return loop.isInTrain(m)
  }

  private func latest(
    _ a: (time: SimTime, event: Int)?, _ b: (time: SimTime, event: Int)?
  ) -> (time: SimTime, event: Int)? {
    guard let a else { return b }
    guard let b else { return a }
    return b.event > a.event ? b : a
  }

  /// Runs `body` with the context of a registered `component` (faults use it to act on a
  /// kubelet, e.g. crash its node, from the timeline), or returns nil when it is not registered.
  package func withContext<R>(
    of component: any Component, _ body: (inout ComponentContext) -> R
  ) -> R? {
    guard let index = loop.components.firstIndex(where: { $0 === component }) else { return nil }
    var ctx = ComponentContext(api: self, componentIndex: index)
    return body(&ctx)
  }
}

extension ComponentContext {
  /// Joins a heartbeat train of `period` (see `SimulationLoop+HeartbeatTrains.swift`): from one
  /// period from now, `timerFired(token)` is called at each fire at which the member is due
  /// (`setHeartbeatDue`) or the API server is down. The member is due at the first fire.
  public mutating func joinHeartbeatTrain(period: SimDuration, token: UInt64)
    -> HeartbeatMembership
  {
    api.loop.joinTrain(component: componentIndex, token: token, period: period)
  }

  /// Leaves the train (no more calls).
  public mutating func leaveHeartbeatTrain(_ m: HeartbeatMembership) {
    api.loop.leaveTrain(m)
  }

  /// The member is called back at the first fire at or after `time`.
  public mutating func setHeartbeatDue(_ m: HeartbeatMembership, at time: SimTime) {
    api.loop.setTrainDue(m, time)
  }
}
