extension SimDuration {
  /// The duration nearest to `microseconds` (ties away from zero), clamped to ±2⁶² µs; NaN
  /// gives zero. For turning a sampled `Double` into simulated time without a trap.
  @inlinable
  public init(clampingMicroseconds microseconds: Double) {
    let bound = 4.611_686_018_427_387_904e18  // 2⁶², exactly representable
    if !(microseconds == microseconds) {
      self.init(microseconds: 0)
    } else if microseconds >= bound {
      self.init(microseconds: 1 << 62)
    } else if microseconds <= -bound {
      self.init(microseconds: -(1 << 62))
    } else {
      self.init(microseconds: Int64(microseconds + (microseconds < 0 ? -0.5 : 0.5)))
    }
  }
}

extension RandomStream {
  /// An exponentially distributed duration with the given mean, rounded to whole microseconds
  /// (a non-positive mean gives zero). Inter-arrival times of a Poisson process, e.g. failures.
  @inlinable
  public mutating func exponential(mean: SimDuration) -> SimDuration {
    guard mean.microseconds > 0 else { return .zero }
    return SimDuration(clampingMicroseconds: exponential(mean: Double(mean.microseconds)))
  }

  /// A uniform duration in `0..<bound` (whole microseconds; zero when `bound` is not positive).
  @inlinable
  public mutating func uniform(below bound: SimDuration) -> SimDuration {
    guard bound.microseconds > 0 else { return .zero }
    return SimDuration(microseconds: Int64(uniform(below: UInt64(bound.microseconds))))
  }

  /// `duration` plus up to `maxFactor` times itself at random, as Kubernetes' `wait.Jitter`:
  /// `duration + duration * maxFactor * rand.Float64()`, with a `maxFactor` of 0 or less meaning
  /// 1 (`k8s.io/apimachinery/pkg/util/wait/backoff.go`, `Jitter`, v0.31). Rounded to whole
  /// microseconds. Used for kubelet/lease/resync periods that upstream jitters.
  @inlinable
  public mutating func jitter(_ duration: SimDuration, maxFactor: Double) -> SimDuration {
    let factor = maxFactor > 0 ? maxFactor : 1
    let extra = Double(duration.microseconds) * factor * uniformDouble()
    return duration + SimDuration(clampingMicroseconds: extra)
  }

  /// A uniformly chosen element of `elements`, or nil when it is empty.
  @inlinable
  public mutating func element<C: RandomAccessCollection>(of elements: C) -> C.Element? {
    guard !elements.isEmpty else { return nil }
    let offset = uniform(below: elements.count)
    return elements[elements.index(elements.startIndex, offsetBy: offset)]
  }
}
