/// One label of a metric: a name and a value, such as `node="node-1"`.
public struct MetricLabel: Hashable, Comparable, Sendable {
  /// The label name, such as `node`.
  public var name: String
  /// The label value, such as `node-1`.
  public var value: String

  /// A label `name="value"`.
  public init(_ name: String, _ value: String) {
    self.name = name
    self.value = value
  }

  /// Orders by name, then value (byte-wise on the UTF-8 encoding, so independent of locale).
  public static func < (a: MetricLabel, b: MetricLabel) -> Bool {
    if a.name != b.name { return Array(a.name.utf8).lexicographicallyPrecedes(b.name.utf8) }
    return Array(a.value.utf8).lexicographicallyPrecedes(b.value.utf8)
  }
}

/// The identity of one metric series: a name and a list of labels.
///
/// Labels are kept sorted by name (then value) whatever order the caller gave them in, so
/// `cpu{node,zone}` and `cpu{zone,node}` are the same key, and keys sort deterministically:
/// by name, then label list, byte-wise. This order is the order of every output.
///
/// ```swift
/// let key = MetricKey("node_cpu_requested_millis", ["node": "n1"])
/// key.description  // node_cpu_requested_millis{node="n1"}
/// ```
public struct MetricKey: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The metric name, Prometheus style (`snake_case`, unit last: `pod_startup_latency_us`).
  public let name: String
  /// The labels, sorted by label name then value.
  public let labels: [MetricLabel]

  /// A key with the given labels (sorted here).
  public init(_ name: String, labels: [MetricLabel] = []) {
    self.name = name
    self.labels = labels.sorted()
  }

  /// A key from `(name, value)` label pairs (sorted here).
  public init(_ name: String, _ labels: KeyValuePairs<String, String>) {
    self.init(name, labels: labels.map { MetricLabel($0.key, $0.value) })
  }

  /// The value of the label `name`, if present.
  public func label(_ name: String) -> String? {
    labels.first { $0.name == name }?.value
  }

  /// `name{label="value",…}` (just `name` without labels); `"` and `\` in values are escaped.
  public var description: String {
    if labels.isEmpty { return name }
    let inner = labels.map { label -> String in
      var escaped = ""
      for ch in label.value {
        switch ch {
        case "\\": escaped += "\\\\"
        case "\"": escaped += "\\\""
        case "\n": escaped += "\\n"
        default: escaped.append(ch)
        }
      }
      return "\(label.name)=\"\(escaped)\""
    }
    return "\(name){\(inner.joined(separator: ","))}"
  }

  /// Orders by name, then by label list (byte-wise), so output order never depends on hashing.
  public static func < (a: MetricKey, b: MetricKey) -> Bool {
    if a.name != b.name { return Array(a.name.utf8).lexicographicallyPrecedes(b.name.utf8) }
    return a.labels.lexicographicallyPrecedes(b.labels)
  }
}
