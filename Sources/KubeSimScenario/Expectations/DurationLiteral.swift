/// Go-syntax duration literals inside expressions (`5m`, `1h30m`, `250ms`, `1.5s`).
///
/// Mirrors `time.ParseDuration` (go/src/time/format.go, Go 1.22): a sequence of decimal numbers
/// each with a unit `ns`, `us`/`µs`, `ms`, `s`, `m`, `h`. KubeSim's clock counts microseconds,
/// so nanosecond parts are truncated toward zero.
enum DurationLiteral {
  /// The duration in microseconds, or nil when `text` is not a Go duration.
  static func microseconds(_ text: String) -> Int64? {
    var s = Substring(text)
    var sign: Int64 = 1
    if s.hasPrefix("-") {
      sign = -1
      s = s.dropFirst()
    } else if s.hasPrefix("+") {
      s = s.dropFirst()
    }
    if s == "0" { return 0 }
    if s.isEmpty { return nil }
    // Accumulate in nanoseconds with overflow checks.
    var totalNanos: Int64 = 0
    while !s.isEmpty {
      let number = s.prefix(while: { $0.isASCII && ($0.isNumber || $0 == ".") })
      if number.isEmpty || number == "." { return nil }
      s = s.dropFirst(number.count)
      let unit = s.prefix(while: { !($0.isASCII && ($0.isNumber || $0 == ".")) })
      s = s.dropFirst(unit.count)
      let scale: Int64
      switch unit {
      case "ns": scale = 1
      case "us", "µs", "μs": scale = 1_000
      case "ms": scale = 1_000_000
      case "s": scale = 1_000_000_000
      case "m": scale = 60_000_000_000
      case "h": scale = 3_600_000_000_000
      default: return nil
      }
      let parts = number.split(separator: ".", omittingEmptySubsequences: false)
      if parts.count > 2 { return nil }
      guard let whole = parts[0].isEmpty ? 0 : Int64(parts[0]) else { return nil }
      var value = whole.multipliedReportingOverflow(by: scale)
      if value.overflow { return nil }
      if parts.count == 2 {
        var fraction: Int64 = 0
        var divisor: Int64 = 1
        for digit in parts[1] {
          guard let d = digit.wholeNumberValue, divisor < 1_000_000_000_000_000 else { continue }
          fraction = fraction * 10 + Int64(d)
          divisor *= 10
        }
        // scale * fraction / divisor without overflow: scale ≤ 3.6e12, fraction < divisor.
        let part = Int64((Double(scale) * Double(fraction) / Double(divisor)).rounded(.towardZero))
        value = value.partialValue.addingReportingOverflow(part)
        if value.overflow { return nil }
      }
      let sum = totalNanos.addingReportingOverflow(value.partialValue)
      if sum.overflow { return nil }
      totalNanos = sum.partialValue
    }
    return sign * (totalNanos / 1_000)
  }
}
