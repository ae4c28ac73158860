import KubeSimControllers
import KubeSimKernel
import KubeSimModel
import KubeSimScheduler

/// The cluster autoscaler's `ClusterSnapshot` built on the scheduler's public API: a
/// `NodeSnapshot` (the scheduler's node cache) checked with the PreFilter and Filter plugins of
/// the pod's profile in the running `DefaultScheduler` (upstream: cluster-autoscaler
/// `simulator/framework` runs kube-scheduler's framework the same way).
///
/// Scores, PostFilter (preemption) and Reserve are not run: the autoscaler asks only "does it
/// fit". KubeSim differs: simulated placements count towards resources and host ports, not
/// towards inter-pod affinity or topology spread (the snapshot's assigned-pod index is not
/// updated).
public struct SchedulerClusterSnapshot: ClusterSnapshot {
  var snapshot = NodeSnapshot()
  /// The scheduler's profiles with Score, PreScore, PostFilter and preemption removed.
  let profiles: [Profile]

  /// A snapshot whose checks use `profiles` (the running scheduler's) as filter-only profiles.
  public init(profiles: [Profile]) {
    self.profiles = profiles.map {
      var p = $0
      p.scores = []
      p.preScores = []
      p.postFilters = []
      p.preemption = nil
      return p
    }
  }

  public mutating func addNode(_ node: Node) { _ = snapshot.upsert(node) }

  public mutating func removeNode(_ name: String) { snapshot.removeNode(name: name) }

  public mutating func addPod(_ pod: Pod, toNode node: String) {
    guard let slot = snapshot.table.slot(of: node) else { return }
    snapshot.addPod(slot: slot, PodInfo(pod))
  }

  public func check(_ pod: Pod, onNode node: String) -> String? {
    guard let slot = snapshot.table.slot(of: node) else { return "node(s) not found" }
    switch run(pod, order: [slot]) {
    case .scheduled: return nil
    case .unschedulable(let e):
      if let status = e.nodeStatuses.first?.status { return status.message }
      return e.preFilterMessage.isEmpty ? "unschedulable" : e.preFilterMessage
    }
  }

  public func firstFit(_ pod: Pod, among candidates: [String]) -> String? {
    let slots = candidates.compactMap { snapshot.table.slot(of: $0) }
    if slots.isEmpty { return nil }
    guard case .scheduled(let slot, _, _) = run(pod, order: slots) else { return nil }
    return snapshot.table.names[slot]
  }

  /// One filter-only cycle over `order` (no scores: the first feasible node wins).
  func run(_ pod: Pod, order: [Int]) -> ScheduleOutcome {
    let name = pod.spec.schedulerName ?? "default-scheduler"
    guard let profile = profiles.first(where: { $0.schedulerName == name }) ?? profiles.first
    else { return .unschedulable(FitError(numAllNodes: order.count, nodeStatuses: [])) }
    // A pod being moved off a node is checked as if pending (upstream clears the node name
    // of pods it reschedules in simulation), so NodeName does not pin it to its old node.
    var moved = pod
    moved.spec.nodeName = nil
    moved.status.nominatedNodeName = nil
    var algorithm = SchedulingAlgorithm()
    var random = RandomStream(seed: 0)
    return algorithm.schedule(
      PodInfo(moved), profile: profile, snapshot: snapshot, order: order, random: &random)
  }
}
