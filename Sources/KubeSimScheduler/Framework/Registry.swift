/// The in-tree plugins KubeSim implements, by upstream name (pkg/scheduler/framework/plugins/
/// registry.go `NewInTreeRegistry`; names from `names/names.go`). `ProfileBuilder` resolves a
/// configuration's plugin names here; later issues add the remaining default plugins.
public enum Registry {
  /// Names of the implemented plugins, in upstream default-profile order.
  public static let names: [String] = [
    NodeUnschedulable.pluginName, NodeName.pluginName, TaintToleration.pluginName,
    NodeResourcesFit.pluginName, PodTopologySpread.pluginName, InterPodAffinity.pluginName,
  ]

  /// A Filter plugin by name (the Fit plugin carries the profile's arguments).
  public static func filter(_ name: String, fit: NodeResourcesFit) -> (any FilterPlugin)? {
    switch name {
    case NodeUnschedulable.pluginName: return NodeUnschedulable()
    case NodeName.pluginName: return NodeName()
    case TaintToleration.pluginName: return TaintToleration()
    case NodeResourcesFit.pluginName: return fit
    case PodTopologySpread.pluginName: return PodTopologySpread()
    case InterPodAffinity.pluginName: return InterPodAffinity()
    default: return nil
    }
  }

  /// A Score plugin by name.
  public static func score(_ name: String, fit: NodeResourcesFit) -> (any ScorePlugin)? {
    switch name {
    case TaintToleration.pluginName: return TaintToleration()
    case NodeResourcesFit.pluginName: return fit
    case PodTopologySpread.pluginName: return PodTopologySpread()
    case InterPodAffinity.pluginName: return InterPodAffinity()
    default: return nil
    }
  }
}
