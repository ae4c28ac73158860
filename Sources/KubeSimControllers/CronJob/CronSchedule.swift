/// A parsed standard cron schedule, as the CronJob controller reads `spec.schedule`
/// (upstream uses github.com/robfig/cron/v3 `ParseStandard`): five fields
/// `minute hour day-of-month month day-of-week` with `*`, `?`, lists `a,b`, ranges `a-b`, steps
/// `*/n`, `a-b/n`, `a/n`, month names `JAN`–`DEC` and day names `SUN`–`SAT`
/// (case-insensitive), and the descriptors `@yearly`/`@annually`, `@monthly`, `@weekly`,
/// `@daily`/`@midnight`, `@hourly`. Day-of-month and day-of-week: when either field is
/// unrestricted (`*` or `?`), both must match; otherwise either may (robfig `dayMatches`).
/// Times are UTC (KubeSim differs: `spec.timeZone` other than UTC is not modelled).
public struct CronSchedule: Sendable, Hashable {
  var minutes: UInt64
  var hours: UInt64
  var daysOfMonth: UInt64
  var months: UInt64
  var daysOfWeek: UInt64
  var domStar: Bool
  var dowStar: Bool

  /// A parse error with a message in robfig's words where it has them.
  public struct ParseError: Error, Sendable, Equatable {
    public var message: String
  }

  private static let monthNames = [
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "oct": 10, "nov": 11, "dec": 12,
  ]
  private static let dayNames = [
    "sun": 0, "mon": 1, "tue": 2, "wed": 3, "thu": 4, "fri": 5, "sat": 6,
  ]

  /// Parses `spec`.
  public init(parsing spec: String) throws(ParseError) {
    var text = spec.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    if text.hasPrefix("TZ=") || text.hasPrefix("CRON_TZ=") {
      throw ParseError(message: "time zones in the schedule are not supported by KubeSim")
    }
    switch text.lowercased() {
    case "@yearly", "@annually": text = "0 0 1 1 *"
    case "@monthly": text = "0 0 1 * *"
    case "@weekly": text = "0 0 * * 0"
    case "@daily", "@midnight": text = "0 0 * * *"
    case "@hourly": text = "0 * * * *"
    default:
      if text.hasPrefix("@") {
        throw ParseError(message: "unrecognized descriptor: \(text)")
      }
    }
    let fields = text.split(separator: " ").map(String.init)
    guard fields.count == 5 else {
      throw ParseError(message: "expected exactly 5 fields, found \(fields.count): [\(text)]")
    }
    var star = false
    minutes = try Self.field(fields[0], 0, 59, [:], &star)
    hours = try Self.field(fields[1], 0, 23, [:], &star)
    star = false
    daysOfMonth = try Self.field(fields[2], 1, 31, [:], &star)
    domStar = star
    star = false
    months = try Self.field(fields[3], 1, 12, Self.monthNames, &star)
    star = false
    daysOfWeek = try Self.field(fields[4], 0, 6, Self.dayNames, &star)
    dowStar = star
  }

  private static func field(
    _ text: String, _ lo: Int, _ hi: Int, _ names: [String: Int], _ star: inout Bool
  ) throws(ParseError) -> UInt64 {
    var bits: UInt64 = 0
    for part in text.split(separator: ",", omittingEmptySubsequences: false) {
      let rs = part.split(separator: "/", omittingEmptySubsequences: false)
      guard rs.count <= 2 else { throw ParseError(message: "too many slashes: \(part)") }
      let range = rs[0].split(separator: "-", omittingEmptySubsequences: false)
      guard range.count <= 2 else { throw ParseError(message: "too many hyphens: \(rs[0])") }
      var start: Int
      var end: Int
      var isStar = false
      if range[0] == "*" || range[0] == "?" {
        guard range.count == 1 else { throw ParseError(message: "too many hyphens: \(rs[0])") }
        start = lo
        end = hi
        isStar = true
      } else {
        start = try value(String(range[0]), names)
        end = range.count == 2 ? try value(String(range[1]), names) : start
      }
      var step = 1
      if rs.count == 2 {
        guard let s = Int(rs[1]), s > 0 else {
          throw ParseError(message: "step must be a positive number: \(rs[1])")
        }
        step = s
        if range.count == 1 && !isStar { end = hi }  // "N/step" means "N-max/step"
        if step > 1 { isStar = false }
      }
      guard start >= lo else {
        throw ParseError(message: "beginning of range (\(start)) below minimum (\(lo)): \(part)")
      }
      guard end <= hi else {
        throw ParseError(message: "end of range (\(end)) above maximum (\(hi)): \(part)")
      }
      guard start <= end else {
        throw ParseError(message: "beginning of range (\(start)) beyond end of range (\(end)): \(part)")
      }
      if isStar { star = true }
      var v = start
      while v <= end {
        bits |= 1 << UInt64(v)
        v += step
      }
    }
    return bits
  }

  private static func value(_ s: String, _ names: [String: Int]) throws(ParseError) -> Int {
    if let n = names[s.lowercased()] { return n }
    guard let v = Int(s), v >= 0 else {
      throw ParseError(message: "failed to parse int from \(s)")
    }
    return v
  }

  /// Whether the minute `t` (UTC) is a scheduled time.
  public func matches(_ t: CivilTime) -> Bool {
    has(minutes, t.minute) && has(hours, t.hour) && has(months, t.month) && dayMatches(t)
  }

  private func dayMatches(_ t: CivilTime) -> Bool {
    let dom = has(daysOfMonth, t.day)
    let dow = has(daysOfWeek, t.weekday)
    return domStar || dowStar ? dom && dow : dom || dow
  }

  private func has(_ bits: UInt64, _ v: Int) -> Bool { bits & (1 << UInt64(v)) != 0 }

  /// The first scheduled minute strictly after `unixSeconds`, in Unix seconds; nil if none
  /// within five years (robfig gives up after five years as well).
  public func next(after unixSeconds: Int64) -> Int64? {
    var t = CivilTime(unixSeconds: unixSeconds - ((unixSeconds % 60) + 60) % 60 + 60)
    let limit = t.year + 5
    while t.year <= limit {
      if !has(months, t.month) {
        t.month += 1
        t.day = 1
        t.hour = 0
        t.minute = 0
        if t.month > 12 {
          t.month = 1
          t.year += 1
        }
        continue
      }
      if !dayMatches(t) {
        t = CivilTime(unixSeconds: CivilTime(year: t.year, month: t.month, day: t.day, hour: 0, minute: 0).unixSeconds + 86_400)
        continue
      }
      if !has(hours, t.hour) {
        t = CivilTime(unixSeconds: CivilTime(year: t.year, month: t.month, day: t.day, hour: t.hour, minute: 0).unixSeconds + 3600)
        continue
      }
      if !has(minutes, t.minute) {
        t = CivilTime(unixSeconds: t.unixSeconds + 60)
        continue
      }
      return t.unixSeconds
    }
    return nil
  }
}
