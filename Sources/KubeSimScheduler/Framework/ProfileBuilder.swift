import KubeSimModel
import KubeSimYAML

/// Builds `Profile`s from a `KubeSchedulerConfiguration` (the subset KubeSim implements).
///
/// Starts from `Profile.defaultProfile` (upstream: the default plugins at MultiPoint), then
/// applies, per profile: `schedulerName` (default "default-scheduler"),
/// `percentageOfNodesToScore`, `plugins.multiPoint/filter/score` `disabled` (a name or `*`) and
/// `enabled` (known plugins, with `weight` for scores; upstream `updatePluginList`), and the
/// `NodeResourcesFit` pluginConfig `scoringStrategy` (`type` LeastAllocated/MostAllocated/
/// RequestedToCapacityRatio with `requestedToCapacityRatio.shape`, `resources` name/weight) and `ignoredResources`/`ignoredResourceGroups`.
/// Unknown plugin names are skipped here; validation of profiles (unknown, duplicate, wrong
/// extension point, zero weight) belongs with the full framework (issue 3).
public enum ProfileBuilder {
  public static func profiles(from config: KubeSchedulerConfiguration) -> [Profile] {
    config.profiles.map { p in
      let fit = fitArgs(p.pluginConfig)
      let spread = spreadArgs(p.pluginConfig)
      let ipa = interPodAffinityArgs(p.pluginConfig)
      var filters: [any FilterPlugin] = [
        NodeUnschedulable(), NodeName(), TaintToleration(), fit, spread, ipa,
      ]
      var scores: [(plugin: any ScorePlugin, weight: Int64)] = [
        (TaintToleration(), 3), (fit, 1), (spread, 2), (ipa, 2),
      ]
      // A plugin disabled at multiPoint leaves every extension point; disabled at filter or
      // score, only that one.
      for set in [p.plugins?.multiPoint, p.plugins?.filter].compactMap({ $0 }) {
        for d in set.disabled { filters.removeAll { d.name == "*" || $0.name == d.name } }
      }
      for set in [p.plugins?.multiPoint, p.plugins?.score].compactMap({ $0 }) {
        for d in set.disabled { scores.removeAll { d.name == "*" || $0.plugin.name == d.name } }
      }
      for set in [p.plugins?.multiPoint, p.plugins?.filter].compactMap({ $0 }) {
        for e in set.enabled where !filters.contains(where: { $0.name == e.name }) {
          if let f = Registry.filter(e.name, fit: fit) { filters.append(f) }
        }
      }
      for set in [p.plugins?.multiPoint, p.plugins?.score].compactMap({ $0 }) {
        for e in set.enabled {
          guard let s = Registry.score(e.name, fit: fit) else { continue }
          let w = Int64(e.weight ?? 0)
          if let i = scores.firstIndex(where: { $0.plugin.name == e.name }) {
            if w > 0 { scores[i].weight = w }
          } else {
            scores.append((s, w > 0 ? w : 1))
          }
        }
      }
      var profile = Profile(
        schedulerName: p.schedulerName ?? "default-scheduler", filters: filters, scores: scores,
        percentageOfNodesToScore: p.percentageOfNodesToScore)
      // DefaultPreemption is the only PostFilter: disabled at multiPoint or postFilter.
      for set in [p.plugins?.multiPoint, p.plugins?.postFilter].compactMap({ $0 }) {
        if set.disabled.contains(where: { $0.name == "*" || $0.name == DefaultPreemption.pluginName }) {
          profile.preemption = nil
        }
        if set.enabled.contains(where: { $0.name == DefaultPreemption.pluginName }) {
          profile.preemption = preemptionArgs(p.pluginConfig)
        }
      }
      if profile.preemption != nil { profile.preemption = preemptionArgs(p.pluginConfig) }
      return profile
    }
  }

  /// `PodTopologySpreadArgs`: `defaultingType` System (default) or List (KubeSim: List's
  /// `defaultConstraints` are not modelled; List means no default constraints).
  static func spreadArgs(_ configs: [PluginConfig]) -> PodTopologySpread {
    let args = configs.first(where: { $0.name == PodTopologySpread.pluginName })?.args
    return PodTopologySpread(systemDefaulting: args?["defaultingType"]?.string != "List")
  }

  /// `DefaultPreemptionArgs`: `minCandidateNodesPercentage` (10), `minCandidateNodesAbsolute`
  /// (100).
  static func preemptionArgs(_ configs: [PluginConfig]) -> DefaultPreemption {
    let args = configs.first(where: { $0.name == DefaultPreemption.pluginName })?.args
    var p = DefaultPreemption()
    if let v = args?["minCandidateNodesPercentage"]?.int { p.minCandidateNodesPercentage = Int(v) }
    if let v = args?["minCandidateNodesAbsolute"]?.int { p.minCandidateNodesAbsolute = Int(v) }
    return p
  }

  /// `InterPodAffinityArgs`: `hardPodAffinityWeight` (default 1),
  /// `ignorePreferredTermsOfExistingPods` (default false).
  static func interPodAffinityArgs(_ configs: [PluginConfig]) -> InterPodAffinity {
    let args = configs.first(where: { $0.name == InterPodAffinity.pluginName })?.args
    var p = InterPodAffinity()
    if let w = args?["hardPodAffinityWeight"]?.int { p.hardPodAffinityWeight = w }
    if args?["ignorePreferredTermsOfExistingPods"]?.string == "true" {
      p.ignorePreferredTermsOfExistingPods = true
    }
    return p
  }

  /// `NodeResourcesFitArgs` from the pluginConfig entry named NodeResourcesFit.
  static func fitArgs(_ configs: [PluginConfig]) -> NodeResourcesFit {
    var fit = NodeResourcesFit()
    guard let args = configs.first(where: { $0.name == NodeResourcesFit.pluginName })?.args else {
      return fit
    }
    if let strategy = args["scoringStrategy"] {
      if let t = strategy["type"]?.string, let st = NodeResourcesFit.Strategy(rawValue: t) {
        fit.strategy = st
      }
      if case .sequence(let points)? = strategy["requestedToCapacityRatio"]?["shape"]?.content {
        let shape = points.map {
          NodeResourcesFit.ShapePoint(
            utilization: $0["utilization"]?.int ?? 0, score: $0["score"]?.int ?? 0)
        }
        if !shape.isEmpty { fit.shape = shape }
      }
      if case .sequence(let items)? = strategy["resources"]?.content {
        let rs = items.compactMap { item -> NodeResourcesFit.ResourceWeight? in
          guard let n = item["name"]?.string else { return nil }
          return .init(name: n, weight: item["weight"]?.int ?? 1)
        }
        if !rs.isEmpty { fit.resources = rs }
      }
    }
    if case .sequence(let items)? = args["ignoredResources"]?.content {
      fit.ignoredResources = items.compactMap(\.string)
    }
    if case .sequence(let items)? = args["ignoredResourceGroups"]?.content {
      fit.ignoredResourceGroups = items.compactMap(\.string)
    }
    return fit
  }
}

extension YAMLNode {
  fileprivate subscript(_ key: String) -> YAMLNode? {
    guard case .mapping(let pairs) = content else { return nil }
    return pairs.first { $0.key.string == key }?.value
  }
  fileprivate var string: String? {
    if case .scalar(let s) = content { return s.text }
    return nil
  }
  fileprivate var int: Int64? {
    if case .scalar(let s) = content, case .int(let i) = s.value { return i }
    return nil
  }
}
