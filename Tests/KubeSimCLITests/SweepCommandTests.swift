import Foundation
import KubeSimCLI
import KubeSimTestSupport
import Testing

/// `kubesim sweep` + `kubesim merge`: three shards merged give exactly the report of one
/// `kubesim compare` over the whole grid.
@Suite struct SweepCommandTests {
  static let hello = RepositoryPaths.root().appendingPathComponent("Scenarios/hello-cluster.yaml").path

  @Test func mergedShardsEqualOneRun() throws {
    let dir = TemporaryDirectory("sweep")
    defer { dir.remove() }
    for i in 0..<3 {
      let r = CommandLineInterface.run([
        "sweep", Self.hello, "--grid", "profile=default,first-fit;seed=1..3", "--shard", "\(i)/3",
        "--jobs", "2", "--out", dir.path + "/shards",
      ])
      #expect(r.code == .success)
      #expect(r.stdout == "shard \(i)/3: 2 of 6 cells written to \(dir.path)/shards\n")
    }
    let merged = CommandLineInterface.run(["merge", dir.path + "/shards", "--out", dir.path + "/m"])
    let single = CommandLineInterface.run([
      "compare", Self.hello, "--profile", "default", "--profile", "first-fit", "--seeds", "1..3",
      "--out", dir.path + "/c",
    ])
    #expect(merged.code == .success)
    #expect(merged.stdout == single.stdout)
    for name in ["comparison.md", "comparison.csv", "comparison.html"] {
      #expect(dir.read("m/" + name) == dir.read("c/" + name), "\(name) differs")
    }
  }

  @Test func missingShardFails() {
    let dir = TemporaryDirectory("sweep-missing")
    defer { dir.remove() }
    _ = CommandLineInterface.run([
      "sweep", Self.hello, "--grid", "profile=default;seed=1..2", "--shard", "0/2", "--out", dir.path,
    ])
    let r = CommandLineInterface.run(["merge", dir.path])
    #expect(r.code == .badInput)
    #expect(r.stderr == "kubesim merge: 1 of 2 cells missing (first: cell 1)\n")
  }

  @Test func badShardExitsTwo() {
    let r = CommandLineInterface.run(["sweep", Self.hello, "--shard", "3/3", "--out", "/tmp/x"])
    #expect(r.code == .badInput)
    #expect(r.stderr.contains("--shard: expected i/N with 0 <= i < N, found '3/3'"))
  }
}
