/// A priority class (`scheduling.k8s.io/v1.PriorityClass`).
public struct PriorityClass: Sendable, Equatable {
  /// Standard object metadata.
  public var metadata: ObjectMeta
  /// The priority value.
  public var value: Int32
  /// The default for pods without a class.
  public var globalDefault: Bool?
  /// A description.
  public var description: String?
  /// PreemptLowerPriority (default) or Never.
  public var preemptionPolicy: PreemptionPolicy?

  /// Creates a `PriorityClass`; every parameter defaults to its unset value.
  public init(
    metadata: ObjectMeta = ObjectMeta(),
    value: Int32 = 0,
    globalDefault: Bool? = nil,
    description: String? = nil,
    preemptionPolicy: PreemptionPolicy? = nil
  ) {
    self.metadata = metadata
    self.value = value
    self.globalDefault = globalDefault
    self.description = description
    self.preemptionPolicy = preemptionPolicy
  }
}
