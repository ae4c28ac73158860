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

  /// `--processes`: the built binary spawns itself as `kubesim sweep` workers; 1 and 2 worker
  /// processes print and write the same bytes as threads.
  @Test func processesGiveTheSameBytesAsThreads() throws {
    let root = RepositoryPaths.root().path
    let bundleDirectory = URL(fileURLWithPath: CommandLine.arguments.first ?? "")
      .deletingLastPathComponent().path
    let candidates = [bundleDirectory + "/kubesim", root + "/.build/debug/kubesim"]
    guard let binary = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) })
    else {
      print("skipped: no kubesim binary at \(candidates) (run `swift build --product kubesim`)")
      return
    }
    let dir = TemporaryDirectory("compare-processes")
    defer { dir.remove() }
    let grid = ["--profile", "default", "--profile", "first-fit", "--seeds", "1..3"]
    let threads = CommandLineInterface.run(
      ["compare", Self.hello] + grid + ["--jobs", "2", "--out", dir.path + "/threads"])
    #expect(threads.code == .success)
    for (workers, flags) in [("1", ["--processes"]), ("2", ["--isolation", "process"])] {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: binary)
      process.arguments =
        ["compare", Self.hello] + grid + ["--workers", workers, "--out", dir.path + "/p" + workers]
        + flags
      let pipe = Pipe()
      process.standardOutput = pipe
      process.standardError = FileHandle.nullDevice
      try process.run()
      let stdout = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      process.waitUntilExit()
      #expect(process.terminationStatus == 0)
      #expect(stdout == threads.stdout, "\(workers) worker processes")
      for name in ["comparison.md", "comparison.csv", "comparison.html"] {
        let a = try #require(dir.read("threads/" + name))
        #expect(a == dir.read("p\(workers)/" + name), "\(name) differs with \(workers) processes")
      }
    }
  }

  @Test func badIsolationExitsTwo() {
    let r = CommandLineInterface.run(["compare", Self.hello, "--profile", "default", "--isolation", "vm"])
    #expect(r.code == .badInput)
    #expect(r.stderr.contains("--isolation: expected thread or process, found 'vm'"))
  }
}
