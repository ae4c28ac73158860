import Foundation
import KubeSimCLI
import KubeSimTestSupport
import Testing

/// `kubesim compare`: the output is byte-identical with 1 and 2 worker threads.
@Suite struct CompareCommandTests {
  static let hello = RepositoryPaths.root().appendingPathComponent("Scenarios/hello-cluster.yaml").path

  @Test func oneAndTwoWorkersGiveTheSameBytes() throws {
    let dir = TemporaryDirectory("compare")
    defer { dir.remove() }
    var outputs: [String] = []
    for jobs in ["1", "2"] {
      let r = CommandLineInterface.run([
        "compare", Self.hello, "--profile", "default", "--profile", "first-fit", "--seeds", "1..3",
        "--jobs", jobs, "--out", dir.path + "/j" + jobs,
      ])
      #expect(r.code == .success)
      #expect(r.stderr == "")
      outputs.append(r.stdout)
    }
    #expect(outputs[0] == outputs[1])
    #expect(outputs[0].hasPrefix("2 policies × 3 seeds\n"))
    for name in ["comparison.md", "comparison.csv", "comparison.html"] {
      let a = try #require(dir.read("j1/" + name))
      #expect(a == dir.read("j2/" + name), "\(name) differs")
    }
    // first-fit processes fewer events than default on hello-cluster (a significant difference).
    #expect(outputs[0].contains("events_processed"))
  }

  @Test func badSeedsExitTwo() {
    let r = CommandLineInterface.run(["compare", Self.hello, "--profile", "default", "--seeds", "5..1"])
    #expect(r.code == .badInput)
    #expect(r.stderr.contains("--seeds: expected A..B with A <= B, found '5..1'"))
  }
}
