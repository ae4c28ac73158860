/// The in-tree plugins KubeSim implements, by upstream name (pkg/scheduler/framework/plugins/
/// registry.go `NewInTreeRegistry`; names from `names/names.go`). `ProfileBuilder` resolves a
/// configuration's plugin names here; later issues add the remaining default plugins.
public enum Registry {
  /// Names of the implemented plugins, in upstream default-profile order.
  public static let names: [String] = [
    NodeUnschedulable.pluginName, NodeName.pluginName, TaintToleration.pluginName,
    NodeAffinity.pluginName, NodePorts.pluginName, NodeResourcesFit.pluginName,
    VolumeBinding.pluginName, VolumeZone.pluginName,
    NodeResourcesBalancedAllocation.pluginName, ImageLocality.pluginName,
  ]

  /// A Filter plugin by name (the Fit plugin carries the profile's arguments).
  public static func filter(_ name: String, fit: NodeResourcesFit) -> (any FilterPlugin)? {
    filter(name, plugins: BuiltinPlugins(fit: fit))
  }

  /// A Filter plugin by name from a profile's configured plugins.
  public static func filter(_ name: String, plugins: BuiltinPlugins) -> (any FilterPlugin)? {
    plugins.filter(name)
  }

  /// A Score plugin by name from a profile's configured plugins.
  public static func score(_ name: String, plugins: BuiltinPlugins) -> (any ScorePlugin)? {
    plugins.score(name)
  }

  /// A Score plugin by name.
  public static func score(_ name: String, fit: NodeResourcesFit) -> (any ScorePlugin)? {
    score(name, plugins: BuiltinPlugins(fit: fit))
  }
}
