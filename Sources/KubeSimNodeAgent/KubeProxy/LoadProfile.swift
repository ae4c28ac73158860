import KubeSimAPIServer
import KubeSimKernel

/// The request rate offered to one Service over time: a base rate (constant, or diurnal around
/// it) and spikes that replace it for a while. Rates are in milli-requests per second.
///
/// Set by the timeline's `load:` action; `0rps` with no spikes stops the load. Evaluated with
/// the same deterministic sine as usage curves (no libm).
public struct LoadProfile: Sendable, Hashable {
  /// A sinusoidal variation of the base rate: base + amplitude · sin(2π(t − phase)/period).
  public struct Diurnal: Sendable, Hashable {
    public var amplitudeMilliRPS: Int64
    public var period: SimDuration
    public var phase: SimDuration
    public init(amplitudeMilliRPS: Int64, period: SimDuration, phase: SimDuration) {
      self.amplitudeMilliRPS = amplitudeMilliRPS
      self.period = period
      self.phase = phase
    }
  }

  /// A burst: from `at` (simulated time) for `duration`, the offered rate is `rpsMilli`.
  public struct Spike: Sendable, Hashable {
    public var at: SimTime
    public var duration: SimDuration
    public var milliRPS: Int64
    public init(at: SimTime, duration: SimDuration, milliRPS: Int64) {
      self.at = at
      self.duration = duration
      self.milliRPS = milliRPS
    }
  }

  /// The base rate.
  public var milliRPS: Int64
  public var diurnal: Diurnal?
  public var spikes: [Spike]

  public init(milliRPS: Int64, diurnal: Diurnal? = nil, spikes: [Spike] = []) {
    self.milliRPS = milliRPS
    self.diurnal = diurnal
    self.spikes = spikes
  }

  /// True when the profile never offers anything (it stops the Service's load).
  public var isOff: Bool { milliRPS == 0 && diurnal == nil && spikes.isEmpty }

  /// The offered rate at `t` in milli-rps: the largest active spike, else the base (with its
  /// diurnal variation), never below 0.
  public func milliRPS(at t: SimTime) -> Int64 {
    var spike: Int64 = -1
    for s in spikes where s.at <= t && t < s.at + s.duration { spike = max(spike, s.milliRPS) }
    if spike >= 0 { return spike }
    guard let d = diurnal else { return max(0, milliRPS) }
    let wave = UsageSine.sinTurns(t.sinceStart - d.phase, period: d.period)
    return max(0, milliRPS + Int64((Double(d.amplitudeMilliRPS) * wave).rounded()))
  }

  /// Parses a rate: `800rps`, `800`, `12.5rps` (at most three decimals).
  public static func parseRate(_ text: String) -> Int64? {
    var t = Substring(text.filter { $0 != " " })
    if t.hasSuffix("rps") { t = t.dropLast(3) }
    let parts = t.split(separator: ".", omittingEmptySubsequences: false)
    guard (1...2).contains(parts.count), let whole = Int64(parts[0]), whole >= 0,
      !parts[0].isEmpty, parts[0].allSatisfy(\.isNumber), whole < 1_000_000_000_000
    else { return nil }
    var milli = whole * 1000
    if parts.count == 2 {
      let frac = parts[1]
      guard (1...3).contains(frac.count), frac.allSatisfy(\.isNumber), let f = Int64(frac) else {
        return nil
      }
      var scale: Int64 = 1
      for _ in 0..<(3 - frac.count) { scale *= 10 }
      milli += f * scale
    }
    return milli
  }
}
