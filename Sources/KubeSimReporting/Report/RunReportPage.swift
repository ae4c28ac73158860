import KubeSimKernel
import KubeSimScenario

/// `report.html` of one run: headline numbers, then charts a student can read without
/// explanation — cluster health (nodes Ready, pending pods, evictions, with NotReady periods
/// shaded), CPU requested, a per-node utilisation heat map, latency CDFs, a timeline of faults
/// and rollouts — and tables of latency percentiles and Service availability.
public enum RunReportPage {
  /// One timeline action for the faults-and-rollouts chart: time and `kubectl` text.
  public typealias Action = (timeMicros: Int64, text: String)

  /// The complete page.
  public static func html(summary: RunSummary, metrics m: RunMetrics, actions: [Action]) -> String {
    let r = summary.report
    let end = max(m.endMicros, 1)
    var page = ReportPage(
      title: summary.scenario,
      subtitle: "seed \(r.seed) · \(r.endTime.description) simulated · \(r.processedEvents) events · "
        + (r.succeeded ? "expectations pass" : "expectations FAIL"))
    page.keyValues([
      ("pods created", "\(r.podsCreated)"), ("pods scheduled", "\(r.podsScheduled)"),
      ("running at end", "\(r.podsRunningAtEnd)"), ("pending at end", "\(r.podsPendingAtEnd)"),
      ("evictions", "\(m.total(StandardMetric.evictions.name))"),
      ("preemption victims", "\(m.total(StandardMetric.preemptionVictims.name))"),
      ("container restarts", "\(m.total(StandardMetric.containerRestarts.name))"),
      ("CPU requested (mean)", DecimalFormat.trimmed(Double(m.cpuUtilisationPPM) / 10_000, 1) + "%"),
      ("CPU used (mean)", DecimalFormat.trimmed(Double(m.cpuUsedPPM) / 10_000, 1) + "%"),
      ("pods per node at end (min / median / max)", "\(m.podsPerNode.min) / \(m.podsPerNode.median) / \(m.podsPerNode.max)"),
      ("fragmented CPU (mean)", DecimalFormat.trimmed(Double(m.fragmentedCPUMeanMillis) / 1000, 3) + " cores"),
    ] + (m.hasCost ? [("cost", RunMetrics.money(m.costTotalMicros))] : []))

    let reg = m.registry
    let bands = m.notReadyPeriods.map {
      TimelineInterval(
        label: "\($0.node) NotReady", startMicros: $0.startMicros, endMicros: $0.endMicros ?? end,
        category: 2)
    }
    let actionMarkers = actions.map { TimelineMarker(label: $0.text, timeMicros: $0.timeMicros) }

    page.heading("Cluster health")
    var health = TimeSeriesChart(title: "Nodes Ready, pods Ready, pending pods and evictions", yAxisTitle: "count", yFormat: .number(decimals: 0))
    health.series = [
      ChartSeries(name: "nodes Ready", series: reg.series(MetricsRecorder.nodesReady), aggregate: .min),
      ChartSeries(name: "pods Ready", series: reg.series(MetricsRecorder.podsReady), aggregate: .min),
      ChartSeries(name: "pending pods", series: reg.series(StandardMetric.pendingPods.key("unbound")), aggregate: .max),
      ChartSeries(name: "evictions (cumulative)", series: evictionSeries(m)),
    ]
    health.intervals = bands
    health.markers = actionMarkers
    health.timeRangeMicros = 0...end
    page.chart(
      health.svg(),
      caption: "Shaded: a node not Ready. Dashed lines: timeline actions. Recovery shows as "
        + "pods Ready climbing back after the evictions, and pending pods returning to zero.")

    page.heading("CPU and memory: used, requested, allocatable")
    var cpu = TimeSeriesChart(title: "Cluster CPU: used, requested and allocatable", yAxisTitle: "CPU (cores)", yFormat: .number(decimals: 1))
    cpu.series = [
      ChartSeries(name: "allocatable", series: reg.series(MetricsRecorder.clusterCPUAllocatable), scale: 0.001),
      ChartSeries(name: "requested", series: reg.series(MetricsRecorder.clusterCPURequested), scale: 0.001),
      ChartSeries(name: "used", series: reg.series(MetricsRecorder.clusterCPUUsed), scale: 0.001),
      ChartSeries(name: "fragmented (free, no pending pod fits)", series: reg.series(StandardMetric.fragmentedCPU.key()), scale: 0.001),
    ]
    cpu.intervals = bands
    cpu.timeRangeMicros = 0...end
    page.chart(
      cpu.svg(),
      caption: "Requested: the CPU requests of bound pods (what the scheduler packs). Used: what "
        + "metrics-server reports (kubectl top; 60 s resolution). Allocatable: what the nodes offer.")
    var memory = TimeSeriesChart(title: "Cluster memory: used, requested and allocatable", yAxisTitle: "memory (GiB)", yFormat: .number(decimals: 1))
    let gib = 1.0 / 1_073_741_824
    memory.series = [
      ChartSeries(name: "allocatable", series: reg.series(MetricsRecorder.clusterMemoryAllocatable), scale: gib),
      ChartSeries(name: "requested", series: reg.series(MetricsRecorder.clusterMemoryRequested), scale: gib),
      ChartSeries(name: "used", series: reg.series(MetricsRecorder.clusterMemoryUsed), scale: gib),
    ]
    memory.intervals = bands
    memory.timeRangeMicros = 0...end
    page.chart(memory.svg(), caption: "The same for memory (working set as metrics-server reports it).")

    if let heat = heatMap(m, end: end, metric: StandardMetric.nodeCPURequested, what: "requested") {
      page.heading("Per-node utilisation")
      page.chart(heat, caption: "CPU requested / allocatable per node over time (darker is fuller).")
      if let used = heatMap(m, end: end, metric: StandardMetric.nodeCPUUsed, what: "used") {
        page.chart(used, caption: "CPU used / allocatable per node over time (darker is busier).")
      }
    }

    if m.hasCost {
      page.heading("Cost")
      var costChart = TimeSeriesChart(title: "Cluster cost so far", yAxisTitle: "cost (currency units)", yFormat: .number(decimals: 2))
      costChart.series = [
        ChartSeries(name: "cost (cumulative)", series: reg.series(MetricsRecorder.clusterCostMicros), scale: 0.000_001)
      ]
      costChart.intervals = bands
      costChart.timeRangeMicros = 0...end
      page.chart(costChart.svg(), caption: "Node cost integrated over time from each node's sim.kubesim.io/cost-per-hour.")
      var t = ReportTable(caption: "Cost per node pool", columns: [ReportTable.Column("pool"), ReportTable.Column("cost", alignment: .right)])
      for p in m.costPerPool { t.rows.append([ReportCell(p.pool), ReportCell(RunMetrics.money(p.micros))]) }
      t.rows.append([ReportCell("total", emphasized: true), ReportCell(RunMetrics.money(m.costTotalMicros), emphasized: true)])
      page.table(t)
    }

    page.heading("Latencies")
    let curves = RunMetrics.latencies.compactMap { l -> CDFChart.Curve? in
      let h = reg.mergedHistogram(named: l.metric)
      // A curve needs spread: the binding histogram is all zeros in KubeSim (synchronous bind).
      return h.isEmpty || (h.max ?? 0) == 0 ? nil : CDFChart.Curve(name: l.title, histogram: h)
    }
    if curves.isEmpty {
      page.paragraph("No pod started or was scheduled during the run.")
    } else {
      let cdf = CDFChart(title: "Latency distributions (CDF)", xAxisTitle: "latency", xFormat: .duration, curves: curves)
      page.chart(cdf.svg(), caption: "Fraction of pods (y) with a latency at most x.")
    }
    var table = ReportTable(
      caption: "Latency percentiles",
      columns: [ReportTable.Column("latency"), ReportTable.Column("count", alignment: .right)]
        + ["p50", "p90", "p99", "max"].map { ReportTable.Column($0, alignment: .right) })
    for l in RunMetrics.latencies {
      let h = reg.mergedHistogram(named: l.metric)
      let f: (Int64?) -> ReportCell = { ReportCell($0.map { UnitFormat.duration(micros: $0, significantDigits: 3) } ?? "–") }
      table.rows.append([
        ReportCell(l.title), ReportCell("\(h.count)"), f(h.percentile(50)), f(h.percentile(90)),
        f(h.percentile(99)), f(h.max),
      ])
    }
    page.table(table)

    page.heading("Faults and rollouts")
    var rows = [TimelineChart.Row(name: "timeline actions", markers: actionMarkers)]
    var nodesWithPeriods: [String] = []
    for p in m.notReadyPeriods where !nodesWithPeriods.contains(p.node) { nodesWithPeriods.append(p.node) }
    for node in nodesWithPeriods {
      rows.append(TimelineChart.Row(name: node, intervals: bands.filter { $0.label == "\(node) NotReady" }))
    }
    if !m.scalings.isEmpty {
      rows.append(TimelineChart.Row(
        name: "rollouts and scaling", markers: m.scalings.map { TimelineMarker(label: "\($0.deployment): \($0.message)", timeMicros: $0.timeMicros) }))
    }
    if !m.disruptions.isEmpty {
      rows.append(TimelineChart.Row(
        name: "evictions", markers: m.disruptions.map { TimelineMarker(label: "\($0.reason): \($0.pod)", timeMicros: $0.timeMicros) }))
    }
    page.chart(TimelineChart(title: "Timeline", rows: rows, timeRangeMicros: 0...end).svg(), caption: "What happened when.")
    if !actions.isEmpty {
      var t = ReportTable(caption: "Timeline actions", columns: [ReportTable.Column("at", alignment: .right), ReportTable.Column("kubectl")])
      for a in actions { t.rows.append([ReportCell(UnitFormat.duration(micros: a.timeMicros)), ReportCell(a.text)]) }
      page.table(t)
    }

    if !m.services.isEmpty {
      page.heading("Service availability")
      var t = ReportTable(
        caption: "Fraction of time, from the first moment every desired pod was ready to the end",
        columns: [ReportTable.Column("Service"), ReportTable.Column("≥1 endpoint ready", alignment: .right), ReportTable.Column("all desired ready", alignment: .right)])
      for s in m.services {
        t.rows.append([
          ReportCell(s.service),
          ReportCell(RunSummary.percent(s.anyReadyPPM), emphasized: s.anyReadyPPM < 1_000_000),
          ReportCell(RunSummary.percent(s.allReadyPPM), emphasized: s.allReadyPPM < 1_000_000),
        ])
      }
      page.table(t)
    }
    trafficSection(&page, m, end: end, markers: actionMarkers)
    return page.html()
  }

  /// Cumulative evictions and preemptions as a step series at each disruption.
  static func evictionSeries(_ m: RunMetrics) -> TimeSeries {
    var s = TimeSeries(capacity: 512)
    s.append(time: 0, value: 0)
    var n: Int64 = 0
    for d in m.disruptions {
      n += 1
      if let last = s.points.last, last.startMicros >= d.timeMicros { continue }
      s.append(time: d.timeMicros, value: n)
    }
    s.append(time: max(m.endMicros, (s.points.last?.startMicros ?? 0) + 1), value: n)
    return s
  }

  /// The per-node CPU heat map of `metric` (requested or used) over allocatable (percentile
  /// rows beyond 40 nodes), nil without nodes.
  static func heatMap(_ m: RunMetrics, end: Int64, metric: StandardMetric, what: String) -> String? {
    let reg = m.registry
    let nodes = reg.keys.filter { $0.name == metric.name }
    guard !nodes.isEmpty else { return nil }
    let interval = reg.intervalMicros
    let columns = Int(min(120, max(1, end / interval)))
    let width = max(interval, (end + Int64(columns) - 1) / Int64(columns))
    var values: [[Double?]] = []
    var names: [String] = []
    for key in nodes {
      let node = key.label("node") ?? ""
      let alloc = reg.series(MetricsRecorder.nodeCPUAllocatable.key(node)).points
      var row = [Double?](repeating: nil, count: columns)
      for p in reg.series(key).points {
        let c = Int(min(Int64(columns - 1), p.startMicros / width))
        let a = alloc.last(where: { $0.startMicros <= p.startMicros })?.last ?? 0
        if a > 0 { row[c] = max(row[c] ?? 0, Double(p.max) / Double(a)) }
      }
      values.append(row)
      names.append(node)
    }
    let starts = (0..<columns).map { Int64($0) * width }
    if names.count > 40 {
      let s = HeatMapChart.percentileRows(of: values, columns: columns)
      return HeatMapChart(title: "CPU \(what) / allocatable (percentiles over nodes)", rowNames: s.names, columnStartsMicros: starts, endMicros: end, values: s.values).svg()
    }
    return HeatMapChart(title: "CPU \(what) / allocatable per node", rowNames: names, columnStartsMicros: starts, endMicros: end, values: values).svg()
  }
}
