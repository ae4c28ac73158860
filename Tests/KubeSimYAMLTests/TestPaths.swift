import Foundation

/// Paths the YAML tests read, found relative to this source file (never the working directory).
enum TestPaths {
  /// The repository root: this file is `Tests/KubeSimYAMLTests/TestPaths.swift`.
  static let repoRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// `shared/reference/<name>` beside the clone (`../shared`, as CI lays it out), or beside an
  /// ancestor of the clone (a git worktree under `wt/`); nil when absent.
  static func sharedReference(_ name: String) -> URL? {
    var dir = repoRoot
    for _ in 0..<3 {
      dir = dir.deletingLastPathComponent()
      let candidate = dir.appendingPathComponent("shared/reference/\(name)")
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory),
        isDirectory.boolValue
      {
        return candidate
      }
    }
    return nil
  }

  /// The `.yaml`/`.yml` files directly in `dir`, sorted by name (directory order is not stable).
  static func yamlFiles(in dir: URL) -> [URL] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
    return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
      .map { dir.appendingPathComponent($0) }
  }

  static func read(_ url: URL) -> String? {
    guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
    return String(decoding: data, as: UTF8.self)
  }
}
