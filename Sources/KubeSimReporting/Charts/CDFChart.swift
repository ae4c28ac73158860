/// Cumulative distribution functions of one or more samples (for example pod startup latency
/// per policy), as an inline SVG: x is the value, y the fraction of values ≤ x (0–100 %).
///
/// Each curve is an empirical CDF step line. Samples larger than `maxPoints` distinct values
/// are thinned deterministically (every k-th distinct value, always keeping the last), so the
/// SVG stays small. Same input, same bytes.
public struct CDFChart: Sendable {
  /// One curve: a name and its (value, cumulative fraction) steps, increasing.
  public struct Curve: Equatable, Sendable {
    /// The legend name.
    public var name: String
    /// Distinct values and the fraction of the sample ≤ each, increasing in both.
    public var steps: [(value: Double, fraction: Double)]

    /// The empirical CDF of integer values (sorted here).
    public init(name: String, values: [Int64]) {
      self.name = name
      let sorted = values.sorted()
      var steps: [(value: Double, fraction: Double)] = []
      let n = Double(sorted.count)
      for (i, v) in sorted.enumerated() where i + 1 == sorted.count || sorted[i + 1] != v {
        steps.append((Double(v), Double(i + 1) / n))
      }
      self.steps = steps
    }

    /// The CDF of a histogram: one step per non-empty bucket at the bucket's last value,
    /// clamped to the exact maximum (so the accuracy is the histogram's).
    public init(name: String, histogram: LogLinearHistogram) {
      self.name = name
      var steps: [(value: Double, fraction: Double)] = []
      var seen: Int64 = 0
      let n = Double(max(1, histogram.count))
      for b in histogram.buckets {
        seen += b.count
        let end = min(histogram.max ?? 0, b.start + (b.width - 1))
        steps.append((Double(end), Double(seen) / n))
      }
      self.steps = steps
    }

    public static func == (a: Curve, b: Curve) -> Bool {
      a.name == b.name && a.steps.count == b.steps.count
        && zip(a.steps, b.steps).allSatisfy { $0.value == $1.value && $0.fraction == $1.fraction }
    }
  }

  /// The title above the chart.
  public var title: String
  /// The x axis title with its unit.
  public var xAxisTitle: String?
  /// How x tick labels are printed (for latencies in microseconds: `.duration`).
  public var xFormat: ValueFormat
  /// The curves, drawn in order with `ChartPalette.series` colours.
  public var curves: [Curve]
  /// Maximum drawn steps per curve.
  public var maxPoints = 400
  /// Width in pixels.
  public var width = 720.0
  /// Height in pixels.
  public var height = 320.0

  /// A CDF chart of `curves`.
  public init(title: String, xAxisTitle: String? = nil, xFormat: ValueFormat, curves: [Curve]) {
    self.title = title
    self.xAxisTitle = xAxisTitle
    self.xFormat = xFormat
    self.curves = curves
  }

  /// The chart as a complete `<svg>` element.
  public func svg() -> String {
    var svg = SVGWriter(width: width, height: height)
    svg.text(title, x: 12, y: 20, size: 14, weight: "bold")
    let legend = curves.enumerated().map { i, c in
      (name: c.name, colour: ChartPalette.series(i), dash: ChartPalette.dash(i))
    }
    let legendHeight = ChartLegend.draw(&svg, entries: legend, x: 64, y: 40, maxWidth: width - 80)
    let top = 32 + legendHeight + 8
    let values = curves.flatMap { $0.steps.map(\.value) }
    let xScale = NiceScale(
      min: min(0, values.min() ?? 0), max: values.max() ?? 1,
      targetTicks: TimeSeriesChart.tickCount(forWidth: width - 84))
    let plot = PlotArea(
      left: 64, top: top, width: max(40, width - 84), height: max(40, height - top - 48),
      x: xScale, y: NiceScale(min: 0, max: 1, targetTicks: 4))
    plot.drawAxes(
      &svg, xFormat: { xFormat.format($0) }, yFormat: { ValueFormat.percent.format($0) },
      xTitle: xAxisTitle, yTitle: "fraction ≤ x")
    for (i, curve) in curves.enumerated() {
      let steps = thinned(curve.steps)
      guard let first = steps.first else { continue }
      var pts = [(x: plot.px(first.value), y: plot.py(0))]
      for s in steps { pts.append((x: plot.px(s.value), y: plot.py(s.fraction))) }
      svg.path(pts, stroke: ChartPalette.series(i), step: true, dash: ChartPalette.dash(i))
    }
    return svg.render(title: title)
  }

  private func thinned(_ steps: [(value: Double, fraction: Double)]) -> [(
    value: Double, fraction: Double
  )] {
    guard steps.count > maxPoints, maxPoints > 1 else { return steps }
    let k = (steps.count + maxPoints - 1) / maxPoints
    var out: [(value: Double, fraction: Double)] = []
    for (i, s) in steps.enumerated() where i % k == k - 1 || i == steps.count - 1 { out.append(s) }
    return out
  }
}
