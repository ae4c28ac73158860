/// A period on a timeline, such as "node-3 NotReady" or "rollout web".
public struct TimelineInterval: Equatable, Sendable {
  /// Text shown on the band (and in its tooltip).
  public var label: String
  /// Start, in microseconds of simulated time.
  public var startMicros: Int64
  /// End, in microseconds (an open interval still running at the end of the run ends there).
  public var endMicros: Int64
  /// Colour category: an index into `ChartPalette.bands` (0 grey, 1 fault, 2 rollout, …).
  public var category: Int

  /// An interval.
  public init(label: String, startMicros: Int64, endMicros: Int64, category: Int = 1) {
    self.label = label
    self.startMicros = startMicros
    self.endMicros = max(startMicros, endMicros)
    self.category = category
  }

  var colour: String {
    ChartPalette.bands[
      ((category % ChartPalette.bands.count) + ChartPalette.bands.count)
        % ChartPalette.bands.count]
  }
}

/// An instant on a timeline, such as "eviction" or "node-3 recovered".
public struct TimelineMarker: Equatable, Sendable {
  /// Text shown next to the marker (and in its tooltip).
  public var label: String
  /// When, in microseconds of simulated time.
  public var timeMicros: Int64

  /// A marker.
  public init(label: String, timeMicros: Int64) {
    self.label = label
    self.timeMicros = timeMicros
  }
}
