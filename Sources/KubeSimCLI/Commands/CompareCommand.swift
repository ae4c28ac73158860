import Foundation
import KubeSimKernel
import KubeSimReporting
import KubeSimScenario
import KubeSimYAML

/// `kubesim compare FILE… --profile A --profile B --seeds 1..20 [--jobs N] [--out DIR]`: every
/// policy × seed as an independent simulation, on `--jobs` threads, results merged in
/// (policy, seed) order so the output does not depend on the number of threads.
enum CompareCommand {
  static let spec = CommandSpec(
    name: "compare", abstract: "Run policies over seeds and compare their metrics.",
    usage: "compare FILE… --profile A --profile B [--seeds 1..20] [--jobs N] [--processes] [--out DIR]",
    options: [
      .option(
        "profile", value: "NAME", repeatable: true,
        help: "A scheduling policy (as run --profile); repeat for each. The first is the baseline."),
      .option("seeds", value: "A..B", help: "Seeds to run each policy with (default 1..10)."),
      .option(
        "grid", value: "GRID",
        help: "More dimensions: settings.KEY=V,…;kubernetesVersion=V,…;nodepool.NAME.count=N,…"),
      .option("jobs", value: "N", help: "Simulations run in parallel (default: the cores)."),
      .option("workers", value: "N", help: "The same as --jobs."),
      .flag("processes", help: "Run the simulations in child kubesim processes instead of threads."),
      .option("isolation", value: "thread|process", help: "--isolation process is --processes."),
      .option("out", value: "DIR", help: "Write comparison.md, comparison.csv and comparison.html here."),
    ],
    minPositionals: 1,
    discussion: """
      Prints every metric's mean ± standard deviation and 95% confidence interval (Student's t)
      per policy; * marks a significant difference from the baseline (Welch's t-test, 5%).
      Threads, processes and any number of workers give the same bytes: cells run
      independently and are merged in (policy, seed) order.
      Example: kubesim compare Scenarios/hello-cluster.yaml --profile default-scheduler --profile first-fit --seeds 1..20
      """)

  static let definition = CommandDefinition(spec: spec) { arguments, context in
    let profiles = arguments.allValues("profile")
    guard !profiles.isEmpty else {
      context.err(UsageError(command: "compare", "give at least one --profile").description)
      return .badInput
    }
    let seeds: [UInt64]
    do throws(UsageError) {
      seeds = try seedRange(arguments.value("seeds") ?? "1..10", command: "compare")
    } catch {
      context.err(error.description)
      return .badInput
    }
    var jobs = ProcessInfo.processInfo.activeProcessorCount
    if let text = arguments.value("jobs") ?? arguments.value("workers") {
      guard let n = Int(text), n >= 1 else {
        context.err(UsageError(command: "compare", "--jobs: expected a positive integer, found '\(text)'").description)
        return .badInput
      }
      jobs = n
    }
    var processes = arguments.flag("processes")
    if let isolation = arguments.value("isolation") {
      guard isolation == "thread" || isolation == "process" else {
        context.err(UsageError(command: "compare", "--isolation: expected thread or process, found '\(isolation)'").description)
        return .badInput
      }
      processes = processes || isolation == "process"
    }
    var grid = SweepGrid(profiles: profiles, seeds: seeds)
    if let text = arguments.value("grid") {
      do throws(UsageError) {
        let extra = try SweepGrid.parse(text, command: "compare")
        guard extra.profiles == ["default"], extra.seeds == [1], !text.contains("profile="),
          !text.contains("seed=")
        else {
          throw UsageError(command: "compare", "--grid: give profiles with --profile and seeds with --seeds")
        }
        grid.dimensions = extra.dimensions
      } catch {
        context.err(error.description)
        return .badInput
      }
    }
    let cells = grid.cells
    if processes {
      let progress = ProgressLine(enabled: context.stderrIsTerminal, end: .zero, sink: context.stderr)
      switch ProcessRuns.run(
        files: arguments.positionals, gridText: grid.text, cellCount: cells.count, workers: jobs,
        progress: progress)
      {
      case .failure(let error):
        context.err(error.message)
        return .badInput
      case .success(let metrics):
        return finish(PolicyComparison(profiles: grid.labels, seeds: seeds, metrics: metrics), arguments, context)
      }
    }
    let progress = ProgressLine(enabled: context.stderrIsTerminal, end: .zero, sink: context.stderr)
    let results = ParallelRuns.run(
      files: arguments.positionals, cells: cells, jobs: jobs, progress: progress)
    if let error = results.lazy.compactMap({ $0.error }).first {
      context.err(error)
      return .badInput
    }
    let comparison = PolicyComparison(
      profiles: grid.labels, seeds: seeds, metrics: results.map { $0.metrics })
    return finish(comparison, arguments, context)
  }

  /// Prints the comparison and writes its files when `--out` is given.
  static func finish(
    _ comparison: PolicyComparison, _ arguments: ParsedArguments, _ context: CommandContext
  ) -> ExitCode {
    context.stdout.write(comparison.text)
    if let out = arguments.value("out") {
      do {
        try comparison.write(to: out)
      } catch {
        context.err("kubesim compare: cannot write to \(out): \(error)")
        return .badInput
      }
    }
    return .success
  }

  /// `1..20` or `7` as a list of seeds.
  static func seedRange(_ text: String, command: String) throws(UsageError) -> [UInt64] {
    let parts = text.components(separatedBy: "..")
    if parts.count == 1, let s = UInt64(text) { return [s] }
    guard parts.count == 2, let a = UInt64(parts[0]), let b = UInt64(parts[1]), a <= b,
      b - a < 100_000
    else {
      throw UsageError(command: command, "--seeds: expected A..B with A <= B, found '\(text)'")
    }
    return Array(a...b)
  }
}

/// Independent simulations on a fixed number of threads, results in input order.
enum ParallelRuns {
  /// One run's numeric metrics (summary.json leaves under `pods.`, `metrics.` and
  /// `events_processed`, in key order) or the error that stopped it.
  struct Result: Sendable {
    var metrics: [(String, Double)] = []
    var error: String?
  }

  // Shared by the workers; every access holds `lock` (the progress line too).
  private final class Slots: @unchecked Sendable {
    let lock = NSLock()
    var results: [Result]
    var done = 0
    let progress: ProgressLine?
    init(_ n: Int, progress: ProgressLine?) {
      results = Array(repeating: Result(), count: n)
      self.progress = progress
    }
  }

  /// Runs `cells` (profile, seed); worker w takes cells w, w + jobs, …; each result goes to its
  /// cell's slot, so the output is the same for any `jobs`.
  static func run(
    files: [String], cells: [SweepGrid.Cell], jobs: Int, progress: ProgressLine? = nil
  ) -> [Result] {
    let slots = Slots(cells.count, progress: progress)
    let workers = max(1, min(jobs, cells.count))
    DispatchQueue.concurrentPerform(iterations: workers) { w in
      var i = w
      while i < cells.count {
        let r = one(files: files, cell: cells[i])
        slots.lock.lock()
        slots.results[i] = r
        slots.done += 1
        slots.progress?.update(done: slots.done, of: cells.count)
        slots.lock.unlock()
        i += workers
      }
    }
    progress?.clear()
    return slots.results
  }

  static func one(files: [String], cell: SweepGrid.Cell) -> Result {
    var input: LoadedInput
    switch ScenarioLoader.load(files, requireScenario: true) {
    case .failure(let error):
      return Result(error: error.diagnostics.map(\.description).joined(separator: "\n"))
    case .success(let loaded): input = loaded
    }
    do throws(UsageError) {
      try cell.apply(to: &input)
    } catch {
      return Result(error: error.description)
    }
    let profile: String? = cell.profile
    let seed = cell.seed
    let runner: ScenarioRunner
    do {
      var options = RunOptions(seed: seed)
      options.profile = profile
      runner = try ScenarioRunner(input, options: options)
    } catch {
      return Result(error: error.diagnostics.map(\.description).joined(separator: "\n"))
    }
    let recorder = RunRecording.attach(to: runner)
    let report = runner.run()
    let summary = RunRecording.summary(runner, report, recorder)
    var metrics: [(String, Double)] = []
    for line in GoldenOutputs.flatten(summary.json).split(separator: "\n") {
      let parts = line.split(separator: "\t", maxSplits: 1).map(String.init)
      guard parts.count == 2,
        parts[0] == "events_processed" || parts[0].hasPrefix("pods.")
          || parts[0].hasPrefix("metrics."),
        let v = Double(parts[1])
      else { continue }
      metrics.append((parts[0], v))
    }
    return Result(metrics: metrics)
  }
}
