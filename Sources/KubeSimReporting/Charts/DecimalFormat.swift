/// Formats `Double`s with a fixed number of decimals, without Foundation formatters or
/// `String(format:)` (STYLE pitfalls P5 and P9: those depend on platform and locale).
///
/// The value is scaled by 10^decimals and rounded half away from zero in binary floating point
/// (so 0.125 with 2 decimals gives "0.13", and 1.005, stored as 1.00499999…, gives "1.00", as
/// `printf` does), then printed from the integer. Only `×` and `rounded()` are used, which are
/// exact-rounding IEEE operations, so the text is the same on every platform. Negative zero
/// prints as zero; NaN prints "NaN"; infinities print "inf" and "-inf".
public enum DecimalFormat {
  /// `value` with exactly `decimals` (0…12) digits after the point: `fixed(3.14159, 2)` = "3.14".
  public static func fixed(_ value: Double, _ decimals: Int) -> String {
    if value.isNaN { return "NaN" }
    if value.isInfinite { return value < 0 ? "-inf" : "inf" }
    let d = Swift.max(0, Swift.min(12, decimals))
    var scale = 1.0
    for _ in 0..<d { scale *= 10 }
    let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
    guard scaled < 9.0e18 else { return hugeValue(value) }
    let digits = UInt64(scaled)
    let negative = value < 0 && digits != 0
    var text = String(digits)
    if d > 0 {
      if text.count <= d { text = String(repeating: "0", count: d + 1 - text.count) + text }
      text.insert(".", at: text.index(text.endIndex, offsetBy: -d))
    }
    return negative ? "-" + text : text
  }

  /// Like `fixed`, then drops trailing zeros and a trailing point: `trimmed(2.50, 2)` = "2.5",
  /// `trimmed(3.0, 2)` = "3".
  public static func trimmed(_ value: Double, _ decimals: Int) -> String {
    var text = fixed(value, decimals)
    guard text.contains("."), value.isFinite else { return text }
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text == "-0" ? "0" : text
  }

  /// `value` rounded half away from zero to `digits` (≥ 1) significant digits:
  /// `roundedToSignificant(343_695, 2)` = 340,000. Powers of ten come from repeated
  /// multiplication, not `log10`/`pow` (STYLE P6).
  public static func roundedToSignificant(_ value: Double, _ digits: Int) -> Double {
    guard value.isFinite, value != 0 else { return value }
    let m = abs(value)
    var power = 1.0
    while power > m { power /= 10 }
    while power * 10 <= m { power *= 10 }
    var unit = power  // the place value of the last kept digit
    for _ in 1..<Swift.max(1, digits) { unit /= 10 }
    return (value / unit).rounded(.toNearestOrAwayFromZero) * unit
  }

  /// Integers with a thin grouping-free form (used for counts): `integer(1234567)` = "1234567".
  public static func integer(_ value: Int64) -> String { String(value) }

  /// Values too large for the integer path (≥ 9e18 after scaling): Swift's own shortest
  /// round-trip description, which is implemented in the standard library, not by the platform.
  private static func hugeValue(_ value: Double) -> String { value.description }
}
