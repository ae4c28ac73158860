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
    let contents: ShardFiles.Contents
    switch ShardFiles.read(arguments.positionals, command: "merge") {
    case .failure(let error):
      context.err(error.message)
      return .badInput
    case .success(let c): contents = c
    }
    let gridText = contents.gridText
    let cells = contents.cells
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
      profiles: grid.labels, seeds: grid.seeds, metrics: (0..<count).map { cells[$0] ?? [] })
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
