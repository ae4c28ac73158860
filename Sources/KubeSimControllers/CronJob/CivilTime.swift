/// Proleptic Gregorian calendar arithmetic in UTC on Unix seconds, for the CronJob
/// controller's simulated wall calendar (no Foundation calendars: they differ across
/// platforms). Days-from-civil and civil-from-days after H. Hinnant, "chrono-Compatible
/// Low-Level Date Algorithms".
public struct CivilTime: Sendable, Hashable {
  public var year: Int
  /// 1…12.
  public var month: Int
  /// 1…31.
  public var day: Int
  public var hour: Int
  public var minute: Int

  public init(year: Int, month: Int, day: Int, hour: Int, minute: Int) {
    self.year = year
    self.month = month
    self.day = day
    self.hour = hour
    self.minute = minute
  }

  /// The civil time of `unixSeconds` (seconds are dropped).
  public init(unixSeconds: Int64) {
    var days = unixSeconds / 86_400
    var rem = unixSeconds % 86_400
    if rem < 0 {
      rem += 86_400
      days -= 1
    }
    let (y, m, d) = CivilTime.civil(fromDays: days)
    self.init(year: y, month: m, day: d, hour: Int(rem / 3600), minute: Int(rem % 3600 / 60))
  }

  /// Seconds since the Unix epoch.
  public var unixSeconds: Int64 {
    CivilTime.days(year: year, month: month, day: day) * 86_400 + Int64(hour * 3600 + minute * 60)
  }

  /// 0 = Sunday … 6 = Saturday.
  public var weekday: Int {
    let d = CivilTime.days(year: year, month: month, day: day)
    return Int(((d % 7) + 11) % 7)  // 1970-01-01 was a Thursday (4)
  }

  /// Days in `month` of `year`.
  public static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  static func days(year: Int, month: Int, day: Int) -> Int64 {
    let y = Int64(month <= 2 ? year - 1 : year)
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let m = Int64(month)
    let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  static func civil(fromDays z0: Int64) -> (Int, Int, Int) {
    let z = z0 + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
    return (Int(y), Int(m), Int(d))
  }
}
