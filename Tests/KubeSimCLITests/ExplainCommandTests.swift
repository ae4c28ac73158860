import Foundation
import KubeSimTestSupport
import Testing

@testable import KubeSimCLI

/// `kubesim explain` on a simulated scenario (Scenarios/scheduling/node-affinity.yaml).
@Suite(.serialized) struct ExplainCommandTests {
  static let file = RepositoryPaths.root().path + "/Scenarios/scheduling/node-affinity.yaml"

  @Test func jsonShowsEveryFilterAndWeightedScores() throws {
    let r = CommandLineInterface.run(["explain", Self.file, "--pod", "db", "-o", "json"])
    #expect(r.code == .success && r.stderr == "")
    let out = try #require(
      try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    #expect(out["pod"] as? String == "default/db")
    let attempts = try #require(out["attempts"] as? [[String: Any]])
    #expect(attempts.count == 1)
    let a = attempts[0]
    #expect(a["time_us"] as? Int == 10_000)
    #expect(a["profile"] as? String == "default-scheduler")
    #expect(a["selected"] as? String == "worker-3")
    #expect(a["message"] as? String == "")
    let nodes = try #require(a["nodes"] as? [[String: Any]])
    #expect(nodes.map { $0["node"] as? String } == ["worker-1", "worker-2", "worker-3"])
    let rejected = try #require(nodes[1]["filter"] as? [String: String])
    #expect(rejected["NodeAffinity"] == "node(s) didn't match Pod's node affinity/selector")
    #expect(rejected["NodeResourcesFit"] == nil)
    let scores = try #require(nodes[2]["scores"] as? [String: [String: Int]])
    #expect(scores["NodeAffinity"] == ["raw": 50, "normalized": 100, "weight": 2])
    #expect(scores["TaintToleration"] == ["raw": 0, "normalized": 100, "weight": 3])
    #expect(nodes[2]["total"] as? Int == 652)
    #expect(nodes[0]["total"] as? Int == 452)
  }

  @Test func textNamesTheFailedSchedulingMessage() {
    let r = CommandLineInterface.run(["explain", Self.file, "--pod", "nowhere"])
    #expect(r.code == .success)
    #expect(
      r.stdout.contains(
        "  selected: none\n  message: 0/3 nodes are available: 3 node(s) didn't match Pod's node"
          + " affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful"
          + " for scheduling.\n"))
  }

  /// The usage-aware policy's plugin appears in explanations with its scores (usage/skewed-
  /// usage-aware.yaml: 43 for the busy node, 92 for the idle one; see the scenario's comment).
  @Test func showsTheUsageAwareScores() {
    let skewed = RepositoryPaths.root().path + "/Scenarios/usage/skewed-usage-aware.yaml"
    let r = CommandLineInterface.run(["explain", skewed, "--pod", "web-856fc7b69c-9p5m6"])
    #expect(r.code == .success, "\(r.stderr)")
    #expect(r.stdout.contains(
      "  node worker-1\n    filter NodeUnschedulable: Success\n    filter NodeName: Success\n"
        + "    filter TaintToleration: Success\n    filter NodeResourcesFit: Success\n"
        + "    score  LoadVariationRiskBalancing: raw 43, normalized 43, weight 1\n    total  43\n"))
    #expect(r.stdout.contains(
      "    score  LoadVariationRiskBalancing: raw 92, normalized 92, weight 1\n    total  92\n"
        + "  selected: worker-2"))
  }

  @Test func unknownPodExits2() {
    let r = CommandLineInterface.run(["explain", Self.file, "--pod", "ghost"])
    #expect(r.code == .badInput)
    #expect(r.stderr == "kubesim explain: pod \"default/ghost\" not found\n")
  }

  @Test func missingPodOptionExits2() {
    let r = CommandLineInterface.run(["explain", Self.file])
    #expect(r.code == .badInput)
    #expect(r.stderr.hasPrefix("kubesim explain: missing --pod NAME"))
  }
}
