import Foundation
import KubeSimKernel
import KubeSimModel
import KubeSimScenario
import KubeSimTestSupport
import Testing

@testable import KubeSimCLI

/// Grid dimensions beyond profile and seed: any scenario setting, kubernetesVersion and NodePool
/// counts, in `sweep --grid` and `compare --grid`.
@Suite struct SweepGridTests {
  static let hello = RepositoryPaths.root().appendingPathComponent("Scenarios/hello-cluster.yaml").path

  @Test func cellsAreOrderedProfileThenDimensionsThenSeed() throws {
    let grid = try SweepGrid.parse(
      "profile=default,first-fit;seed=1..2;settings.watchDelay=10ms,20ms;kubernetesVersion=1.35",
      command: "sweep")
    #expect(
      grid.labels == [
        "default settings.watchDelay=10ms settings.kubernetesVersion=1.35",
        "default settings.watchDelay=20ms settings.kubernetesVersion=1.35",
        "first-fit settings.watchDelay=10ms settings.kubernetesVersion=1.35",
        "first-fit settings.watchDelay=20ms settings.kubernetesVersion=1.35",
      ])
    let cells = grid.cells
    #expect(cells.count == 8)
    #expect(cells.map(\.seed) == [1, 2, 1, 2, 1, 2, 1, 2])
    #expect(cells[2].profile == "default" && cells[2].overrides.map(\.value) == ["20ms", "1.35"])
    // The text written into shard files parses back to the same grid.
    #expect(
      grid.text == "profile=default,first-fit;seed=1,2;settings.watchDelay=10ms,20ms;settings.kubernetesVersion=1.35")
    #expect(try SweepGrid.parse(grid.text, command: "merge") == grid)
  }

  @Test(arguments: [
    ("settings.watchDelay=soon", "kubesim sweep: --grid: settings.watchDelay=soon: expected a duration such as 10ms or 1m30s, found \"soon\""),
    ("kubernetesVersion=one", "kubesim sweep: --grid: settings.kubernetesVersion=one: "),
    ("nodepool.worker.size=2", "kubesim sweep: --grid: nodepool.worker.size: unknown NodePool field 'size' (expected count)"),
    ("nodepool.worker.count=-1", "kubesim sweep: --grid: nodepool.worker.count: expected a node count from 0 to 100000, found '-1'"),
    ("settings.watchDelay=1s;settings.watchDelay=2s", "kubesim sweep: --grid: 'settings.watchDelay' is given twice"),
    ("colour=red", "kubesim sweep: --grid: unknown parameter 'colour' (expected profile, seed, settings.KEY, kubernetesVersion, nodepool.NAME.count)"),
    ("seed=", "kubesim sweep: --grid: expected key=values, found 'seed='"),
  ])
  func badDimensionsExitTwoBeforeRunning(grid: String, message: String) {
    let r = CommandLineInterface.run(["sweep", Self.hello, "--grid", grid, "--out", "/nonexistent/x"])
    #expect(r.code == .badInput)
    #expect(r.stderr.hasPrefix(message), "\(r.stderr)")
  }

  @Test func overridesReachTheRun() throws {
    let loaded = try ScenarioLoader.load([Self.hello], requireScenario: true).get()
    let grid = try SweepGrid.parse(
      "settings.nodeMonitorGracePeriod=40s;nodepool.worker.count=5", command: "sweep")
    var input = loaded
    try grid.cells[0].apply(to: &input)
    let nodes = input.objects.compactMap { o -> String? in
      if case .node(let n) = o { return n.metadata.name }
      return nil
    }
    #expect(nodes == ["worker-1", "worker-2", "worker-3", "worker-4", "worker-5"])
    #expect(input.objects.count == input.objectLocations.count)
    // The pool's nodes stay where the pool was declared (first), the other objects after.
    #expect(input.objects.count == loaded.objects.count + 2)
    let runner = try ScenarioRunner(input, options: RunOptions())
    #expect(runner.world.api.settings.nodeMonitorGracePeriod == .seconds(40))
    _ = runner.run()
    #expect(runner.world.api.list(.node).count == 5)
  }

  @Test func unknownPoolIsAnErrorNamingThePools() {
    let r = CommandLineInterface.run([
      "compare", Self.hello, "--profile", "default", "--seeds", "1", "--grid", "nodepool.spot.count=2",
    ])
    #expect(r.code == .badInput)
    #expect(r.stderr == "kubesim sweep: --grid: nodepool.spot.count: no NodePool named 'spot' in the input (NodePools: worker)\n")
  }

  @Test func compareRejectsProfileAndSeedInItsGrid() {
    let r = CommandLineInterface.run([
      "compare", Self.hello, "--profile", "default", "--grid", "seed=1..3",
    ])
    #expect(r.code == .badInput)
    #expect(r.stderr.contains("--grid: give profiles with --profile and seeds with --seeds"))
  }

  /// Shards of a grid with a setting and a pool count merge into exactly `compare --grid`'s
  /// report, whose columns are the grid points.
  @Test func mergedShardsWithDimensionsEqualCompare() throws {
    let dir = TemporaryDirectory("sweep-grid")
    defer { dir.remove() }
    let dims = "settings.schedulerCycleCost=5ms,50ms;nodepool.worker.count=3,4"
    for i in 0..<2 {
      let r = CommandLineInterface.run([
        "sweep", Self.hello, "--grid", "profile=default;seed=1..2;" + dims, "--shard", "\(i)/2",
        "--jobs", "1", "--out", dir.path + "/shards",
      ])
      #expect(r.code == .success, "\(r.stderr)")
    }
    let merged = CommandLineInterface.run(["merge", dir.path + "/shards", "--out", dir.path + "/m"])
    let single = CommandLineInterface.run([
      "compare", Self.hello, "--profile", "default", "--seeds", "1..2", "--grid", dims, "--jobs", "2",
      "--out", dir.path + "/c",
    ])
    #expect(merged.code == .success)
    #expect(single.code == .success)
    #expect(merged.stdout == single.stdout)
    #expect(single.stdout.hasPrefix("4 policies × 2 seeds\n"))
    #expect(single.stdout.contains("default settings.schedulerCycleCost=50ms nodepool.worker.count=4"))
    for name in ["comparison.md", "comparison.csv", "comparison.html"] {
      #expect(dir.read("m/" + name) == dir.read("c/" + name), "\(name) differs")
    }
  }
}
