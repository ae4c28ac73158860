import Foundation

/// Golden-file comparison for CLI and report output (swift-argument-parser's snapshot style).
///
/// Snapshots live in `Snapshots/<name>.txt` beside the test file. With
/// `KUBESIM_RECORD_SNAPSHOTS=1` the snapshot is (re)written and the comparison reports a failure,
/// so a recording run never passes silently.
public enum Snapshot {
  /// Compares `actual` with the stored snapshot; nil when equal, else a line diff to report.
  public static func mismatch(_ actual: String, named name: String, filePath: String = #filePath)
    -> String?
  {
    let directory = URL(fileURLWithPath: filePath).deletingLastPathComponent()
      .appendingPathComponent("Snapshots")
    let file = directory.appendingPathComponent(name + ".txt")
    if ProcessInfo.processInfo.environment["KUBESIM_RECORD_SNAPSHOTS"] == "1" {
      try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      try? actual.write(to: file, atomically: true, encoding: .utf8)
      return "recorded snapshot \(file.path); run again without KUBESIM_RECORD_SNAPSHOTS"
    }
    guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
      return "no snapshot at \(file.path); record it with KUBESIM_RECORD_SNAPSHOTS=1"
    }
    return lineDiff(expected: expected, actual: actual)
  }

  /// The first differing lines of two texts, or nil when they are equal.
  public static func lineDiff(expected: String, actual: String) -> String? {
    if expected == actual { return nil }
    let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var out: [String] = []
    for i in 0..<max(e.count, a.count) {
      let x = i < e.count ? String(e[i]) : "<end>"
      let y = i < a.count ? String(a[i]) : "<end>"
      if x != y {
        out.append("line \(i + 1):\n  - \(x)\n  + \(y)")
        if out.count == 5 { break }
      }
    }
    return "snapshot differs:\n" + out.joined(separator: "\n")
  }
}
