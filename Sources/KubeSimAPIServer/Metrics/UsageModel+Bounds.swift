import KubeSimKernel

extension UsageModel {
  /// An upper bound of `value` over all times and seeds for a container whose request is
  /// `request`, with no traffic (served 0, nothing in flight: a traffic-driven model's base; the
  /// kubelet adds its traffic at the ledger's values, `Kubelet+TrafficMemory.swift`). Used to
  /// skip work that could only matter if usage came near a threshold; it need not be tight.
  public func upperBoundWithoutTraffic(request r: Int64) -> Int64 {
    let v: Int64
    switch self {
    case .constant(let a):
      v = a.resolve(request: r)
    case .diurnal(let mean, let amplitude, _, _):
      // mean + amplitude · sin, rounded: at most mean + |amplitude| + 1.
      v = mean.resolve(request: r).saturatingAdd(abs(amplitude.resolve(request: r)) + 1)
    case .noise(let mean, let sd, _):
      // `UsageMath.standardNormal` sums 12 uniforms minus 6: |z| ≤ 6.
      v = mean.resolve(request: r).saturatingAdd(
        abs(sd.resolve(request: r)).saturatingMultiply(6).saturatingAdd(1))
    case .walk(let start, let step, _, let lo, let hi):
      // Reflected inside [min, max] (`UsageMath.walk`); one step of slack for odd bounds.
      v = Swift.max(start.resolve(request: r), lo.resolve(request: r), hi.resolve(request: r))
        .saturatingAdd(abs(step.resolve(request: r)))
    case .steps(let points), .series(let points):
      v = points.map { $0.amount.resolve(request: r) }.max() ?? 0
    case .traffic(let base, _, _, _):
      v = base.resolve(request: r)
    }
    return Swift.max(0, v)
  }
}

extension UsageModel {
  /// Whether `value` depends on neither time nor seed when no traffic is fed in (a constant, or
  /// a traffic-driven model, which is then its base): what the eviction manager may cache,
  /// unless it `readsTraffic`.
  public var isConstantWithoutTraffic: Bool {
    switch self {
    case .constant, .traffic: return true
    case .diurnal, .noise, .walk, .steps, .series: return false
    }
  }
}

extension UsageModel {
  /// Whether `value` depends on the traffic fed in: a traffic-driven model with a per-request
  /// or per-inflight amount that is not zero (the kubelet evaluates those against the ledger).
  public var readsTraffic: Bool {
    guard case .traffic(_, let perRequest, let perInFlight, _) = self else { return false }
    return !perRequest.isZero || !perInFlight.isZero
  }
}

extension UsageAmount {
  /// Whether the amount is zero for every request.
  public var isZero: Bool {
    switch self {
    case .absolute(let v), .perMilleOfRequest(let v): return v == 0
    }
  }
}
