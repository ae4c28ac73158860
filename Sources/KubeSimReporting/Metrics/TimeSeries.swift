/// A time series of integer samples in bounded memory: at most `capacity` points, whatever
/// the length of the run.
///
/// **Rule.** Each point aggregates `stride` consecutive samples (`stride` is a power of two,
/// starting at 1). A new sample joins the last point while that point holds fewer than
/// `stride` samples; otherwise it starts a new point. When a new point is needed and the series
/// already holds `capacity` points, neighbouring points are merged pairwise — (0,1), (2,3), … —
/// and `stride` doubles; the resolution halves, but `min`, `max`, `sum`, `count` and `last` stay
/// exact (see `SeriesPoint`). The result depends only on the sample sequence, so it is
/// deterministic, and every point but the last covers exactly `stride` samples.
///
/// - Complexity: `append` is amortised O(1); memory is O(`capacity`).
public struct TimeSeries: Equatable, Sendable {
  /// Maximum number of points (even, at least 2).
  public let capacity: Int
  /// Samples per point (a power of two).
  public private(set) var stride: Int64 = 1
  /// The points, oldest first.
  public private(set) var points: [SeriesPoint] = []

  /// An empty series holding at most `capacity` points (rounded up to an even number ≥ 2).
  public init(capacity: Int = 512) {
    let c = Swift.max(2, capacity)
    self.capacity = c % 2 == 0 ? c : c + 1
  }

  /// Appends one sample taken at `time` (microseconds, non-decreasing).
  public mutating func append(time: Int64, value: Int64) {
    let point = SeriesPoint(time: time, value: value)
    if let lastIndex = points.indices.last, points[lastIndex].count < stride {
      points[lastIndex].absorb(point)
      return
    }
    if points.count == capacity { halveResolution() }
    points.append(point)
  }

  /// Merges neighbouring points pairwise and doubles `stride`.
  private mutating func halveResolution() {
    var merged: [SeriesPoint] = []
    merged.reserveCapacity(capacity)
    var i = 0
    while i < points.count {
      var p = points[i]
      if i + 1 < points.count { p.absorb(points[i + 1]) }
      merged.append(p)
      i += 2
    }
    points = merged
    stride *= 2
  }
}
