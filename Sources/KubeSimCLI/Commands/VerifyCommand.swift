import Foundation
import KubeSimReporting
import KubeSimScenario

/// `kubesim verify FILE… [--golden DIR] [--update]`: runs each scenario file and compares its
/// placements, events and summary with `DIR/<scenario>/` (default `Reports/golden`).
enum VerifyCommand {
  static let spec = CommandSpec(
    name: "verify", abstract: "Compare runs with their golden outputs (placements, events, metrics).",
    usage: "verify FILE… [--golden DIR] [--update]",
    options: [
      .option("golden", value: "DIR", help: "Golden directory (default Reports/golden)."),
      .flag("update", help: "Rewrite the goldens from these runs instead of comparing."),
    ],
    minPositionals: 1,
    discussion: """
      Each FILE is one scenario, run with its own seed; its goldens live in DIR/<scenario name>/:
      placements.csv and events.jsonl (compared exactly) and summary.tsv (summary.json flattened;
      values under metrics. may differ by 1%, the rest exactly).
      Exit codes: 0 every run matches, 1 a difference (a readable diff is printed), 2 bad input.
      Re-record after an intended behaviour change: kubesim verify Scenarios/*.yaml Scenarios/*/*.yaml --update
      """)

  static let definition = CommandDefinition(spec: spec) { arguments, context in
    let root = arguments.value("golden") ?? "Reports/golden"
    let update = arguments.flag("update")
    var differed = false
    for file in arguments.positionals {
      guard let (name, outputs) = run(file, context) else { return .badInput }
      let dir = URL(fileURLWithPath: root).appendingPathComponent(name)
      if update {
        do {
          try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
          for (fileName, text) in zip(GoldenOutputs.fileNames, outputs.files) {
            try Data(text.utf8).write(to: dir.appendingPathComponent(fileName))
          }
        } catch {
          context.err("kubesim verify: cannot write goldens to \(dir.path): \(error)")
          return .badInput
        }
        context.out("\(name): goldens written to \(dir.path)")
        continue
      }
      let texts = GoldenOutputs.fileNames.map {
        try? String(contentsOf: dir.appendingPathComponent($0), encoding: .utf8)
      }
      guard texts.allSatisfy({ $0 != nil }) else {
        context.out("\(name): FAIL: no goldens in \(dir.path) (record them with --update)")
        differed = true
        continue
      }
      let golden = GoldenOutputs(
        placements: texts[0] ?? "", events: texts[1] ?? "", summary: texts[2] ?? "")
      let diff = GoldenDiff(golden: golden, run: outputs)
      if diff.isEmpty {
        context.out("\(name): ok")
      } else {
        differed = true
        context.out("\(name): FAIL: differs from \(dir.path)")
        for finding in diff.findings { context.out("  " + finding.replacingOccurrences(of: "\n", with: "\n  ")) }
      }
    }
    return differed ? .expectationFailed : .success
  }

  /// Runs one scenario file quietly with the metrics recorder: (scenario name, outputs).
  static func run(_ file: String, _ context: CommandContext) -> (String, GoldenOutputs)? {
    let input: LoadedInput
    switch ScenarioLoader.load([file], requireScenario: true) {
    case .failure(let error):
      for diagnostic in error.diagnostics { context.err(diagnostic.description) }
      return nil
    case .success(let loaded): input = loaded
    }
    let runner: ScenarioRunner
    do {
      runner = try ScenarioRunner(input, options: RunOptions())
    } catch {
      for diagnostic in error.diagnostics { context.err(diagnostic.description) }
      return nil
    }
    let recorder = RunRecording.attach(to: runner)
    let report = runner.run()
    let summary = RunRecording.summary(runner, report, recorder)
    // Source locations depend on how the file was named on the command line: left out.
    let flat = GoldenOutputs.flatten(summary.json).split(separator: "\n")
      .filter { !$0.hasPrefix("expectations.results[") || !$0.contains(".location\t") }
      .map { $0 + "\n" }.joined()
    return (
      runner.scenario.name,
      GoldenOutputs(
        placements: runner.world.placementsCSV(), events: runner.world.eventsJSONL(),
        summary: flat)
    )
  }
}
