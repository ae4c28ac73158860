extension TimeSeries {
  /// `count` equal column start times covering `start..<end` (integer division; the last
  /// column absorbs the remainder). Empty when `count < 1` or `end <= start`.
  public static func uniformColumns(from start: Int64, to end: Int64, count: Int) -> [Int64] {
    guard count >= 1, end > start else { return [] }
    let width = (end - start) / Int64(count)
    guard width > 0 else { return [start] }
    return (0..<count).map { start + Int64($0) * width }
  }

  /// The series resampled onto columns, for heat maps and side-by-side charts: column `i`
  /// covers `[starts[i], starts[i+1])` (the last one up to `end`) and aggregates the points
  /// whose first sample falls in it; `nil` where no point does.
  ///
  /// Series of one registry may have different resolutions (a metric first touched later has
  /// fewer samples, so it halves later); resampling onto common columns aligns them. The mean
  /// is computed from the exact integer sums and counts, so it does not depend on how points
  /// were merged.
  public func values(
    inColumns starts: [Int64], end: Int64, aggregate: ChartSeries.Aggregate = .mean
  ) -> [Double?] {
    var result = [Double?](repeating: nil, count: starts.count)
    var p = 0
    for c in starts.indices {
      let columnEnd = c + 1 < starts.count ? starts[c + 1] : end
      while p < points.count, points[p].startMicros < starts[c] { p += 1 }
      var merged: SeriesPoint?
      while p < points.count, points[p].startMicros < columnEnd {
        if merged == nil { merged = points[p] } else { merged?.absorb(points[p]) }
        p += 1
      }
      guard let m = merged else { continue }
      switch aggregate {
      case .mean: result[c] = m.mean
      case .max: result[c] = Double(m.max)
      case .min: result[c] = Double(m.min)
      case .last: result[c] = Double(m.last)
      }
    }
    return result
  }
}
