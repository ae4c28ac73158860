/// One entry of the benchmark registry: a named group that produces one or more results.
///
/// Lanes add their benchmarks by appending a `Benchmark` to `Benchmarks.registry` (one line per
/// group), e.g. `Benchmark(name: "scheduling", summary: "…", run: SchedulingBenchmarks.run)`.
public struct Benchmark: Sendable {
  /// The group name users type: `kubesim bench kernel`.
  public var name: String
  /// One line for `kubesim bench --help` and unknown-name errors.
  public var summary: String
  /// Runs the group (release build expected) and returns its results, each already the median
  /// of `repetitions` measurements (see `BenchTiming.median`).
  public var run: @Sendable (_ repetitions: Int) -> [BenchResult]

  /// Creates a registry entry.
  public init(
    name: String, summary: String, run: @escaping @Sendable (_ repetitions: Int) -> [BenchResult]
  ) {
    self.name = name
    self.summary = summary
    self.run = run
  }
}
