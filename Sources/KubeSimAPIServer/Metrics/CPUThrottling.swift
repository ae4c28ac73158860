import KubeSimKernel
import KubeSimModel

/// CPU limits enforced as the CFS bandwidth controller does (cgroup `cpu.max`): a container may
/// use at most its limit per CFS period, the rest of its demand waits (is throttled).
///
/// KubeSim's model is fluid: within one cAdvisor sample interval (10 s) the demand is the usage
/// curve's value at the sample; the container gets `min(demand, limit)`; every CFS period of an
/// interval whose demand exceeds the limit counts as throttled, and the throttled time is the CPU
/// time it wanted but did not get, `(demand − limit) × interval`. These mirror cAdvisor's
/// `container_cpu_cfs_periods_total`, `container_cpu_cfs_throttled_periods_total` and
/// `container_cpu_cfs_throttled_seconds_total` (cAdvisor reads `nr_periods`, `nr_throttled`,
/// `throttled_time` from cpu.stat; the kernel counts wall time per period, KubeSim CPU time —
/// the same for a single-threaded container).
///
/// Pure functions of the usage model: nothing is scheduled per container.
public enum CPUThrottling {
  /// kubelet `cpuCFSQuotaPeriod` default 100ms (pkg/kubelet/apis/config/v1beta1/defaults.go).
  public static let cfsPeriod = SimDuration.milliseconds(100)

  /// CPU a container gets for a demand of `demandMillis` under `limitMillis` (nil: no limit).
  public static func capped(_ demandMillis: Int64, limitMillis: Int64?) -> Int64 {
    guard let limitMillis else { return demandMillis }
    return min(demandMillis, limitMillis)
  }

  /// The fraction (per mille) of its CPU demand a container gets: 1000 when the demand fits the
  /// limit, else `limit × 1000 / demand` (rounded down). A CPU-bound, traffic-driven container
  /// serves this fraction of the requests it is offered (lane traffic: scale the served rate).
  public static func cpuCapacityFactorPerMille(demandMillis: Int64, limitMillis: Int64?) -> Int64 {
    guard let limitMillis, demandMillis > limitMillis, demandMillis > 0 else { return 1000 }
    return max(0, limitMillis) * 1000 / demandMillis
  }

  /// The highest rate (milli-requests/s) a traffic-driven container can serve within its CPU
  /// limit: `(limit − base) / per-request` for `traffic(base=…, per-request=…)` CPU models, also
  /// bounded by the model's own `capacity`; nil when nothing bounds it (no limit, no per-request
  /// cost, not a traffic model and no capacity).
  public static func maxServedMilliRPS(_ model: UsageModel, request: Int64, limitMillis: Int64?)
    -> Int64?
  {
    guard case .traffic(let base, let perRequest, _, let capacity) = model else { return nil }
    var bound = capacity
    let per = perRequest.resolve(request: request)
    if let limitMillis, per > 0 {
      let spare = max(0, limitMillis - base.resolve(request: request))
      // spare millicores / per-request millicores = requests/s; × 1000 for milli-rps.
      let (scaled, overflow) = spare.multipliedReportingOverflow(by: 1000)
      let byLimit = overflow ? Int64.max / per : scaled / per
      bound = min(bound ?? Int64.max, byLimit)
    }
    return bound
  }

  /// cAdvisor-style cumulative CFS counters of one container.
  public struct Counters: Sendable, Hashable {
    /// CFS periods elapsed while the container ran (`container_cpu_cfs_periods_total`).
    public var periods: Int64 = 0
    /// Periods in which it was throttled (`container_cpu_cfs_throttled_periods_total`).
    public var throttledPeriods: Int64 = 0
    /// CPU time it wanted but did not get, in microseconds
    /// (`container_cpu_cfs_throttled_seconds_total` × 10⁶).
    public var throttledMicroseconds: Int64 = 0

    public init(periods: Int64 = 0, throttledPeriods: Int64 = 0, throttledMicroseconds: Int64 = 0) {
      self.periods = periods
      self.throttledPeriods = throttledPeriods
      self.throttledMicroseconds = throttledMicroseconds
    }
  }

  /// The counters of a container that started at `started`, as its last cAdvisor sample at or
  /// before `input.time` shows them: the sum over the 10 s sample intervals since the start
  /// (`step`, the housekeeping interval). Without a limit nothing is throttled and `periods`
  /// stays 0 (no quota, no CFS bandwidth periods). O(intervals): a day is 8,640 evaluations.
  public static func counters(
    _ model: UsageModel, _ input: UsageInput, started: SimTime, limitMillis: Int64?,
    step: SimDuration = MetricsPipeline.defaultHousekeepingInterval
  ) -> Counters {
    var c = Counters()
    guard let limitMillis, step.microseconds > 0 else { return c }
    let stepUs = step.microseconds
    let periodsPerStep = stepUs / cfsPeriod.microseconds
    // Sample intervals [t − step, t) on the housekeeping grid, from the first one after start.
    var t = (started.microseconds / stepUs + 1) * stepUs
    while t <= input.time.microseconds {
      var i = input
      i.time = SimTime(microseconds: t - stepUs)
      let demand = model.value(i)
      c.periods += periodsPerStep
      if demand > limitMillis {
        c.throttledPeriods += periodsPerStep
        // (demand − limit) millicores for `step` µs = that × step / 1000 µs of CPU.
        c.throttledMicroseconds += (demand - limitMillis) * stepUs / 1000
      }
      t += stepUs
    }
    return c
  }
}

/// One container's CFS throttling as cAdvisor would report it at a time.
public struct ContainerThrottlingSample: Sendable, Hashable {
  /// The container's name.
  public var name: String
  /// `resources.limits.cpu` in millicores, if set.
  public var limitMillis: Int64?
  /// The cumulative counters.
  public var counters: CPUThrottling.Counters
}

extension MetricsPipeline {
  /// The CFS throttling counters of a running pod's containers at `t` (since the pod started;
  /// containers without a usage annotation use their request, as in `podMetrics`). Nil for pods
  /// not running on a node.
  public func throttling(_ pod: Pod, at t: SimTime, runSeed: UInt64) -> [ContainerThrottlingSample]?
  {
    guard pod.spec.nodeName != nil, pod.status.phase == .running else { return nil }
    let started = pod.status.startTime ?? .zero
    let ns = pod.metadata.namespace ?? "default"
    return pod.spec.containers.map { c in
      let usage = UsageAnnotations.models(pod.metadata.annotations, container: c.name)
      let model = usage.cpu ?? .constant(.perMilleOfRequest(1000))
      let seed = UsageSeed.container(
        runSeed: runSeed, namespace: ns, pod: pod.metadata.name, container: c.name)
      let limit = c.resources.limits["cpu"]?.milliValue
      let input = UsageInput(
        time: housekeepingTime(at: t), request: c.resources.requests["cpu"]?.milliValue ?? 0,
        seed: seed)
      return ContainerThrottlingSample(
        name: c.name, limitMillis: limit,
        counters: CPUThrottling.counters(
          model, input, started: started, limitMillis: limit, step: housekeepingInterval))
    }
  }
}
