import KubeSimKernel
import KubeSimModel

extension APIServer {
  /// Renews the Lease of `node` (`coordination.k8s.io/v1` Lease `kube-node-lease/<node>`):
  /// its `spec.renewTime` becomes now.
  ///
  /// KubeSim keeps only the renew time of each node Lease, and a renewal is not delivered to
  /// watchers: the node lifecycle controller reads it on each monitor pass, as upstream reads
  /// its Lease informer's cache (pkg/controller/nodelifecycle/node_lifecycle_controller.go
  /// `tryUpdateNodeHealth`). Leases are not listed by `kubesim get` (a KubeSim difference).
  public func renewNodeLease(_ node: String) {
    // A renewal is a write: it fails while the API server is down.
    guard isAvailable else { return }
    nodeLeaseRenewTimes[node] = now
  }

  /// The last renew time of the Lease of `node`, or nil when it was never renewed.
  public func nodeLeaseRenewTime(_ node: String) -> SimTime? {
    nodeLeaseRenewTimes[node]
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
