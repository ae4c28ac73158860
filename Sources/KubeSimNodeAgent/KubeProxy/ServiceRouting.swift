import KubeSimKernel

/// How kube-proxy spreads a Service's requests over its endpoints, per interval (rates, not one
/// event per request).
///
/// - `iptables`: each connection picks an endpoint uniformly at random (the KUBE-SVC chain's
///   `statistic --mode random --probability 1/n, 1/(n-1), …` rules; pkg/proxy/iptables/proxier.go),
///   drawn from the seed.
/// - `ipvsRoundRobin`: IPVS `rr` (kube-proxy's default IPVS scheduler): in turn, the rotation
///   carried across intervals.
/// - `ipvsLeastConnection`: IPVS `lc`: each connection to the endpoint with the fewest active
///   connections, here water-filling the interval's requests over the endpoints' in-flight counts.
public enum ProxyMode: String, Sendable, Hashable {
  case iptables
  case ipvsRoundRobin = "ipvs-rr"
  case ipvsLeastConnection = "ipvs-lc"
}

/// One endpoint as kube-proxy has it listed.
public struct RoutedEndpoint: Sendable, Hashable {
  public var name: String
  /// False for a pod that is gone but still listed (EndpointSlice not yet updated): its
  /// requests fail.
  public var alive: Bool
  /// Active connections at the start of the interval (least-connection only).
  public var inFlight: Int64

  public init(name: String, alive: Bool = true, inFlight: Int64 = 0) {
    self.name = name
    self.alive = alive
    self.inFlight = inFlight
  }
}

/// Routing state that carries across intervals (the round-robin position).
public struct ServiceRouter: Sendable, Hashable {
  public var mode: ProxyMode
  /// Next endpoint index for round-robin.
  public var cursor: Int = 0

  public init(mode: ProxyMode) { self.mode = mode }

  /// Splits `requests` over `endpoints`: the count each receives, in `endpoints` order.
  public mutating func route(
    _ requests: Int64, to endpoints: [RoutedEndpoint], rng: inout RandomStream
  ) -> [Int64] {
    let n = endpoints.count
    guard n > 0, requests > 0 else { return [Int64](repeating: 0, count: n) }
    var counts = [Int64](repeating: 0, count: n)
    switch mode {
    case .iptables:
      // Sequential binomials give the multinomial: endpoint i takes each of the remaining
      // requests with probability 1/(n − i), as the iptables chain does rule by rule.
      var remaining = requests
      for i in 0..<(n - 1) where remaining > 0 {
        let k = Self.binomial(remaining, 1.0 / Double(n - i), &rng)
        counts[i] = k
        remaining -= k
      }
      counts[n - 1] += remaining
    case .ipvsRoundRobin:
      let each = requests / Int64(n)
      let extra = Int(requests % Int64(n))
      for i in 0..<n { counts[i] = each }
      for j in 0..<extra { counts[(cursor + j) % n] += 1 }
      cursor = (cursor + extra) % n
    case .ipvsLeastConnection:
      // Water-filling: raise the lowest in-flight levels first; ties go to the lower index
      // (IPVS walks its list in order).
      var level = endpoints.map(\.inFlight)
      var left = requests
      while left > 0 {
        let low = level.min() ?? 0
        let atLow = level.indices.filter { level[$0] == low }
        let next = level.filter { $0 > low }.min()
        let room = next.map { ($0 - low) * Int64(atLow.count) } ?? Int64.max
        let give = Swift.min(room, left)
        let each = give / Int64(atLow.count)
        var extra = give % Int64(atLow.count)
        for i in atLow {
          var g = each
          if extra > 0 {
            g += 1
            extra -= 1
          }
          counts[i] += g
          level[i] += g
        }
        left -= give
      }
    }
    return counts
  }

  /// Requests routed to endpoints that are gone but still listed: they all fail (connection
  /// refused or timed out), as with a stale iptables/IPVS rule.
  public static func failedToGone(_ counts: [Int64], _ endpoints: [RoutedEndpoint]) -> Int64 {
    zip(counts, endpoints).reduce(0) { $0 + ($1.1.alive ? 0 : $1.0) }
  }

  /// A binomial(n, p) draw: exact Bernoulli sums up to 64 trials, a clamped normal
  /// approximation (Irwin–Hall) above.
  static func binomial(_ n: Int64, _ p: Double, _ rng: inout RandomStream) -> Int64 {
    if p >= 1 { return n }
    if n <= 64 {
      var k: Int64 = 0
      for _ in 0..<n where rng.uniformDouble() < p { k += 1 }
      return k
    }
    var z = -6.0
    for _ in 0..<12 { z += rng.uniformDouble() }
    let mean = Double(n) * p
    let sd = (mean * (1 - p)).squareRoot()
    return Swift.min(n, Swift.max(0, Int64((mean + sd * z).rounded())))
  }
}

/// Serving one interval's requests at one endpoint, as an M/M/1 queue with the pod's capacity.
///
/// Served = min(offered, capacity); above capacity the excess fails (KubeSim: an overloaded pod
/// times out what it cannot serve). Response time in M/M/1 is exponential with rate
/// capacity − arrival, so its p-quantile is −ln(1 − p) / (capacity − arrival); at or above
/// capacity it is the timeout.
public struct EndpointQueue: Sendable, Hashable {
  /// Requests per second the pod can serve (its `traffic(capacity=…)`), in milli-rps.
  public var capacityMilliRPS: Int64
  /// Latency reported at or above capacity.
  public var timeout: SimDuration

  public init(capacityMilliRPS: Int64, timeout: SimDuration = .seconds(30)) {
    self.capacityMilliRPS = capacityMilliRPS
    self.timeout = timeout
  }

  /// Requests served and failed out of `requests` arriving over `interval`.
  public func serve(_ requests: Int64, over interval: SimDuration) -> (served: Int64, failed: Int64)
  {
    let cap = capacityMilliRPS * interval.microseconds / 1_000_000_000
    let served = Swift.min(requests, Swift.max(cap, 0))
    return (served, requests - served)
  }

  /// The p-quantile (0 < p < 1) of the response time at an arrival rate in milli-rps.
  public func latency(quantile p: Double, arrivalMilliRPS: Int64) -> SimDuration {
    let spare = Double(capacityMilliRPS - arrivalMilliRPS) / 1000
    guard spare > 0, p > 0, p < 1 else { return timeout }
    let seconds = -DeterministicMath.ln(1 - p) / spare
    let us = Int64((seconds * 1_000_000).rounded())
    return us >= timeout.microseconds ? timeout : .microseconds(us)
  }
}
