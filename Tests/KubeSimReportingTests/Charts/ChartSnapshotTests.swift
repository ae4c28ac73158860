import KubeSimTestSupport
import Testing

@testable import KubeSimReporting

/// Exact SVG text of small charts (re-record with `KUBESIM_RECORD_SNAPSHOTS=1`).
@Suite struct ChartSnapshotTests {
  @Test func timeSeriesWithTimelineOverlay() {
    #expect(Snapshot.mismatch(SampleCharts.pendingPods.svg(), named: "timeSeriesChart") == nil)
  }

  @Test func timelineBands() {
    #expect(Snapshot.mismatch(SampleCharts.timeline.svg(), named: "timelineChart") == nil)
  }

  @Test func heatMap() {
    #expect(Snapshot.mismatch(SampleCharts.heatMap.svg(), named: "heatMapChart") == nil)
  }

  @Test func cdf() {
    #expect(Snapshot.mismatch(SampleCharts.cdf.svg(), named: "cdfChart") == nil)
  }

  @Test func smallestChartInline() {
    var chart = TimeSeriesChart(title: "a<b", yFormat: .number(decimals: 0))
    chart.width = 200
    chart.height = 120
    chart.series = [
      ChartSeries(
        name: "x",
        points: [
          ChartPoint(timeMicros: 0, value: 1), ChartPoint(timeMicros: 10_000_000, value: 2),
        ])
    ]
    #expect(
      chart.svg() == """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 146" width="200" height="146" \
        role="img" aria-label="a&lt;b" font-family="sans-serif" font-size="12">
        <title>a&lt;b</title>
        <rect x="0" y="0" width="200" height="146" fill="#FFFFFF"/>
        <text x="12" y="20" font-size="14" font-weight="bold">a&lt;b</text>
        <line x1="64" y1="36" x2="80" y2="36" stroke="#0072B2" stroke-width="3"/>
        <text x="86" y="40">x</text>
        <line x1="64" y1="98" x2="180" y2="98" stroke="#E5E5E5"/>
        <text x="58" y="102" text-anchor="end" fill="#444444">0</text>
        <line x1="64" y1="78" x2="180" y2="78" stroke="#E5E5E5"/>
        <text x="58" y="82" text-anchor="end" fill="#444444">1</text>
        <line x1="64" y1="58" x2="180" y2="58" stroke="#E5E5E5"/>
        <text x="58" y="62" text-anchor="end" fill="#444444">2</text>
        <line x1="64" y1="98" x2="64" y2="103" stroke="#666666"/>
        <text x="64" y="116" text-anchor="middle" fill="#444444">0s</text>
        <line x1="122" y1="98" x2="122" y2="103" stroke="#666666"/>
        <text x="122" y="116" text-anchor="middle" fill="#444444">5s</text>
        <line x1="180" y1="98" x2="180" y2="103" stroke="#666666"/>
        <text x="180" y="116" text-anchor="middle" fill="#444444">10s</text>
        <line x1="64" y1="98" x2="180" y2="98" stroke="#666666"/>
        <line x1="64" y1="58" x2="64" y2="98" stroke="#666666"/>
        <text x="122" y="134" text-anchor="middle" fill="#444444">simulated time</text>
        <path d="M64 78H180V58" fill="none" stroke="#0072B2" stroke-width="2" stroke-linejoin="round"/>
        </svg>

        """)
  }
}
