import Foundation
import KubeSimKernel
import KubeSimReporting
import KubeSimScenario

/// `kubesim run FILE… [--seed N] [--until T] [--out DIR] [--quiet] [--verbose]`.
enum RunCommand {
  static let spec = CommandSpec(
    name: "run", abstract: "Run a scenario: print its timeline and summary, write outputs.",
    usage: "run FILE… [--seed N] [--until T] [--out DIR] [--quiet] [--verbose]",
    options: [
      .option("seed", value: "N", help: "Seed for every random choice (overrides spec.seed)."),
      .option(
        "until", value: "T", help: "Simulated time to run, e.g. 15m (overrides spec.duration)."),
      .option(
        "out", value: "DIR",
        help: "Write events.jsonl, placements.csv, summary.json, summary.md here."),
      .flag("quiet", short: "q", help: "Print only the summary (no timeline, no progress line)."),
      .flag("verbose", short: "v", help: "Also list warnings (ignored fields) before running."),
    ],
    minPositionals: 1,
    discussion: """
      Exit codes: 0 when every expectation holds, 1 when one fails, 2 for bad input.
      Example: kubesim run Scenarios/hello-cluster.yaml --out out/hello
      """)

  static let definition = CommandDefinition(spec: spec) { arguments, context in
    var options = RunOptions()
    do throws(UsageError) {
      options.seed = try seed(arguments, command: "run")
      options.until = try duration(arguments.value("until"), option: "until", command: "run")
    } catch {
      context.err(error.description)
      return .badInput
    }
    let quiet = arguments.flag("quiet")
    guard let runner = prepare(arguments, options: &options, context, quiet: quiet) else {
      return .badInput
    }
    let progress = ProgressLine(
      enabled: context.stderrIsTerminal && !quiet, end: runner.end, sink: context.stderr)
    let report = execute(runner, quiet: quiet, progress: progress, context)
    let summary = RunSummary(scenario: runner.scenario.name, report: report)
    context.stdout.write(summary.text)
    if let out = arguments.value("out") {
      do {
        try OutputDirectory.write(runner: runner, summary: summary, to: out)
      } catch {
        context.err("kubesim run: cannot write outputs to \(out): \(error)")
        return .badInput
      }
    }
    return report.succeeded ? .success : .expectationFailed
  }

  /// Loads the files and builds the runner; prints errors and returns nil on bad input.
  static func prepare(
    _ arguments: ParsedArguments, options: inout RunOptions, _ context: CommandContext, quiet: Bool,
    requireScenario: Bool = true
  ) -> ScenarioRunner? {
    let input: LoadedInput
    switch ScenarioLoader.load(arguments.positionals, requireScenario: requireScenario) {
    case .failure(let error):
      for diagnostic in error.diagnostics { context.err(diagnostic.description) }
      return nil
    case .success(let loaded):
      input = loaded
    }
    ValidateCommand.printWarnings(input, verbose: arguments.flag("verbose"), context)
    do {
      return try ScenarioRunner(input, options: options)
    } catch {
      for diagnostic in error.diagnostics { context.err(diagnostic.description) }
      return nil
    }
  }

  static func execute(
    _ runner: ScenarioRunner, quiet: Bool, progress: ProgressLine, _ context: CommandContext
  ) -> RunReport {
    runner.timelineSink =
      quiet
      ? nil
      : { line in
        progress.clear()
        context.out(line)
      }
    runner.progressSink = progress.enabled ? { now in progress.update(now) } : nil
    let report = runner.run()
    progress.clear()
    return report
  }

  /// `--seed N` as an unsigned 64-bit integer.
  static func seed(_ arguments: ParsedArguments, command: String) throws(UsageError) -> UInt64? {
    guard let text = arguments.value("seed") else { return nil }
    guard let seed = UInt64(text) else {
      throw UsageError(command: command, "--seed: expected a non-negative integer, found '\(text)'")
    }
    return seed
  }

  /// A Go-syntax duration option (`--until 15m`).
  static func duration(_ text: String?, option: String, command: String) throws(UsageError)
    -> SimDuration?
  {
    guard let text else { return nil }
    do {
      return try SimDuration(parsing: text)
    } catch {
      throw UsageError(command: command, "--\(option): \(error.message)")
    }
  }
}
