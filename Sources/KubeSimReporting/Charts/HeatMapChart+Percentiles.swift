extension HeatMapChart {
  /// Summarises many rows (for example 5,000 nodes) into a few percentile rows per column:
  /// for each column, the values of all rows are sorted and the nearest-rank percentiles taken,
  /// so the chart shows the spread of utilisation over time instead of 5,000 thin stripes.
  ///
  /// Rows are listed highest percentile first (`max`, `p90`, `p50`, `p10`, `min` by default).
  /// Missing and non-finite values are ignored; a column with no values stays empty.
  ///
  /// - Parameters:
  ///   - values: `values[row][column]`.
  ///   - columns: the number of columns.
  ///   - percentiles: the percentiles (0…100), shown in the given order.
  /// - Returns: the row names and the summarised values, to pass to `init`.
  public static func percentileRows(
    of values: [[Double?]], columns: Int, percentiles: [Double] = [100, 90, 50, 10, 0]
  ) -> (names: [String], values: [[Double?]]) {
    let names = percentiles.map { p -> String in
      if p >= 100 { return "max" }
      if p <= 0 { return "min" }
      return "p" + DecimalFormat.trimmed(p, 1)
    }
    var rows = [[Double?]](
      repeating: [Double?](repeating: nil, count: max(0, columns)),
      count: percentiles.count)
    for c in 0..<max(0, columns) {
      var column: [Double] = []
      for row in values where c < row.count {
        if let v = row[c], v.isFinite { column.append(v) }
      }
      guard !column.isEmpty else { continue }
      column.sort()
      for (i, p) in percentiles.enumerated() {
        let clamped = min(100, max(0, p))
        let rank = max(1, Int((clamped * Double(column.count) / 100).rounded(.up)))
        rows[i][c] = column[min(column.count, rank) - 1]
      }
    }
    return (names, rows)
  }
}
