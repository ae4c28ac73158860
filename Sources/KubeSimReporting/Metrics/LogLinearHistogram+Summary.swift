import KubeSimYAML

extension LogLinearHistogram {
  /// The percentiles reported for every latency: p50, p90, p95, p99, p99.9.
  public static let reportedPercentiles: [(name: String, percentile: Double)] = [
    ("p50", 50), ("p90", 90), ("p95", 95), ("p99", 99), ("p99_9", 99.9),
  ]

  /// `count`, `min`, the reported percentiles, `max`, `sum` and `mean` as one JSON object with a
  /// fixed key order and integer values (the mean rounded half away from zero), each key
  /// suffixed with `unit` (for example `_us`): `{"count":3,"min_us":10,"p50_us":20,…}`.
  /// An empty histogram gives `{"count":0}`.
  public func summaryJSON(unit: String = "_us") -> JSONValue {
    guard let lo = min, let hi = max else { return .object([("count", .int(0))]) }
    var pairs: [(String, JSONValue)] = [("count", .int(count)), ("min" + unit, .int(lo))]
    for (name, p) in Self.reportedPercentiles {
      pairs.append((name + unit, .int(percentile(p) ?? hi)))
    }
    pairs.append(("max" + unit, .int(hi)))
    pairs.append(("sum" + unit, .int(sum)))
    let mean = (Double(sum) / Double(count)).rounded(.toNearestOrAwayFromZero)
    pairs.append(("mean" + unit, .int(Int64(exactly: mean) ?? sum / count)))
    return .object(pairs)
  }
}
