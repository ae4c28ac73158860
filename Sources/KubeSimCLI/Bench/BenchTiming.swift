#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Time measurement for benchmarks (never used inside a simulation: the simulator's time is
/// `SimTime`; only the benchmark harness reads clocks).
///
/// Figures use the calling thread's CPU time (`CLOCK_THREAD_CPUTIME_ID`), not wall time: on a
/// shared machine (six engineers building on two cores while these figures were taken) wall
/// time mostly measures the scheduler's queue. On an idle machine both agree for these
/// single-threaded loops.
public enum BenchTiming {
  /// An opaque start mark; pass it to `seconds(since:)`. Two clock reads instead of a closure
  /// keep the measured loop's variables out of closure boxes.
  public struct Mark: Sendable {
    fileprivate let cpuNanoseconds: Int64
  }

  /// The current mark.
  public static func start() -> Mark { Mark(cpuNanoseconds: threadCPUNanoseconds()) }

  /// CPU seconds used by this thread since `start`.
  public static func seconds(since start: Mark) -> Double {
    Double(threadCPUNanoseconds() - start.cpuNanoseconds) * 1e-9
  }

  /// Runs `body` once and returns the CPU seconds it used.
  public static func seconds(_ body: () -> Void) -> Double {
    let mark = start()
    body()
    return seconds(since: mark)
  }

  private static func threadCPUNanoseconds() -> Int64 {
    var spec = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
    return Int64(spec.tv_sec) * 1_000_000_000 + Int64(spec.tv_nsec)
  }

  /// The median of `values` (the mean of the middle two for an even count; 0 when empty).
  public static func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return 0 }
    let mid = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
  }
}
