import KubeSimKernel
import KubeSimModel

/// A synthetic scheduling workload for `kubesim bench`: `nodes` identical nodes in 3 zones and
/// `pods` pods with small requests, scheduled one after another by the default profile on the
/// struct-of-arrays cache, each bind applied incrementally (no API server, no queue: this
/// measures the scheduling cycle itself).
public enum SchedulerBenchmark {
  /// Runs the workload. - Returns: how many pods were scheduled (the caller times the call).
  public static func run(nodes: Int, pods: Int, seed: UInt64 = 1) -> Int {
    var snapshot = NodeSnapshot()
    var tree = NodeTree()
    let zones = ["a", "b", "c"]
    for i in 0..<nodes {
      var n = Node(metadata: ObjectMeta(name: "node-\(i + 1)"))
      n.metadata.labels = ["topology.kubernetes.io/zone": zones[i % 3]]
      n.status.allocatable = [
        "cpu": Quantity(milli: 32_000), "memory": Quantity(128 << 30), "pods": Quantity(110),
      ]
      let r = snapshot.upsert(n)
      tree.add(slot: r.slot, zone: snapshot.table.zoneKeys[r.slot])
    }
    var pod = Pod(metadata: ObjectMeta(name: "p", namespace: "default"))
    pod.spec.containers = [Container(name: "c")]
    pod.spec.containers[0].resources.requests = [
      "cpu": Quantity(milli: 100), "memory": Quantity(256 << 20),
    ]
    let info = PodInfo(pod)
    let profile = Profile.defaultProfile()
    var algorithm = SchedulingAlgorithm()
    var random = RandomStream(seed: seed)
    var scheduled = 0
    for _ in 0..<pods {
      let outcome = algorithm.schedule(
        info, profile: profile, snapshot: snapshot, order: tree.order, random: &random)
      if case .scheduled(let slot, _, _) = outcome {
        snapshot.table.addPod(slot: slot, requests: info.requests, nonZero: info.nonZeroRequests)
        scheduled += 1
      }
    }
    return scheduled
  }
}
