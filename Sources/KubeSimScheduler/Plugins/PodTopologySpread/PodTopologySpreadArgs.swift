import KubeSimModel
import KubeSimYAML

extension PodTopologySpread {
  /// `PodTopologySpreadArgs` (pkg/scheduler/apis/config/types_pluginargs.go):
  /// `defaultingType` System (the default, apis/config/v1/defaults.go
  /// `SetDefaults_PodTopologySpreadArgs`) or List, and `defaultConstraints`, validated as
  /// validation_pluginargs.go `ValidatePodTopologySpreadArgs` does: System with constraints is an
  /// error; List with none means no default constraints; each constraint has maxSkew > 0, a
  /// qualified topologyKey, a valid whenUnsatisfiable, no labelSelector, and no repeated
  /// (topologyKey, whenUnsatisfiable) pair. The first problem is reported.
  public static func decodeArgs(_ args: YAMLNode?) throws(ConfigurationIssue) -> PodTopologySpread {
    var system = true
    let typeNode = PluginArgs.field(args, "defaultingType")
    if let n = typeNode {
      switch PluginArgs.string(n) {
      case "System": system = true
      case "List": system = false
      case let v:
        // validation_pluginargs.go `validateDefaultingType`: field.NotSupported.
        throw ConfigurationIssue(
          path: "defaultingType",
          "Unsupported value: \"\(v ?? "")\": supported values: \"System\", \"List\"")
      }
    }
    var constraints: [TopologySpreadConstraint] = []
    if let n = PluginArgs.field(args, "defaultConstraints") {
      var d = DecodingContext()
      for (i, item) in try PluginArgs.items(n, path: "defaultConstraints").enumerated() {
        do {
          constraints.append(
            try d.decode(item, field: "defaultConstraints[\(i)]", as: TopologySpreadConstraint.self))
        } catch {
          throw ConfigurationIssue(
            path: error.path.isEmpty ? "defaultConstraints[\(i)]" : error.path, error.message)
        }
      }
    }
    if system && !constraints.isEmpty {
      // validation_pluginargs.go `validateDefaultingType` (field.Invalid on defaultingType).
      throw ConfigurationIssue(
        path: typeNode == nil ? "defaultConstraints" : "defaultingType",
        "Invalid value: \"System\": when .defaultingType is \"System\", .defaultConstraints must "
          + "be empty")
    }
    for (i, c) in constraints.enumerated() {
      let p = "defaultConstraints[\(i)]"
      // validation_pluginargs.go `ValidatePodTopologySpreadArgs`, in its order.
      if c.maxSkew <= 0 {
        throw ConfigurationIssue(
          path: p + ".maxSkew", "Invalid value: \(c.maxSkew): not in valid range (0, inf)")
      }
      if c.topologyKey.isEmpty {
        // `validateTopologyKey`: field.Required.
        throw ConfigurationIssue(path: p + ".topologyKey", "Required value: can not be empty")
      }
      if let e = LabelSyntax.qualifiedNameError(c.topologyKey) {
        throw ConfigurationIssue(
          path: p + ".topologyKey", "Invalid value: \"\(c.topologyKey)\": \(e)")
      }
      if c.labelSelector != nil {
        throw ConfigurationIssue(
          path: p + ".labelSelector",
          "Forbidden: constraint must not define a selector, as they deduced for each pod")
      }
      // `validateConstraintNotRepeat`: field.Duplicate "{key, action}".
      for other in constraints[..<i]
      where other.topologyKey == c.topologyKey && other.whenUnsatisfiable == c.whenUnsatisfiable {
        throw ConfigurationIssue(
          path: p, "Duplicate value: \"{\(c.topologyKey), \(c.whenUnsatisfiable.rawValue)}\"")
      }
    }
    return system ? PodTopologySpread() : PodTopologySpread(defaultConstraints: constraints)
  }
}
