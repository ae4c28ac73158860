/// A label query (`metav1.LabelSelector`): all of `matchLabels` and all of `matchExpressions` must hold.
public struct LabelSelector: Sendable, Equatable {
  /// Exact key=value pairs.
  public var matchLabels: StringMap
  /// Set-based requirements.
  public var matchExpressions: [LabelSelectorRequirement]

  /// Creates a `LabelSelector`; every parameter defaults to its unset value.
  public init(
    matchLabels: StringMap = StringMap(),
    matchExpressions: [LabelSelectorRequirement] = []
  ) {
    self.matchLabels = matchLabels
    self.matchExpressions = matchExpressions
  }
}

/// One set-based requirement of a `LabelSelector`.
public struct LabelSelectorRequirement: Sendable, Equatable {
  /// The label key.
  public var key: String
  /// The relation.
  public var `operator`: LabelSelectorOperator
  /// The values (empty for Exists/DoesNotExist).
  public var values: [String]

  /// Creates a `LabelSelectorRequirement`; every parameter defaults to its unset value.
  public init(
    key: String = "",
    `operator`: LabelSelectorOperator = .in,
    values: [String] = []
  ) {
    self.key = key
    self.operator = `operator`
    self.values = values
  }
}

/// Operators of `LabelSelectorRequirement` (`metav1.LabelSelectorOperator`).
public enum LabelSelectorOperator: String, Sendable, Hashable, CaseIterable {
  /// `In`.
  case `in` = "In"
  /// `NotIn`.
  case notIn = "NotIn"
  /// `Exists`.
  case exists = "Exists"
  /// `DoesNotExist`.
  case doesNotExist = "DoesNotExist"
}
