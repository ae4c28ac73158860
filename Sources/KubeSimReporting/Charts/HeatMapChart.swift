/// A heat map of values per row over time (for example CPU utilisation per node), coloured
/// with viridis, with a colour-scale legend, as an inline SVG.
///
/// Cells with no value (`nil` or not finite) are light grey. With many rows only every k-th
/// row is labelled (at most 30 labels); callers should aggregate beyond a few hundred rows
/// (for example one row per node pool or per percentile of nodes). Same input, same bytes.
public struct HeatMapChart: Sendable {
  /// The title above the chart.
  public var title: String
  /// One name per row (top to bottom).
  public var rowNames: [String]
  /// Start time of each column, in microseconds (increasing).
  public var columnStartsMicros: [Int64]
  /// End of the last column, in microseconds.
  public var endMicros: Int64
  /// `values[row][column]`; missing entries are drawn as "no data".
  public var values: [[Double?]]
  /// The value mapped to the low end of the colour scale.
  public var minimum: Double
  /// The value mapped to the high end.
  public var maximum: Double
  /// How the legend prints values.
  public var valueFormat: ValueFormat
  /// Width in pixels.
  public var width = 720.0
  /// Height of the cell area in pixels.
  public var cellAreaHeight = 240.0

  /// A heat map; `minimum…maximum` is the colour range (for utilisation, 0…1 with `.percent`).
  public init(
    title: String, rowNames: [String], columnStartsMicros: [Int64], endMicros: Int64,
    values: [[Double?]], minimum: Double = 0, maximum: Double = 1,
    valueFormat: ValueFormat = .percent
  ) {
    self.title = title
    self.rowNames = rowNames
    self.columnStartsMicros = columnStartsMicros
    self.endMicros = endMicros
    self.values = values
    self.minimum = minimum
    self.maximum = maximum > minimum ? maximum : minimum + 1
    self.valueFormat = valueFormat
  }

  /// The chart as a complete `<svg>` element.
  public func svg() -> String {
    let nameWidth = min(200, max(50, rowNames.map { ChartLegend.textWidth($0) }.max() ?? 50) + 12)
    let legendWidth = 90.0
    let top = 40.0
    let rows = max(1, rowNames.count)
    let rowHeight = cellAreaHeight / Double(rows)
    let height = top + cellAreaHeight + 48
    var svg = SVGWriter(width: width, height: height)
    svg.text(title, x: 12, y: 20, size: 14, weight: "bold")
    let start = columnStartsMicros.first ?? 0
    let plotWidth = max(40, width - nameWidth - legendWidth - 16)
    let plot = PlotArea(
      left: nameWidth, top: top, width: plotWidth, height: cellAreaHeight,
      x: NiceScale(
        timeMinMicros: start, maxMicros: max(start, endMicros),
        targetTicks: TimeSeriesChart.tickCount(forWidth: plotWidth)),
      y: NiceScale(min: 0, max: Double(rows), targetTicks: 1))
    // Cells span their own times; the axis may extend past them to a nice tick.
    let labelEvery = max(1, (rowNames.count + 29) / 30)
    for (r, name) in rowNames.enumerated() {
      let y = top + Double(r) * rowHeight
      if r % labelEvery == 0 {
        svg.text(
          name, x: nameWidth - 6, y: y + rowHeight / 2 + 4, anchor: "end",
          size: rowHeight < 12 ? 10 : nil)
      }
      let rowValues = r < values.count ? values[r] : []
      for (c, cStart) in columnStartsMicros.enumerated() {
        let cEnd = c + 1 < columnStartsMicros.count ? columnStartsMicros[c + 1] : endMicros
        let x1 = plot.px(Double(cStart))
        let x2 = plot.px(Double(cEnd))
        let value: Double? = c < rowValues.count ? rowValues[c] : nil
        // Cells overlap their right and lower neighbours by half a pixel so anti-aliasing
        // leaves no white seams (neighbours are drawn later and cover the overlap); the last row and column do not overflow.
        let dx = c + 1 < columnStartsMicros.count ? 0.5 : 0
        let dy = r + 1 < rowNames.count ? 0.5 : 0
        if let v = value, v.isFinite {
          let fill = ChartPalette.viridis((v - minimum) / (maximum - minimum))
          svg.rect(
            x: x1, y: y, width: x2 - x1 + dx, height: rowHeight + dy, fill: fill,
            title: "\(name) at \(UnitFormat.duration(micros: cStart)): \(valueFormat.format(v))")
        } else {
          svg.rect(
            x: x1, y: y, width: x2 - x1 + dx, height: rowHeight + dy, fill: "#EEEEEE",
            title: "\(name) at \(UnitFormat.duration(micros: cStart)): no data")
        }
      }
    }
    for t in plot.x.ticks {
      let x = plot.px(t)
      svg.line(x1: x, y1: plot.bottom, x2: x, y2: plot.bottom + 5, stroke: "#666666")
      svg.text(
        ValueFormat.duration.format(t), x: x, y: plot.bottom + 18, anchor: "middle",
        fill: "#444444")
    }
    svg.line(x1: plot.left, y1: plot.bottom, x2: plot.right, y2: plot.bottom, stroke: "#666666")
    svg.text(
      "simulated time", x: plot.left + plot.width / 2, y: plot.bottom + 36,
      anchor: "middle", fill: "#444444")
    drawScale(&svg, x: plot.right + 24, top: top, height: cellAreaHeight)
    let hasGaps = rowNames.indices.contains { r in
      columnStartsMicros.indices.contains { c in
        guard r < values.count, c < values[r].count, let v = values[r][c] else { return true }
        return !v.isFinite
      }
    }
    if hasGaps {
      svg.rect(
        x: plot.right + 24, y: plot.bottom + 12, width: 14, height: 10, fill: "#EEEEEE",
        stroke: "#666666")
      svg.text("no data", x: plot.right + 42, y: plot.bottom + 21, size: 11, fill: "#444444")
    }
    return svg.render(title: title)
  }

  /// The colour scale: 32 steps from maximum (top) to minimum, with nice ticks.
  private func drawScale(_ svg: inout SVGWriter, x: Double, top: Double, height: Double) {
    let steps = 32
    let h = height / Double(steps)
    for i in 0..<steps {
      let t = 1 - (Double(i) + 0.5) / Double(steps)
      svg.rect(
        x: x, y: top + Double(i) * h, width: 14, height: h + 0.5, fill: ChartPalette.viridis(t))
    }
    svg.rect(x: x, y: top, width: 14, height: height, fill: "none", stroke: "#666666")
    let scale = NiceScale(min: minimum, max: maximum, targetTicks: 4)
    for tick in scale.ticks where tick >= minimum - 1e-12 && tick <= maximum + 1e-12 {
      let y = top + height * (1 - (tick - minimum) / (maximum - minimum))
      svg.line(x1: x + 14, y1: y, x2: x + 18, y2: y, stroke: "#666666")
      svg.text(valueFormat.format(tick), x: x + 21, y: y + 4, size: 11, fill: "#444444")
    }
  }
}
