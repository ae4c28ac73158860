@testable import KubeSimReporting

/// Small synthetic charts shared by the snapshot, structure and page tests: a 3-node cluster
/// where node-2 goes NotReady at 2m, its pods are evicted at 2m40s, and it recovers at 5m.
enum SampleCharts {
  static let second: Int64 = 1_000_000

  static var pendingPods: TimeSeriesChart {
    var chart = TimeSeriesChart(title: "Pods", yAxisTitle: "pods", yFormat: .number(decimals: 0))
    let running: [Double] = [0, 6, 12, 12, 12, 8, 8, 12, 12, 12, 12]
    let pending: [Double] = [12, 6, 0, 0, 0, 4, 4, 0, 0, 0, 0]
    chart.series = [
      ChartSeries(
        name: "running",
        points: running.enumerated().map {
          ChartPoint(timeMicros: Int64($0.offset) * 30 * second, value: $0.element)
        }),
      ChartSeries(
        name: "pending",
        points: pending.enumerated().map {
          ChartPoint(timeMicros: Int64($0.offset) * 30 * second, value: $0.element)
        }),
    ]
    chart.intervals = [
      TimelineInterval(label: "node-2 NotReady", startMicros: 120 * second, endMicros: 300 * second)
    ]
    chart.markers =
      (0..<4).map {
        TimelineMarker(label: "eviction", timeMicros: 160 * second + Int64($0) * 1_000)
      }
      + [TimelineMarker(label: "node-2 Ready", timeMicros: 300 * second)]
    return chart
  }

  static var timeline: TimelineChart {
    TimelineChart(
      title: "Faults and rollouts",
      rows: [
        .init(
          name: "node-2",
          intervals: [
            TimelineInterval(label: "NotReady", startMicros: 120 * second, endMicros: 300 * second)
          ], markers: [TimelineMarker(label: "eviction", timeMicros: 160 * second)]),
        .init(
          name: "deploy/web",
          intervals: [
            TimelineInterval(
              label: "rollout", startMicros: 30 * second, endMicros: 90 * second, category: 2)
          ]),
      ])
  }

  static var heatMap: HeatMapChart {
    let cpu: [[Double?]] = [
      [0.2, 0.5, 0.6, 0.6],
      [0.2, 0.5, nil, 0.3],
      [0.1, 0.4, 0.9, 0.7],
    ]
    return HeatMapChart(
      title: "CPU requested / allocatable", rowNames: ["node-1", "node-2", "node-3"],
      columnStartsMicros: [0, 90 * second, 180 * second, 270 * second], endMicros: 360 * second,
      values: cpu)
  }

  static var cdf: CDFChart {
    CDFChart(
      title: "Pod startup latency", xAxisTitle: "latency", xFormat: .duration,
      curves: [
        .init(name: "default", values: [1_200_000, 1_500_000, 2_000_000, 2_000_000, 9_000_000]),
        .init(name: "binpack", values: [1_100_000, 1_300_000, 1_400_000, 3_000_000]),
      ])
  }
}
