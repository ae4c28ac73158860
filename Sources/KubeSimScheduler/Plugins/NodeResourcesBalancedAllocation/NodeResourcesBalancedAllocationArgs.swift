import KubeSimYAML

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
