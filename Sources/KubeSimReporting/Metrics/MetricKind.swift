/// The kind of a metric in a `MetricsRegistry`.
public enum MetricKind: String, Sendable, Equatable {
  /// A monotonically increasing count (pods scheduled, evictions); sampled cumulatively.
  case counter
  /// A value that goes up and down (pending pods, CPU requested on a node).
  case gauge
  /// A distribution of values (latencies); not sampled into a series.
  case histogram
}
