import KubeSimKernel
import KubeSimModel

/// scheduler_perf's constraint-heavy workloads, by their upstream names, on the scheduler's own
/// cache and cycle (no API server, no queue), for `kubesim bench scheduling-constraints`.
///
/// Nodes follow `templates/node-default.yaml` (cpu 4, memory 32Gi, pods 110) plus the
/// `kubernetes.io/hostname` label the kubelet would set (KubeSim addition: upstream's fake nodes
/// carry only the labels the workload's `labelNodePrepareStrategy` adds). Pods follow the
/// workload's templates (100m / 500Mi). Init pods are scheduled first, untimed; the caller times
/// `Prepared.scheduleMeasured()`.
public enum ConstraintBenchmark {
  /// One workload: its upstream name, sizes, node labels and pod templates, and kube-scheduler's
  /// threshold (pods/s) from perf-anchors.md.
  public struct Workload: Sendable {
    public var name: String
    public var nodes: Int
    public var initPods: Int
    public var measurePods: Int
    public var threshold: Double
    /// `labelNodePrepareStrategy` values of `topology.kubernetes.io/zone` (round-robin), none
    /// when empty.
    public var zones: [String]
    /// The init and measured pod templates (namespace set per phase).
    public var initPod: Pod
    public var measurePod: Pod
  }

  static func template(
    _ labels: Labels, affinity: Affinity? = nil, spread: [TopologySpreadConstraint] = []
  ) -> Pod {
    var p = Pod(metadata: ObjectMeta(name: "p", namespace: "sched-0", labels: labels))
    var c = Container(name: "pause", image: "registry.k8s.io/pause:3.10")
    c.resources.requests = ["cpu": Quantity(milli: 100), "memory": Quantity(500 << 20)]
    p.spec.containers = [c]
    p.spec.affinity = affinity
    p.spec.topologySpreadConstraints = spread
    return p
  }

  /// `templates/pod-with-pod-affinity.yaml` / `pod-with-pod-anti-affinity.yaml`.
  static func affinityPod(anti: Bool) -> Pod {
    let color = anti ? "green" : "blue"
    let term = PodAffinityTerm(
      labelSelector: LabelSelector(matchLabels: ["color": color]),
      namespaces: ["sched-1", "sched-0"],
      topologyKey: anti ? "kubernetes.io/hostname" : "topology.kubernetes.io/zone")
    let a =
      anti
      ? Affinity(
        podAntiAffinity: PodAntiAffinity(requiredDuringSchedulingIgnoredDuringExecution: [term]))
      : Affinity(podAffinity: PodAffinity(requiredDuringSchedulingIgnoredDuringExecution: [term]))
    return template(["color": color], affinity: a)
  }

  /// The workloads, upstream names (affinity/ and topology_spreading/performance-config.yaml).
  public static let workloads: [Workload] = [
    Workload(
      name: "SchedulingPodAffinity/5000Nodes_5000Pods", nodes: 5000, initPods: 5000,
      measurePods: 5000, threshold: 35, zones: ["zone1"], initPod: affinityPod(anti: false),
      measurePod: affinityPod(anti: false)),
    Workload(
      name: "SchedulingPodAntiAffinity/5000Nodes_2000Pods", nodes: 5000, initPods: 1000,
      measurePods: 2000, threshold: 60, zones: [], initPod: affinityPod(anti: true),
      measurePod: affinityPod(anti: true)),
    // `templates/pod-default.yaml` init pods, `pod-with-topology-spreading.yaml` measured pods
    // (maxSkew 5 over the zone, DoNotSchedule, color=blue).
    Workload(
      name: "TopologySpreading/5000Nodes_5000Pods", nodes: 5000, initPods: 5000, measurePods: 5000,
      threshold: 460, zones: ["moon-1", "moon-2", "moon-3"], initPod: template([:]),
      measurePod: template(
        ["color": "blue"],
        spread: [
          TopologySpreadConstraint(
            maxSkew: 5, topologyKey: "topology.kubernetes.io/zone",
            whenUnsatisfiable: .doNotSchedule,
            labelSelector: LabelSelector(matchLabels: ["color": "blue"]))
        ])),
  ]

  /// A cluster with the init pods scheduled, ready for the measured phase.
  public struct Prepared {
    var snapshot = NodeSnapshot()
    var tree = NodeTree()
    var algorithm = SchedulingAlgorithm()
    var random: RandomStream
    let profile = Profile.defaultProfile()
    let workload: Workload

    /// Schedules the measured pods (namespace sched-1). - Returns: how many were placed.
    public mutating func scheduleMeasured() -> Int {
      schedule(workload.measurePod, namespace: "sched-1", count: workload.measurePods)
    }

    mutating func schedule(_ template: Pod, namespace: String, count: Int) -> Int {
      var placed = 0
      let order = tree.order
      for i in 0..<count {
        var pod = template
        pod.metadata.namespace = namespace
        pod.metadata.name = "\(namespace)-\(i)"
        let info = PodInfo(pod)
        let outcome = algorithm.schedule(
          info, profile: profile, snapshot: snapshot, order: order, random: &random)
        if case .scheduled(let slot, _, _) = outcome {
          snapshot.table.addPod(slot: slot, requests: info.requests, nonZero: info.nonZeroRequests)
          pod.spec.nodeName = snapshot.table.names[slot]
          snapshot.pods.add(AssignedPod(pod), slot: slot)
          placed += 1
        }
      }
      return placed
    }
  }

  /// Builds the nodes and schedules the init pods (namespace sched-0).
  public static func prepare(_ w: Workload, seed: UInt64 = 1) -> Prepared {
    var p = Prepared(random: RandomStream(seed: seed), workload: w)
    for i in 0..<w.nodes {
      let name = "scheduler-perf-\(i)"
      var n = Node(metadata: ObjectMeta(name: name))
      var labels: Labels = ["kubernetes.io/hostname": name]
      if !w.zones.isEmpty { labels["topology.kubernetes.io/zone"] = w.zones[i % w.zones.count] }
      n.metadata.labels = labels
      n.status.allocatable = [
        "cpu": Quantity(milli: 4_000), "memory": Quantity(32 << 30), "pods": Quantity(110),
      ]
      let r = p.snapshot.upsert(n)
      p.tree.add(slot: r.slot, zone: p.snapshot.table.zoneKeys[r.slot])
    }
    _ = p.schedule(w.initPod, namespace: "sched-0", count: w.initPods)
    return p
  }
}
