/// One point of a `TimeSeries`: the aggregate of one or more consecutive integer samples.
///
/// Keeps exact `min`, `max`, `sum`, `count` and the `last` sample, so merging two points loses
/// no information about extremes, and the mean stays exact as `sum / count`.
public struct SeriesPoint: Equatable, Sendable {
  /// Time of the first sample, in microseconds of simulated time.
  public var startMicros: Int64
  /// Time of the last sample, in microseconds.
  public var endMicros: Int64
  /// Number of samples aggregated.
  public var count: Int64
  /// Smallest sample.
  public var min: Int64
  /// Largest sample.
  public var max: Int64
  /// Sum of the samples.
  public var sum: Int64
  /// The latest sample (for counters, the cumulative value at `endMicros`).
  public var last: Int64

  /// A point holding one sample.
  public init(time: Int64, value: Int64) {
    startMicros = time
    endMicros = time
    count = 1
    min = value
    max = value
    sum = value
    last = value
  }

  /// The mean of the samples.
  public var mean: Double { Double(sum) / Double(count) }

  /// Adds the samples of `later`, which must follow this point in time.
  public mutating func absorb(_ later: SeriesPoint) {
    endMicros = later.endMicros
    count += later.count
    min = Swift.min(min, later.min)
    max = Swift.max(max, later.max)
    let (total, overflow) = sum.addingReportingOverflow(later.sum)
    sum = overflow ? (later.sum < 0 ? Int64.min : Int64.max) : total  // saturate
    last = later.last
  }
}
