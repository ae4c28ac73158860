import Foundation
import KubeSimReporting
import KubeSimScenario

/// Writes a run's files into `--out DIR`: events.jsonl, placements.csv, summary.json, summary.md.
enum OutputDirectory {
  static func write(runner: ScenarioRunner, summary: RunSummary, to directory: String) throws {
    let url = URL(fileURLWithPath: directory)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    let files: [(String, String)] = [
      ("events.jsonl", runner.world.eventsJSONL()),
      ("placements.csv", runner.world.placementsCSV()),
      ("summary.json", summary.json.compactString + "\n"),
      ("summary.md", summary.markdown),
    ]
    for (name, text) in files {
      try Data(text.utf8).write(to: url.appendingPathComponent(name))
    }
  }
}
