import KubeSimKernel

/// Deterministic arithmetic for usage curves: only IEEE `+ − × ÷` and integer hashing, so every
/// platform evaluates the same curve to the same bits (STYLE.md P6; libm's `sin` is not pinned).
enum UsageMath {
  /// Index of the `every`-long interval containing `t` (0 for a non-positive interval).
  static func bucket(_ t: SimTime, _ every: SimDuration) -> Int64 {
    guard every.microseconds > 0, t.microseconds > 0 else { return 0 }
    return t.microseconds / every.microseconds
  }

  /// `value × milli / 1000` without overflow for realistic magnitudes.
  static func scaleMilli(_ value: Int64, _ milli: Int64) -> Int64 {
    Int64((Double(value) * Double(milli) / 1000).rounded())
  }

  /// sin(2π · t / period): the fraction of the period is taken exactly on integer microseconds,
  /// then reduced to an octant and summed as a Taylor series (error below 10⁻¹⁶).
  static func sinTurns(_ t: SimDuration, period: SimDuration) -> Double {
    guard period.microseconds > 0 else { return 0 }
    var r = t.microseconds % period.microseconds
    if r < 0 { r += period.microseconds }
    let turns = Double(r) / Double(period.microseconds)  // [0, 1)
    // sin(2πx) by quadrant: x in [0, ¼) → sin, [¼, ½) → cos, and the negatives.
    let q = Int(turns * 4)
    let f = turns * 4 - Double(q)  // [0, 1) within the quadrant
    let angle = f * (Double.pi / 2)
    let s: Double
    switch q {
    case 0: s = sinSeries(angle)
    case 1: s = cosSeries(angle)
    case 2: s = -sinSeries(angle)
    default: s = -cosSeries(angle)
    }
    return s
  }

  private static func sinSeries(_ x: Double) -> Double {
    // x in [0, π/2]: terms to x¹⁹/19! (error below 10⁻¹⁷).
    var term = x
    var sum = x
    let x2 = x * x
    var n = 1.0
    for _ in 0..<9 {
      term = -term * x2 / ((n + 1) * (n + 2))
      sum += term
      n += 2
    }
    return sum
  }

  private static func cosSeries(_ x: Double) -> Double {
    var term = 1.0
    var sum = 1.0
    let x2 = x * x
    var n = 0.0
    for _ in 0..<10 {
      term = -term * x2 / ((n + 1) * (n + 2))
      sum += term
      n += 2
    }
    return sum
  }

  /// A uniform double in [0, 1) from a seed and an index (SplitMix64 finaliser; no state).
  static func uniform(seed: UInt64, index: Int64, lane: UInt64 = 0) -> Double {
    let h = SplitMix64.mix(
      seed ^ SplitMix64.mix(UInt64(bitPattern: index) &+ lane &* 0x9E37_79B9_7F4A_7C15))
    return Double(h >> 11) * 0x1.0p-53
  }

  /// An approximately standard normal draw (Irwin–Hall: the sum of 12 uniforms minus 6),
  /// a pure function of (seed, bucket). Bounded to ±6.
  static func standardNormal(seed: UInt64, bucket: Int64) -> Double {
    var s = 0.0
    for lane in 0..<12 { s += uniform(seed: seed, index: bucket, lane: UInt64(lane) + 1) }
    return s - 6
  }

  /// The random walk after `steps` steps of ± `step`, reflected inside [min, max]. Cost is
  /// O(steps); a day at one step per minute is 1,440 hash evaluations.
  static func walk(
    start: Int64, step: Int64, min lo: Int64, max hi: Int64, steps: Int64, seed: UInt64
  )
    -> Int64
  {
    var v = Swift.min(Swift.max(start, lo), Swift.max(lo, hi))
    guard steps > 0 else { return v }
    for i in 1...steps { v = walkStep(v, index: i, step: step, min: lo, max: hi, seed: seed) }
    return v
  }

  /// Step number `i` (from 1) of the walk from `v`.
  static func walkStep(
    _ v: Int64, index i: Int64, step: Int64, min lo: Int64, max hi: Int64, seed: UInt64
  )
    -> Int64
  {
    let up = SplitMix64.mix(seed &+ UInt64(bitPattern: i) &* 0xD1B5_4A32_D192_ED03) & 1 == 1
    var w = v + (up ? step : -step)
    if w > hi { w = Swift.max(lo, 2 * hi - w) }
    if w < lo { w = Swift.min(hi, 2 * lo - w) }
    return w
  }

  /// Linear interpolation of `points` (increasing times) at `t`, rounded to the nearest unit;
  /// constant before the first point and after the last.
  static func interpolate(
    _ points: [(at: SimDuration, amount: UsageAmount)], at t: SimDuration, request: Int64
  ) -> Int64 {
    guard let first = points.first, let last = points.last else { return 0 }
    if t <= first.at { return first.amount.resolve(request: request) }
    if t >= last.at { return last.amount.resolve(request: request) }
    var lo = 0
    var hi = points.count - 1
    while hi - lo > 1 {
      let mid = (lo + hi) / 2
      if points[mid].at <= t { lo = mid } else { hi = mid }
    }
    let a = points[lo]
    let b = points[hi]
    let va = Double(a.amount.resolve(request: request))
    let vb = Double(b.amount.resolve(request: request))
    let f = Double((t - a.at).microseconds) / Double((b.at - a.at).microseconds)
    return Int64((va + (vb - va) * f).rounded())
  }
}
