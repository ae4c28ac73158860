import KubeSimKernel

/// The wall-clock instant that simulated time zero stands for, and KubeSim's own RFC 3339
/// formatter and parser (no Foundation formatters: STYLE.md pitfalls P5, P9).
///
/// Objects hold times as `SimTime`; JSON shows them as RFC 3339 UTC timestamps
/// (`2026-01-01T00:02:40Z`), second precision as `metav1.Time` marshals them
/// (`k8s.io/apimachinery/pkg/apis/meta/v1/time.go`, `RFC3339` layout), truncating sub-seconds.
public struct TimeBase: Sendable, Hashable, CustomStringConvertible {
  /// Seconds since 1970-01-01T00:00:00Z of simulated time zero.
  public var unixSeconds: Int64

  /// A base at `unixSeconds`.
  public init(unixSeconds: Int64) { self.unixSeconds = unixSeconds }

  /// 2026-01-01T00:00:00Z, KubeSim's default.
  public static let `default` = TimeBase(unixSeconds: 1_767_225_600)

  /// The base as RFC 3339.
  public var description: String { TimeBase.formatUnix(unixSeconds) }

  /// `t` as an RFC 3339 UTC timestamp with second precision (sub-seconds truncated towards
  /// the past, as Go's `Time.Truncate`-free formatting of `RFC3339` drops them).
  public func format(_ t: SimTime) -> String {
    let micros = t.microseconds
    var secs = micros / 1_000_000
    if micros % 1_000_000 < 0 { secs -= 1 }
    return TimeBase.formatUnix(unixSeconds &+ secs)
  }

  /// `t` with microseconds, `2026-01-01T00:02:40.123456Z` (`metav1.MicroTime`).
  public func formatMicro(_ t: SimTime) -> String {
    let micros = t.microseconds
    var secs = micros / 1_000_000
    var frac = micros % 1_000_000
    if frac < 0 {
      secs -= 1
      frac += 1_000_000
    }
    let base = TimeBase.formatUnix(unixSeconds &+ secs)
    let f = String(frac)
    return String(base.dropLast()) + "." + String(repeating: "0", count: 6 - f.count) + f + "Z"
  }

  /// Parses an RFC 3339 timestamp (`2026-01-01T00:00:00Z`, optional fraction, `Z` or `±hh:mm`)
  /// into simulated time relative to this base; nil when malformed.
  public func parse(_ s: String) -> SimTime? {
    guard let (secs, micros) = TimeBase.parseUnix(s) else { return nil }
    return SimTime(microseconds: (secs - unixSeconds) * 1_000_000 + micros)
  }

  /// Parses RFC 3339 into (unix seconds, microseconds within the second).
  public static func parseUnix(_ s: String) -> (Int64, Int64)? {
    let b = Array(s.utf8)
    func num(_ from: Int, _ n: Int) -> Int64? {
      guard from + n <= b.count else { return nil }
      var v: Int64 = 0
      for i in from..<from + n {
        guard b[i] >= 48 && b[i] <= 57 else { return nil }
        v = v * 10 + Int64(b[i] - 48)
      }
      return v
    }
    guard b.count >= 20, let y = num(0, 4), b[4] == 45, let mo = num(5, 2), b[7] == 45,
      let d = num(8, 2), b[10] == 84 || b[10] == 116, let h = num(11, 2), b[13] == 58,
      let mi = num(14, 2), b[16] == 58, let sec = num(17, 2)
    else { return nil }
    guard (1...12).contains(mo), (1...31).contains(d), h < 24, mi < 60, sec < 61 else { return nil }
    var i = 19
    var micros: Int64 = 0
    if i < b.count && b[i] == 46 {
      i += 1
      var digits = 0
      while i < b.count && b[i] >= 48 && b[i] <= 57 {
        if digits < 6 { micros = micros * 10 + Int64(b[i] - 48) }
        digits += 1
        i += 1
      }
      guard digits > 0 else { return nil }
      for _ in digits..<max(digits, 6) { micros *= 10 }
    }
    var offset: Int64 = 0
    guard i < b.count else { return nil }
    if b[i] == 90 || b[i] == 122 {
      i += 1
    } else if b[i] == 43 || b[i] == 45 {
      guard let oh = num(i + 1, 2), i + 3 < b.count, b[i + 3] == 58, let om = num(i + 4, 2)
      else { return nil }
      offset = (oh * 3600 + om * 60) * (b[i] == 43 ? 1 : -1)
      i += 6
    } else {
      return nil
    }
    guard i == b.count else { return nil }
    let days = daysFromCivil(y, mo, d)
    return (days * 86400 + h * 3600 + mi * 60 + sec - offset, micros)
  }

  /// `YYYY-MM-DDTHH:MM:SSZ` for unix seconds.
  public static func formatUnix(_ unix: Int64) -> String {
    var days = unix / 86400
    var rem = unix % 86400
    if rem < 0 {
      rem += 86400
      days -= 1
    }
    let (y, m, d) = civilFromDays(days)
    func two(_ v: Int64) -> String { v < 10 ? "0\(v)" : "\(v)" }
    var year = String(y)
    while year.count < 4 { year = "0" + year }
    return "\(year)-\(two(m))-\(two(d))T\(two(rem / 3600)):\(two(rem / 60 % 60)):\(two(rem % 60))Z"
  }

  // Howard Hinnant's days_from_civil / civil_from_days (public domain algorithms).
  static func daysFromCivil(_ y0: Int64, _ m: Int64, _ d: Int64) -> Int64 {
    let y = m <= 2 ? y0 - 1 : y0
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146097 + doe - 719468
  }

  static func civilFromDays(_ z0: Int64) -> (Int64, Int64, Int64) {
    let z = z0 + 719468
    let era = (z >= 0 ? z : z - 146096) / 146097
    let doe = z - era * 146097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
    let y = yoe + era * 400
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (m <= 2 ? y + 1 : y, m, d)
  }
}
