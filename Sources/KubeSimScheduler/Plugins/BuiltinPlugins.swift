/// The configured instances of the built-in plugins of one profile (each carries its
/// pluginConfig args), in upstream default-profile order
/// (pkg/scheduler/apis/config/v1/default_plugins.go `getDefaultPlugins`, v1.36).
public struct BuiltinPlugins: Sendable {
  public var fit = NodeResourcesFit()
  public var nodeAffinity = NodeAffinity()
  public var balancedAllocation = NodeResourcesBalancedAllocation()

  public init(
    fit: NodeResourcesFit = NodeResourcesFit(), nodeAffinity: NodeAffinity = NodeAffinity(),
    balancedAllocation: NodeResourcesBalancedAllocation = NodeResourcesBalancedAllocation()
  ) {
    self.fit = fit
    self.nodeAffinity = nodeAffinity
    self.balancedAllocation = balancedAllocation
  }

  /// The default filters, in order (volume plugins are not modelled; InterPodAffinity and
  /// PodTopologySpread come from their own lane).
  public var defaultFilters: [any FilterPlugin] {
    [NodeUnschedulable(), NodeName(), TaintToleration(), nodeAffinity, NodePorts(), fit]
  }

  /// The default score plugins with their default weights (TaintToleration 3, NodeAffinity 2,
  /// NodeResourcesFit 1, NodeResourcesBalancedAllocation 1, ImageLocality 1).
  public var defaultScores: [(plugin: any ScorePlugin, weight: Int64)] {
    [(TaintToleration(), 3), (nodeAffinity, 2), (fit, 1), (balancedAllocation, 1), (ImageLocality(), 1)]
  }

  /// A Filter plugin by upstream name.
  public func filter(_ name: String) -> (any FilterPlugin)? {
    switch name {
    case NodeUnschedulable.pluginName: return NodeUnschedulable()
    case NodeName.pluginName: return NodeName()
    case TaintToleration.pluginName: return TaintToleration()
    case NodeAffinity.pluginName: return nodeAffinity
    case NodePorts.pluginName: return NodePorts()
    case NodeResourcesFit.pluginName: return fit
    default: return nil
    }
  }

  /// A Score plugin by upstream name.
  public func score(_ name: String) -> (any ScorePlugin)? {
    switch name {
    case TaintToleration.pluginName: return TaintToleration()
    case NodeAffinity.pluginName: return nodeAffinity
    case NodeResourcesFit.pluginName: return fit
    case NodeResourcesBalancedAllocation.pluginName: return balancedAllocation
    case ImageLocality.pluginName: return ImageLocality()
    default: return nil
    }
  }
}
