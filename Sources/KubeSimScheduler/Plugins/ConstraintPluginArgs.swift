import KubeSimYAML

// Registry factories of the constraint plugins: their `pluginConfig.args`, validated as
// pkg/scheduler/apis/config/validation/validation_pluginargs.go does.

extension DefaultPreemption: SchedulerPlugin {
  public var name: String { DefaultPreemption.pluginName }
}

extension DefaultPreemption {
  /// `DefaultPreemptionArgs`: `minCandidateNodesPercentage` in [0, 100] (default 10),
  /// `minCandidateNodesAbsolute` ≥ 0 (default 100), not both 0
  /// (validation_pluginargs.go `ValidateDefaultPreemptionArgs`).
  public static func decodeArgs(_ args: YAMLNode?) throws(ConfigurationIssue) -> DefaultPreemption {
    var p = DefaultPreemption()
    if let n = PluginArgs.field(args, "minCandidateNodesPercentage") {
      let v = try PluginArgs.int(n, path: "minCandidateNodesPercentage")
      if v < 0 || v > 100 {
        throw ConfigurationIssue(
          path: "minCandidateNodesPercentage", "\(v) is not in the valid range [0, 100]")
      }
      p.minCandidateNodesPercentage = Int(v)
    }
    if let n = PluginArgs.field(args, "minCandidateNodesAbsolute") {
      let v = try PluginArgs.int(n, path: "minCandidateNodesAbsolute")
      if v < 0 || v > Int64(Int32.max) {
        throw ConfigurationIssue(path: "minCandidateNodesAbsolute", "must be greater than or equal to 0")
      }
      p.minCandidateNodesAbsolute = Int(v)
    }
    if p.minCandidateNodesPercentage == 0 && p.minCandidateNodesAbsolute == 0 {
      throw ConfigurationIssue(
        path: "minCandidateNodesPercentage",
        "cannot be zero at the same time as minCandidateNodesAbsolute")
    }
    return p
  }
}

extension InterPodAffinity {
  /// `InterPodAffinityArgs`: `hardPodAffinityWeight` in [0, 100] (default 1),
  /// `ignorePreferredTermsOfExistingPods` (default false)
  /// (validation_pluginargs.go `ValidateInterPodAffinityArgs`).
  public static func decodeArgs(_ args: YAMLNode?) throws(ConfigurationIssue) -> InterPodAffinity {
    var p = InterPodAffinity()
    if let n = PluginArgs.field(args, "hardPodAffinityWeight") {
      let v = try PluginArgs.int(n, path: "hardPodAffinityWeight")
      if v < 0 || v > 100 {
        throw ConfigurationIssue(path: "hardPodAffinityWeight", "\(v) is not in the valid range [0, 100]")
      }
      p.hardPodAffinityWeight = v
    }
    if let n = PluginArgs.field(args, "ignorePreferredTermsOfExistingPods") {
      switch PluginArgs.string(n) {
      case "true": p.ignorePreferredTermsOfExistingPods = true
      case "false": p.ignorePreferredTermsOfExistingPods = false
      default:
        throw ConfigurationIssue(path: "ignorePreferredTermsOfExistingPods", "expected true or false")
      }
    }
    return p
  }
}
