import KubeSimKernel
import KubeSimModel
import KubeSimYAML

extension SimulationSettings {
  /// Applies one `settings:` entry of a scenario (`spec.settings.<key>`).
  ///
  /// Durations use Go syntax (`10ms`, `40s`); sizes and counts are integers; flags are
  /// booleans; `timeBase` is an RFC 3339 UTC time (`2026-01-01T00:00:00Z`). Unknown keys and
  /// bad values throw `ManifestError` at the value with path `spec.settings.<key>`, e.g.
  /// `s.yaml:9:16: spec.settings.watchDelay: expected a duration such as 10ms or 1m30s, found "soon"`.
  public mutating func set(_ key: String, _ value: YAMLNode) throws(ManifestError) {
    let path = "spec.settings." + key
    switch key {
    case "watchDelay": watchDelay = try Self.duration(value, path)
    case "schedulerCycleCost": schedulerCycleCost = try Self.duration(value, path)
    case "containerStartDelay": containerStartDelay = try Self.duration(value, path)
    case "nodeStatusUpdateFrequency": nodeStatusUpdateFrequency = try Self.duration(value, path)
    case "nodeMonitorPeriod": nodeMonitorPeriod = try Self.duration(value, path)
    case "nodeMonitorGracePeriod": nodeMonitorGracePeriod = try Self.duration(value, path)
    case "nodeStartupGracePeriod": nodeStartupGracePeriod = try Self.duration(value, path)
    case "podInitialBackoff": podInitialBackoff = try Self.duration(value, path)
    case "podMaxBackoff": podMaxBackoff = try Self.duration(value, path)
    case "imagePullBandwidthBytesPerSecond":
      imagePullBandwidthBytesPerSecond = try Self.integer(value, path, minimum: 1)
    case "defaultImageSizeBytes": defaultImageSizeBytes = try Self.integer(value, path, minimum: 0)
    case "defaultNotReadyTolerationSeconds":
      defaultNotReadyTolerationSeconds = try Self.integer(value, path, minimum: 0)
    case "defaultUnreachableTolerationSeconds":
      defaultUnreachableTolerationSeconds = try Self.integer(value, path, minimum: 0)
    case "maxEvents": maxEvents = Int(try Self.integer(value, path, minimum: 1))
    case "serializeImagePulls": serializeImagePulls = try Self.bool(value, path)
    case "checkInvariants": checkInvariants = try Self.bool(value, path)
    case "timeBase": timeBaseUnixSeconds = try Self.rfc3339(value, path)
    default:
      var message = "unknown setting \"\(key)\""
      if let near = Self.keys.first(where: { $0.lowercased() == key.lowercased() })
        ?? Self.keys.first(where: { Self.sharesPrefix($0, key) })
      {
        message += "; did you mean \"\(near)\"?"
      }
      message += " Known settings: " + Self.keys.joined(separator: ", ")
      throw ManifestError(message, at: value.location, path: path)
    }
  }

  private static func sharesPrefix(_ a: String, _ b: String) -> Bool {
    let n = min(6, min(a.count, b.count))
    return n >= 4 && a.lowercased().prefix(n) == b.lowercased().prefix(n)
  }

  private static func found(_ node: YAMLNode) -> String {
    switch node.content {
    case .scalar(let s): return "\"\(s.text)\""
    case .sequence: return "a sequence"
    case .mapping: return "a mapping"
    }
  }

  static func duration(_ node: YAMLNode, _ path: String) throws(ManifestError) -> SimDuration {
    guard case .scalar(let s) = node.content else {
      throw ManifestError(
        "expected a duration such as 10ms or 1m30s, found \(found(node))", at: node.location,
        path: path)
    }
    let d: SimDuration
    do {
      d = try SimDuration(parsing: s.text)
    } catch {
      throw ManifestError(
        "expected a duration such as 10ms or 1m30s, found \"\(s.text)\"", at: node.location,
        path: path)
    }
    if d < .zero {
      throw ManifestError(
        "expected a duration that is not negative, found \"\(s.text)\"", at: node.location,
        path: path)
    }
    return d
  }

  static func integer(_ node: YAMLNode, _ path: String, minimum: Int64) throws(ManifestError)
    -> Int64
  {
    guard case .scalar(let s) = node.content, case .int(let v) = s.value else {
      throw ManifestError(
        "expected an integer, found \(found(node))", at: node.location, path: path)
    }
    if v < minimum {
      throw ManifestError(
        "expected an integer of at least \(minimum), found \(v)", at: node.location, path: path)
    }
    return v
  }

  static func bool(_ node: YAMLNode, _ path: String) throws(ManifestError) -> Bool {
    guard case .scalar(let s) = node.content, case .bool(let v) = s.value else {
      throw ManifestError(
        "expected true or false, found \(found(node))", at: node.location, path: path)
    }
    return v
  }

  /// Parses `YYYY-MM-DDTHH:MM:SSZ` (UTC, whole seconds) into seconds since the Unix epoch.
  static func rfc3339(_ node: YAMLNode, _ path: String) throws(ManifestError) -> Int64 {
    let error = ManifestError(
      "expected an RFC 3339 UTC time such as 2026-01-01T00:00:00Z, found \(found(node))",
      at: node.location, path: path)
    guard case .scalar(let s) = node.content else { throw error }
    let c = Array(s.text.utf8)
    guard c.count == 20, c[4] == 45, c[7] == 45, c[10] == 84 || c[10] == 116, c[13] == 58,
      c[16] == 58, c[19] == 90 || c[19] == 122
    else { throw error }
    func num(_ r: Range<Int>) -> Int64? {
      var v: Int64 = 0
      for i in r {
        guard c[i] >= 48 && c[i] <= 57 else { return nil }
        v = v * 10 + Int64(c[i] - 48)
      }
      return v
    }
    guard let y = num(0..<4), let mo = num(5..<7), let d = num(8..<10), let h = num(11..<13),
      let mi = num(14..<16), let se = num(17..<19), (1...12).contains(mo), (1...31).contains(d),
      h < 24, mi < 60, se < 60
    else { throw error }
    return daysFromCivil(y, mo, d) * 86_400 + h * 3_600 + mi * 60 + se
  }

  /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
  static func daysFromCivil(_ y0: Int64, _ m: Int64, _ d: Int64) -> Int64 {
    let y = m <= 2 ? y0 - 1 : y0
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }
}
