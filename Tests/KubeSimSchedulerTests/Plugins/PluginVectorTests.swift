import Foundation
import KubeSimModel
import KubeSimYAML
import Testing

@testable import KubeSimScheduler

/// Every vector of scheduler-vectors.json for TaintToleration, NodeAffinity, NodePorts,
/// NodeResourcesFit (filter and the three strategies), NodeResourcesBalancedAllocation and
/// ImageLocality, reproduced through `SnapshotEvaluation` — the cache and
/// `SchedulingAlgorithm.schedule` a simulation runs — with a profile holding only the plugin
/// under test (weight 1), as `kubesim explain --snapshot` does.
@Suite struct PluginVectorTests {
  @Test(.enabled(if: SchedulerVectors.url != nil, SchedulerVectors.absent))
  func vectorFileIsPresentAndComplete() throws {
    #expect(SchedulerVectors.lane.count >= 106)
  }

  /// The plugin under test built by `PluginRegistry.inTree` from the vector's args (upstream
  /// pluginConfig args, as YAML), for the vector's formula version — the factory a
  /// KubeSchedulerConfiguration goes through.
  static func plugin(_ v: Vector) throws -> any SchedulerPlugin {
    let registry = PluginRegistry.inTree.configured(
      kubernetesVersion: v.isLegacyFormula ? "1.35" : "")
    let registration = try #require(registry.lookup(v.upstreamPlugin), "\(v)")
    var args: YAMLNode? = nil
    if let a = v.raw["args"], !(a.object.isEmpty) {
      args = try YAMLParser.parseStream(VectorManifests.json(a), file: "args.yaml").first
    }
    return try registration.make(args)
  }

  static func profile(_ v: Vector) throws -> Profile {
    let p = try plugin(v)
    if v.isFilter {
      return Profile(
        schedulerName: "vector", filters: [try #require(p as? any FilterPlugin)], scores: [])
    }
    return Profile(
      schedulerName: "vector", filters: [], scores: [(try #require(p as? any ScorePlugin), 1)])
  }

  @Test("upstream vector", arguments: SchedulerVectors.lane)
  func reproduces(_ v: Vector) throws {
    let (pod, nodes, pods) = try VectorManifests.objects(v)
    let profile = try Self.profile(v)
    let attempt = SnapshotEvaluation.evaluate(
      pod: pod, nodes: nodes, pods: pods, profile: profile)
    let explained = Explanation.attempt(attempt)
    let plugin = v.upstreamPlugin
    if v.isFilter {
      let skipped = attempt.skipped.contains(plugin)
      #expect(skipped == (v.raw["expected_prefilter_status"]?.string == "Skip"), "\(v)")
      for (name, want) in v.expected {
        let verdict = try #require(explained.nodes.first { $0.node == name }, "\(v) \(name)")
        let slot = try #require(attempt.nodeNames.firstIndex(of: name))
        let status = attempt.verdicts.first { $0.slot == slot }?.status
        let code = status.map { "\($0.code)" } ?? "success"
        #expect(code == Self.codeName(want.string ?? ""), "\(v) node '\(name)'")
        let reasons = (v.raw["expected_reasons"]?[name]?.array ?? []).compactMap(\.string)
        if !reasons.isEmpty {
          #expect(status?.reasons == reasons, "\(v) node '\(name)'")
          #expect(verdict.filter.last?.verdict == reasons.joined(separator: ", "), "\(v)")
        } else if want.string == "Success" && !skipped {
          #expect(verdict.filter.map(\.verdict) == ["Success"], "\(v)")
        }
      }
      if let names = v.raw["expected_prefilter_result_nodeNames"]?.array {
        #expect(
          NodeAffinity.preFilterNodeNames(
            pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution)
            == names.compactMap(\.string), "\(v)")
      }
      return
    }
    // Score vectors.
    let skipped = attempt.skipped.contains(plugin)
    if v.raw["expected_prescore_status"]?.string == "Skip" {
      if nodes.count == 1 {
        // One feasible node: the cycle selects it without PreScore/Score (schedule_one.go), so
        // the plugin's PreScore is asked directly.
        let ps = try #require(profile.scores.first?.plugin as? any PreScorePlugin)
        var state = CycleState()
        #expect(ps.preScore(&state, PodInfo(pod), NodeSnapshot(), feasible: []).code == .skip, "\(v)")
        return
      }
      #expect(skipped, "\(v)")
      #expect(explained.nodes.allSatisfy { $0.scores.isEmpty }, "\(v)")
      return
    }
    let normalized = v.phase.contains("NormalizeScore") && !v.phase.contains("no NormalizeScore")
    for (name, want) in v.expected {
      let node = try #require(explained.nodes.first { $0.node == name }, "\(v) \(name)")
      if skipped && !v.phase.hasPrefix("PreScore") {
        // Upstream called Score without PreScore; the framework skips the plugin, adding 0.
        #expect(want.number == 0, "\(v) node \(name)")
        continue
      }
      let s = try #require(node.scores.first { $0.plugin == plugin }, "\(v) node \(name)")
      #expect((normalized ? s.normalized : s.raw) == want.number, "\(v) node \(name)")
      #expect(s.weight == 1 && node.total == s.normalized, "\(v)")
    }
  }

  static func codeName(_ upstream: String) -> String {
    switch upstream {
    case "Success": return "success"
    case "Unschedulable": return "unschedulable"
    case "UnschedulableAndUnresolvable": return "unschedulableAndUnresolvable"
    default: return upstream
    }
  }
}
