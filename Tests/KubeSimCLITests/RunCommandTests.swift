import Foundation
import KubeSimTestSupport
import Testing

@testable import KubeSimCLI

@Suite(.serialized) struct RunCommandTests {
  static let fixtures = RepositoryPaths.root().path + "/Tests/KubeSimCLITests/Fixtures"

  @Test func timelineActionsHappenAtExactTimes() {
    let r = CommandLineInterface.run(["run", Self.fixtures + "/timeline.yaml", "--quiet"])
    #expect(r.stderr == "")
    #expect(r.code == .success, "\(r.stdout)")
    #expect(r.stdout.contains("expectations: 6 passed, 0 failed"))
  }

  @Test func timelineLinesShowActionsAndOutputs() {
    let r = CommandLineInterface.run(["run", Self.fixtures + "/timeline.yaml"])
    let lines = r.stdout.split(separator: "\n").map(String.init)
    #expect(
      lines.contains(
        "       1m  kubectl            label node worker-1 disk=ssd  →  node/worker-1 labeled"))
    #expect(
      lines.contains("    1m30s  kubectl            cordon worker-2  →  node/worker-2 cordoned"))
    #expect(
      lines.contains(
        "       2m  kubectl            taint nodes worker-1 dedicated=gpu:NoSchedule  →  node/worker-1 tainted"
      ))
    #expect(
      lines.contains("    2m30s  kubectl            uncordon worker-2  →  node/worker-2 uncordoned")
    )
  }

  @Test func failingExpectationExitsOneWithWhatWasFound() {
    let file = Self.fixtures + "/failing.yaml"
    let r = CommandLineInterface.run(["run", file, "--quiet"])
    #expect(r.code == .expectationFailed)
    #expect(
      r.stdout == """

        failing: ran to 3m0s (seed 0, \(Self.events(r.stdout)) events)
        pods: 0 created, 0 scheduled, 0 running at the end, 0 pending
        expectations: 1 passed, 1 failed
        expectation failed at 1m (\(file):18:13): count(nodes) == 3 — found 2
        timeline action failed at 2m (\(file):14:11): kubectl delete pod ghost: Error from server (NotFound): pods "ghost" not found

        """)
  }

  @Test func seedAndUntilOverrideTheScenario() {
    let dir = TemporaryDirectory("run")
    defer { dir.remove() }
    let r = CommandLineInterface.run([
      "run", Self.fixtures + "/timeline.yaml", "--quiet", "--seed", "9", "--until", "1m", "--out",
      dir.path,
    ])
    #expect(r.stdout.contains("timeline: ran to 1m0s (seed 9, "))
    // Expectations and actions after the end are failures, not silent passes.
    #expect(r.code == .expectationFailed)
    #expect(r.stdout.contains("is after the end of the run (1m): kubectl cordon worker-2"))
    // An at: after the end and a during: cut short do not hold.
    #expect(r.stdout.contains("expectation failed at 2m ("))
    #expect(r.stdout.contains("— found nothing: the run ended at 1m\n"))
    #expect(r.stdout.contains("expectations: 3 passed, 3 failed"))
    let summary = dir.read("summary.json") ?? ""
    #expect(
      summary.hasPrefix(
        "{\"scenario\":\"timeline\",\"seed\":9,\"end_time_us\":60000000,\"end_time\":\"1m0s\","))
  }

  @Test func withoutDurationTheRunStopsAtTheLastEvent() throws {
    let dir = TemporaryDirectory("idle")
    defer { dir.remove() }
    let hello = try String(
      contentsOfFile: RepositoryPaths.root().path + "/Scenarios/hello-cluster.yaml", encoding: .utf8
    )
    let head = hello.components(separatedBy: "apiVersion: kubesim.io/v1alpha1\nkind: Scenario")[0]
    let file = dir.write(
      "s.yaml", head + "apiVersion: kubesim.io/v1alpha1\nkind: Scenario\nmetadata: {name: idle}\n")
    let r = CommandLineInterface.run(["run", file, "--quiet", "--out", dir.path + "/out"])
    #expect(r.code == .success)
    let events = try #require(dir.read("out/events.jsonl")).split(separator: "\n")
    let last = try #require(events.last)
    let lastTime = try #require(last.split(separator: ",").first).dropFirst("{\"time_us\":".count)
    let summary = try #require(dir.read("out/summary.json"))
    // The clock stops at the last kernel event (a watch delivery or a component's last timer
    // after the last Kubernetes Event), not at the 24h limit.
    let end = try #require(
      summary.components(separatedBy: "\"end_time_us\":").last?.split(separator: ",").first)
    let endMicros = try #require(Int(end))
    #expect(endMicros >= (Int(lastTime) ?? .max))
    #expect(endMicros < 3_600_000_000)
  }

  @Test func verboseRunListsIgnoredFieldsFirst() {
    let dir = TemporaryDirectory("verbose-run")
    defer { dir.remove() }
    let file = dir.write(
      "s.yaml",
      """
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      spec:
        containers: [{name: c, image: nginx, env: [{name: X, value: "1"}]}]
      ---
      apiVersion: kubesim.io/v1alpha1
      kind: Scenario
      metadata: {name: v}
      spec: {duration: 1s}
      """)
    let quiet = CommandLineInterface.run(["run", file, "--quiet"])
    #expect(quiet.stderr == "")
    let verbose = CommandLineInterface.run(["run", file, "--quiet", "--verbose"])
    #expect(
      verbose.stderr == "\(file):5:40: warning: spec.containers[*].env: ignored: not modelled\n")
  }

  @Test func badOptionValuesExitTwo() {
    let r = CommandLineInterface.run(["run", Self.fixtures + "/timeline.yaml", "--until", "soon"])
    #expect(r.code == .badInput)
    #expect(r.stderr.hasPrefix("kubesim run: --until: invalid duration \"soon\""))
    let s = CommandLineInterface.run(["run", Self.fixtures + "/timeline.yaml", "--seed", "-1"])
    #expect(s.code == .badInput)
    #expect(s.stderr == "kubesim run: --seed: expected a non-negative integer, found '-1'\n")
  }

  @Test func runNeedsAScenarioDocument() {
    let file = RepositoryPaths.root().path + "/Tests/Fixtures/kubectl/deployment.yaml"
    let r = CommandLineInterface.run(["run", file])
    #expect(r.code == .badInput)
    #expect(
      r.stderr
        == "\(file): no Scenario document (kind: Scenario, apiVersion: kubesim.io/v1alpha1) in the input\n"
    )
  }

  static func events(_ stdout: String) -> String {
    guard let r = stdout.range(of: "(seed 0, "), let e = stdout[r.upperBound...].firstIndex(of: " ")
    else { return "?" }
    return String(stdout[r.upperBound..<e])
  }
}
