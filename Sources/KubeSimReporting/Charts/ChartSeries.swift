/// One named series of a `TimeSeriesChart`: points at times in microseconds.
public struct ChartSeries: Equatable, Sendable {
  /// The legend name.
  public var name: String
  /// The points, in increasing time (`x` in microseconds of simulated time).
  public var points: [ChartPoint]

  /// A series from explicit points.
  public init(name: String, points: [ChartPoint]) {
    self.name = name
    self.points = points
  }

  /// Which aggregate of a `SeriesPoint` to draw.
  public enum Aggregate: Sendable {
    /// The mean of the merged samples (a smooth line).
    case mean
    /// The largest sample (peaks stay visible after the resolution halved).
    case max
    /// The smallest sample.
    case min
    /// The latest sample (counters: the cumulative value).
    case last
  }

  /// A series from a bounded `TimeSeries`, each point drawn at its first sample's time.
  public init(name: String, series: TimeSeries, aggregate: Aggregate = .mean, scale: Double = 1) {
    self.name = name
    self.points = series.points.map { p in
      let v: Double
      switch aggregate {
      case .mean: v = p.mean
      case .max: v = Double(p.max)
      case .min: v = Double(p.min)
      case .last: v = Double(p.last)
      }
      return ChartPoint(timeMicros: p.startMicros, value: v * scale)
    }
  }
}

/// One point of a chart series.
public struct ChartPoint: Equatable, Sendable {
  /// Time in microseconds of simulated time.
  public var timeMicros: Int64
  /// The value (non-finite values are skipped when drawing).
  public var value: Double

  /// A point.
  public init(timeMicros: Int64, value: Double) {
    self.timeMicros = timeMicros
    self.value = value
  }
}
