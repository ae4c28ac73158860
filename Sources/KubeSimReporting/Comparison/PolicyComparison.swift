import Foundation

/// The comparison of policies over seeds: for every metric, each policy's sample over the
/// seeds summarised as mean, standard deviation and 95% confidence interval (Student's t), with
/// Welch's test against the baseline (the first policy). Rows are metrics in the order the
/// first run lists them; inputs are in (policy, seed) order, so the result never depends on
/// how the runs were scheduled.
public struct PolicyComparison: Sendable {
  /// The policies, baseline first.
  public let profiles: [String]
  /// The seeds each policy ran with.
  public let seeds: [UInt64]
  /// The table of every metric.
  public let table: ComparisonTable
  private let metricNames: [String]

  /// Builds the table from `metrics[p * seeds.count + s]` = (name, value) pairs of policy p, seed s.
  public init(profiles: [String], seeds: [UInt64], metrics: [[(String, Double)]]) {
    self.profiles = profiles
    self.seeds = seeds
    var names: [String] = []
    var seen: Set<String> = []
    for run in metrics {
      for (name, _) in run where seen.insert(name).inserted { names.append(name) }
    }
    metricNames = names
    var table = ComparisonTable(policies: profiles)
    for name in names {
      var samples: [[Double]] = []
      for p in profiles.indices {
        var sample: [Double] = []
        for s in seeds.indices {
          let i = p * seeds.count + s
          if i < metrics.count, let v = metrics[i].first(where: { $0.0 == name })?.1 {
            sample.append(v)
          }
        }
        samples.append(sample)
      }
      table.add(metric: name, format: .number(decimals: 3), samples: samples)
    }
    self.table = table
  }

  /// The table as text, with its footnote.
  public var text: String {
    "\(profiles.count) policies × \(seeds.count) seeds\n" + table.text()
  }

  /// comparison.md (the text table), comparison.csv (one row per metric and policy) and
  /// comparison.html (the table and one confidence chart per metric, policies side by side).
  public func write(to directory: String) throws {
    let url = URL(fileURLWithPath: directory)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    var csv = "metric,policy,n,mean,sd\n"
    for row in table.rows {
      for (p, s) in zip(profiles, row.summaries) {
        csv += "\(row.metric),\(p),\(s.count),"
        csv += "\(s.mean.map { DecimalFormat.trimmed($0, 6) } ?? ""),"
        csv += "\(s.standardDeviation.map { DecimalFormat.trimmed($0, 6) } ?? "")\n"
      }
    }
    var page = ReportPage(
      title: "Policy comparison",
      subtitle: profiles.joined(separator: " vs ") + " · seeds \(seeds.first ?? 0)…\(seeds.last ?? 0)")
    page.heading("All metrics")
    page.table(table.reportTable(caption: table.footnote))
    page.heading("Charts")
    // A chart for every metric that varies: over seeds, or between the columns.
    var charted = 0
    for row in table.rows
    where row.summaries.contains(where: { ($0.standardDeviation ?? 0) > 0 })
      || Set(row.summaries.map { $0.mean.map { DecimalFormat.trimmed($0, 6) } ?? "" }).count > 1
    {
      charted += 1
      let chart = ConfidenceChart(
        title: row.metric, xFormat: row.format,
        rows: zip(profiles, row.summaries).map { (name: $0, summary: $1) })
      page.chart(chart.svg(), caption: "Mean and 95% confidence interval per policy.")
    }
    if charted == 0 { page.paragraph("Every metric is the same for every policy and seed.") }
    let files = [
      ("comparison.md", text), ("comparison.csv", csv), ("comparison.html", page.html()),
    ]
    for (name, body) in files { try Data(body.utf8).write(to: url.appendingPathComponent(name)) }
  }
}
