import KubeSimKernel
import KubeSimScenario
import KubeSimYAML

/// What `MetricsRecorder` measured over one run, as plain values (for summaries and reports).
public struct RunMetrics: Sendable {
  /// Every counter, gauge and histogram.
  public var registry: MetricsRegistry
  /// Periods a node was not Ready (`endMicros` nil: still NotReady at the end).
  public var notReadyPeriods: [NotReadyPeriod]
  /// Evictions and preemptions in time order.
  public var disruptions: [Disruption]
  /// Per Service (`namespace/name`, sorted): its availability, the one definition used by the
  /// summary, the report and the expectation `availability(service/S)`: `SelfHealingRecorder`'s
  /// exact time fractions with at least one ready endpoint and with every desired pod ready,
  /// counted from the first time every desired pod was ready. Filled by `withAvailability`.
  public var services: [ServiceAvailability] = []
  /// The end of the run, in microseconds.
  public var endMicros: Int64
  /// The nodes that exist at the end, sorted byte-wise.
  public var nodesAtEnd: [String] = []
  /// Deployment scaling steps (`ScalingReplicaSet` Events) in time order: rollouts and scaling.
  public var scalings: [Scaling] = []
  /// Node cost per pool up to the end, in micro-units, pools sorted (see `NodeCostLedger`).
  public var costPerPool: [(pool: String, micros: Int64)] = []
  /// Total node cost up to the end, in micro-units.
  public var costTotalMicros: Int64 = 0
  /// Whether any node carried a cost annotation (the summary shows cost only then).
  public var hasCost = false

  /// A node's NotReady period.
  public struct NotReadyPeriod: Sendable, Equatable {
    /// The node.
    public var node: String
    /// When the recorder saw the node turn NotReady.
    public var startMicros: Int64
    /// When it saw it Ready again (nil: NotReady at the end).
    public var endMicros: Int64?
  }

  /// One Deployment scaling step.
  public struct Scaling: Sendable, Equatable {
    /// When (the Event's time).
    public var timeMicros: Int64
    /// The Deployment's name.
    public var deployment: String
    /// The Event's message (`Scaled up replica set web-5d8f from 0 to 3`).
    public var message: String
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
      endMicros: endMicros,
      nodesAtEnd: nodeNames,
      scalings: scalings.map {
        RunMetrics.Scaling(timeMicros: $0.timeMicros, deployment: $0.object, message: $0.message)
      },
      costPerPool: cost.perPoolMicros(at: endMicros),
      costTotalMicros: cost.totalMicros(at: endMicros),
      hasCost: cost.hasCost)
  }
}

extension RunMetrics {
  /// These metrics with the run's Service availability (`RunReport.availability`, measured by
  /// `SelfHealingRecorder`), so every output shows the same numbers.
  public func withAvailability(_ availability: [ServiceAvailability]) -> RunMetrics {
    var m = self
    m.services = availability
    return m
  }

  /// The latency histograms reported in summaries: (JSON key, title, metric name).
  public static let latencies: [(key: String, title: String, metric: String)] = [
    ("pod_startup_latency", "Pod startup (SLI, excluding image pulls)", StandardMetric.podStartupLatency.name),
    ("pod_startup_total_latency", "Pod startup (including image pulls)", StandardMetric.podStartupTotalLatency.name),
    ("pod_scheduling_latency", "Scheduling (creation to bind, retries included)", StandardMetric.podSchedulingDuration.name),
    ("scheduling_queue_wait", "Queue wait (queue entry to the binding attempt)", StandardMetric.queueWait.name),
    ("scheduling_attempt_queue_wait", "Queue wait per attempt", StandardMetric.attemptQueueWait.name),
    ("scheduling_cycle", "Scheduling cycle per attempt (pop to decision)", StandardMetric.schedulingAttemptDuration.name),
    ("scheduling_binding", "Binding (decision to stored binding)", StandardMetric.schedulingBindingDuration.name),
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

  /// Mean over samples of cluster CPU used / allocatable, in parts per million.
  public var cpuUsedPPM: Int64 { meanRatioPPM(MetricsRecorder.clusterCPUUsed, MetricsRecorder.clusterCPUAllocatable) }

  /// Mean over samples of cluster memory used / allocatable, in parts per million.
  public var memoryUsedPPM: Int64 {
    meanRatioPPM(MetricsRecorder.clusterMemoryUsed, MetricsRecorder.clusterMemoryAllocatable)
  }

  /// Mean over samples of cluster memory requested / allocatable, in parts per million.
  public var memoryRequestedPPM: Int64 {
    meanRatioPPM(MetricsRecorder.clusterMemoryRequested, MetricsRecorder.clusterMemoryAllocatable)
  }

  /// Σ numerator samples / Σ denominator samples in parts per million (0 without a denominator);
  /// the product is taken in full width, so byte sizes over many samples cannot overflow.
  func meanRatioPPM(_ numerator: MetricKey, _ denominator: MetricKey) -> Int64 {
    var num: Int64 = 0
    var den: Int64 = 0
    for p in registry.series(numerator).points { num &+= p.sum }
    for p in registry.series(denominator).points { den &+= p.sum }
    guard den > 0, num >= 0, num / den < 1_000_000 else { return 0 }
    return den.dividingFullWidth(num.multipliedFullWidth(by: 1_000_000)).quotient
  }

  /// Mean over samples of the free CPU that no pending pod fits (millicores).
  public var fragmentedCPUMeanMillis: Int64 {
    var sum: Int64 = 0
    var n: Int64 = 0
    for p in registry.series(StandardMetric.fragmentedCPU.key()).points {
      sum += p.sum
      n += p.count
    }
    return n == 0 ? 0 : sum / n
  }

  /// Pods per node at the end (bound, not terminated), over the nodes that exist then: the
  /// smallest, the median (lower middle), the largest, and the number of nodes.
  public var podsPerNode: (min: Int64, median: Int64, max: Int64, nodes: Int64) {
    let counts = nodesAtEnd.map { registry.value(StandardMetric.nodePods.key($0)) }.sorted()
    guard let first = counts.first, let last = counts.last else { return (0, 0, 0, 0) }
    return (first, counts[(counts.count - 1) / 2], last, Int64(counts.count))
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
    var cost: [(String, JSONValue)] = []
    if hasCost {
      cost = [
        (
          "cost",
          .object([
            ("total_micros", .int(costTotalMicros)),
            ("per_pool_micros", .object(costPerPool.map { ($0.pool, .int($0.micros)) })),
          ])
        )
      ]
    }
    return .object([
      ("latency", .object(latency)),
      ("cluster_cpu_requested_ppm_mean", .int(cpuUtilisationPPM)),
      ("cluster_cpu_used_ppm_mean", .int(cpuUsedPPM)),
      ("cluster_memory_requested_ppm_mean", .int(memoryRequestedPPM)),
      ("cluster_memory_used_ppm_mean", .int(memoryUsedPPM)),
      ("fragmented_cpu_millis_mean", .int(fragmentedCPUMeanMillis)),
      (
        "pods_per_node_at_end",
        .object([
          ("min", .int(podsPerNode.min)), ("median", .int(podsPerNode.median)),
          ("max", .int(podsPerNode.max)), ("nodes", .int(podsPerNode.nodes)),
        ])
      ),
      ("schedule_attempts", .int(total(StandardMetric.scheduleAttempts.name))),
      ("evictions", .int(total(StandardMetric.evictions.name))),
      ("preemption_victims", .int(total(StandardMetric.preemptionVictims.name))),
      ("container_restarts", .int(total(StandardMetric.containerRestarts.name))),
      ("node_not_ready_periods", .int(Int64(notReadyPeriods.count))),
      (
        "service_availability_ppm",
        .object(services.map { ($0.service, .int($0.anyReadyPPM)) })
      ),
      (
        "service_all_ready_ppm",
        .object(services.map { ($0.service, .int($0.allReadyPPM)) })
      ),
    ] + cost)
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
    out += "\(DecimalFormat.trimmed(Double(cpuUtilisationPPM) / 10_000, 1))% of allocatable; "
    out += "used \(DecimalFormat.trimmed(Double(cpuUsedPPM) / 10_000, 1))%. "
    out += "Memory requested \(DecimalFormat.trimmed(Double(memoryRequestedPPM) / 10_000, 1))%, "
    out += "used \(DecimalFormat.trimmed(Double(memoryUsedPPM) / 10_000, 1))%. "
    out += "Evictions: \(total(StandardMetric.evictions.name)); "
    out += "preemption victims: \(total(StandardMetric.preemptionVictims.name)); "
    out += "container restarts: \(total(StandardMetric.containerRestarts.name)); "
    out += "node NotReady periods: \(notReadyPeriods.count).\n"
    let ppn = podsPerNode
    out += "\nPods per node at the end (\(ppn.nodes) nodes): min \(ppn.min), median \(ppn.median), "
    out += "max \(ppn.max). Fragmentation (free CPU on nodes where no pending pod fits, mean): "
    out += "\(DecimalFormat.trimmed(Double(fragmentedCPUMeanMillis) / 1000, 3)) cores.\n"
    if hasCost {
      out += "\n| node pool | cost |\n|---|---:|\n"
      for p in costPerPool { out += "| \(p.pool) | \(Self.money(p.micros)) |\n" }
      out += "| **total** | **\(Self.money(costTotalMicros))** |\n"
    }
    return out
  }
}

extension RunMetrics {
  /// Micro-units as a decimal amount with 6 decimals (`0.096000`), own formatting.
  public static func money(_ micros: Int64) -> String {
    let sign = micros < 0 ? "-" : ""
    let m = micros.magnitude
    var f = String(m % 1_000_000)
    while f.count < 6 { f = "0" + f }
    return "\(sign)\(m / 1_000_000).\(f)"
  }
}
