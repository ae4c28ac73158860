import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel

/// KubeSim's load watcher for the Trimaran plugins (TargetLoadPacking,
/// LoadVariationRiskBalancing): per node, the average and standard deviation of measured CPU and
/// memory over the last 15 minutes of metrics-server scrapes.
///
/// Upstream: paypal/load-watcher (`watcher.FifteenMinutes` window, Average and Std operators as
/// its Prometheus/SignalFx providers report them), read by scheduler-plugins
/// `pkg/trimaran/collector.go`. Here the samples are metrics-server's (`MetricsPipeline`, 60s
/// resolution, so at most 15 per window): a node's sample is the sum of its running pods'
/// metrics at that scrape. The data is as stale as the real watcher's: nothing newer than the last
/// scrape is seen, which is why TargetLoadPacking adds the predicted usage of recently bound pods.
///
/// KubeSim differences: node usage is the sum of pod usage (no system daemons); a past sample
/// counts the pods bound now (pods deleted since are missing from it); with metrics-server
/// as upstream's provider the watcher would report only the latest value (standard deviation 0).
///
/// The watcher is a `Component`: a background timer at every metrics-server scrape adds that
/// scrape's sample per node (one event per minute, not per pod), and the plugins read the
/// cached statistics during scheduling cycles without touching the simulation clock.
public final class LoadWatcher: Component, @unchecked Sendable {
  public let componentName = "load-watcher"
  public var watches: [WatchFilter] { [] }
  /// load-watcher's window (`FifteenMinutes`).
  public static let window = SimDuration.minutes(15)

  /// One node's statistics over the window.
  public struct NodeLoad: Sendable, Equatable {
    /// Mean and (population) standard deviation of CPU usage, millicores.
    public var cpuAverageMillis: Double
    public var cpuStddevMillis: Double
    /// Mean and standard deviation of memory working set, bytes.
    public var memoryAverageBytes: Double
    public var memoryStddevBytes: Double
    /// The last scrape in the window (upstream `Window.End`).
    public var windowEnd: SimTime
  }

  weak var api: APIServer?
  let pipeline: MetricsPipeline
  /// Per node: (scrape time, cpu millicores, memory bytes), oldest first.
  private var samples: [String: [(time: SimTime, cpu: Int64, memory: Int64)]] = [:]
  private var lastScrape: SimTime?

  /// A watcher reading `pipeline` (metrics-server's defaults unless given).
  public init(pipeline: MetricsPipeline = MetricsPipeline()) {
    self.pipeline = pipeline
  }

  private var seed: UInt64 = 0

  public func start(_ ctx: inout ComponentContext) {
    api = ctx.api
    seed = ctx.api.seed
    tick(&ctx)
  }

  public func observe(_ change: WatchChange, _ ctx: inout ComponentContext) {}

  public func timerFired(_ token: UInt64, _ ctx: inout ComponentContext) { tick(&ctx) }

  /// Samples the scrape in effect now and sets the timer for the next one.
  private func tick(_ ctx: inout ComponentContext) {
    refresh(ctx.api, now: ctx.now)
    let next = pipeline.scrapeTime(at: ctx.now) + pipeline.metricResolution
    ctx.setBackgroundTimer(at: next, token: 0)
  }

  /// The node's statistics, or nil when the watcher is not attached to a simulation (e.g.
  /// `kubesim explain --snapshot`) or the node has no sample yet.
  public func load(_ node: String) -> NodeLoad? {
    guard let list = samples[node], let last = list.last else { return nil }
    let n = Double(list.count)
    func stats(_ values: [Int64]) -> (Double, Double) {
      var sum = 0.0
      for v in values { sum += Double(v) }
      let mean = sum / n
      var sq = 0.0
      for v in values { sq += (Double(v) - mean) * (Double(v) - mean) }
      return (mean, (sq / n).squareRoot())
    }
    let cpu = stats(list.map(\.cpu))
    let mem = stats(list.map(\.memory))
    return NodeLoad(
      cpuAverageMillis: cpu.0, cpuStddevMillis: cpu.1, memoryAverageBytes: mem.0,
      memoryStddevBytes: mem.1, windowEnd: last.time)
  }

  /// Pods on `node` bound after the window's end or less than `interval` before it, whose
  /// usage the metrics do not show yet (upstream `PodAssignEventHandler.ScheduledPodsCache` as
  /// TargetLoadPacking reads it), in name order.
  public func recentlyBound(_ node: String, within interval: SimDuration) -> [Pod] {
    guard let api, let end = load(node)?.windowEnd else { return [] }
    return api.pods(onNode: node).filter { p in
      guard !p.isTerminal,
        let bound = p.status.conditions.first(where: { $0.type == "PodScheduled" })?
          .lastTransitionTime
      else { return false }
      return bound > end - interval
    }.sorted { $0.metadata.name < $1.metadata.name }
  }

  /// Adds the samples of the scrapes since the last refresh (at most a window's worth) and
  /// drops those older than the window.
  private func refresh(_ api: APIServer, now: SimTime) {
    let end = pipeline.scrapeTime(at: now)
    if let last = lastScrape, last >= end { return }
    let step = pipeline.metricResolution
    let perWindow = max(1, Int(Self.window.microseconds / max(step.microseconds, 1)))
    var times: [SimTime] = []
    var t = end
    while times.count < perWindow && t >= .zero {
      if let last = lastScrape, t <= last { break }
      times.append(t)
      t = t - step
    }
    times.reverse()
    lastScrape = end
    var nodes: [String] = []
    for o in api.list(.node) { nodes.append(o.metadata.name) }
    var pods: [Pod] = []
    for o in api.list(.pod) {
      if case .pod(let p) = o, p.spec.nodeName != nil { pods.append(p) }
    }
    for time in times {
      var cpu: [String: Int64] = [:]
      var mem: [String: Int64] = [:]
      for p in pods {
        guard let m = pipeline.podMetrics(p, at: time, runSeed: seed) else { continue }
        cpu[m.node, default: 0] += m.cpuMillis
        mem[m.node, default: 0] += m.memoryBytes
      }
      for node in nodes {
        samples[node, default: []].append((time, cpu[node] ?? 0, mem[node] ?? 0))
      }
    }
    let oldest = end - step * Int64(perWindow - 1)
    for node in samples.keys.sorted() {
      samples[node]?.removeAll { $0.time < oldest }
    }
  }

  /// The watchers of the usage-aware plugins in `profiles` (each plugin instance has its own),
  /// for the World to register.
  public static func instances(in profiles: [Profile]) -> [LoadWatcher] {
    var out: [LoadWatcher] = []
    for p in profiles {
      for s in p.scores {
        let w: LoadWatcher?
        switch s.plugin {
        case let x as TargetLoadPacking: w = x.watcher
        case let x as LoadVariationRiskBalancing: w = x.watcher
        default: w = nil
        }
        if let w, !out.contains(where: { $0 === w }) { out.append(w) }
      }
    }
    return out
  }
}
