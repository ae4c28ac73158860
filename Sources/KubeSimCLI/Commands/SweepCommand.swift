import Foundation
import KubeSimReporting

/// `kubesim sweep FILE… --grid 'profile=a,b;seed=1..100' [--shard i/N] [--jobs N] --out DIR`:
/// runs one deterministic shard of a policy × seed grid and writes its results to
/// `DIR/shard-i-of-N.tsv`; `kubesim merge` combines the shards into the comparison report a
/// single machine would produce.
enum SweepCommand {
  static let spec = CommandSpec(
    name: "sweep", abstract: "Run one deterministic shard of a parameter sweep.",
    usage: "sweep FILE… --grid 'profile=a,b;seed=1..100;settings.KEY=v1,v2;nodepool.NAME.count=n1,n2' [--shard i/N] [--jobs N] --out DIR",
    options: [
      .option(
        "grid", value: "GRID",
        help: "profile=NAME,…;seed=A..B;settings.KEY=V,…;kubernetesVersion=V,…;nodepool.NAME.count=N,…"),
      .option("shard", value: "i/N", help: "Run cells i, i+N, i+2N, … (0 <= i < N; default 0/1)."),
      .option("jobs", value: "N", help: "Simulations run in parallel on this machine (default: the cores)."),
      .option("out", value: "DIR", help: "Directory for shard-i-of-N.tsv (required)."),
    ],
    minPositionals: 1,
    discussion: """
      Cells are ordered by profile, then the other dimensions in the order written, then seed;
      shard i of N takes every N-th cell from i, so N machines (a Kubernetes Indexed Job, a Slurm
      array) cover the grid exactly once. Each combination but the seed is one grid point, a
      column of the merged report named e.g. "default settings.nodeMonitorGracePeriod=40s".
      Example: --grid 'profile=default,bin-packing;seed=1..20;nodepool.worker.count=10,20'
      Setting values are checked before anything runs (exit 2 with the setting's message).
      Then: kubesim merge DIR --out REPORT_DIR. See Reports/docs/sweeps/.
      """)

  /// The grid type (kept under this name for callers).
  typealias Grid = SweepGrid

  static func parseGrid(_ text: String) throws(UsageError) -> Grid {
    try SweepGrid.parse(text, command: "sweep")
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
      let point = ([all[i].profile] + all[i].overrides.map { "\($0.key)=\($0.value)" })
        .joined(separator: " ")
      for (name, value) in results[k].metrics {
        text += "\(i)\t\(point)\t\(all[i].seed)\t\(name)\t\(value)\n"
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
