import KubeSimKernel
import KubeSimNodeAgent
import KubeSimYAML

/// Decodes a timeline `load:` value: the string form `service/web 800rps` (`0rps` stops the
/// load) or the structured form
///
/// ```yaml
/// load:
///   service: web                 # or namespace/web
///   rps: 400                     # base rate (800rps, 12.5 also accepted)
///   diurnal: {amplitude: 200rps, period: 24h, phase: 6h}   # optional: base + amplitude·sin(2π(t − phase)/period)
///   spikes:                      # optional: the rate is `rps` from `at` (run time) for `duration`
///     - {at: 10m, duration: 5m, rps: 1200}
/// ```
enum LoadDecoder {
  static func decode(_ field: YAMLField, at: SimTime) throws(ScenarioDiagnostic) -> (
    service: String, profile: LoadProfile, text: String
  ) {
    if case .mapping = field.node.content { return try structured(field) }
    let text = try field.string()
    let words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
    guard words.count == 2, words[0].hasPrefix("service/") || words[0].hasPrefix("svc/") else {
      throw field.error(
        "expected service/NAME RATE such as \"service/web 800rps\", found \(field.foundText)")
    }
    let name = String(words[0].split(separator: "/", maxSplits: 1)[1])
    guard !name.isEmpty else { throw field.error("expected a Service name after service/") }
    guard let rate = LoadProfile.parseRate(words[1]) else {
      throw field.error("expected a rate such as 800rps, found \"\(words[1])\"")
    }
    return (qualified(name), LoadProfile(milliRPS: rate), text)
  }

  static func qualified(_ name: String) -> String {
    name.contains("/") ? name : "default/" + name
  }

  static func rate(_ f: YAMLField) throws(ScenarioDiagnostic) -> Int64 {
    guard case .scalar(let s) = f.node.content, let r = LoadProfile.parseRate(s.text) else {
      throw f.error("expected a rate such as 800rps, found \(f.foundText)")
    }
    return r
  }

  static func structured(_ field: YAMLField) throws(ScenarioDiagnostic) -> (
    service: String, profile: LoadProfile, text: String
  ) {
    let fields = try field.mapping(allowed: ["service", "rps", "diurnal", "spikes"])
    func get(_ k: String) -> YAMLField? { fields.first { $0.0 == k }?.1 }
    guard let svc = get("service") else { throw field.error("load needs service:") }
    var name = try svc.string()
    if name.hasPrefix("service/") { name = String(name.dropFirst("service/".count)) }
    guard !name.isEmpty else { throw svc.error("expected a Service name") }
    var profile = LoadProfile(milliRPS: 0)
    if let r = get("rps") { profile.milliRPS = try rate(r) }
    var text = "service/\(name) \(RateFormat.rps(profile.milliRPS))"
    if let d = get("diurnal") {
      let dm = try d.mapping(allowed: ["amplitude", "period", "phase"])
      func dget(_ k: String) -> YAMLField? { dm.first { $0.0 == k }?.1 }
      guard let a = dget("amplitude") else { throw d.error("diurnal needs amplitude:") }
      let period = try dget("period")?.duration() ?? .hours(24)
      guard period > .zero else { throw (dget("period") ?? d).error("period must be positive") }
      profile.diurnal = LoadProfile.Diurnal(
        amplitudeMilliRPS: try rate(a), period: period,
        phase: try dget("phase")?.duration() ?? .zero)
      text += " diurnal ±\(RateFormat.rps(try rate(a))) over \(period)"
    }
    if let s = get("spikes") {
      for item in try s.sequence() {
        let sm = try item.mapping(allowed: ["at", "duration", "rps"])
        func sget(_ k: String) -> YAMLField? { sm.first { $0.0 == k }?.1 }
        guard let at = sget("at"), let dur = sget("duration"), let r = sget("rps") else {
          throw item.error("a spike needs at:, duration: and rps:")
        }
        let t = try at.duration()
        let d = try dur.duration()
        if t < .zero || d <= .zero {
          throw item.error("a spike needs at ≥ 0s and a positive duration")
        }
        profile.spikes.append(
          LoadProfile.Spike(
            at: SimTime(microseconds: t.microseconds), duration: d, milliRPS: try rate(r)))
        text += " spike \(RateFormat.rps(try rate(r))) at \(t) for \(d)"
      }
    }
    return (qualified(name), profile, text)
  }
}

/// Rates as written in scenarios: `800rps`, `12.5rps`.
enum RateFormat {
  static func rps(_ milli: Int64) -> String {
    let whole = milli / 1000
    var frac = milli % 1000
    guard frac != 0 else { return "\(whole)rps" }
    var digits = 3
    while frac % 10 == 0 {
      frac /= 10
      digits -= 1
    }
    let f = String(frac)
    return "\(whole)." + String(repeating: "0", count: digits - f.count) + f + "rps"
  }
}
