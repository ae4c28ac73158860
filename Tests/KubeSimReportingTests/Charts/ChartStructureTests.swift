import Foundation
import Testing

@testable import KubeSimReporting

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Structural checks that do not depend on exact coordinates: well-formed XML, escaping,
/// robustness against empty and odd input, determinism.
@Suite struct ChartStructureTests {
  /// Whether `text` parses as XML.
  static func isWellFormed(_ text: String) -> Bool {
    let parser = XMLParser(data: Data(text.utf8))
    return parser.parse()
  }

  static var allSamples: [String] {
    [
      SampleCharts.pendingPods.svg(), SampleCharts.timeline.svg(), SampleCharts.heatMap.svg(),
      SampleCharts.cdf.svg(),
    ]
  }

  @Test func everyChartIsWellFormedXML() {
    for svg in Self.allSamples { #expect(Self.isWellFormed(svg), "\(svg.prefix(200))") }
  }

  @Test func chartsAreDeterministic() {
    #expect(Self.allSamples == Self.allSamples)
  }

  @Test func labelsAreEscaped() {
    var chart = TimeSeriesChart(title: "<x> & \"y\"", yFormat: .percent)
    chart.series = [ChartSeries(name: "a<b", points: [ChartPoint(timeMicros: 0, value: 0.5)])]
    chart.markers = [TimelineMarker(label: "m&m", timeMicros: 0)]
    chart.intervals = [TimelineInterval(label: "'q'\u{1}", startMicros: 0, endMicros: 5)]
    let svg = chart.svg()
    #expect(Self.isWellFormed(svg))
    #expect(svg.contains(">a&lt;b</text>"))
    #expect(svg.contains(">m&amp;m</text>"))
    #expect(svg.contains(">&#39;q&#39;</text>"))
    #expect(svg.contains("aria-label=\"&lt;x&gt; &amp; &quot;y&quot;\""))
  }

  @Test func emptyAndOddInputStillDraws() {
    let empty = TimeSeriesChart(title: "nothing").svg()
    #expect(Self.isWellFormed(empty))
    #expect(empty.contains(">no data</text>"))
    var odd = TimeSeriesChart(title: "odd")
    odd.series = [
      ChartSeries(
        name: "s",
        points: [
          ChartPoint(timeMicros: 5, value: .nan), ChartPoint(timeMicros: 5, value: -.infinity),
          ChartPoint(timeMicros: -10, value: -3),
          ChartPoint(timeMicros: Int64.max / 2, value: 1e300),
        ])
    ]
    #expect(Self.isWellFormed(odd.svg()))
    #expect(!odd.svg().contains("nan"))
    #expect(Self.isWellFormed(TimelineChart(title: "t", rows: []).svg()))
    #expect(Self.isWellFormed(CDFChart(title: "c", xFormat: .duration, curves: []).svg()))
    let heat = HeatMapChart(
      title: "h", rowNames: ["a"], columnStartsMicros: [], endMicros: 0, values: [])
    #expect(Self.isWellFormed(heat.svg()))
  }

  @Test func cdfOfHistogramEndsAtOneAndThinsPoints() throws {
    var h = LogLinearHistogram()
    for v in 0..<5_000 { h.record(Int64(v) * 37) }
    let curve = CDFChart.Curve(name: "h", histogram: h)
    #expect(curve.steps.last?.fraction == 1)
    #expect(curve.steps.last?.value == Double(h.max ?? -1))
    let svg = CDFChart(title: "c", xFormat: .duration, curves: [curve]).svg()
    let path = try #require(svg.split(separator: "\n").first { $0.hasPrefix("<path") })
    // At most maxPoints steps (each an H and a V command) plus the start.
    #expect(path.filter { $0 == "H" }.count <= 401)
  }

  @Test func cdfOfHistogramReachingInt64MaxDoesNotOverflow() {
    var h = LogLinearHistogram()
    h.record(Int64.max)
    h.record(1)
    let curve = CDFChart.Curve(name: "h", histogram: h)
    #expect(curve.steps.map(\.fraction) == [0.5, 1])
    #expect(curve.steps.last?.value == Double(Int64.max))
    #expect(h.invariantViolation() == nil)
  }

  @Test func paletteAndViridisAreStable() {
    #expect(ChartPalette.series(0) == "#0072B2")
    #expect(ChartPalette.series(8) == "#0072B2")
    #expect(ChartPalette.dash(0) == nil)
    #expect(ChartPalette.dash(8) == "6 3")
    #expect(ChartPalette.viridis(0) == "#440154")
    #expect(ChartPalette.viridis(1) == "#FDE725")
    #expect(ChartPalette.viridis(0.5) == "#21908D")
    #expect(ChartPalette.viridis(0.0625) == "#461767")
    #expect(ChartPalette.viridis(.nan) == "#440154")
  }

  @Test func manyMarkersAtOneInstantAreLabelledOnce() {
    var chart = TimeSeriesChart(title: "burst")
    chart.series = [
      ChartSeries(
        name: "s",
        points: [
          ChartPoint(timeMicros: 0, value: 1),
          ChartPoint(timeMicros: 100_000_000, value: 1),
        ])
    ]
    chart.markers = (0..<30).map { _ in TimelineMarker(label: "eviction", timeMicros: 50_000_000) }
    let svg = chart.svg()
    #expect(svg.contains(">eviction ×30</text>"))
    #expect(svg.components(separatedBy: "stroke-dasharray=\"3 3\"").count - 1 == 1)
  }
}
