import KubeSimKernel
import KubeSimYAML

/// What `MetricsRecorder` measured over one run, as plain values (for summaries and reports).
public struct RunMetrics: Sendable {
  /// Every counter, gauge and histogram.
  public var registry: MetricsRegistry
  /// Periods a node was not Ready (`endMicros` nil: still NotReady at the end).
  public var notReadyPeriods: [NotReadyPeriod]
  /// Evictions and preemptions in time order.
  public var disruptions: [Disruption]
  /// Per Service (`namespace/name`, sorted): samples with a ready endpoint and all samples.
  public var services: [ServiceAvailability]
  /// The end of the run, in microseconds.
  public var endMicros: Int64

  /// A node's NotReady period.
  public struct NotReadyPeriod: Sendable, Equatable {
    /// The node.
    public var node: String
    /// When the recorder saw the node turn NotReady.
    public var startMicros: Int64
    /// When it saw it Ready again (nil: NotReady at the end).
    public var endMicros: Int64?
  }

  /// One eviction or preemption.
  public struct Disruption: Sendable, Equatable {
    /// When (the Event's time).
    public var timeMicros: Int64
    /// `taint`, `pressure`, `api` or `preemption`.
    public var reason: String
    /// `namespace/name`.
    public var pod: String
  }

  /// The availability of one Service: the fraction of samples with at least one ready endpoint.
  public struct ServiceAvailability: Sendable, Equatable {
    /// `namespace/name`.
    public var name: String
    /// Samples with a ready endpoint.
    public var available: Int64
    /// All samples while the Service existed.
    public var total: Int64
    /// available / total in parts per million (integer, for exact outputs); 0 without samples.
    public var ppm: Int64 { total == 0 ? 0 : available * 1_000_000 / total }
  }
}

extension MetricsRecorder {
  /// A snapshot of what was recorded (call after `finish`).
  public func snapshot(endMicros: Int64) -> RunMetrics {
    RunMetrics(
      registry: registry,
      notReadyPeriods: notReadyPeriods.map {
        RunMetrics.NotReadyPeriod(node: $0.node, startMicros: $0.startMicros, endMicros: $0.endMicros)
      },
      disruptions: disruptions.map {
        RunMetrics.Disruption(timeMicros: $0.timeMicros, reason: $0.reason, pod: $0.pod)
      },
      services: serviceSamples.keys.sorted { Array($0.utf8).lexicographicallyPrecedes($1.utf8) }
        .map { name in
          let s = serviceSamples[name] ?? (0, 0)
          return RunMetrics.ServiceAvailability(name: name, available: s.available, total: s.total)
        },
      endMicros: endMicros)
  }
}

extension RunMetrics {
  /// The latency histograms reported in summaries: (JSON key, title, metric name).
  public static let latencies: [(key: String, title: String, metric: String)] = [
    ("pod_startup_latency", "Pod startup (SLI, excluding image pulls)", StandardMetric.podStartupLatency.name),
    ("pod_startup_total_latency", "Pod startup (including image pulls)", StandardMetric.podStartupTotalLatency.name),
    ("pod_scheduling_latency", "Scheduling (queue entry to bind)", StandardMetric.podSchedulingDuration.name),
  ]

  /// Mean over samples of cluster CPU requested / allocatable, in parts per million.
  public var cpuUtilisationPPM: Int64 {
    let req = registry.series(MetricsRecorder.clusterCPURequested).points
    let alloc = registry.series(MetricsRecorder.clusterCPUAllocatable).points
    var sumReq: Int64 = 0
    var sumAlloc: Int64 = 0
    for p in req { sumReq += p.sum }
    for p in alloc { sumAlloc += p.sum }
    return sumAlloc == 0 ? 0 : sumReq * 1_000_000 / sumAlloc
  }

  /// Counter total over every label set of `name`.
  public func total(_ name: String) -> Int64 {
    registry.keys.filter { $0.name == name }.reduce(0) { $0 + registry.value($1) }
  }

  /// The `metrics` object of summary.json: latency percentiles, utilisation, disruptions,
  /// availability. Integers only.
  public var json: JSONValue {
    var latency: [(String, JSONValue)] = []
    for l in Self.latencies {
      latency.append((l.key, registry.mergedHistogram(named: l.metric).summaryJSON()))
    }
    return .object([
      ("latency", .object(latency)),
      ("cluster_cpu_requested_ppm_mean", .int(cpuUtilisationPPM)),
      ("schedule_attempts", .int(total(StandardMetric.scheduleAttempts.name))),
      ("evictions", .int(total(StandardMetric.evictions.name))),
      ("preemption_victims", .int(total(StandardMetric.preemptionVictims.name))),
      ("container_restarts", .int(total(StandardMetric.containerRestarts.name))),
      ("node_not_ready_periods", .int(Int64(notReadyPeriods.count))),
      (
        "service_availability_ppm",
        .object(services.map { ($0.name, .int($0.ppm)) })
      ),
    ])
  }

  /// The Markdown section of summary.md.
  public var markdown: String {
    var out = "\n| latency | count | p50 | p90 | p99 | max |\n|---|---:|---:|---:|---:|---:|\n"
    for l in Self.latencies {
      let h = registry.mergedHistogram(named: l.metric)
      func f(_ v: Int64?) -> String { v.map { UnitFormat.duration(micros: $0, significantDigits: 3) } ?? "–" }
      out += "| \(l.title) | \(h.count) | \(f(h.percentile(50))) | \(f(h.percentile(90))) | "
      out += "\(f(h.percentile(99))) | \(f(h.max)) |\n"
    }
    out += "\nCluster CPU requested (mean over the run): "
    out += "\(DecimalFormat.trimmed(Double(cpuUtilisationPPM) / 10_000, 1))% of allocatable. "
    out += "Evictions: \(total(StandardMetric.evictions.name)); "
    out += "preemption victims: \(total(StandardMetric.preemptionVictims.name)); "
    out += "container restarts: \(total(StandardMetric.containerRestarts.name)); "
    out += "node NotReady periods: \(notReadyPeriods.count).\n"
    if !services.isEmpty {
      out += "\n| Service | availability (sampled over the whole run, from 0s) |\n|---|---:|\n"
      for s in services {
        out += "| \(s.name) | \(DecimalFormat.trimmed(Double(s.ppm) / 10_000, 2))% |\n"
      }
    }
    return out
  }
}
