/// A pod toleration (`v1.Toleration`).
public struct Toleration: Sendable, Equatable {
  /// The taint key (empty with Exists tolerates everything).
  public var key: String?
  /// Exists or Equal (default Equal).
  public var `operator`: TolerationOperator?
  /// The value for Equal.
  public var value: String?
  /// The effect (empty matches every effect).
  public var effect: TaintEffect?
  /// For NoExecute: how long the pod stays after the taint appears.
  public var tolerationSeconds: Int64?

  /// Creates a `Toleration`; every parameter defaults to its unset value.
  public init(
    key: String? = nil,
    `operator`: TolerationOperator? = nil,
    value: String? = nil,
    effect: TaintEffect? = nil,
    tolerationSeconds: Int64? = nil
  ) {
    self.key = key
    self.operator = `operator`
    self.value = value
    self.effect = effect
    self.tolerationSeconds = tolerationSeconds
  }
}

/// A toleration operator (`v1.TolerationOperator`); Gt/Lt are upstream's alpha numeric comparisons (gate TaintTolerationComparisonOperators, v1.35), which KubeSim always enables.
public enum TolerationOperator: String, Sendable, Hashable, CaseIterable {
  /// `Exists`.
  case exists = "Exists"
  /// `Equal`.
  case equal = "Equal"
  /// `Gt`.
  case gt = "Gt"
  /// `Lt`.
  case lt = "Lt"
}
