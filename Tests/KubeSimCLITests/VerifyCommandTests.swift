import Foundation
import KubeSimCLI
import KubeSimTestSupport
import Testing

/// `kubesim verify`: goldens recorded with --update match the same run; a changed scoring
/// weight in the fixture makes verify fail with a diff naming the pod and both nodes.
@Suite struct VerifyCommandTests {
  static let fixture = RepositoryPaths.root()
    .appendingPathComponent("Tests/KubeSimCLITests/Fixtures/verify/weights.yaml").path

  @Test func changedWeightMovesThePodAndVerifyNamesIt() throws {
    let dir = TemporaryDirectory("verify")
    defer { dir.remove() }
    let golden = dir.path + "/golden"
    let update = CommandLineInterface.run(["verify", Self.fixture, "--golden", golden, "--update"])
    #expect(update.code == .success)
    #expect(update.stdout == "weights: goldens written to \(golden)/weights\n")
    let same = CommandLineInterface.run(["verify", Self.fixture, "--golden", golden])
    #expect(same.code == .success)
    #expect(same.stdout == "weights: ok\n")

    let text = try String(contentsOfFile: Self.fixture, encoding: .utf8)
    let changed = text.replacingOccurrences(
      of: "{name: cpu, weight: 1}", with: "{name: cpu, weight: 5}")
    #expect(changed != text)
    let file = dir.write("weights.yaml", changed)
    let r = CommandLineInterface.run(["verify", file, "--golden", golden])
    #expect(r.code == .expectationFailed)
    let lines = r.stdout.split(separator: "\n").map(String.init)
    #expect(lines.first == "weights: FAIL: differs from \(golden)/weights")
    #expect(lines.contains("  placements.csv: 1 pod placed differently"))
    #expect(lines.contains("    default/app moved from big-mem-1 to big-cpu-1"))
    #expect(lines.contains("  events.jsonl: first difference at line 1 (golden 5 lines, run 5)"))
  }

  @Test func missingGoldensFail() {
    let dir = TemporaryDirectory("verify-missing")
    defer { dir.remove() }
    let r = CommandLineInterface.run(["verify", Self.fixture, "--golden", dir.path])
    #expect(r.code == .expectationFailed)
    #expect(r.stdout == "weights: FAIL: no goldens in \(dir.path)/weights (record them with --update)\n")
  }

  @Test func badFileExitsTwo() {
    let r = CommandLineInterface.run(["verify", "/nonexistent/x.yaml"])
    #expect(r.code == .badInput)
  }
}
