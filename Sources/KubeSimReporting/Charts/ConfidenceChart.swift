/// A dot-and-whisker chart comparing policies on one metric: one row per policy, a dot at the
/// mean over seeds, whiskers for the 95 % confidence interval (Student's t), and a `*` where the
/// policy differs significantly from the first (baseline) row by Welch's t-test. This is the
/// side-by-side chart of `kubesim compare`; rows keep the given order.
///
/// ```swift
/// let chart = ConfidenceChart(
///   title: "Pod startup p99", xFormat: .duration,
///   rows: [("default", SampleSummary(a)), ("binpack", SampleSummary(b))])
/// ```
public struct ConfidenceChart: Sendable {
  /// The title above the chart.
  public var title: String
  /// How values are printed.
  public var xFormat: ValueFormat
  /// Policy name and its sample summary, baseline first.
  public var rows: [(name: String, summary: SampleSummary)]
  /// Width in pixels.
  public var width = 720.0
  /// Height of one row in pixels.
  public var rowHeight = 28.0

  /// A chart of `rows` (baseline first).
  public init(
    title: String, xFormat: ValueFormat, rows: [(name: String, summary: SampleSummary)]
  ) {
    self.title = title
    self.xFormat = xFormat
    self.rows = rows
  }

  /// The chart as a complete `<svg>` element.
  public func svg() -> String {
    let nameWidth = min(220, max(60, rows.map { ChartLegend.textWidth($0.name) }.max() ?? 60) + 16)
    let top = 36.0
    let plotHeight = max(rowHeight, Double(rows.count) * rowHeight)
    var svg = SVGWriter(width: width, height: top + plotHeight + 48)
    svg.text(title, x: 12, y: 20, size: 14, weight: "bold")
    var extremes: [Double] = []
    for row in rows {
      if let ci = row.summary.confidenceInterval95 {
        extremes += [ci.lowerBound, ci.upperBound]
      } else if let m = row.summary.mean {
        extremes.append(m)
      }
    }
    let finite = extremes.filter(\.isFinite)
    let plotWidth = max(40, width - nameWidth - 40)
    let plot = PlotArea(
      left: nameWidth, top: top, width: plotWidth, height: plotHeight,
      x: NiceScale(
        min: finite.min() ?? 0, max: finite.max() ?? 1,
        targetTicks: TimeSeriesChart.tickCount(forWidth: plotWidth)),
      y: NiceScale(min: 0, max: 1, targetTicks: 1))
    let tickFormat = xFormat.forTicks(of: plot.x)
    for t in plot.x.ticks {
      let x = plot.px(t)
      svg.line(x1: x, y1: plot.top, x2: x, y2: plot.bottom, stroke: "#E5E5E5")
      svg.text(
        tickFormat.format(t), x: x, y: plot.bottom + 18, anchor: "middle", fill: "#444444")
    }
    svg.line(x1: plot.left, y1: plot.bottom, x2: plot.right, y2: plot.bottom, stroke: "#666666")
    svg.text(
      "mean and 95% confidence interval; * differs from \(rows.first?.name ?? "baseline")",
      x: plot.left + plot.width / 2, y: plot.bottom + 36, anchor: "middle", fill: "#444444")
    let base = rows.first?.summary
    for (i, row) in rows.enumerated() {
      let y = plot.top + (Double(i) + 0.5) * rowHeight
      let colour = ChartPalette.series(i)
      let significant = i > 0 && base.flatMap { WelchTest($0, row.summary) }?.isSignificant == true
      svg.text(
        row.name + (significant ? " *" : ""), x: nameWidth - 8, y: y + 4, anchor: "end",
        weight: significant ? "bold" : nil)
      guard let mean = row.summary.mean, mean.isFinite else {
        svg.text("no data", x: plot.left + 4, y: y + 4, fill: "#888888")
        continue
      }
      if let ci = row.summary.confidenceInterval95, ci.lowerBound.isFinite, ci.upperBound.isFinite {
        let x1 = plot.px(ci.lowerBound)
        let x2 = plot.px(ci.upperBound)
        svg.line(x1: x1, y1: y, x2: x2, y2: y, stroke: colour, width: 2)
        svg.line(x1: x1, y1: y - 6, x2: x1, y2: y + 6, stroke: colour, width: 2)
        svg.line(x1: x2, y1: y - 6, x2: x2, y2: y + 6, stroke: colour, width: 2)
      }
      let x = plot.px(mean)
      svg.rect(
        x: x - 4, y: y - 4, width: 8, height: 8, fill: colour,
        title: "\(row.name): \(xFormat.format(mean)) (n = \(row.summary.count))")
    }
    return svg.render(title: title)
  }
}
