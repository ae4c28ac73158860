import KubeSimModel

/// The pending pods nominated to a node by preemption (`status.nominatedNodeName`), by node
/// (upstream `nominator`, pkg/scheduler/backend/queue/nominator.go).
///
/// The scheduler adds a pod when it sees (or sets) its nomination and removes it when the pod
/// is assumed, bound, deleted or loses the nomination. Lookups are by node name; the pods of a
/// node keep their nomination order, so no dictionary order reaches behaviour.
public struct NominatedPods: Sendable {
  private var byNode: [String: [PodInfo]] = [:]
  private var nodeOf: [String: String] = [:]

  public init() {}

  /// Whether no pod is nominated anywhere (the filters then run once per node).
  public var isEmpty: Bool { nodeOf.isEmpty }

  /// Records `info` as nominated to `node`, or removes its nomination when `node` is nil or
  /// empty (upstream `AddNominatedPod` / `DeleteNominatedPodIfExists`).
  public mutating func set(_ info: PodInfo, node: String?) {
    remove(info.key)
    guard let node, !node.isEmpty else { return }
    nodeOf[info.key] = node
    byNode[node, default: []].append(info)
  }

  /// Removes the nomination of the pod with this `namespace/name` key, if any.
  public mutating func remove(_ key: String) {
    guard let node = nodeOf.removeValue(forKey: key) else { return }
    byNode[node]?.removeAll { $0.key == key }
    if byNode[node]?.isEmpty == true { byNode[node] = nil }
  }

  /// The pods nominated to `node`, in nomination order (upstream `NominatedPodsForNode`).
  public func pods(on node: String) -> [PodInfo] { byNode[node] ?? [] }

  /// The node a pod is nominated to, if any.
  public func node(of key: String) -> String? { nodeOf[key] }
}

extension SchedulingAlgorithm {
  /// The first pass of upstream `RunFilterPluginsWithNominatedPods`
  /// (pkg/scheduler/framework/runtime/framework.go, with `addGENominatedPods`): the pods
  /// nominated to the node with priority ≥ the pod's (other than the pod itself) are added to a
  /// copy of the node, and the profile's PreFilters and Filters run against it. Upstream's second
  /// pass (the filters without them) is the ordinary filter loop, run only when this one passes.
  ///
  /// - Returns: nil when no such pod is nominated to the node or the pod passes with them added;
  ///   else the rejecting status, which is the node's status.
  /// - Complexity: a copy of the touched snapshot columns plus one fresh PreFilter per call;
  ///   only nodes with nominated pods pay it.
  public static func nominatedRejection(
    _ pod: PodInfo, profile: Profile, snapshot: NodeSnapshot, slot: Int,
    nominated: NominatedPods
  ) -> Status? {
    if nominated.isEmpty { return nil }
    let added = nominated.pods(on: snapshot.table.names[slot]).filter {
      // framework.go `addGENominatedPods`: PodPriority(nominated) >= PodPriority(pod), other UID.
      $0.priority >= pod.priority && $0.key != pod.key
    }
    if added.isEmpty { return nil }
    var copy = snapshot
    for p in added {
      copy.addPod(slot: slot, p)
      copy.pods.add(AssignedPod(p.pod), slot: slot)
    }
    let status = evaluate(pod, profile: profile, snapshot: copy, slot: slot)
    // The count caches are shared by every copy of the snapshot: undo the additions.
    for p in added {
      copy.removePod(
        slot: slot, requests: p.requests, nonZero: p.nonZeroRequests, hostPorts: p.hostPorts)
      copy.pods.remove(key: p.key, slot: slot)
    }
    return status
  }
}
