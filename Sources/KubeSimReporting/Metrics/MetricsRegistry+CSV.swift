extension MetricsRegistry {
  /// The header of `csv()`.
  public static let csvHeader = "start_us,end_us,metric,labels,kind,samples,min,max,mean,last"

  /// Every counter and gauge series as CSV in long ("tidy") form: one line per series point,
  /// series in `MetricKey` order, points in time order.
  ///
  /// `labels` is `name=value` pairs joined by `;` in key order; `samples` is the number of
  /// sampling instants merged into the point (see `TimeSeries`); `mean` has at most 3 decimals.
  /// Histograms are not series and are left out (see `LogLinearHistogram.summaryJSON`).
  /// Fields are quoted per RFC 4180 when they contain `,`, `"` or a line break.
  public func csv() -> String {
    var out = Self.csvHeader + "\n"
    for key in keys {
      guard let kind = kind(of: key), kind != .histogram else { continue }
      let labels = key.labels.map { "\($0.name)=\($0.value)" }.joined(separator: ";")
      let prefix = "\(Self.csvField(key.name)),\(Self.csvField(labels)),\(kind.rawValue)"
      for p in series(key).points {
        out += "\(p.startMicros),\(p.endMicros),\(prefix),\(p.count),\(p.min),\(p.max),"
        out += "\(DecimalFormat.trimmed(p.mean, 3)),\(p.last)\n"
      }
    }
    return out
  }

  /// One CSV field, quoted per RFC 4180 when needed.
  static func csvField(_ text: String) -> String {
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
      return text
    }
    var quoted = "\""
    for ch in text {
      if ch == "\"" { quoted += "\"\"" } else { quoted.append(ch) }
    }
    return quoted + "\""
  }
}
