/// The table of `kubesim compare`: one row per metric, one column per policy, each cell the
/// mean over seeds with its 95 % confidence interval and standard deviation, and a mark where
/// a policy differs significantly from the first (baseline) policy by Welch's t-test.
///
/// Rows keep insertion order and samples keep seed order, so the output is a pure function of
/// the inputs: the same whether the runs were executed on one core or many, as long as the
/// caller merges results in a fixed order (policy, then seed).
///
/// ```swift
/// var table = ComparisonTable(policies: ["default", "binpack"])
/// table.add(metric: "pod startup p99", format: .duration,
///           samples: [[3.1e6, 2.9e6], [1.9e6, 2.0e6]])
/// print(table.text())
/// ```
public struct ComparisonTable: Sendable {
  /// One metric row.
  public struct Row: Sendable {
    /// The metric name.
    public var metric: String
    /// How values are printed.
    public var format: ValueFormat
    /// One summary per policy (in `policies` order).
    public var summaries: [SampleSummary]
    /// Welch's test of each policy against the baseline (`nil` for the baseline itself and
    /// when a side has fewer than two seeds).
    public var tests: [WelchTest?]
  }

  /// The policy names, baseline first.
  public let policies: [String]
  /// The rows in insertion order.
  public private(set) var rows: [Row] = []

  /// An empty table comparing `policies` (the first is the baseline).
  public init(policies: [String]) {
    self.policies = policies
  }

  /// Adds a metric; `samples[i]` are policy `i`'s values in seed order (missing policies count
  /// as empty samples).
  public mutating func add(metric: String, format: ValueFormat, samples: [[Double]]) {
    let summaries = policies.indices.map { i in SampleSummary(i < samples.count ? samples[i] : []) }
    let tests: [WelchTest?] = summaries.indices.map { i in
      guard i > 0, let base = summaries.first else { return nil }
      return WelchTest(base, summaries[i])
    }
    rows.append(Row(metric: metric, format: format, summaries: summaries, tests: tests))
  }

  /// The text of one cell: `mean ± half-width (sd s)`, just the mean for one seed, `–` for none;
  /// a trailing `*` marks a significant difference from the baseline. The half-width and the
  /// standard deviation are rounded to two significant digits (uncertainties are not known
  /// more precisely); the mean is printed as `format` prints it.
  public static func cellText(_ s: SampleSummary, test: WelchTest?, format: ValueFormat) -> String {
    guard let mean = s.mean else { return "–" }
    var text = format.format(mean)
    if let h = s.halfWidth95, let sd = s.standardDeviation {
      let h2 = DecimalFormat.roundedToSignificant(h, 2)
      let sd2 = DecimalFormat.roundedToSignificant(sd, 2)
      text += " ± " + format.format(h2) + " (sd " + format.format(sd2) + ")"
    }
    if test?.isSignificant == true { text += " *" }
    return text
  }

  /// The footnote explaining the mark.
  public var footnote: String {
    let base = policies.first ?? "baseline"
    return "mean ± 95% confidence interval (Student's t) over seeds, sd = sample standard "
      + "deviation; * differs significantly from \(base) (Welch's t-test, 5% level)."
  }

  /// The table for a `ReportPage`, significant cells emphasised.
  public func reportTable(caption: String? = nil) -> ReportTable {
    var table = ReportTable(
      caption: caption,
      columns: [.init("metric")] + policies.map { .init($0, alignment: .right) })
    for row in rows {
      var cells = [ReportCell(row.metric)]
      for (i, s) in row.summaries.enumerated() {
        let test = row.tests[i]
        cells.append(
          ReportCell(
            Self.cellText(s, test: test, format: row.format),
            emphasized: test?.isSignificant == true))
      }
      table.rows.append(cells)
    }
    return table
  }

  /// A plain-text table for the terminal: columns padded with spaces (by Unicode scalar count),
  /// metric names left-aligned, values right-aligned, then the footnote.
  public func text() -> String {
    var grid: [[String]] = [["metric"] + policies]
    for row in rows {
      grid.append(
        [row.metric]
          + row.summaries.indices.map { i in
            Self.cellText(row.summaries[i], test: row.tests[i], format: row.format)
          })
    }
    let columns = grid.map(\.count).max() ?? 0
    let widths = (0..<columns).map { c in
      grid.map { c < $0.count ? $0[c].unicodeScalars.count : 0 }.max() ?? 0
    }
    var out = ""
    for (r, line) in grid.enumerated() {
      var cells: [String] = []
      for c in 0..<columns {
        let cell = c < line.count ? line[c] : ""
        let pad = String(repeating: " ", count: widths[c] - cell.unicodeScalars.count)
        cells.append(c == 0 ? cell + pad : pad + cell)
      }
      var text = cells.joined(separator: "  ")
      while text.hasSuffix(" ") { text.removeLast() }
      out += text + "\n"
      if r == 0 {
        out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
      }
    }
    return out + footnote + "\n"
  }
}
