import Foundation

/// Locates the reference manifests used by the decoding tests.
enum ManifestFiles {
  /// The repository root (three levels above this file).
  static var repoRoot: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
  }

  /// `../shared/reference/k8s-examples` next to the repository (or next to the folder holding
  /// the worktree); absent on a fresh clone.
  static var examplesDirectory: URL {
    var dir = repoRoot.deletingLastPathComponent()
    for _ in 0..<2 {
      let candidate = dir.appendingPathComponent("shared/reference/k8s-examples")
      if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
      dir = dir.deletingLastPathComponent()
    }
    return repoRoot.deletingLastPathComponent().appendingPathComponent(
      "shared/reference/k8s-examples")
  }

  /// `Tests/Fixtures/kubectl`.
  static var kubectlDirectory: URL {
    repoRoot.appendingPathComponent("Tests/Fixtures/kubectl")
  }

  /// The `.yaml` files of a directory, sorted by name (directory order is not deterministic).
  static func yamlFiles(in dir: URL) -> [URL] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
    return names.filter { $0.hasSuffix(".yaml") }.sorted().map { dir.appendingPathComponent($0) }
  }

  static func read(_ url: URL) -> String {
    (try? String(contentsOf: url, encoding: .utf8)) ?? ""
  }
}
