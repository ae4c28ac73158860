/// Scales numbers to unit prefixes for axes and tables: SI (`1.5k`, `2M`, `500m`) and binary
/// (`512Mi`, `2Gi`), with the same suffixes as Kubernetes quantities
/// (k8s.io/apimachinery/pkg/api/resource/suffix.go, v1.31: `m k M G T P E`, `Ki Mi Gi Ti Pi Ei`).
public enum UnitFormat {
  private static let siUp = ["", "k", "M", "G", "T", "P", "E"]
  private static let binaryUp = ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"]

  /// SI scaling: the largest prefix keeping |value| ≥ 1 (or `m` for 0 < |value| < 1), at most
  /// `decimals` decimals with trailing zeros dropped, then `unit`:
  /// `si(1500)` = "1.5k", `si(0.25, unit: "s")` = "250ms", `si(2e9, unit: "B")` = "2GB".
  public static func si(_ value: Double, unit: String = "", decimals: Int = 1) -> String {
    guard value.isFinite else { return DecimalFormat.fixed(value, 0) + unit }
    let magnitude = abs(value)
    if magnitude > 0 && magnitude < 1 {
      return DecimalFormat.trimmed(value * 1000, decimals) + "m" + unit
    }
    var scaled = value
    var i = 0
    while abs(scaled) >= 1000 && i < siUp.count - 1 {
      scaled /= 1000
      i += 1
    }
    // Rounding can carry to 1000 (999.96k → "1000k"); move to the next prefix instead.
    if i < siUp.count - 1, abs(DecimalFormat.roundedValue(scaled, decimals)) >= 1000 {
      scaled /= 1000
      i += 1
    }
    return DecimalFormat.trimmed(scaled, decimals) + siUp[i] + unit
  }

  /// Binary scaling by 1024: `binary(2 * 1024 * 1024 * 1024)` = "2Gi", `binary(1536)` = "1.5Ki".
  public static func binary(_ value: Double, unit: String = "", decimals: Int = 1) -> String {
    guard value.isFinite else { return DecimalFormat.fixed(value, 0) + unit }
    var scaled = value
    var i = 0
    while abs(scaled) >= 1024 && i < binaryUp.count - 1 {
      scaled /= 1024
      i += 1
    }
    if i < binaryUp.count - 1, abs(DecimalFormat.roundedValue(scaled, decimals)) >= 1024 {
      scaled /= 1024
      i += 1
    }
    return DecimalFormat.trimmed(scaled, decimals) + binaryUp[i] + unit
  }

  /// Simulated time in microseconds as a Go-style duration for axis labels, largest unit
  /// first and zero parts dropped: `duration(90_000_000)` = "1m30s", `duration(1_500)` =
  /// "1.5ms", `duration(0)` = "0s". Exact (integer arithmetic).
  public static func duration(micros: Int64) -> String {
    duration(micros: micros, significantDigits: nil)
  }

  /// Like `duration(micros:)`, first rounded half away from zero to `significantDigits`
  /// (≥ 1) significant digits with integer arithmetic, for tables and headline numbers:
  /// `duration(micros: 1_617_919, significantDigits: 3)` = "1.62s".
  public static func duration(micros: Int64, significantDigits: Int?) -> String {
    var micros = micros
    if let digits = significantDigits, digits >= 1, micros != Int64.min {
      var unit: Int64 = 1
      var limit: Int64 = 1
      for _ in 0..<min(18, digits) { limit *= 10 }
      while micros.magnitude >= UInt64(limit) && unit <= Int64.max / 10 {
        limit = limit > Int64.max / 10 ? Int64.max : limit * 10
        unit *= 10
      }
      if unit > 1 {
        let half = unit / 2
        let q = (micros.magnitude + UInt64(half)) / UInt64(unit)
        let rounded = q.multipliedReportingOverflow(by: UInt64(unit))
        if !rounded.overflow, rounded.partialValue <= UInt64(Int64.max) {
          micros = micros < 0 ? -Int64(rounded.partialValue) : Int64(rounded.partialValue)
        }
      }
    }
    if micros == 0 { return "0s" }
    let sign = micros < 0 ? "-" : ""
    let m = micros.magnitude
    if m < 1_000 { return sign + String(m) + "µs" }
    if m < 1_000_000 {
      return sign + DecimalFormat.trimmed(Double(m) / 1_000, 3) + "ms"
    }
    var text = ""
    let hours = m / 3_600_000_000
    let minutes = (m / 60_000_000) % 60
    let secondsMicros = m % 60_000_000
    if hours > 0 { text += String(hours) + "h" }
    if minutes > 0 { text += String(minutes) + "m" }
    if secondsMicros > 0 {
      text += DecimalFormat.trimmed(Double(secondsMicros) / 1_000_000, 6) + "s"
    }
    return sign + text
  }
}

extension DecimalFormat {
  /// `value` rounded half away from zero to `decimals` decimals, as `fixed` would print it.
  static func roundedValue(_ value: Double, _ decimals: Int) -> Double {
    var scale = 1.0
    for _ in 0..<Swift.max(0, Swift.min(12, decimals)) { scale *= 10 }
    return (value * scale).rounded(.toNearestOrAwayFromZero) / scale
  }
}
