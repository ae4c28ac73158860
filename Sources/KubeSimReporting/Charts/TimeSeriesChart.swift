/// A line or step chart of one or more series over simulated time, with axes, ticks, units and
/// a legend, optionally overlaid with timeline bands (faults, rollouts) and point markers
/// (evictions), as an inline SVG string.
///
/// Layout: title, legend (wrapping), an annotation strip naming the bands, then the plot. The
/// y axis starts at 0 unless values are negative. Markers with the same label closer than
/// 24 px are drawn as separate lines but labelled once with a count (`eviction ×12`), so a burst
/// stays readable. Output is a pure function of the fields: same input, same bytes.
///
/// ```swift
/// var chart = TimeSeriesChart(title: "Pending pods", yFormat: .number(decimals: 0))
/// chart.series = [ChartSeries(name: "pending", series: registry.series(key), aggregate: .max)]
/// chart.intervals = [TimelineInterval(label: "node-3 NotReady", startMicros: a, endMicros: b)]
/// let svg = chart.svg()
/// ```
public struct TimeSeriesChart: Sendable {
  /// The title above the chart (also its accessible name).
  public var title: String
  /// The y axis title, with its unit (for example "CPU requested (cores)").
  public var yAxisTitle: String?
  /// How y tick labels are printed.
  public var yFormat: ValueFormat
  /// The series, drawn in order with `ChartPalette.series` colours.
  public var series: [ChartSeries] = []
  /// Bands drawn behind the series.
  public var intervals: [TimelineInterval] = []
  /// Instants drawn as dashed vertical lines.
  public var markers: [TimelineMarker] = []
  /// Step lines (a value holds until the next sample, right for sampled gauges) or straight.
  public var step = true
  /// The time range shown; by default the range of the data and annotations.
  public var timeRangeMicros: ClosedRange<Int64>?
  /// Width in pixels.
  public var width = 720.0
  /// Height in pixels.
  public var height = 320.0

  /// A chart with no series yet.
  public init(title: String, yAxisTitle: String? = nil, yFormat: ValueFormat = .number(decimals: 2))
  {
    self.title = title
    self.yAxisTitle = yAxisTitle
    self.yFormat = yFormat
  }

  /// The chart as a complete `<svg>` element.
  public func svg() -> String {
    let hasAnnotations = !intervals.isEmpty || !markers.isEmpty
    let legendRows = ChartLegend.rows(series.map(\.name), maxWidth: width - 80)
    let top = 32 + Double(legendRows) * 18 + (hasAnnotations ? 22 : 8)
    let plotHeight = max(40, height - top - 48)
    var svg = SVGWriter(width: width, height: max(height, top + plotHeight + 48))
    svg.text(title, x: 12, y: 20, size: 14, weight: "bold")
    let legend = series.enumerated().map { i, s in
      (name: s.name, colour: ChartPalette.series(i), dash: ChartPalette.dash(i))
    }
    ChartLegend.draw(&svg, entries: legend, x: 64, y: 40, maxWidth: width - 80)
    let plot = PlotArea(
      left: 64, top: top, width: max(40, width - 64 - 20), height: plotHeight,
      x: timeScale(ticks: Self.tickCount(forWidth: width - 84)), y: valueScale())
    drawIntervals(&svg, plot)
    let tickFormat = yFormat.forTicks(of: plot.y)
    plot.drawAxes(
      &svg, xFormat: { ValueFormat.duration.format($0) }, yFormat: { tickFormat.format($0) },
      xTitle: "simulated time", yTitle: yAxisTitle)
    drawMarkers(&svg, plot)
    for (i, s) in series.enumerated() {
      let pts = s.points.filter { $0.value.isFinite }.map {
        (x: plot.px(Double($0.timeMicros)), y: plot.py($0.value))
      }
      svg.path(pts, stroke: ChartPalette.series(i), step: step, dash: ChartPalette.dash(i))
    }
    if series.allSatisfy({ $0.points.isEmpty }) {
      svg.text(
        "no data", x: plot.left + plot.width / 2, y: plot.top + plot.height / 2,
        anchor: "middle", fill: "#888888")
    }
    return svg.render(title: title)
  }

  /// About one tick per 90 px, between 2 and 8, so tick labels never collide.
  static func tickCount(forWidth width: Double) -> Int { max(2, min(8, Int(width / 90))) }

  private func timeScale(ticks: Int) -> NiceScale {
    if let r = timeRangeMicros {
      return NiceScale(timeMinMicros: r.lowerBound, maxMicros: r.upperBound, targetTicks: ticks)
    }
    var times = series.flatMap { $0.points.map(\.timeMicros) }
    times += intervals.flatMap { [$0.startMicros, $0.endMicros] }
    times += markers.map(\.timeMicros)
    return NiceScale(
      timeMinMicros: times.min() ?? 0, maxMicros: times.max() ?? 0, targetTicks: ticks)
  }

  private func valueScale() -> NiceScale {
    let values = series.flatMap { $0.points.map(\.value) }.filter(\.isFinite)
    let lo = min(0, values.min() ?? 0)
    var hi = values.max() ?? 1
    if hi <= lo { hi = lo + 1 }
    return NiceScale(min: lo, max: hi, targetTicks: 5, minimumStep: yFormat.minimumStep)
  }

  private func drawIntervals(_ svg: inout SVGWriter, _ plot: PlotArea) {
    for band in intervals {
      let x1 = plot.px(Double(band.startMicros))
      let x2 = max(plot.px(Double(band.endMicros)), x1 + 1)
      let tip =
        "\(band.label): \(UnitFormat.duration(micros: band.startMicros))"
        + " – \(UnitFormat.duration(micros: band.endMicros))"
      svg.rect(
        x: x1, y: plot.top, width: x2 - x1, height: plot.height, fill: band.colour,
        opacity: 0.45, title: tip)
      svg.rect(x: x1, y: plot.top - 18, width: x2 - x1, height: 4, fill: band.colour)
      svg.text(band.label, x: x1, y: plot.top - 20 + 0, size: 11, fill: "#333333")
    }
  }

  private func drawMarkers(_ svg: inout SVGWriter, _ plot: PlotArea) {
    let sorted = markers.enumerated().sorted {
      ($0.element.timeMicros, $0.offset) < ($1.element.timeMicros, $1.offset)
    }.map(\.element)
    var i = 0
    var labelRow = 0
    while i < sorted.count {
      var j = i + 1
      let x0 = plot.px(Double(sorted[i].timeMicros))
      while j < sorted.count, sorted[j].label == sorted[i].label,
        plot.px(Double(sorted[j].timeMicros)) - x0 < 24
      {
        j += 1
      }
      var drawn = ""
      for m in sorted[i..<j] {
        let x = plot.px(Double(m.timeMicros))
        // Markers on the same pixel column are drawn once.
        guard SVGWriter.n(x.rounded()) != drawn else { continue }
        drawn = SVGWriter.n(x.rounded())
        svg.line(x1: x, y1: plot.top, x2: x, y2: plot.bottom, stroke: "#333333", dash: "3 3")
      }
      let count = j - i
      let label = count > 1 ? "\(sorted[i].label) ×\(count)" : sorted[i].label
      let y = plot.top + 12 + Double(labelRow % 3) * 13
      if x0 + 3 + ChartLegend.textWidth(label) > plot.right {
        svg.text(label, x: x0 - 3, y: y, anchor: "end", size: 11, fill: "#333333")
      } else {
        svg.text(label, x: x0 + 3, y: y, size: 11, fill: "#333333")
      }
      labelRow += 1
      i = j
    }
  }
}
