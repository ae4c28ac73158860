/// A literal operand.
public enum ExpressionLiteral: Sendable, Equatable {
  case int(Int64)
  case double(Double)
  case string(String)
  case bool(Bool)
  /// A Go-syntax duration (`5m`, `1h30m`, `250ms`), in microseconds.
  case duration(Int64)
}
