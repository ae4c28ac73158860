/// One measured figure of `kubesim bench`: a throughput or latency with its unit, and optionally
/// the figure it should be read against (a goal, an upstream threshold, a peer).
public struct BenchResult: Sendable {
  /// Dotted name, group first: "kernel.hold.150k".
  public var name: String
  /// The median over the repetitions.
  public var value: Double
  /// The unit of `value`: "events/s", "pods/s", "ns/event", …
  public var unit: String
  /// The comparison point, e.g. ("G1 goal", 10_000_000) or ("kube-scheduler threshold", 810).
  public var reference: (name: String, value: Double)?

  /// Creates a result.
  public init(
    name: String, value: Double, unit: String, reference: (name: String, value: Double)? = nil
  ) {
    self.name = name
    self.value = value
    self.unit = unit
    self.reference = reference
  }
}
