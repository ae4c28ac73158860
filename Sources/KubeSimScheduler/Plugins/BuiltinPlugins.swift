import KubeSimModel
import KubeSimYAML

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
    [
      NodeUnschedulable(), NodeName(), TaintToleration(), nodeAffinity, NodePorts(), fit,
      VolumeBinding(), VolumeZone(),
    ]
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
    case VolumeBinding.pluginName: return VolumeBinding()
    case VolumeZone.pluginName: return VolumeZone()
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

extension BuiltinPlugins {
  /// The plugins of one profile with their `pluginConfig` args applied: NodeAffinityArgs
  /// `addedAffinity`, NodeResourcesBalancedAllocationArgs `resources`, and the BalancedAllocation
  /// formula of `kubernetesVersion` ("1.35" or lower: the pre-v1.36 score).
  public static func configured(
    fit: NodeResourcesFit, _ configs: [PluginConfig], kubernetesVersion: String
  ) -> BuiltinPlugins {
    var b = BuiltinPlugins(fit: fit)
    b.balancedAllocation.legacyFormula = NodeResourcesBalancedAllocation.isLegacy(
      kubernetesVersion: kubernetesVersion)
    for c in configs {
      guard let args = c.args, case .mapping(let pairs) = args.content else { continue }
      switch c.name {
      case NodeAffinity.pluginName:
        if let node = pairs.first(where: { $0.key.scalarText == "addedAffinity" })?.value {
          var d = DecodingContext()
          b.nodeAffinity.addedAffinity = try? d.decode(
            node, field: "addedAffinity", as: KubeSimModel.NodeAffinity.self)
        }
      case NodeResourcesBalancedAllocation.pluginName:
        if let node = pairs.first(where: { $0.key.scalarText == "resources" })?.value,
          case .sequence(let items) = node.content
        {
          let names = items.compactMap { item -> String? in
            guard case .mapping(let kv) = item.content else { return nil }
            return kv.first(where: { $0.key.scalarText == "name" })?.value.scalarText
          }
          if !names.isEmpty { b.balancedAllocation.resources = names }
        }
      default: break
      }
    }
    return b
  }
}

extension YAMLNode {
  /// The text of a scalar node, nil otherwise.
  fileprivate var scalarText: String? {
    if case .scalar(let s) = content { return s.text }
    return nil
  }
}

extension NodeAffinity {
  /// NodeAffinity from its `NodeAffinityArgs` (`addedAffinity`, decoded as a pod's
  /// `nodeAffinity`; pkg/scheduler/apis/config/types_pluginargs.go).
  public static func decodeArgs(_ args: YAMLNode?) throws(ConfigurationIssue) -> NodeAffinity {
    var plugin = NodeAffinity()
    guard let node = PluginArgs.field(args, "addedAffinity") else { return plugin }
    var d = DecodingContext()
    do {
      plugin.addedAffinity = try d.decode(
        node, field: "addedAffinity", as: KubeSimModel.NodeAffinity.self)
    } catch {
      throw ConfigurationIssue(path: error.path.isEmpty ? "addedAffinity" : error.path, error.message)
    }
    return plugin
  }
}

extension NodeResourcesBalancedAllocation {
  /// BalancedAllocation from its `NodeResourcesBalancedAllocationArgs` (`resources` names;
  /// types_pluginargs.go) and the formula of `kubernetesVersion` ("1.35" or lower: pre-v1.36).
  public static func decodeArgs(_ args: YAMLNode?, kubernetesVersion: String)
    throws(ConfigurationIssue) -> NodeResourcesBalancedAllocation
  {
    var b = NodeResourcesBalancedAllocation()
    b.legacyFormula = isLegacy(kubernetesVersion: kubernetesVersion)
    guard let node = PluginArgs.field(args, "resources") else { return b }
    let items = try PluginArgs.items(node, path: "resources")
    var names: [String] = []
    for (i, item) in items.enumerated() {
      guard let n = PluginArgs.string(PluginArgs.field(item, "name")), !n.isEmpty else {
        throw ConfigurationIssue(path: "resources[\(i)].name", "required field")
      }
      names.append(n)
    }
    if !names.isEmpty { b.resources = names }
    return b
  }
}
