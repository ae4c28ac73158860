extension CivilTime {
  /// Go's `time.RFC1123Z` layout in UTC, "Mon, 02 Jan 2006 15:04:05 -0700" with offset
  /// `+0000`, as cronjob_controllerv2.go formats the `MissSchedule` time
  /// (`scheduledTime.UTC().Format(time.RFC1123Z)`).
  public static func rfc1123Z(unixSeconds: Int64) -> String {
    let c = CivilTime(unixSeconds: unixSeconds)
    var rem = unixSeconds % 60
    if rem < 0 { rem += 60 }
    let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    let months = [
      "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]
    func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
    var year = String(c.year)
    while year.count < 4 { year = "0" + year }
    return "\(days[c.weekday]), \(two(c.day)) \(months[c.month - 1]) \(year) "
      + "\(two(c.hour)):\(two(c.minute)):\(two(Int(rem))) +0000"
  }
}
