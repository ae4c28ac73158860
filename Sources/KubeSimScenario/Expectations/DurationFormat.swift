import KubeSimKernel

/// Compact Go-style duration text for KubeSim's own messages and timeline.
public enum DurationFormat {
  /// Go's `Duration.String` without zero components: `12m`, `1h30m`, `2m40s`, `1h0m5s`→`1h5s`.
  ///
  /// Used for times in KubeSim's own messages and timeline, where it reads as users write `at:`.
  public static func compact(microseconds: Int64) -> String {
    if microseconds == 0 { return "0s" }
    let negative = microseconds < 0
    let u = microseconds.magnitude
    if u < 1_000_000 { return SimDuration(microseconds: microseconds).description }
    let totalSeconds = u / 1_000_000
    let micros = u % 1_000_000
    let hours = totalSeconds / 3600
    let minutes = (totalSeconds % 3600) / 60
    let seconds = totalSeconds % 60
    var out = ""
    if hours > 0 { out += "\(hours)h" }
    if minutes > 0 { out += "\(minutes)m" }
    if seconds > 0 || micros > 0 {
      out += fixed(seconds * 1_000_000 + micros, unit: 1_000_000) + "s"
    }
    return negative ? "-" + out : out
  }

  /// `value / unit` with the fraction's trailing zeros removed (`1500, 1000` → `1.5`).
  private static func fixed(_ value: UInt64, unit: UInt64) -> String {
    let whole = value / unit
    var fraction = value % unit
    if fraction == 0 { return String(whole) }
    var digits = String(unit).count - 1
    while fraction % 10 == 0 {
      fraction /= 10
      digits -= 1
    }
    let f = String(fraction)
    return "\(whole)." + String(repeating: "0", count: digits - f.count) + f
  }
}
