/// A timeline band chart: one row per subject (a node, a deployment), each with intervals
/// (NotReady, rollout) as coloured bands and instants (eviction) as ticks, as an inline SVG.
///
/// Rows are drawn in the given order (callers sort them). Same input, same bytes.
public struct TimelineChart: Sendable {
  /// One row of the chart.
  public struct Row: Equatable, Sendable {
    /// The row name at the left.
    public var name: String
    /// Bands in this row.
    public var intervals: [TimelineInterval]
    /// Instants in this row.
    public var markers: [TimelineMarker]

    /// A row.
    public init(name: String, intervals: [TimelineInterval] = [], markers: [TimelineMarker] = []) {
      self.name = name
      self.intervals = intervals
      self.markers = markers
    }
  }

  /// The title above the chart.
  public var title: String
  /// The rows, top to bottom.
  public var rows: [Row]
  /// The time range shown; by default the range of the annotations.
  public var timeRangeMicros: ClosedRange<Int64>?
  /// Width in pixels.
  public var width = 720.0
  /// Height of one row in pixels.
  public var rowHeight = 22.0

  /// A chart of `rows`.
  public init(title: String, rows: [Row], timeRangeMicros: ClosedRange<Int64>? = nil) {
    self.title = title
    self.rows = rows
    self.timeRangeMicros = timeRangeMicros
  }

  /// The chart as a complete `<svg>` element.
  public func svg() -> String {
    let nameWidth = min(220, max(60, rows.map { ChartLegend.textWidth($0.name) }.max() ?? 60) + 12)
    // Legend: one entry per distinct (category, first label word) in first-seen order.
    var legend: [(name: String, colour: String, dash: String?)] = []
    var seen: [Int] = []
    for band in rows.flatMap(\.intervals) where !seen.contains(band.category) {
      seen.append(band.category)
      legend.append((name: band.label, colour: band.colour, dash: nil))
    }
    var markerLabels: [String] = []
    for m in rows.flatMap(\.markers) where !markerLabels.contains(m.label) {
      markerLabels.append(m.label)
    }
    if !markerLabels.isEmpty {
      legend.append((name: markerLabels.joined(separator: ", "), colour: "#000000", dash: nil))
    }
    let plotTop = 32.0 + (legend.isEmpty ? 8 : 26)
    let plotHeight = max(rowHeight, Double(rows.count) * rowHeight)
    let height = plotTop + plotHeight + 48
    var svg = SVGWriter(width: width, height: height)
    svg.text(title, x: 12, y: 20, size: 14, weight: "bold")
    ChartLegend.draw(
      &svg, entries: legend, x: nameWidth, y: 44, maxWidth: width - nameWidth - 20, swatch: "box",
      markerEntries: markerLabels.isEmpty ? 0 : 1)
    let plot = PlotArea(
      left: nameWidth, top: plotTop, width: max(40, width - nameWidth - 20), height: plotHeight,
      x: timeScale(ticks: TimeSeriesChart.tickCount(forWidth: width - nameWidth - 20)),
      y: NiceScale(min: 0, max: Double(max(1, rows.count)), targetTicks: 1))
    for t in plot.x.ticks {
      let x = plot.px(t)
      svg.line(x1: x, y1: plot.top, x2: x, y2: plot.bottom, stroke: "#E5E5E5")
      svg.line(x1: x, y1: plot.bottom, x2: x, y2: plot.bottom + 5, stroke: "#666666")
      svg.text(
        ValueFormat.duration.format(t), x: x, y: plot.bottom + 18, anchor: "middle",
        fill: "#444444")
    }
    svg.line(x1: plot.left, y1: plot.bottom, x2: plot.right, y2: plot.bottom, stroke: "#666666")
    svg.text(
      "simulated time", x: plot.left + plot.width / 2, y: plot.bottom + 36,
      anchor: "middle", fill: "#444444")
    for (r, row) in rows.enumerated() {
      let y = plot.top + Double(r) * rowHeight
      if r % 2 == 1 {
        svg.rect(x: plot.left, y: y, width: plot.width, height: rowHeight, fill: "#F6F6F6")
      }
      svg.text(row.name, x: nameWidth - 8, y: y + rowHeight / 2 + 4, anchor: "end")
      for band in row.intervals {
        let x1 = plot.px(Double(band.startMicros))
        let x2 = max(plot.px(Double(band.endMicros)), x1 + 2)
        let tip =
          "\(band.label): \(UnitFormat.duration(micros: band.startMicros))"
          + " – \(UnitFormat.duration(micros: band.endMicros))"
        svg.rect(
          x: x1, y: y + 3, width: x2 - x1, height: rowHeight - 6, fill: band.colour,
          stroke: "#777777", title: tip)
      }
      for m in row.markers {
        let x = plot.px(Double(m.timeMicros))
        svg.line(x1: x, y1: y + 2, x2: x, y2: y + rowHeight - 2, stroke: "#000000", width: 2)
      }
    }
    return svg.render(title: title)
  }

  private func timeScale(ticks: Int) -> NiceScale {
    if let r = timeRangeMicros {
      return NiceScale(timeMinMicros: r.lowerBound, maxMicros: r.upperBound, targetTicks: ticks)
    }
    let times = rows.flatMap { row in
      row.intervals.flatMap { [$0.startMicros, $0.endMicros] } + row.markers.map(\.timeMicros)
    }
    return NiceScale(
      timeMinMicros: times.min() ?? 0, maxMicros: times.max() ?? 0, targetTicks: ticks)
  }
}
