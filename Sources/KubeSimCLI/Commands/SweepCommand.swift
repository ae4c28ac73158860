import Foundation
import KubeSimReporting

/// `kubesim sweep FILE… --grid 'profile=a,b;seed=1..100' [--shard i/N] [--jobs N] --out DIR`:
/// runs one deterministic shard of a policy × seed grid and writes its results to
/// `DIR/shard-i-of-N.tsv`; `kubesim merge` combines the shards into the comparison report a
/// single machine would produce.
enum SweepCommand {
  static let spec = CommandSpec(
    name: "sweep", abstract: "Run one deterministic shard of a parameter sweep.",
    usage: "sweep FILE… --grid 'profile=a,b;seed=1..100' [--shard i/N] [--jobs N] --out DIR",
    options: [
      .option("grid", value: "GRID", help: "profile=NAME,NAME;seed=A..B (profile defaults to default)."),
      .option("shard", value: "i/N", help: "Run cells i, i+N, i+2N, … (0 <= i < N; default 0/1)."),
      .option("jobs", value: "N", help: "Simulations run in parallel on this machine (default: the cores)."),
      .option("out", value: "DIR", help: "Directory for shard-i-of-N.tsv (required)."),
    ],
    minPositionals: 1,
    discussion: """
      Cells are ordered profile-major, seed-minor; shard i of N takes every N-th cell from i, so
      N machines (a Kubernetes Indexed Job, a Slurm array) cover the grid exactly once.
      Then: kubesim merge DIR --out REPORT_DIR. See Reports/docs/sweeps/.
      """)

  /// A parsed grid: profiles and seeds.
  struct Grid: Equatable {
    var profiles: [String]
    var seeds: [UInt64]
    /// The cells in order: profile-major, seed-minor.
    var cells: [(String, UInt64)] { profiles.flatMap { p in seeds.map { (p, $0) } } }
    /// The grid as written back in shard files.
    var text: String {
      "profile=" + profiles.joined(separator: ",") + ";seed=" + seeds.map(String.init).joined(separator: ",")
    }
  }

  static func parseGrid(_ text: String) throws(UsageError) -> Grid {
    var grid = Grid(profiles: ["default"], seeds: [1])
    for part in text.split(separator: ";") {
      let kv = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
      guard kv.count == 2 else {
        throw UsageError(command: "sweep", "--grid: expected key=values, found '\(part)'")
      }
      switch kv[0] {
      case "profile":
        grid.profiles = kv[1].split(separator: ",").map(String.init)
      case "seed":
        var seeds: [UInt64] = []
        for item in kv[1].split(separator: ",") {
          seeds += try CompareCommand.seedRange(String(item), command: "sweep")
        }
        grid.seeds = seeds
      default:
        throw UsageError(command: "sweep", "--grid: unknown parameter '\(kv[0])' (expected profile, seed)")
      }
    }
    guard !grid.profiles.isEmpty, !grid.seeds.isEmpty else {
      throw UsageError(command: "sweep", "--grid: empty profile or seed list")
    }
    return grid
  }

  static let definition = CommandDefinition(spec: spec) { arguments, context in
    let grid: Grid
    var shard = 0
    var shards = 1
    do throws(UsageError) {
      grid = try parseGrid(arguments.value("grid") ?? "")
      if let s = arguments.value("shard") {
        let parts = s.split(separator: "/").map { Int($0) }
        guard parts.count == 2, let i = parts[0], let n = parts[1], n >= 1, i >= 0, i < n else {
          throw UsageError(command: "sweep", "--shard: expected i/N with 0 <= i < N, found '\(s)'")
        }
        shard = i
        shards = n
      }
    } catch {
      context.err(error.description)
      return .badInput
    }
    guard let out = arguments.value("out") else {
      context.err(UsageError(command: "sweep", "--out DIR is required").description)
      return .badInput
    }
    let jobs = Int(arguments.value("jobs") ?? "") ?? ProcessInfo.processInfo.activeProcessorCount
    let all = grid.cells
    let mine = all.indices.filter { $0 % shards == shard }
    let progress = ProgressLine(enabled: context.stderrIsTerminal, end: .zero, sink: context.stderr)
    let results = ParallelRuns.run(
      files: arguments.positionals, cells: mine.map { all[$0] }, jobs: max(1, jobs),
      progress: progress)
    if let error = results.lazy.compactMap({ $0.error }).first {
      context.err(error)
      return .badInput
    }
    var text = "# kubesim sweep shard \(shard)/\(shards)\n# grid\t\(grid.text)\n"
    for (k, i) in mine.enumerated() {
      for (name, value) in results[k].metrics {
        text += "\(i)\t\(all[i].0)\t\(all[i].1)\t\(name)\t\(value)\n"
      }
    }
    do {
      let url = URL(fileURLWithPath: out)
      try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
      try Data(text.utf8).write(to: url.appendingPathComponent("shard-\(shard)-of-\(shards).tsv"))
    } catch {
      context.err("kubesim sweep: cannot write to \(out): \(error)")
      return .badInput
    }
    context.out("shard \(shard)/\(shards): \(mine.count) of \(all.count) cells written to \(out)")
    return .success
  }
}
