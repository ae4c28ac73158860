/// Counters, gauges and histograms keyed by `MetricKey`, sampled into bounded `TimeSeries` at
/// a fixed interval of simulated time.
///
/// **Sampling.** `advance(to:)` takes one sample of every counter and gauge at each multiple of
/// `intervalMicros` that is ≤ `now` and not yet sampled. Call it *before* applying the changes
/// of the events at `now`: a sample at time `t` then shows the state just before the events at
/// `t`, whatever their number. A metric first touched after some samples starts its series at
/// its first sample (no back-filling).
///
/// **Determinism.** Storage is ordered arrays indexed through a dictionary that is only looked
/// up, never iterated; `keys` and every output are sorted by `MetricKey`.
///
/// ```swift
/// var registry = MetricsRegistry(intervalMicros: 1_000_000)
/// registry.advance(to: now)
/// registry.increment(MetricKey("pods_scheduled_total"))
/// registry.record(MetricKey("scheduling_latency_us"), 1_250)
/// ```
public struct MetricsRegistry: Sendable {
  /// Sampling interval in microseconds of simulated time (> 0).
  public let intervalMicros: Int64
  /// Points per series before its resolution halves (see `TimeSeries`).
  public let seriesCapacity: Int
  /// The next sampling time, in microseconds.
  public private(set) var nextSampleMicros: Int64 = 0

  private var index: [MetricKey: Int] = [:]
  private var entries: [Entry] = []

  private struct Entry: Sendable {
    var key: MetricKey
    var kind: MetricKind
    var value: Int64 = 0
    var series: TimeSeries
    var histogram = LogLinearHistogram()
  }

  /// A registry sampling every `intervalMicros` (at least 1) into series of `seriesCapacity`.
  public init(intervalMicros: Int64, seriesCapacity: Int = 512) {
    self.intervalMicros = Swift.max(1, intervalMicros)
    self.seriesCapacity = seriesCapacity
  }

  private mutating func entryIndex(_ key: MetricKey, _ kind: MetricKind) -> Int {
    if let i = index[key] { return i }
    entries.append(Entry(key: key, kind: kind, series: TimeSeries(capacity: seriesCapacity)))
    index[key] = entries.count - 1
    return entries.count - 1
  }

  /// Adds `amount` (≥ 0; negative amounts are ignored) to the counter `key`.
  public mutating func increment(_ key: MetricKey, by amount: Int64 = 1) {
    let i = entryIndex(key, .counter)
    guard amount > 0 else { return }
    entries[i].value += amount
  }

  /// Sets the gauge `key` to `value`.
  public mutating func set(_ key: MetricKey, _ value: Int64) {
    let i = entryIndex(key, .gauge)
    entries[i].value = value
  }

  /// Adds `delta` (may be negative) to the gauge `key`.
  public mutating func add(_ key: MetricKey, _ delta: Int64) {
    let i = entryIndex(key, .gauge)
    entries[i].value += delta
  }

  /// Records one observation in the histogram `key`.
  public mutating func record(_ key: MetricKey, _ value: Int64) {
    let i = entryIndex(key, .histogram)
    entries[i].histogram.record(value)
  }

  /// Samples every counter and gauge at each interval boundary up to and including `now`.
  public mutating func advance(to now: Int64) {
    while nextSampleMicros <= now {
      sample(at: nextSampleMicros)
      nextSampleMicros += intervalMicros
    }
  }

  private mutating func sample(at time: Int64) {
    for i in entries.indices where entries[i].kind != .histogram {
      entries[i].series.append(time: time, value: entries[i].value)
    }
  }

  /// Every key, sorted.
  public var keys: [MetricKey] { entries.map(\.key).sorted() }

  /// Every key of `kind`, sorted.
  public func keys(of kind: MetricKind) -> [MetricKey] {
    entries.filter { $0.kind == kind }.map(\.key).sorted()
  }

  /// The kind of `key`, `nil` if never touched.
  public func kind(of key: MetricKey) -> MetricKind? { index[key].map { entries[$0].kind } }

  /// The current value of a counter or gauge (0 if never touched).
  public func value(_ key: MetricKey) -> Int64 { index[key].map { entries[$0].value } ?? 0 }

  /// The sampled series of a counter or gauge (empty if never touched).
  public func series(_ key: MetricKey) -> TimeSeries {
    index[key].map { entries[$0].series } ?? TimeSeries(capacity: seriesCapacity)
  }

  /// The histogram `key` (empty if never touched).
  public func histogram(_ key: MetricKey) -> LogLinearHistogram {
    index[key].map { entries[$0].histogram } ?? LogLinearHistogram()
  }

  /// All histograms named `name` merged (for example over every `node` label).
  public func mergedHistogram(named name: String) -> LogLinearHistogram {
    var result = LogLinearHistogram()
    for key in keys where key.name == name { result.merge(histogram(key)) }
    return result
  }
}
