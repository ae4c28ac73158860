import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel
import KubeSimScenario
import KubeSimScheduler

/// Records the standard metrics of a run by watching the World like any component: pods, nodes
/// and Services through watches, binds and Events through the API server's append-only logs.
/// No component writes metrics itself.
///
/// Register it before the run (`world.api.register(recorder)`) and call `finish(at:)` after.
/// Memory is bounded by the live objects (one small record per pod, node and Service) plus the
/// registry's bounded series; per-pod records are dropped when the pod is deleted.
///
/// Sampling: gauges are sampled every `intervalMicros`; a sample at `t` shows the state just
/// before the deliveries at `t` (see `MetricsRegistry`). Like every watcher, the recorder sees
/// a write `watchDelay` after it happened.
public final class MetricsRecorder: Component {
  /// The component name.
  public let componentName = "kubesim-metrics"
  /// Pods, nodes and Services.
  public let watches = [WatchFilter(kind: .pod), WatchFilter(kind: .node), WatchFilter(kind: .service)]
  /// Every counter, gauge and histogram recorded so far.
  public private(set) var registry: MetricsRegistry
  /// Periods during which a node was not Ready, in start order (`end` nil while still NotReady).
  public private(set) var notReadyPeriods: [(node: String, startMicros: Int64, endMicros: Int64?)] = []
  /// Evictions and preemptions, in time order: the first `maxDisruptions` (the counters keep
  /// counting beyond), so memory stays bounded on long runs.
  public private(set) var disruptions: [(timeMicros: Int64, reason: String, pod: String)] = []
  /// Deployment scaling steps (`ScalingReplicaSet` Events: scale-ups and rollouts), in time
  /// order, the first `maxDisruptions` of them, for the report's timeline of rollouts.
  public private(set) var scalings: [(timeMicros: Int64, object: String, message: String)] = []
  /// The most disruptions (and scaling steps) kept for the report's timeline.
  public static let maxDisruptions = 10_000

  private struct PodRecord {
    var node: String
    var requests: ResourceSums
    var scheduler: String
    var created: Int64
    var started = false
    var restarts: Int64 = 0
    var ready = false
    var labels: StringMap
    var namespace: String
    var terminal = false
    var pullMicros: Int64 = 0
    var pullStart: Int64?
    var failedAttempts: Int64 = 0
  }

  private struct NodeRecord {
    var allocatable: ResourceSums
    var requested = ResourceSums()
    var ready = true
  }

  /// Extra gauges and counters set at every sample instant (Service traffic adds its counters
  /// here), called in registration order after the standard sampled gauges.
  public var sampleHooks: [(inout MetricsRegistry) -> Void] = []

  private var pods: [String: PodRecord] = [:]
  private var nodes: [String: NodeRecord] = [:]
  /// Nodes seen and not deleted, sorted byte-wise.
  private(set) var nodeNames: [String] = []
  private var services: [String: (namespace: String, selector: StringMap)] = [:]
  private var serviceNames: [String] = []
  private var pendingShapes: [ResourceSums: Int] = [:]
  /// Running pods on a node, for the used CPU and memory sampled from the metrics pipeline.
  private var running: [String: RunningPod] = [:]
  /// A running pod and its usage at the last metrics-server scrape computed. A pod's reported
  /// usage depends only on the pod and the scrape time, so samples within one scrape window
  /// reuse it; any change to the pod replaces the box. A class, so that iterating the running
  /// pods retains one reference per pod instead of copying every field of a `Pod`.
  private final class RunningPod {
    let pod: Pod
    var scrape: Int64 = -1
    var usage: (node: String, cpu: Int64, memory: Int64)?
    init(_ pod: Pod) { self.pod = pod }
  }
  /// The run's seed (per-container usage curves derive from it).
  private var runSeed: UInt64 = 0
  /// How usage is measured: metrics-server's view at its resolution (as `kubectl top`).
  private let pipeline = MetricsPipeline()
  /// The run's node-cost integrator (`sim.kubesim.io/cost-per-hour`), which `cost()`
  /// expectations read too; registered by the runner, read here.
  public let costMeter: CostMeter
  /// Node cost integrated over time, as `costMeter` has it now.
  public var cost: NodeCostLedger { costMeter.ledger }
  private var eventsSeen = 0
  private var bindingsSeen = 0
  private var now: Int64 = 0

  /// A recorder sampling gauges every `intervalMicros` of simulated time; node cost is read
  /// from `cost` (the runner's `ScenarioRunner.costMeter`; the default, never registered,
  /// records no cost).
  public init(intervalMicros: Int64, seriesCapacity: Int = 512, cost: CostMeter = CostMeter()) {
    registry = MetricsRegistry(intervalMicros: intervalMicros, seriesCapacity: seriesCapacity)
    costMeter = cost
  }

  /// The sampling interval for a run of `durationMicros`: about 400 samples, a whole number of
  /// seconds, at least one second.
  public static func interval(forDurationMicros duration: Int64) -> Int64 {
    max(1_000_000, (duration / 400) / 1_000_000 * 1_000_000)
  }

  public func observe(_ change: WatchChange, _ ctx: inout ComponentContext) {
    now = ctx.now.microseconds
    catchUp(ctx.api)
    switch change.object {
    case .pod(let pod): observePod(change, pod)
    case .node(let node): observeNode(change, node)
    case .service(let service): observeService(change, service)
    default: break
    }
  }

  public func timerFired(_ token: UInt64, _ ctx: inout ComponentContext) {}

  /// Reads the rest of the logs and takes the samples up to `end` (call after the run).
  public func finish(api: APIServer, at end: SimTime) {
    catchUp(api)
    advance(to: end.microseconds)
    endMicros = end.microseconds
  }

  /// The end of the run once `finish` was called (cost is integrated up to it).
  public private(set) var endMicros: Int64 = 0

  // MARK: Sampling

  private func advance(to now: Int64) {
    while registry.nextSampleMicros <= now {
      updateSampledGauges()
      registry.advance(to: registry.nextSampleMicros)
    }
  }

  /// Gauges computed only at sample instants: fragmentation, ready endpoints per Service (the
  /// chart's series; availability itself is `SelfHealingRecorder`'s exact measure), used
  /// resources and cost.
  private func updateSampledGauges() {
    // Pareto-minimal pending shapes: a node fits some pending pod iff it fits one of these.
    let shapes = pendingShapes.keys.sorted {
      ($0.milliCPU, $0.memoryBytes) < ($1.milliCPU, $1.memoryBytes)
    }
    var minimal: [ResourceSums] = []
    for s in shapes where !minimal.contains(where: { $0.memoryBytes <= s.memoryBytes }) {
      minimal.append(s)
    }
    var fragmented: Int64 = 0
    if !minimal.isEmpty {
      for name in nodeNames {
        guard let n = nodes[name], n.ready else { continue }
        let freeCPU = n.allocatable.milliCPU - n.requested.milliCPU
        let freeMemory = n.allocatable.memoryBytes - n.requested.memoryBytes
        let fits = minimal.contains { $0.milliCPU <= freeCPU && $0.memoryBytes <= freeMemory }
        if !fits { fragmented += max(0, freeCPU) }
      }
    }
    registry.set(StandardMetric.fragmentedCPU.key(), fragmented)
    sampleUsage(at: registry.nextSampleMicros)
    registry.set(Self.clusterCostMicros, cost.totalMicros(at: registry.nextSampleMicros))
    registry.set(Self.clusterCostRate, cost.ratePerHourMicros)
    for name in serviceNames {
      guard let service = services[name] else { continue }
      var ready: Int64 = 0
      for (_, p) in pods
      where p.ready && !p.terminal && p.namespace == service.namespace
        && !service.selector.isEmpty && Self.selects(service.selector, p.labels)
      {
        ready += 1  // a count: the iteration order does not matter
      }
      registry.set(StandardMetric.serviceReadyEndpoints.key(name), ready)
    }
    for hook in sampleHooks { hook(&registry) }
  }

  /// Used CPU and memory per node and for the cluster at `t`, as metrics-server reports them
  /// (`MetricsPipeline.podMetrics`: usage curves sampled by cAdvisor every 10 s, scraped every
  /// 60 s; a pod is reported from its second scrape on). One computation per running pod per
  /// sample, no events.
  private func sampleUsage(at t: Int64) {
    var perNode: [String: (cpu: Int64, memory: Int64)] = [:]
    let time = SimTime(microseconds: t)
    let scrape = pipeline.scrapeTime(at: time).microseconds
    for box in running.values {
      // Integer sums: the dictionary's order does not change the result.
      if box.scrape != scrape {
        box.usage = pipeline.podMetrics(box.pod, at: time, runSeed: runSeed).map {
          ($0.node, $0.cpuMillis, $0.memoryBytes)
        }
        box.scrape = scrape
      }
      guard let m = box.usage else { continue }
      var u = perNode[m.node] ?? (0, 0)
      u.cpu += m.cpu
      u.memory += m.memory
      perNode[m.node] = u
    }
    var cpu: Int64 = 0
    var memory: Int64 = 0
    for name in nodeNames {
      let u = perNode[name] ?? (0, 0)
      registry.set(StandardMetric.nodeCPUUsed.key(name), u.cpu)
      registry.set(StandardMetric.nodeMemoryUsed.key(name), u.memory)
      cpu += u.cpu
      memory += u.memory
    }
    registry.set(Self.clusterCPUUsed, cpu)
    registry.set(Self.clusterMemoryUsed, memory)
  }

  private static func selects(_ selector: StringMap, _ labels: StringMap) -> Bool {
    selector.allSatisfy { e in labels[e.key] == e.value }
  }

  // MARK: Logs (binds and Events)

  private func catchUp(_ api: APIServer) {
    runSeed = api.seed
    advance(to: api.now.microseconds)
    let bindings = api.bindings
    while bindingsSeen < bindings.count {
      let b = bindings[bindingsSeen]
      bindingsSeen += 1
      registry.increment(StandardMetric.scheduleAttempts.key(b.profile, "scheduled"))
      if let p = pods["\(b.namespace)/\(b.pod)"] {
        registry.record(
          StandardMetric.podSchedulingDuration.key(), b.time.microseconds - p.created)
      }
    }
    let events = api.recordedEvents
    while eventsSeen < events.count {
      note(events[eventsSeen])
      eventsSeen += 1
    }
  }

  private func note(_ e: RecordedEvent) {
    let key = "\(e.object.namespace ?? "")/\(e.object.name ?? "")"
    let t = e.time.microseconds
    switch e.reason {
    case "FailedScheduling":
      let profile = pods[key]?.scheduler ?? "default-scheduler"
      registry.increment(StandardMetric.scheduleAttempts.key(profile, "unschedulable"))
    case "Pulling":
      pods[key]?.pullStart = t
    case "Pulled":
      if var p = pods[key], let s = p.pullStart {
        p.pullMicros += t - s
        p.pullStart = nil
        pods[key] = p
      }
    case "ScalingReplicaSet":
      // The Deployment controller's event for each scale step (pkg/controller/deployment/sync.go).
      if scalings.count < Self.maxDisruptions {
        scalings.append((t, e.object.name ?? "", e.message))
      }
    case "Preempted":
      // The scheduler's event on each victim (pkg/scheduler/framework/preemption/preemption.go).
      registry.increment(StandardMetric.preemptionVictims.key())
      if disruptions.count < Self.maxDisruptions { disruptions.append((t, "preemption", key)) }
    case "Evicted", "TaintManagerEviction", "Evict", "EvictionThresholdMet":
      guard e.object.kind == "Pod" else { break }
      // The same reason also says "Cancelling deletion Pod …" (pkg/controller/tainteviction).
      if e.reason == "TaintManagerEviction", !e.message.hasPrefix("Marking for deletion") { break }
      let reason = Self.evictionReason(e.reason)
      registry.increment(StandardMetric.evictions.key(reason))
      if disruptions.count < Self.maxDisruptions { disruptions.append((t, reason, key)) }
    default: break
    }
  }

  /// `Evicted` is the kubelet's pressure eviction (pkg/kubelet/eviction/eviction_manager.go);
  /// `TaintManagerEviction` the taint eviction controller's (pkg/controller/tainteviction).
  private static func evictionReason(_ reason: String) -> String {
    switch reason {
    case "TaintManagerEviction": return "taint"
    case "Evicted", "EvictionThresholdMet": return "pressure"
    default: return "api"
    }
  }

  // MARK: Pods

  private func observePod(_ change: WatchChange, _ pod: Pod) {
    let key = "\(pod.metadata.namespace ?? "")/\(pod.metadata.name)"
    let old = pods[key]
    if case .deleted = change {
      if let old { apply(old, sign: -1) }
      pods[key] = nil
      running[key] = nil
      return
    }
    let phase = pod.status.phase
    running[key] = phase == .running && pod.spec.nodeName != nil ? RunningPod(pod) : nil
    var r = PodRecord(
      node: pod.spec.nodeName ?? "", requests: PodResources.requests(of: pod),
      scheduler: pod.spec.schedulerName ?? "default-scheduler",
      created: (pod.metadata.creationTimestamp ?? SimTime.zero).microseconds,
      labels: pod.metadata.labels, namespace: pod.metadata.namespace ?? "")
    r.terminal = phase == .succeeded || phase == .failed
    r.ready = pod.status.conditions.contains { $0.type == "Ready" && $0.status == .true }
    r.restarts = pod.status.containerStatuses.reduce(0) { $0 + Int64($1.restartCount) }
    if let old {
      r.started = old.started
      r.pullMicros = old.pullMicros
      r.pullStart = old.pullStart
      apply(old, sign: -1)
      if r.restarts > old.restarts {
        registry.increment(StandardMetric.containerRestarts.key(), by: r.restarts - old.restarts)
      }
    }
    let allStarted =
      phase == .running && !pod.status.containerStatuses.isEmpty
      && pod.status.containerStatuses.allSatisfy { $0.state.running != nil }
    if allStarted && !r.started {
      r.started = true
      let total = now - r.created
      registry.record(StandardMetric.podStartupTotalLatency.key(), total)
      registry.record(StandardMetric.podStartupLatency.key(), max(0, total - r.pullMicros))
    }
    pods[key] = r
    apply(r, sign: 1)
  }


  /// Adds (`sign` 1) or removes (-1) a pod's contribution to the gauges.
  private func apply(_ p: PodRecord, sign: Int64) {
    if p.terminal { return }
    if p.ready { registry.add(Self.podsReady, sign) }
    if p.node.isEmpty {
      registry.add(StandardMetric.pendingPods.key("unbound"), sign)
      pendingShapes[p.requests, default: 0] += Int(sign)
      if pendingShapes[p.requests] == 0 { pendingShapes[p.requests] = nil }
      return
    }
    registry.add(StandardMetric.nodePods.key(p.node), sign)
    registry.add(StandardMetric.nodeCPURequested.key(p.node), sign * p.requests.milliCPU)
    registry.add(StandardMetric.nodeMemoryRequested.key(p.node), sign * p.requests.memoryBytes)
    registry.add(Self.clusterCPURequested, sign * p.requests.milliCPU)
    registry.add(Self.clusterMemoryRequested, sign * p.requests.memoryBytes)
    if var n = nodes[p.node] {
      if sign > 0 { n.requested.add(p.requests) } else { n.requested.subtract(p.requests) }
      nodes[p.node] = n
    }
  }

  // MARK: Nodes and Services

  private func observeNode(_ change: WatchChange, _ node: Node) {
    let name = node.metadata.name
    let t = now
    if case .deleted = change {
      if let n = nodes[name] {
        registry.add(Self.clusterCPUAllocatable, -n.allocatable.milliCPU)
        registry.add(Self.clusterMemoryAllocatable, -n.allocatable.memoryBytes)
        if n.ready { registry.add(Self.nodesReady, -1) }
      }
      nodes[name] = nil
      nodeNames.removeAll { $0 == name }
      return
    }
    let allocatable = ResourceSums(
      milliCPU: node.status.allocatable.cpuMilli, memoryBytes: node.status.allocatable.memoryBytes)
    // No Ready condition yet counts as Ready (nodes declared in a scenario start Ready).
    let ready = node.status.conditions.first { $0.type == "Ready" }.map { $0.status == .true } ?? true
    var n = nodes[name] ?? NodeRecord(allocatable: ResourceSums(), ready: false)
    if nodes[name] == nil {
      nodeNames.append(name)
      nodeNames.sort { Array($0.utf8).lexicographicallyPrecedes($1.utf8) }
      registry.set(StandardMetric.nodeCPURequested.key(name), 0)
      registry.set(StandardMetric.nodePods.key(name), 0)
    }
    registry.add(Self.clusterCPUAllocatable, allocatable.milliCPU - n.allocatable.milliCPU)
    registry.add(
      Self.clusterMemoryAllocatable, allocatable.memoryBytes - n.allocatable.memoryBytes)
    registry.set(Self.nodeCPUAllocatable.key(name), allocatable.milliCPU)
    n.allocatable = allocatable
    if ready != n.ready {
      registry.add(Self.nodesReady, ready ? 1 : -1)
      if ready {
        if let i = notReadyPeriods.lastIndex(where: { $0.node == name && $0.endMicros == nil }) {
          notReadyPeriods[i].endMicros = t
        }
      } else if nodes[name] != nil {
        notReadyPeriods.append((name, t, nil))
      }
    }
    n.ready = ready
    nodes[name] = n
  }

  private func observeService(_ change: WatchChange, _ service: Service) {
    let name = "\(service.metadata.namespace ?? "")/\(service.metadata.name)"
    if case .deleted = change {
      services[name] = nil
      serviceNames.removeAll { $0 == name }
      return
    }
    if services[name] == nil {
      serviceNames.append(name)
      serviceNames.sort { Array($0.utf8).lexicographicallyPrecedes($1.utf8) }
    }
    services[name] = (service.metadata.namespace ?? "", service.spec.selector ?? StringMap())
  }

  // MARK: KubeSim metrics beyond the standard catalogue

  /// CPU requested by every bound pod (millicores).
  public static let clusterCPURequested = MetricKey("cluster_cpu_requested_millis")
  /// Memory requested by every bound pod (bytes).
  public static let clusterMemoryRequested = MetricKey("cluster_memory_requested_bytes")
  /// Allocatable CPU of every node (millicores).
  public static let clusterCPUAllocatable = MetricKey("cluster_cpu_allocatable_millis")
  /// Allocatable memory of every node (bytes).
  public static let clusterMemoryAllocatable = MetricKey("cluster_memory_allocatable_bytes")
  /// CPU used by every running pod, as metrics-server reports it (millicores).
  public static let clusterCPUUsed = MetricKey("cluster_cpu_used_millis")
  /// Memory used by every running pod, as metrics-server reports it (bytes).
  public static let clusterMemoryUsed = MetricKey("cluster_memory_used_bytes")
  /// Node cost accumulated since the start, in micro-units (sampled gauge of `cost`).
  public static let clusterCostMicros = MetricKey(StandardMetric.cost.name)
  /// The cluster's current cost rate: the sum of the nodes' hourly costs, in micro-units per hour.
  public static let clusterCostRate = MetricKey("cost_rate_micros_per_hour")
  /// Pods whose Ready condition is True (not terminated).
  public static let podsReady = MetricKey("pods_ready")
  /// Nodes whose Ready condition is True.
  public static let nodesReady = MetricKey("nodes_ready")
  /// Allocatable CPU per node (millicores).
  public static let nodeCPUAllocatable = StandardMetric(
    name: "node_cpu_allocatable_millis", kind: .gauge, labels: ["node"],
    help: "Allocatable CPU of the node, in millicores.")
}

extension MetricsRecorder: SchedulingTimingObserver {
  /// Splits each attempt's latency (set as `DefaultScheduler.timingObserver`): queue wait per
  /// attempt and up to the binding attempt, cycle time by profile and result, binding.
  public func attemptFinished(_ t: SchedulingAttemptTiming) {
    let result = t.boundAt == nil ? "unschedulable" : "scheduled"
    registry.record(
      StandardMetric.schedulingAttemptDuration.key(t.profile, result),
      (t.decidedAt - t.poppedAt).microseconds)
    registry.record(StandardMetric.attemptQueueWait.key(), (t.poppedAt - t.queuedAt).microseconds)
    if let bound = t.boundAt {
      registry.record(StandardMetric.queueWait.key(), (t.poppedAt - t.firstQueuedAt).microseconds)
      registry.record(StandardMetric.schedulingBindingDuration.key(), (bound - t.decidedAt).microseconds)
    }
  }
}
