import KubeSimModel
import KubeSimYAML

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
