/// A scheduling profile: the plugins of each extension point, in execution order, with score
/// weights (upstream `KubeSchedulerProfile` after `updatePluginList`,
/// pkg/scheduler/framework/runtime/framework.go).
public struct Profile {
  /// Pods choose a profile by `spec.schedulerName`.
  public var schedulerName: String
  public var filters: [any FilterPlugin]
  public var scores: [(plugin: any ScorePlugin, weight: Int64)]
  /// Profile-level `percentageOfNodesToScore`; nil falls back to the global one.
  public var percentageOfNodesToScore: Int32?

  public init(
    schedulerName: String, filters: [any FilterPlugin],
    scores: [(plugin: any ScorePlugin, weight: Int64)], percentageOfNodesToScore: Int32? = nil
  ) {
    self.schedulerName = schedulerName
    self.filters = filters
    self.scores = scores
    self.percentageOfNodesToScore = percentageOfNodesToScore
  }

  /// The subset of upstream's default profile (pkg/scheduler/apis/config/v1/default_plugins.go,
  /// v1.35) that KubeSim implements so far, in upstream order: filters NodeUnschedulable,
  /// NodeName, TaintToleration, NodeResourcesFit; scores TaintToleration (weight 3) and
  /// NodeResourcesFit/LeastAllocated (weight 1). The other default plugins (NodeAffinity,
  /// NodePorts, PodTopologySpread, InterPodAffinity, BalancedAllocation, ImageLocality,
  /// volumes, DefaultPreemption) are issue 3.
  public static func defaultProfile(
    schedulerName: String = "default-scheduler", fit: NodeResourcesFit = NodeResourcesFit()
  ) -> Profile {
    Profile(
      schedulerName: schedulerName,
      filters: [NodeUnschedulable(), NodeName(), TaintToleration(), fit],
      scores: [(TaintToleration(), 3), (fit, 1)])
  }
}
