/// A comparison operator.
public enum ComparisonOperator: String, Sendable, Equatable, CaseIterable {
  case equal = "=="
  case notEqual = "!="
  case lessOrEqual = "<="
  case greaterOrEqual = ">="
  case less = "<"
  case greater = ">"
}
