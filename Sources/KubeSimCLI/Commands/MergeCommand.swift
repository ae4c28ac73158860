import Foundation
import KubeSimReporting

/// `kubesim merge DIR… [--out DIR]`: combines `kubesim sweep` shard files into the comparison a
/// single run over the whole grid would produce (same text, same files).
enum MergeCommand {
  static let spec = CommandSpec(
    name: "merge", abstract: "Merge sweep shards into one report.",
    usage: "merge DIR… [--out DIR]",
    options: [
      .option("out", value: "DIR", help: "Write comparison.md, comparison.csv and comparison.html here.")
    ],
    minPositionals: 1,
    discussion: "Fails (exit 2) when shards disagree on the grid or a cell is missing.")

  static let definition = CommandDefinition(spec: spec) { arguments, context in
    var gridText: String?
    var cells: [Int: [(String, Double)]] = [:]
    for dir in arguments.positionals {
      let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [])
        .filter { $0.hasPrefix("shard-") && $0.hasSuffix(".tsv") }.sorted()
      for name in names {
        guard let text = try? String(contentsOfFile: dir + "/" + name, encoding: .utf8) else { continue }
        for line in text.split(separator: "\n") {
          let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
          if f.first == "# grid", f.count == 2 {
            if let g = gridText, g != f[1] {
              context.err("kubesim merge: \(dir)/\(name): grid '\(f[1])' differs from '\(g)'")
              return .badInput
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
      context.err("kubesim merge: no shard-*.tsv files in \(arguments.positionals.joined(separator: " "))")
      return .badInput
    }
    let grid: SweepCommand.Grid
    do throws(UsageError) {
      grid = try SweepCommand.parseGrid(gridText)
    } catch {
      context.err(error.description)
      return .badInput
    }
    let count = grid.cells.count
    let missing = (0..<count).filter { cells[$0] == nil }
    guard missing.isEmpty else {
      context.err("kubesim merge: \(missing.count) of \(count) cells missing (first: cell \(missing[0]))")
      return .badInput
    }
    let comparison = PolicyComparison(
      profiles: grid.profiles, seeds: grid.seeds, metrics: (0..<count).map { cells[$0] ?? [] })
    context.stdout.write(comparison.text)
    if let out = arguments.value("out") {
      do { try comparison.write(to: out) } catch {
        context.err("kubesim merge: cannot write to \(out): \(error)")
        return .badInput
      }
    }
    return .success
  }
}
