import KubeSimKernel

/// The response-time distribution of a Service's served requests: a mixture of the M/M/1
/// response times (exponential with rate capacity − arrival) of every pod and interval,
/// weighted by the requests served there.
///
/// Rates are bucketed log-linearly (16 sub-buckets per power of two, ≤ 1/16 relative error), so
/// a day of 1 s intervals holds a few hundred buckets. Requests served at or above capacity are
/// counted at the timeout; requests to pods without a capacity at 0. Quantiles are found by
/// bisection on the mixture's CDF, summed in bucket order (deterministic).
public struct LatencyMixture: Sendable, Hashable {
  /// Served requests per rate bucket (key: bucket index of the spare rate in milli-rps).
  var buckets: [Int32: Int64] = [:]
  /// Requests served instantly (pods without capacity).
  public private(set) var instant: Int64 = 0
  /// Requests served at the timeout (pods at or past capacity).
  public private(set) var saturated: Int64 = 0

  public init() {}

  /// All requests recorded.
  public var count: Int64 { buckets.values.reduce(0, +) + instant + saturated }

  /// Adds `n` requests served with exponential response time of rate `spareMilliRPS`/1000 per s.
  public mutating func add(spareMilliRPS: Int64, count n: Int64) {
    guard n > 0 else { return }
    guard spareMilliRPS > 0 else {
      saturated += n
      return
    }
    buckets[Self.bucket(spareMilliRPS), default: 0] += n
  }

  /// Adds requests served at once (no capacity model).
  public mutating func addInstant(_ n: Int64) { instant += max(0, n) }

  /// Adds requests served at the timeout (at or past capacity).
  public mutating func addSaturated(_ n: Int64) { saturated += max(0, n) }

  static func bucket(_ v: Int64) -> Int32 {
    let e = 63 - v.leadingZeroBitCount  // floor(log2 v)
    let sub = e >= 4 ? Int32((v >> (e - 4)) & 15) : Int32(v & 15)
    return Int32(e) * 16 + sub
  }

  /// The representative (mid-bucket) rate of a bucket, in milli-rps.
  static func rate(_ b: Int32) -> Double {
    let e = Int(b / 16)
    let sub = Double(b % 16)
    if e < 4 { return Double(b % 16) }
    return (16 + sub + 0.5) * Double(Int64(1) << (e - 4))
  }

  /// The `q`-quantile (0 < q < 1) of the response time, in microseconds, bounded by `timeout`;
  /// nil when nothing was served.
  public func quantile(_ q: Double, timeout: SimDuration) -> Int64? {
    let total = count
    guard total > 0 else { return nil }
    let keys = buckets.keys.sorted()
    let rates = keys.map { Self.rate($0) / 1000 }  // per second
    let weights = keys.map { Double(buckets[$0] ?? 0) }
    let tmax = Double(timeout.microseconds) / 1_000_000
    // CDF at x seconds (fraction of requests done by x).
    func cdf(_ x: Double) -> Double {
      var done = Double(instant)
      for i in rates.indices { done += weights[i] * (1 - DeterministicMath.exp(-rates[i] * x)) }
      if x >= tmax { done += Double(saturated) }
      return done / Double(total)
    }
    if cdf(0) >= q { return 0 }
    if cdf(tmax * (1 - 1e-12)) < q { return timeout.microseconds }
    var lo = 0.0
    var hi = tmax
    for _ in 0..<60 {
      let mid = (lo + hi) / 2
      if cdf(mid) >= q { hi = mid } else { lo = mid }
    }
    return Int64((hi * 1_000_000).rounded())
  }

  /// Adds another mixture's requests.
  public mutating func merge(_ other: LatencyMixture) {
    for (k, v) in other.buckets { buckets[k, default: 0] += v }
    instant += other.instant
    saturated += other.saturated
  }
}
