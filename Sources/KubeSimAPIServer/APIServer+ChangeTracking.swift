import KubeSimKernel
import KubeSimModel

/// What readers that cache derived state need to know about writes, kept as the writes happen
/// (no watch delay): node and pod change trackers, the node's kubelet woken on a node write, and
/// spec write counts of the workload kinds.
extension APIServer {
  /// Called on every write (`SimulationLoop.onWrite`).
  func noteWrite(_ kind: ObjectKind, _ change: WatchChange) {
    switch kind {
    case .pod:
      guard !podChangeTrackers.isEmpty else { return }
      let meta = change.object.metadata
      let key = (meta.namespace ?? "default") + "/" + meta.name
      for i in podChangeTrackers.indices { podChangeTrackers[i].insert(key) }
    case .node:
      let name = change.object.metadata.name
      // The node's kubelet looks at its node at the next heartbeat (after its own status post
      // it plans its next one itself).
      if let m = nodeLeases[name]?.train { loop.setTrainDue(m, now) }
      noteNodeChanged(name)
    case .deployment, .statefulSet, .replicaSet:
      if case .modified(let old, let new) = change, !new.specDiffers(from: old),
        new.metadata.ownerReferences == old.metadata.ownerReferences
      {
        return
      }
      specWriteCounts[kind, default: 0] += 1
    default:
      return
    }
  }

  /// The number of writes so far that created, deleted, or changed the spec or owner
  /// references of an object of `kind` (Deployments, StatefulSets and ReplicaSets only; 0 for
  /// other kinds): a reader that caches something derived from those knows when to recompute.
  public func specWriteCount(of kind: ObjectKind) -> Int { specWriteCounts[kind] ?? 0 }

  /// A tracker of changed nodes: from now on, every Node write and every start or stop of a
  /// node's Lease renewals adds the node's name to it, until `takeNodeChanges` drains it.
  public func registerNodeChangeTracker() -> Int {
    nodeChangeTrackers.append([])
    return nodeChangeTrackers.count - 1
  }

  /// The names noted by tracker `id` since its last drain, in name order; empties it.
  public func takeNodeChanges(_ id: Int) -> [String] {
    guard id >= 0, id < nodeChangeTrackers.count else { return [] }
    let names = nodeChangeTrackers[id].sorted()
    nodeChangeTrackers[id].removeAll(keepingCapacity: true)
    return names
  }

  /// A tracker of written pods: from now on every Pod write (create, update, status, bind,
  /// delete) adds "namespace/name" to it until `takePodChanges` drains it.
  public func registerPodChangeTracker() -> Int {
    podChangeTrackers.append([])
    return podChangeTrackers.count - 1
  }

  /// Whether tracker `id` has noted a write since its last drain.
  public func hasPodChanges(_ id: Int) -> Bool {
    id >= 0 && id < podChangeTrackers.count && !podChangeTrackers[id].isEmpty
  }

  /// The pods noted by tracker `id` since its last drain, as a set (for order-free uses, such
  /// as dropping what was derived from them); empties it.
  public func takePodChanges(_ id: Int) -> Set<String> {
    guard id >= 0, id < podChangeTrackers.count else { return [] }
    let keys = podChangeTrackers[id]
    podChangeTrackers[id] = []
    return keys
  }

  func noteNodeChanged(_ node: String) {
    for i in nodeChangeTrackers.indices { nodeChangeTrackers[i].insert(node) }
  }
}
