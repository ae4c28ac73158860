import KubeSimTestSupport
import Testing

@testable import KubeSimReporting

@Suite struct ConfidenceChartTests {
  static var sample: ConfidenceChart {
    ConfidenceChart(
      title: "Pod startup p99", xFormat: .duration,
      rows: [
        ("default", SampleSummary([3_100_000, 2_900_000, 3_400_000, 3_000_000] as [Double])),
        ("binpack", SampleSummary([1_900_000, 2_000_000, 1_800_000, 2_100_000] as [Double])),
        ("spread", SampleSummary([3_000_000, 3_300_000, 2_800_000, 3_200_000] as [Double])),
        ("one seed", SampleSummary([2_500_000] as [Double])),
        ("none", SampleSummary([] as [Double])),
      ])
  }

  @Test func snapshot() {
    #expect(Snapshot.mismatch(Self.sample.svg(), named: "confidenceChart") == nil)
  }

  @Test func marksOnlySignificantRows() {
    let svg = Self.sample.svg()
    #expect(svg.contains(">binpack *</text>"))
    #expect(svg.contains(">spread</text>"))
    #expect(svg.contains(">no data</text>"))
    #expect(ChartStructureTests.isWellFormed(svg))
  }
}
