import Foundation

/// Narrows the scheduler benchmarks for profiling (`valgrind --tool=callgrind`, `perf`):
/// `KUBESIM_BENCH_ONLY=TEXT` runs only the workloads whose name contains TEXT (and skips the
/// memory figure unless TEXT matches "memory"), `KUBESIM_BENCH_REPS=N` overrides the
/// repetitions. Unset, every workload runs with the suite's repetitions. Only the benchmark
/// harness reads these; no simulation output depends on them.
enum SchedulerBenchSelection {
  /// Whether the workload `name` is selected.
  static func includes(_ name: String) -> Bool {
    guard let only = ProcessInfo.processInfo.environment["KUBESIM_BENCH_ONLY"], !only.isEmpty
    else { return true }
    return name.contains(only)
  }

  /// The repetitions to run: `KUBESIM_BENCH_REPS` when set to a positive integer, else `given`.
  static func repetitions(_ given: Int) -> Int {
    guard let text = ProcessInfo.processInfo.environment["KUBESIM_BENCH_REPS"], let n = Int(text),
      n > 0
    else { return given }
    return n
  }
}
