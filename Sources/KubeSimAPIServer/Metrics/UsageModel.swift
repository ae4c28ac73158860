import KubeSimKernel

/// The resource a usage model describes: CPU in millicores or memory in bytes.
public enum UsageResource: String, Sendable, Hashable {
  case cpu
  case memory
}

/// An amount in a usage model: absolute (millicores or bytes) or a per-mille fraction of the
/// container's request (`50%` is 500‰), resolved when the model is evaluated.
public enum UsageAmount: Sendable, Hashable {
  case absolute(Int64)
  case perMilleOfRequest(Int64)

  /// The amount for a container whose request is `request` (millicores or bytes; 0 if none).
  public func resolve(request: Int64) -> Int64 {
    switch self {
    case .absolute(let v): return v
    case .perMilleOfRequest(let pm):
      let (p, overflow) = request.multipliedReportingOverflow(by: pm)
      return overflow ? Int64.max / 1000 : p / 1000
    }
  }
}

/// What a usage model is evaluated against: the simulated time, the container's request, the
/// traffic routed to it, and the seed drawn for it from the run's `workload` stream.
public struct UsageInput: Sendable, Hashable {
  /// Simulated time since the start of the run (all curves share the run's clock, so a diurnal
  /// day and timeline steps line up across pods).
  public var time: SimTime
  /// The container's request for the resource (millicores or bytes); 0 when it has none.
  public var request: Int64
  /// Requests per second served by the container (traffic-driven models), in milli-rps.
  public var servedMilliRPS: Int64
  /// Requests in flight in the container (traffic-driven memory), in thousandths.
  public var inFlightMilli: Int64
  /// Per-container seed for noise and random walks (drawn once from the `workload` stream).
  public var seed: UInt64

  public init(
    time: SimTime, request: Int64 = 0, servedMilliRPS: Int64 = 0, inFlightMilli: Int64 = 0,
    seed: UInt64 = 0
  ) {
    self.time = time
    self.request = request
    self.servedMilliRPS = servedMilliRPS
    self.inFlightMilli = inFlightMilli
    self.seed = seed
  }
}

/// How a container's usage of one resource varies: a pure function of `UsageInput`, evaluated
/// lazily (whoever needs a value asks for it at a time), so a 150,000-container day costs no event
/// per container per sample.
///
/// Annotation syntax (`sim.kubesim.io/cpu`, `sim.kubesim.io/memory`, or `<key>.<container>`):
///
/// | value | meaning |
/// |---|---|
/// | `180m`, `300Mi` | constant |
/// | `50%` | a fraction of the container's request |
/// | `diurnal(mean=200m, amplitude=100m, period=24h, phase=6h)` | mean + amplitude · sin(2π(t − phase)/period); period defaults to 24h, phase to 0 |
/// | `noise(mean=200m, sd=40m, every=30s)` | mean plus seeded, approximately normal noise, redrawn every `every` (default 15s) |
/// | `walk(start=200m, step=20m, every=1m, min=0, max=1)` | seeded random walk: ± step each `every`, reflected inside [min, max] |
/// | `steps(0s=100m, 5m=400m, 10m=200m)` | piecewise constant from those simulated times on (before the first: its value) |
/// | `series(0s=100m, 5m=400m)` | linear between the points (before the first and after the last: their values) |
/// | `csv(usage.csv)` | a `time,value` file next to the scenario, read by the loader into `series(...)` |
/// | `traffic(base=50m, per-request=2m, capacity=100rps)` | CPU: base + per-request × served requests/s (capacity caps what a pod serves; the Service model queues the rest) |
/// | `traffic(base=200Mi, per-inflight=1Mi, capacity=100rps)` | memory: base + per-inflight × requests in flight |
///
/// Amounts accept `%` of the request everywhere. Results are clamped at 0.
public indirect enum UsageModel: Sendable, Hashable {
  case constant(UsageAmount)
  case diurnal(mean: UsageAmount, amplitude: UsageAmount, period: SimDuration, phase: SimDuration)
  case noise(mean: UsageAmount, sd: UsageAmount, every: SimDuration)
  case walk(
    start: UsageAmount, step: UsageAmount, every: SimDuration, min: UsageAmount,
    max: UsageAmount)
  case steps([(at: SimDuration, amount: UsageAmount)])
  /// Linear interpolation between points (`series(...)`, what `csv(FILE)` becomes): before the
  /// first point its value, after the last the last value.
  case series([(at: SimDuration, amount: UsageAmount)])
  case traffic(
    base: UsageAmount, perRequest: UsageAmount, perInFlight: UsageAmount, capacityMilliRPS: Int64?)

  /// The capacity in milli-requests/s of a traffic-driven model, nil otherwise or if unbounded.
  public var capacityMilliRPS: Int64? {
    if case .traffic(_, _, _, let c) = self { return c }
    return nil
  }

  /// Usage (millicores or bytes) for `input`.
  public func value(_ input: UsageInput) -> Int64 {
    let r = input.request
    let v: Int64
    switch self {
    case .constant(let a):
      v = a.resolve(request: r)
    case .diurnal(let mean, let amplitude, let period, let phase):
      let m = Double(mean.resolve(request: r))
      let a = Double(amplitude.resolve(request: r))
      v = Int64(
        (m + a * UsageMath.sinTurns(input.time.sinceStart - phase, period: period)).rounded())
    case .noise(let mean, let sd, let every):
      let bucket = UsageMath.bucket(input.time, every)
      let z = UsageMath.standardNormal(seed: input.seed, bucket: bucket)
      v = Int64(
        (Double(mean.resolve(request: r)) + Double(sd.resolve(request: r)) * z).rounded())
    case .walk(let start, let step, let every, let lo, let hi):
      v = UsageMath.walk(
        start: start.resolve(request: r), step: step.resolve(request: r),
        min: lo.resolve(request: r), max: hi.resolve(request: r),
        steps: UsageMath.bucket(input.time, every), seed: input.seed)
    case .steps(let points):
      var current = points.first?.amount.resolve(request: r) ?? 0
      for p in points where p.at <= input.time.sinceStart { current = p.amount.resolve(request: r) }
      v = current
    case .series(let points):
      v = UsageMath.interpolate(points, at: input.time.sinceStart, request: r)
    case .traffic(let base, let perRequest, let perInFlight, let capacity):
      return Self.trafficValue(
        base: base.resolve(request: r), perRequest: perRequest.resolve(request: r),
        perInFlight: perInFlight.resolve(request: r), capacity: capacity,
        servedMilliRPS: input.servedMilliRPS, inFlightMilli: input.inFlightMilli)
    }
    return Swift.max(0, v)
  }

  /// `value` of `traffic(...)` with its amounts resolved: base + per-request × min(served,
  /// capacity) + per-inflight × in flight, at least 0 (the kubelet keeps resolved amounts).
  public static func trafficValue(
    base: Int64, perRequest: Int64, perInFlight: Int64, capacity: Int64?,
    servedMilliRPS: Int64, inFlightMilli: Int64
  ) -> Int64 {
    let served = Swift.min(servedMilliRPS, capacity ?? Int64.max)
    let v =
      base + UsageMath.scaleMilli(perRequest, served)
      + UsageMath.scaleMilli(perInFlight, inFlightMilli)
    return Swift.max(0, v)
  }

  public static func == (a: UsageModel, b: UsageModel) -> Bool {
    switch (a, b) {
    case (.series(let x), .series(let y)):
      return x.count == y.count && zip(x, y).allSatisfy { $0.at == $1.at && $0.amount == $1.amount }
    case (.steps(let x), .steps(let y)):
      return x.count == y.count && zip(x, y).allSatisfy { $0.at == $1.at && $0.amount == $1.amount }
    case (.constant(let x), .constant(let y)): return x == y
    case (.diurnal(let a1, let a2, let a3, let a4), .diurnal(let b1, let b2, let b3, let b4)):
      return a1 == b1 && a2 == b2 && a3 == b3 && a4 == b4
    case (.noise(let a1, let a2, let a3), .noise(let b1, let b2, let b3)):
      return a1 == b1 && a2 == b2 && a3 == b3
    case (
      .walk(let a1, let a2, let a3, let a4, let a5), .walk(let b1, let b2, let b3, let b4, let b5)
    ):
      return a1 == b1 && a2 == b2 && a3 == b3 && a4 == b4 && a5 == b5
    case (.traffic(let a1, let a2, let a3, let a4), .traffic(let b1, let b2, let b3, let b4)):
      return a1 == b1 && a2 == b2 && a3 == b3 && a4 == b4
    default: return false
    }
  }

  public func hash(into h: inout Hasher) {
    switch self {
    case .constant(let a):
      h.combine(0)
      h.combine(a)
    case .diurnal(let m, let a, let p, let ph):
      h.combine(1)
      h.combine(m)
      h.combine(a)
      h.combine(p)
      h.combine(ph)
    case .noise(let m, let s, let e):
      h.combine(2)
      h.combine(m)
      h.combine(s)
      h.combine(e)
    case .walk(let s, let st, let e, let lo, let hi):
      h.combine(3)
      h.combine(s)
      h.combine(st)
      h.combine(e)
      h.combine(lo)
      h.combine(hi)
    case .steps(let pts):
      h.combine(4)
      for p in pts {
        h.combine(p.at)
        h.combine(p.amount)
      }
    case .series(let pts):
      h.combine(6)
      for p in pts {
        h.combine(p.at)
        h.combine(p.amount)
      }
    case .traffic(let b, let r, let f, let c):
      h.combine(5)
      h.combine(b)
      h.combine(r)
      h.combine(f)
      h.combine(c)
    }
  }
}
