/// "Nice" axis ticks: steps of 1, 2 or 5 times a power of ten (Heckbert, "Nice numbers for
/// graph labels", Graphics Gems, 1990), and for time axes steps of whole seconds, minutes and
/// hours.
public struct NiceScale: Equatable, Sendable {
  /// The axis start (a multiple of `step`, ≤ the data minimum).
  public let lower: Double
  /// The axis end (a multiple of `step`, ≥ the data maximum).
  public let upper: Double
  /// The distance between ticks.
  public let step: Double

  /// A scale covering `min…max` with about `targetTicks` intervals (at least 1) and a step of
  /// at least `minimumStep` (1 for counts, so a pod axis never shows half pods).
  ///
  /// The step is the smallest of 1, 2, 5 × 10^k that is ≥ (max − min) / targetTicks; the ends
  /// are rounded outwards to multiples of it. An empty range (min = max) is widened to
  /// `min … min + 1` (or around 0). Powers of ten are built by repeated multiplication, not
  /// `pow`/`log10`, so the result does not depend on the platform's libm (STYLE P6).
  public init(min: Double, max: Double, targetTicks: Int = 5, minimumStep: Double = 0) {
    var lo = min.isFinite ? min : 0
    var hi = max.isFinite ? max : 1
    if lo > hi { swap(&lo, &hi) }
    if lo == hi { hi = lo + 1 }
    let raw = (hi - lo) / Double(Swift.max(1, targetTicks))
    let s = Self.niceStep(atLeast: Swift.max(raw, minimumStep))
    step = s
    lower = (lo / s).rounded(.down) * s
    upper = (hi / s).rounded(.up) * s
  }

  /// A time scale in microseconds with steps from `timeSteps` (1 µs … 1 day).
  public init(timeMinMicros: Int64, maxMicros: Int64, targetTicks: Int = 6) {
    // Clamped to ±2^61 µs (73,000 years) so no arithmetic below can overflow.
    let limit: Int64 = 1 << 61
    let lo = Swift.max(-limit, Swift.min(timeMinMicros, maxMicros))
    var hi = Swift.min(limit, Swift.max(timeMinMicros, maxMicros))
    if hi == lo { hi = lo + 1_000_000 }
    let raw = (hi - lo) / Int64(Swift.max(1, targetTicks))
    var s: Int64 = Self.timeSteps.last ?? 86_400_000_000
    for candidate in Self.timeSteps where candidate >= raw {
      s = candidate
      break
    }
    if raw > s { s = (raw + s - 1) / s * s }  // beyond a day: whole days
    step = Double(s)
    lower = Double(Self.floorDiv(lo, s) * s)
    upper = Double(-Self.floorDiv(-hi, s) * s)
  }

  /// Steps allowed on time axes, in microseconds: 1-2-5 below a second, then 1, 2, 5, 10, 15,
  /// 30 s, 1, 2, 5, 10, 15, 30 min, 1, 2, 3, 6, 12 h and 1 day.
  public static let timeSteps: [Int64] = {
    var steps: [Int64] = []
    var p: Int64 = 1
    while p < 1_000_000 {
      steps += [p, 2 * p, 5 * p]
      p *= 10
    }
    let s: Int64 = 1_000_000
    steps += [s, 2 * s, 5 * s, 10 * s, 15 * s, 30 * s]
    steps += [60 * s, 120 * s, 300 * s, 600 * s, 900 * s, 1800 * s]
    steps += [3600 * s, 7200 * s, 10800 * s, 21600 * s, 43200 * s, 86400 * s]
    return steps
  }()

  /// The tick values from `lower` to `upper` inclusive (computed as `lower + i · step`, so no
  /// drift accumulates).
  public var ticks: [Double] {
    let n = Int(((upper - lower) / step).rounded())
    return (0...Swift.max(0, n)).map { i in
      let v = lower + Double(i) * step
      return abs(v) < step * 1e-9 ? 0 : v
    }
  }

  /// Decimals needed to print every tick distinctly (0 for steps ≥ 1).
  public var decimals: Int {
    var d = 0
    var scaled = step
    while d < 12 && (scaled - scaled.rounded()).magnitude > 1e-9 * Swift.max(1, scaled) {
      scaled *= 10
      d += 1
    }
    return d
  }

  /// The smallest 1, 2, 5 × 10^k ≥ `raw` (raw > 0).
  static func niceStep(atLeast raw: Double) -> Double {
    guard raw > 0, raw.isFinite else { return 1 }
    var power = 1.0
    while power > raw { power /= 10 }
    while power * 10 <= raw { power *= 10 }
    // Now power ≤ raw < 10 · power.
    for m in [1.0, 2.0, 5.0, 10.0] where m * power >= raw * (1 - 1e-12) { return m * power }
    return 10 * power
  }

  private static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
    let q = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
  }
}
