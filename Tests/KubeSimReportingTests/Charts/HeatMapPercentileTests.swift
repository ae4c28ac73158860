import Testing

@testable import KubeSimReporting

@Suite struct HeatMapPercentileTests {
  @Test func summarisesRowsPerColumn() {
    let values: [[Double?]] = [
      [0.1, nil, 0.5],
      [0.2, 0.4, .nan],
      [0.3, 0.6],
      [0.4, 0.8, 0.7],
    ]
    let (names, rows) = HeatMapChart.percentileRows(
      of: values, columns: 4, percentiles: [100, 50, 0])
    #expect(names == ["max", "p50", "min"])
    #expect(rows[0] == [0.4, 0.8, 0.7, nil])
    #expect(rows[1] == [0.2, 0.6, 0.5, nil])
    #expect(rows[2] == [0.1, 0.4, 0.5, nil])
    #expect(HeatMapChart.percentileRows(of: [], columns: 1, percentiles: [99.5]).names == ["p99.5"])
  }

  /// 5,000 nodes × 120 columns: the summary keeps the chart small (5 rows), and it is fast.
  @Test func scalesToFiveThousandNodes() {
    var state: UInt64 = 3
    let values: [[Double?]] = (0..<5_000).map { _ in
      (0..<120).map { _ in
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Double(state >> 40) / Double(1 << 24)
      }
    }
    let (names, rows) = HeatMapChart.percentileRows(of: values, columns: 120)
    let chart = HeatMapChart(
      title: "CPU", rowNames: names, columnStartsMicros: (0..<120).map { Int64($0) * 5_000_000 },
      endMicros: 600_000_000, values: rows)
    let svg = chart.svg()
    #expect(svg.utf8.count < 200_000)
    #expect(svg == chart.svg())
  }
}
