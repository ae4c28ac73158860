/// Wall-clock measurement for benchmarks (never used inside a simulation: the simulator's time
/// is `SimTime`; only the benchmark harness reads a clock).
public enum BenchTiming {
  /// Runs `body` once and returns the elapsed wall time in seconds.
  public static func seconds(_ body: () -> Void) -> Double {
    let elapsed = ContinuousClock().measure(body)
    let parts = elapsed.components
    return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
  }

  /// The current instant of the monotonic clock; pair with `seconds(since:)`. Timing by two
  /// reads instead of a closure keeps the measured loop's variables out of closure boxes.
  public static func start() -> ContinuousClock.Instant { ContinuousClock.now }

  /// Seconds elapsed since `start`.
  public static func seconds(since start: ContinuousClock.Instant) -> Double {
    let parts = (ContinuousClock.now - start).components
    return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
  }

  /// The median of `values` (the mean of the middle two for an even count; 0 when empty).
  public static func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return 0 }
    let mid = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
  }
}
