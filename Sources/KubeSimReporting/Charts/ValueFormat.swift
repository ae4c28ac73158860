/// How a chart axis or table prints values.
public enum ValueFormat: Equatable, Sendable {
  /// Plain numbers with at most `decimals` decimals (trailing zeros dropped).
  case number(decimals: Int)
  /// SI prefixes (`1.5k`, `250m`) followed by a unit (`"pods"` is printed after a space).
  case si(unit: String)
  /// Binary prefixes (`512Mi`, `2Gi`) followed by a unit such as `"B"`.
  case binary(unit: String)
  /// A fraction 0…1 printed as a percentage (`0.25` → `25%`).
  case percent
  /// Microseconds printed as a Go-style duration (`1m30s`).
  case duration

  /// The text for `value`.
  public func format(_ value: Double) -> String {
    switch self {
    case .number(let decimals): return DecimalFormat.trimmed(value, decimals)
    case .si(let unit): return UnitFormat.si(value, unit: unit.count > 2 ? " " + unit : unit)
    case .binary(let unit): return UnitFormat.binary(value, unit: unit)
    case .percent: return DecimalFormat.trimmed(value * 100, 1) + "%"
    case .duration:
      guard value.isFinite, abs(value) < 9e18 else { return DecimalFormat.fixed(value, 0) }
      return UnitFormat.duration(micros: Int64(value.rounded()))
    }
  }

  /// The smallest sensible axis step: 1 for whole numbers (`.number(decimals: 0)`), else 0.
  public var minimumStep: Double {
    if case .number(let d) = self, d <= 0 { return 1 }
    return 0
  }

  /// This format with enough decimals to tell the ticks of `scale` apart.
  func forTicks(of scale: NiceScale) -> ValueFormat {
    if case .number(let d) = self { return .number(decimals: max(d, scale.decimals)) }
    return self
  }
}
