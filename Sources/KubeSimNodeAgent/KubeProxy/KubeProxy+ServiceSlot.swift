import KubeSimAPIServer
import KubeSimKernel

extension KubeProxy {
  /// One Service's routing and load state. The per-interval work of a steady Service (offer a
  /// segment, take the aggregate path, settle it) runs in its mutating methods, in place in
  /// `slots`, without copying the route or the statistics.
  struct ServiceSlot {
    var key: String
    var profile: LoadProfile?
    var carry: Int64 = 0
    var router: ServiceRouter?
    var route: Route? {
      didSet {
        endpointCount = Int64(route?.keys.count ?? 0)
        uniform = route?.uniform
      }
    }
    /// `route`'s endpoint count and common capacity (nil: capacities differ or no route).
    private(set) var endpointCount: Int64 = 0
    private(set) var uniform: Int64?? = nil
    /// Whether every routed endpoint serves (nil: to be recomputed).
    var allServing: Bool?
    /// Requests routed by the aggregate path this interval, and the route they were split over:
    /// its endpoint count and common capacity (milli-rps, nil: unbounded).
    var aggregate: Int64 = 0
    var aggregatePods: Int64 = 0
    var aggregateCapacity: Int64? = nil
    /// Requests served and in-flight sum (thousandths) this interval.
    var served: Int64 = 0
    var inFlight: Int64 = 0
    var stats: ServiceTraffic?

    init(key: String) { self.key = key }

    /// Offers the load of the segment [`start`, `start` + `durationUs`): returns the requests
    /// (the remainder of milli-rps × µs carries to the next segment) and the rate at `start`.
    /// Without endpoints they fail at once and 0 is returned.
    mutating func offer(from start: SimTime, durationUs: Int64) -> (requests: Int64, rate: Int64) {
      guard let rate = profile?.milliRPS(at: start) else { return (0, 0) }
      // milli-rps × µs = 10⁻⁹ requests.
      let acc = carry + rate * durationUs
      let requests = acc / 1_000_000_000
      carry = acc % 1_000_000_000
      guard requests > 0 else { return (0, rate) }
      stats?.offered += requests
      guard endpointCount > 0 else {
        stats?.failed += requests
        stats?.failedNoEndpoints += requests
        return (0, rate)
      }
      return (requests, rate)
    }

    /// Takes `requests` on the aggregate path if it applies (`flush`): every endpoint serves
    /// (`allServing`, computed by the caller), one capacity, not least-connection, and over a
    /// traffic interval at `rate` every pod's share is clearly within or clearly past it. Only
    /// their count and the route's shape are kept; IPVS rr advances its rotation. False: the
    /// requests are to be routed endpoint by endpoint.
    mutating func takeAggregate(
      _ requests: Int64, rate: Int64, mode: ProxyMode, intervalUs: Int64
    ) -> Bool {
      guard mode != .ipvsLeastConnection, case .some(let capacity) = uniform, allServing == true
      else { return false }
      if let capacity {
        let interval = Double(intervalUs)
        let room = Double(capacity) * interval / 1e9
        let mean = Double(rate) * interval / 1e9 / Double(endpointCount)
        if mode == .ipvsRoundRobin {
          guard mean.rounded(.up) <= room || mean.rounded(.down) >= room else { return false }
        } else {
          let spread = 6 * (mean * (1 - 1 / Double(endpointCount))).squareRoot()
          guard mean + spread <= room || mean - spread >= room else { return false }
        }
      }
      aggregate += requests
      aggregatePods = endpointCount
      aggregateCapacity = capacity
      if mode == .ipvsRoundRobin {
        var r = router ?? ServiceRouter(mode: mode)
        r.cursor = (r.cursor + Int(requests % endpointCount)) % Int(endpointCount)
        router = r
      }
      return true
    }

    /// Settles the interval's aggregate requests as `aggregatePods` equal M/M/1 queues.
    mutating func settleAggregate(_ intervalUs: Int64, _ timeout: SimDuration) {
      let total = aggregate
      aggregate = 0
      let n = aggregatePods
      guard let (done, perPod) = stats?.queue(
        total, pods: n, capacity: aggregateCapacity, intervalUs, timeout)
      else { return }
      served += done
      inFlight += perPod * n
    }
  }
}

extension ServiceTraffic {
  /// `count` requests spread evenly over `pods` pods of `capacity` (milli-rps, nil: unbounded)
  /// in one interval: served up to capacity (the excess fails), latencies of an M/M/1 queue at
  /// the interval's arrival rate. Returns the served count and the in-flight estimate per pod
  /// (thousandths).
  mutating func queue(
    _ count: Int64, pods: Int64, capacity: Int64?, _ intervalUs: Int64, _ timeout: SimDuration
  ) -> (served: Int64, inFlight: Int64) {
    guard let capacity else {
      latency.addInstant(count)
      served += count
      return (count, 0)
    }
    let done = min(count, pods * capacity * intervalUs / 1_000_000_000)
    let over = count - done
    failed += over
    failedOverload += over
    served += done
    let arrival = count * 1_000_000_000 / intervalUs / max(pods, 1)  // milli-rps per pod
    if arrival < capacity {
      latency.add(spareMilliRPS: capacity - arrival, count: done)
      // M/M/1 mean number in system ρ/(1 − ρ), in thousandths.
      return (done, arrival * 1000 / (capacity - arrival))
    }
    latency.addSaturated(done)
    return (done, capacity * timeout.microseconds / 1_000_000)
  }
}
