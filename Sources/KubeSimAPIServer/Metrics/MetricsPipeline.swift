import KubeSimKernel
import KubeSimModel

/// The measurement path from a container's usage curve to what `kubectl top` and the HPA see:
/// cAdvisor samples every housekeeping interval, metrics-server scrapes the kubelet's latest
/// sample every metric resolution and reports CPU as the rate between its last two scrapes and
/// memory as the working set of the last one.
///
/// Nothing is scheduled: a value is computed on demand from the curves (a handful of curve
/// evaluations per container), which is what lets a 150,000-pod day skip per-sample events.
public struct MetricsPipeline: Sendable, Hashable {
  /// cAdvisor housekeeping in the kubelet (pkg/kubelet/cadvisor/cadvisor_linux.go,
  /// defaultHousekeepingInterval = 10 * time.Second).
  public static let defaultHousekeepingInterval = SimDuration.seconds(10)
  /// metrics-server `--metric-resolution` default (metrics-server cmd/metrics-server/app/options,
  /// MetricResolution: 60s; its published manifests set 15s).
  public static let defaultMetricResolution = SimDuration.seconds(60)

  public var housekeepingInterval: SimDuration
  public var metricResolution: SimDuration

  public init(
    housekeepingInterval: SimDuration = MetricsPipeline.defaultHousekeepingInterval,
    metricResolution: SimDuration = MetricsPipeline.defaultMetricResolution
  ) {
    self.housekeepingInterval = housekeepingInterval
    self.metricResolution = metricResolution
  }

  /// The time of the metrics-server scrape in effect at `t` (the last multiple of the resolution).
  public func scrapeTime(at t: SimTime) -> SimTime {
    SimTime(microseconds: floorTo(t.microseconds, metricResolution.microseconds))
  }

  /// The cAdvisor sample the kubelet serves at `t` (the last housekeeping tick).
  public func housekeepingTime(at t: SimTime) -> SimTime {
    SimTime(microseconds: floorTo(t.microseconds, housekeepingInterval.microseconds))
  }

  /// CPU in millicores that metrics-server reports at `t`: the mean of the cAdvisor samples in
  /// the window between the previous scrape's sample and this one's (cAdvisor sees a cumulative
  /// counter; KubeSim integrates the curve at housekeeping granularity). `started` clips the
  /// window to the container's life. With `limitMillis` each sample is capped at the limit first
  /// (CFS quota, `CPUThrottling`): the container never gets more than its limit.
  public func cpuMillicores(
    _ model: UsageModel, _ input: UsageInput, started: SimTime, limitMillis: Int64? = nil,
    traffic: (TrafficLedger, String)? = nil
  ) -> Int64 {
    // Traffic-driven curves read the rate the pod served at each sample.
    func at(_ t: SimTime) -> UsageInput {
      var i = input
      i.time = t
      if let (ledger, key) = traffic {
        let s = ledger.sample(key, at: t)
        i.servedMilliRPS = s.servedMilliRPS
        i.inFlightMilli = s.inFlightMilli
      }
      return i
    }
    let end = housekeepingTime(at: scrapeTime(at: input.time))
    var begin = housekeepingTime(at: scrapeTime(at: input.time) - metricResolution)
    if begin < started { begin = housekeepingTime(at: started) }
    let step = Swift.max(housekeepingInterval.microseconds, 1)
    var t = begin.microseconds + step
    if t > end.microseconds {
      return CPUThrottling.capped(model.value(at(end)), limitMillis: limitMillis)
    }
    var sum: Int64 = 0
    var n: Int64 = 0
    while t <= end.microseconds {
      sum += CPUThrottling.capped(
        model.value(at(SimTime(microseconds: t))), limitMillis: limitMillis)
      n += 1
      t += step
    }
    return (sum + n / 2) / n
  }

  /// Memory working set in bytes that metrics-server reports at `t` (the sample of its last scrape).
  public func memoryBytes(
    _ model: UsageModel, _ input: UsageInput, traffic: (TrafficLedger, String)? = nil
  ) -> Int64 {
    var i = input
    i.time = housekeepingTime(at: scrapeTime(at: input.time))
    if let (ledger, key) = traffic {
      let s = ledger.sample(key, at: i.time)
      i.servedMilliRPS = s.servedMilliRPS
      i.inFlightMilli = s.inFlightMilli
    }
    return model.value(i)
  }

  private func floorTo(_ v: Int64, _ step: Int64) -> Int64 {
    guard step > 0 else { return v }
    let q = v / step
    return (v < 0 && v % step != 0 ? q - 1 : q) * step
  }
}

/// Per-container seeds for noise and walks, derived from the run's `workload` stream seed and the
/// container's identity, so adding a pod never shifts another pod's curve and no draw is taken
/// from the stream the kubelet uses for failures.
public enum UsageSeed {
  public static func container(runSeed: UInt64, namespace: String, pod: String, container: String)
    -> UInt64
  {
    let stream = RandomStreams.streamSeed(seed: runSeed, name: "workload")
    return SplitMix64.mix(
      stream ^ RandomStreams.fnv1a64(namespace + "/" + pod + "/" + container))
  }
}

/// One pod's metrics as metrics-server would serve them.
public struct PodMetricsSample: Sendable, Hashable {
  public var namespace: String
  public var name: String
  public var node: String
  /// Per container: (name, CPU millicores, memory bytes).
  public var containers: [(name: String, cpuMillis: Int64, memoryBytes: Int64)]

  public var cpuMillis: Int64 { containers.reduce(0) { $0 + $1.cpuMillis } }
  public var memoryBytes: Int64 { containers.reduce(0) { $0 + $1.memoryBytes } }

  public static func == (a: PodMetricsSample, b: PodMetricsSample) -> Bool {
    a.namespace == b.namespace && a.name == b.name && a.node == b.node
      && a.containers.count == b.containers.count
      && zip(a.containers, b.containers).allSatisfy {
        $0.name == $1.name && $0.cpuMillis == $1.cpuMillis && $0.memoryBytes == $1.memoryBytes
      }
  }

  public func hash(into h: inout Hasher) {
    h.combine(namespace)
    h.combine(name)
    for c in containers {
      h.combine(c.name)
      h.combine(c.cpuMillis)
      h.combine(c.memoryBytes)
    }
  }
}

extension MetricsPipeline {
  /// Metrics of a running pod at `t`: containers without a usage annotation use their request
  /// (CPU) and request (memory), or 0 without one (SCENARIO-FORMAT.md: usage defaults to the
  /// request). Returns nil for pods not running on a node or not yet scraped (metrics-server
  /// serves a pod once it has two samples).
  /// `traffic` gives traffic-driven containers (`traffic(...)` models) the rate their pod
  /// served at each sample; without it they serve nothing.
  public func podMetrics(
    _ pod: Pod, at t: SimTime, runSeed: UInt64, traffic: TrafficLedger? = nil
  ) -> PodMetricsSample? {
    guard let node = pod.spec.nodeName, pod.status.phase == .running else { return nil }
    let started = pod.status.startTime ?? .zero
    // metrics-server needs two scrapes of the pod before it reports it.
    if scrapeTime(at: t) - metricResolution < started { return nil }
    var sample = PodMetricsSample(
      namespace: pod.metadata.namespace ?? "default", name: pod.metadata.name, node: node,
      containers: [])
    for c in pod.spec.containers {
      let usage = UsageAnnotations.models(pod.metadata.annotations, container: c.name)
      let cpuRequest = c.resources.requests["cpu"]?.milliValue ?? 0
      let memRequest = c.resources.requests["memory"]?.value ?? 0
      let seed = UsageSeed.container(
        runSeed: runSeed, namespace: sample.namespace, pod: sample.name, container: c.name)
      let cpuModel = usage.cpu ?? .constant(.perMilleOfRequest(1000))
      let memModel = usage.memory ?? .constant(.perMilleOfRequest(1000))
      // CFS quota: a container cannot use more CPU than its limit (the excess is throttled,
      // sample by sample; `CPUThrottling`).
      let cpuLimit = c.resources.limits["cpu"]?.milliValue ?? Int64.max
      let ledger = traffic.map { ($0, sample.namespace + "/" + sample.name) }
      let cpu = cpuMillicores(
        cpuModel, UsageInput(time: t, request: cpuRequest, seed: seed), started: started,
        limitMillis: c.resources.limits["cpu"]?.milliValue, traffic: ledger)
      let mem = memoryBytes(
        memModel, UsageInput(time: t, request: memRequest, seed: seed ^ 1), traffic: ledger)
      sample.containers.append((c.name, Swift.min(cpu, cpuLimit), mem))
    }
    return sample
  }
}

/// Reads the usage annotations of a container (`sim.kubesim.io/cpu` and `sim.kubesim.io/memory`,
/// `.<container>` suffix first), for components that need usage without the kubelet's
/// `ContainerBehavior` (metrics-server, HPA, usage-aware scheduling). Bad values read as absent;
/// the kubelet reports them as `InvalidAnnotation` events.
public enum UsageAnnotations {
  public static func models(_ annotations: StringMap, container: String) -> (
    cpu: UsageModel?, memory: UsageModel?
  ) {
    memo.value(annotations, container: container) { parse(annotations, container: container) }
  }

  static let memo = AnnotationMemo<(cpu: UsageModel?, memory: UsageModel?)>()

  static func parse(_ annotations: StringMap, container: String) -> (
    cpu: UsageModel?, memory: UsageModel?
  ) {
    func model(_ name: String, _ resource: UsageResource) -> UsageModel? {
      let specific = "sim.kubesim.io/" + name + "." + container
      let general = "sim.kubesim.io/" + name
      let (key, value): (String, String)
      if let v = annotations[specific] {
        (key, value) = (specific, v)
      } else if let v = annotations[general] {
        (key, value) = (general, v)
      } else {
        return nil
      }
      return try? UsageModel(parsing: value, resource: resource, key: key)
    }
    return (model("cpu", .cpu), model("memory", .memory))
  }
}
