import KubeSimKernel
import KubeSimModel

/// `kubesim explain --snapshot`: one scheduling cycle of a pod against a cluster as written,
/// without simulating time.
///
/// Nodes enter the cache in the given order (their `status.allocatable`/`capacity`/`images`,
/// labels, taints); pods with `spec.nodeName` naming a node count as running there (requests,
/// host ports). The cycle is the same `SchedulingAlgorithm.schedule` a simulation runs, with
/// score recording on; ties draw from a stream seeded with `seed`.
public enum SnapshotEvaluation {
  /// The cache a simulation's scheduler would hold for these objects.
  public static func snapshot(
    nodes: [Node], pods: [Pod], images: [ImageSpec] = [], defaultImageSizeBytes: Int64 = 0,
    volumeObjects: [APIObject] = []
  ) -> (NodeSnapshot, NodeTree) {
    var snap = NodeSnapshot()
    for o in volumeObjects { snap.volumes.upsert(o) }
    snap.defaultImageSizeBytes = defaultImageSizeBytes
    for img in images {
      for r in img.references { snap.declaredImageSizes[r] = img.sizeBytes }
    }
    var tree = NodeTree()
    for n in nodes {
      let r = snap.upsert(n)
      if r.isNew { tree.add(slot: r.slot, zone: snap.table.zoneKeys[r.slot]) }
    }
    for p in pods {
      guard let name = p.spec.nodeName, let slot = snap.table.slot(of: name), !p.isTerminal
      else { continue }
      snap.addPod(slot: slot, PodInfo(p))
    }
    return (snap, tree)
  }

  /// Evaluates `pod` once with `profile`.
  public static func evaluate(
    pod: Pod, nodes: [Node], pods: [Pod], profile: Profile, percentageOfNodesToScore: Int32 = 0,
    seed: UInt64 = 1, images: [ImageSpec] = [], defaultImageSizeBytes: Int64 = 0,
    volumeObjects: [APIObject] = []
  ) -> ScheduleAttempt {
    let built = snapshot(
      nodes: nodes, pods: pods, images: images, defaultImageSizeBytes: defaultImageSizeBytes,
      volumeObjects: volumeObjects)
    let snap = built.0
    var tree = built.1
    let order = tree.order
    var algorithm = SchedulingAlgorithm()
    algorithm.percentageOfNodesToScore = percentageOfNodesToScore
    algorithm.recordScores = true
    var rng = RandomStream(seed: seed)
    let info = PodInfo(pod)
    let outcome = algorithm.schedule(
      info, profile: profile, snapshot: snap, order: order, random: &rng)
    return ScheduleAttempt(
      time: SimTime(microseconds: 0), pod: info.key, attempt: 1, outcome: outcome,
      nodeNames: snap.table.names, verdicts: algorithm.lastVerdicts, scores: algorithm.lastScores,
      profile: profile.schedulerName, skipped: algorithm.lastSkipped,
      filters: profile.filters.map(\.name))
  }
}
