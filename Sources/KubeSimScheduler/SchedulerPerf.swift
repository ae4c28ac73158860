import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel

/// The scheduler_perf workloads `kubesim bench scheduling` runs, by their upstream names
/// (test/integration/scheduler_perf/misc/performance-config.yaml) with upstream's templates:
/// nodes from templates/node-default.yaml (4 cpu, 32Gi, 110 pods, no labels), pods from
/// templates/pod-default.yaml (requests 100m cpu, 500Mi memory).
///
/// What is measured: the scheduler's per-pod work for the measured pods — queue add (PodInfo
/// built from the pod object), pop, the full scheduling cycle of the profile (PreFilter, Filter
/// over the percentageOfNodesToScore window from the rotating start, PreScore, Score, Normalize,
/// selectHost) and the assume into the node cache. The init pods are bound beforehand, untimed.
/// Not measured: the API server's bind, watch delivery and events (kube-scheduler's figure
/// includes its API calls).
public struct SchedulerPerfWorkload: Sendable {
  /// Upstream workload name, e.g. "SchedulingBasic/5000Nodes_50000Pods".
  public var name: String
  public var nodes: Int
  public var initPods: Int
  public var measuredPods: Int
  /// Global percentageOfNodesToScore (0 = upstream's adaptive default).
  public var percentageOfNodesToScore: Int32
  /// kube-scheduler's threshold for the workload, pods/s (perf-anchors.md §1.2).
  public var threshold: Double
  /// KubeSim's goal (perf-anchors.md G2/G2b), pods/s.
  public var goal: Double

  /// The workloads of `kubesim bench scheduling`.
  public static let all: [SchedulerPerfWorkload] = [
    SchedulerPerfWorkload(
      name: "SchedulingBasic/5000Nodes_10000Pods", nodes: 5_000, initPods: 1_000,
      measuredPods: 10_000, percentageOfNodesToScore: 0, threshold: 680, goal: 50_000),
    SchedulerPerfWorkload(
      name: "SchedulingBasic/5000Nodes_50000Pods", nodes: 5_000, initPods: 5_000,
      measuredPods: 50_000, percentageOfNodesToScore: 0, threshold: 810, goal: 50_000),
    SchedulerPerfWorkload(
      name: "SchedulingBasic/5000Nodes_50000Pods/percentageOfNodesToScore=100", nodes: 5_000,
      initPods: 5_000, measuredPods: 50_000, percentageOfNodesToScore: 100, threshold: 810,
      goal: 10_000),
  ]

  public init(
    name: String, nodes: Int, initPods: Int, measuredPods: Int, percentageOfNodesToScore: Int32,
    threshold: Double, goal: Double
  ) {
    self.name = name
    self.nodes = nodes
    self.initPods = initPods
    self.measuredPods = measuredPods
    self.percentageOfNodesToScore = percentageOfNodesToScore
    self.threshold = threshold
    self.goal = goal
  }

  /// scheduler_perf's node template.
  public static func node(_ i: Int) -> Node {
    var n = Node(metadata: ObjectMeta(name: "scheduler-perf-\(i)"))
    n.status.capacity = ["pods": Quantity(110), "cpu": Quantity(4), "memory": Quantity(32 << 30)]
    n.status.allocatable = n.status.capacity
    return n
  }

  /// scheduler_perf's pod template.
  public static func pod(_ i: Int) -> Pod {
    var p = Pod(metadata: ObjectMeta(name: "pod-\(i)", namespace: "default"))
    p.spec.containers = [Container(name: "pause", image: "registry.k8s.io/pause:3.10.1")]
    let r: ResourceList = ["cpu": Quantity(milli: 100), "memory": Quantity(500 << 20)]
    p.spec.containers[0].resources.requests = r
    p.spec.containers[0].resources.limits = r
    return p
  }
}

/// One prepared run of a workload: nodes and init pods are in the cache; `scheduleMeasured`
/// does the timed part. The caller (the CLI's bench harness) reads the clock around it.
public struct SchedulerPerfRun {
  public let workload: SchedulerPerfWorkload
  private var snapshot = NodeSnapshot()
  private var tree = NodeTree()
  private var queue = SchedulingQueue<PodInfo>()
  private var algorithm = SchedulingAlgorithm()
  private var random: RandomStream
  private let profile: Profile
  private let pods: [Pod]
  private var assigned: [String: Int] = [:]

  /// Builds the cluster and binds the init pods (untimed).
  public init(_ w: SchedulerPerfWorkload, profile: Profile = .defaultProfile(), seed: UInt64 = 1) {
    workload = w
    self.profile = profile
    random = RandomStream(seed: seed)
    algorithm.percentageOfNodesToScore = w.percentageOfNodesToScore
    for i in 0..<w.nodes {
      let r = snapshot.upsert(SchedulerPerfWorkload.node(i))
      tree.add(slot: r.slot, zone: snapshot.table.zoneKeys[r.slot])
    }
    pods = (0..<w.measuredPods).map { SchedulerPerfWorkload.pod(w.initPods + $0) }
    for i in 0..<w.initPods { _ = scheduleOne(PodInfo(SchedulerPerfWorkload.pod(i))) }
  }

  /// The plugins of the profile, for the report.
  public var pluginNames: [String] {
    var names: [String] = []
    for n in profile.preFilters.map(\.name) + profile.filters.map(\.name)
      + profile.scores.map(\.plugin.name) + profile.postFilters.map(\.name)
    where !names.contains(n) {
      names.append(n)
    }
    return names
  }

  /// Queues every measured pod, then schedules them one by one. - Returns: pods scheduled.
  public mutating func scheduleMeasured() -> Int {
    for p in pods {
      let info = PodInfo(p)
      queue.add(info, key: info.key, priority: info.priority, now: .zero)
    }
    var scheduled = 0
    while let e = queue.pop() {
      if scheduleOne(e.item) { scheduled += 1 }
      queue.done(e.key)
    }
    return scheduled
  }

  private mutating func scheduleOne(_ info: PodInfo) -> Bool {
    let out = algorithm.schedule(
      info, profile: profile, snapshot: snapshot, order: tree.order, random: &random)
    guard case .scheduled(let slot, _, _) = out else { return false }
    snapshot.table.addPod(slot: slot, requests: info.requests, nonZero: info.nonZeroRequests)
    assigned[info.key] = slot
    return true
  }
}

extension SchedulerPerfRun {
  /// Builds a `DefaultScheduler` holding `nodes` scheduler_perf nodes and `pods` pods bound
  /// round-robin to them, through its watch handler, so the caller can measure the heap the
  /// scheduler keeps per bound pod (perf-anchors G4). - Returns: the scheduler (keep it alive
  /// while measuring).
  public static func boundState(nodes: Int, pods: Int) -> DefaultScheduler {
    let api = APIServer(seed: 1)
    let sched = DefaultScheduler(settings: api.settings)
    var ctx = ComponentContext(api: api, componentIndex: 0)
    for i in 0..<nodes { sched.observe(.added(.node(SchedulerPerfWorkload.node(i))), &ctx) }
    for i in 0..<pods {
      var p = SchedulerPerfWorkload.pod(i)
      p.spec.nodeName = "scheduler-perf-\(i % max(nodes, 1))"
      sched.observe(.added(.pod(p)), &ctx)
    }
    return sched
  }
}
