import Foundation
import KubeSimReporting
import KubeSimScenario

/// Writes a run's files into `--out DIR`: events.jsonl, placements.csv, summary.json, summary.md,
/// and, when the run was recorded, metrics.csv and report.html.
enum OutputDirectory {
  static func write(runner: ScenarioRunner, summary: RunSummary, to directory: String) throws {
    let url = URL(fileURLWithPath: directory)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    var files: [(String, String)] = [
      ("events.jsonl", runner.world.eventsJSONL()),
      ("placements.csv", runner.world.placementsCSV()),
      ("summary.json", summary.json.compactString + "\n"),
      ("summary.md", summary.markdown),
    ]
    if let metrics = summary.metrics {
      files.append(("metrics.csv", metrics.registry.csv()))
      files.append(
        ("report.html", RunReportPage.html(summary: summary, metrics: metrics, actions: RunRecording.actions(runner))))
    }
    for (name, text) in files {
      try Data(text.utf8).write(to: url.appendingPathComponent(name))
    }
  }
}
