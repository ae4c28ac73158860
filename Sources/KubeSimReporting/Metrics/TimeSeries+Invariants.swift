extension TimeSeries {
  /// The first violated invariant, or nil: at most `capacity` points; `stride` is a power of
  /// two; every point but the last holds exactly `stride` samples and the last 1…`stride`;
  /// points are in time order and each has `min ≤ last ≤ max`. O(capacity).
  package func invariantViolation() -> String? {
    if points.count > capacity { return "\(points.count) points exceed capacity \(capacity)" }
    if stride < 1 || stride & (stride - 1) != 0 { return "stride \(stride) is not a power of two" }
    for (i, p) in points.enumerated() {
      let isLast = i == points.count - 1
      if isLast ? (p.count < 1 || p.count > stride) : p.count != stride {
        return "point \(i) holds \(p.count) samples with stride \(stride)"
      }
      if p.min > p.last || p.last > p.max { return "point \(i): last outside min…max" }
      if p.startMicros > p.endMicros { return "point \(i) ends before it starts" }
      if i > 0, points[i - 1].endMicros > p.startMicros { return "point \(i) out of time order" }
    }
    return nil
  }
}
