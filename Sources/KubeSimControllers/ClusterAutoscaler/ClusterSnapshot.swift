import KubeSimModel

/// The cluster autoscaler's what-if view of the cluster: nodes and the pods on them, checked
/// with the scheduler's own Filter plugins.
///
/// Upstream: cluster-autoscaler `simulator/clustersnapshot` (`ClusterSnapshot`, with
/// Fork/Revert) and `simulator/framework` (`PredicateChecker`, which runs kube-scheduler's
/// PreFilter and Filter plugins). Here a snapshot is a value: copying it is the fork, dropping
/// the copy the revert. KubeSimControllers cannot see the scheduler (the target graph points
/// the other way), so the World injects an implementation built on the scheduler's public API
/// (KubeSimScenario `SchedulerClusterSnapshot`); tests may inject a simple one.
public protocol ClusterSnapshot {
  /// Adds a node (a real one or a pool's template).
  mutating func addNode(_ node: Node)
  /// Removes a node and forgets the pods placed on it.
  mutating func removeNode(_ name: String)
  /// Accounts `pod` on `node` (requests, host ports).
  mutating func addPod(_ pod: Pod, toNode node: String)
  /// nil when `pod` passes PreFilter and every Filter plugin of its profile on `node`; else the
  /// rejecting plugin's reason (e.g. `Insufficient cpu`).
  func check(_ pod: Pod, onNode node: String) -> String?
  /// The first node, in `candidates` order, on which `pod` passes (upstream's
  /// `FitsAnyNodeMatching`), or nil.
  func firstFit(_ pod: Pod, among candidates: [String]) -> String?
}

/// Makes an empty snapshot (the World passes one backed by the scheduler's plugins).
public typealias ClusterSnapshotFactory = () -> any ClusterSnapshot
