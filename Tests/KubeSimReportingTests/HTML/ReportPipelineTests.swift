import Foundation
import Testing

@testable import KubeSimReporting

/// The whole pipeline on synthetic events: registry → series, histograms → charts → page.
/// Shows how issue 7's writers are meant to use these pieces.
@Suite struct ReportPipelineTests {
  static let second: Int64 = 1_000_000

  /// A 4-node cluster, 10 minutes: node-3 fails at 2m, NotReady at 2m40s, its pods are evicted
  /// at 7m40s (300 s toleration), and it recovers at 9m.
  static func run() -> (registry: MetricsRegistry, page: ReportPage) {
    var r = MetricsRegistry(intervalMicros: 5 * second, seriesCapacity: 64)
    let nodes = ["node-1", "node-2", "node-3", "node-4"]
    var podsOn = [3, 3, 3, 3]
    var pending = 0
    var state: UInt64 = 11
    for s in 0...600 {
      let t = Int64(s) * second
      r.advance(to: t)
      if t == 460 * second {
        r.increment(StandardMetric.evictions.key("taint"), by: Int64(podsOn[2]))
        pending += podsOn[2]
        podsOn[2] = 0
      }
      if t == 470 * second, pending > 0 {
        for i in [0, 1, 3] where pending > 0 {
          podsOn[i] += 1
          pending -= 1
          state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
          r.record(StandardMetric.podStartupLatency.key(), 1_000_000 + Int64(state >> 44))
        }
      }
      for (i, n) in nodes.enumerated() {
        r.set(StandardMetric.nodePods.key(n), Int64(podsOn[i]))
        r.set(StandardMetric.nodeCPURequested.key(n), Int64(podsOn[i]) * 250)
      }
      r.set(StandardMetric.pendingPods.key("active"), Int64(pending))
    }
    var page = ReportPage(title: "node-failure (synthetic)", subtitle: "4 nodes · 10m")
    page.heading("Pods and the node failure")
    var chart = TimeSeriesChart(title: "Pods", yAxisTitle: "pods", yFormat: .number(decimals: 0))
    chart.series = nodes.map {
      ChartSeries(name: $0, series: r.series(StandardMetric.nodePods.key($0)), aggregate: .last)
    }
    chart.series.append(
      ChartSeries(
        name: "pending", series: r.series(StandardMetric.pendingPods.key("active")),
        aggregate: .max))
    chart.intervals = [
      TimelineInterval(label: "node-3 NotReady", startMicros: 160 * second, endMicros: 540 * second)
    ]
    chart.markers = [TimelineMarker(label: "eviction", timeMicros: 460 * second)]
    page.chart(
      chart.svg(),
      caption: "node-3 stops at 2m, is NotReady from 2m40s, its pods are "
        + "evicted at 7m40s and rescheduled; it recovers at 9m.")
    page.heading("CPU requested per node")
    let columns = TimeSeries.uniformColumns(from: 0, to: 600 * second, count: 40)
    let heat = HeatMapChart(
      title: "CPU requested / allocatable (1 core per node)", rowNames: nodes,
      columnStartsMicros: columns, endMicros: 600 * second,
      values: nodes.map {
        r.series(StandardMetric.nodeCPURequested.key($0)).values(
          inColumns: columns, end: 600 * second
        )
        .map { $0.map { $0 / 1000 } }
      })
    page.chart(heat.svg())
    page.heading("Pod startup latency")
    let h = r.histogram(StandardMetric.podStartupLatency.key())
    page.chart(
      CDFChart(
        title: "Pod startup latency", xAxisTitle: "latency", xFormat: .duration,
        curves: [.init(name: "rescheduled pods", histogram: h)]
      ).svg())
    page.keyValues(
      LogLinearHistogram.reportedPercentiles.map {
        (
          $0.name,
          UnitFormat.duration(micros: h.percentile($0.percentile) ?? 0, significantDigits: 3)
        )
      })
    return (r, page)
  }

  @Test func pipelineIsDeterministicAndComplete() throws {
    let (r, page) = Self.run()
    let html = page.html()
    #expect(html == Self.run().page.html())
    #expect(r.value(StandardMetric.evictions.key("taint")) == 3)
    #expect(r.histogram(StandardMetric.podStartupLatency.key()).count == 3)
    // 121 samples (every 5 s for 10 min) in at most 64 points: stride 2.
    #expect(r.series(StandardMetric.nodePods.key("node-3")).stride == 2)
    #expect(html.contains(">eviction</text>"))
    #expect(html.contains(">node-3 NotReady</text>"))
    #expect(r.csv().hasPrefix(MetricsRegistry.csvHeader + "\n"))
    if let path = ProcessInfo.processInfo.environment["KUBESIM_SAMPLE_PIPELINE_REPORT"] {
      try html.write(toFile: path, atomically: true, encoding: .utf8)
    }
  }
}
