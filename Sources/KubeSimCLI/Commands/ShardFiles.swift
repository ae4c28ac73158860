import Foundation

/// Reads the `shard-i-of-N.tsv` files `kubesim sweep` writes: the grid they were cut from and
/// each cell's metrics, for `kubesim merge` and `kubesim compare --processes`.
enum ShardFiles {
  /// What the shard files of some directories hold.
  struct Contents {
    /// The grid text every shard agrees on.
    var gridText: String
    /// Metrics per cell index, in the order the shards listed them.
    var cells: [Int: [(String, Double)]]
  }

  /// Reads every `shard-*.tsv` of `dirs` (file names sorted byte-wise within each directory);
  /// the error says which file disagrees on the grid, or that there were none.
  static func read(_ dirs: [String], command: String) -> Result<Contents, ShardError> {
    var gridText: String?
    var cells: [Int: [(String, Double)]] = [:]
    for dir in dirs {
      let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [])
        .filter { $0.hasPrefix("shard-") && $0.hasSuffix(".tsv") }
        .sorted { Array($0.utf8).lexicographicallyPrecedes($1.utf8) }
      for name in names {
        guard let text = try? String(contentsOfFile: dir + "/" + name, encoding: .utf8) else { continue }
        for line in text.split(separator: "\n") {
          let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
          if f.first == "# grid", f.count == 2 {
            if let g = gridText, g != f[1] {
              return .failure(
                ShardError("kubesim \(command): \(dir)/\(name): grid '\(f[1])' differs from '\(g)'"))
            }
            gridText = f[1]
            continue
          }
          guard !line.hasPrefix("#"), f.count == 5, let i = Int(f[0]), let v = Double(f[4]) else {
            continue
          }
          cells[i, default: []].append((f[3], v))
        }
      }
    }
    guard let gridText else {
      return .failure(
        ShardError("kubesim \(command): no shard-*.tsv files in \(dirs.joined(separator: " "))"))
    }
    return .success(Contents(gridText: gridText, cells: cells))
  }

  /// Why shard files could not be read, as printed on stderr.
  struct ShardError: Error {
    var message: String
    init(_ message: String) { self.message = message }
  }
}
