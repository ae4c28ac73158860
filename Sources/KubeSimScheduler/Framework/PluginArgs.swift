import KubeSimYAML

/// Helpers for decoding a plugin's `pluginConfig.args` from its YAML node with field paths for
/// errors. Plugins of any lane use them in their registry factory.
public enum PluginArgs {
  /// The mapping pairs of `node`, or an issue if it is not a mapping.
  public static func pairs(_ node: YAMLNode, path: String) throws(ConfigurationIssue)
    -> [YAMLPair]
  {
    guard case .mapping(let pairs) = node.content else {
      throw ConfigurationIssue(path: path, "expected a mapping")
    }
    return pairs
  }

  /// Rejects a field of a mapping not in `known` (upstream decodes args strictly:
  /// `unknown field "x"`, k8s.io/apimachinery strict decoding). `apiVersion`/`kind` are allowed
  /// at the top level of args.
  public static func checkFields(
    _ node: YAMLNode, known: [String], path: String, topLevel: Bool = false
  ) throws(ConfigurationIssue) {
    for p in try pairs(node, path: path) {
      let k = string(p.key) ?? ""
      if known.contains(k) { continue }
      if topLevel && (k == "apiVersion" || k == "kind") { continue }
      throw ConfigurationIssue(
        path: join(path, k), "unknown field \"\(k)\" (known: \(known.joined(separator: ", ")))")
    }
  }

  /// The value of a mapping field.
  public static func field(_ node: YAMLNode?, _ key: String) -> YAMLNode? {
    guard let node, case .mapping(let pairs) = node.content else { return nil }
    return pairs.first { string($0.key) == key }?.value
  }

  /// A scalar's text.
  public static func string(_ node: YAMLNode?) -> String? {
    if let node, case .scalar(let s) = node.content { return s.text }
    return nil
  }

  /// An integer scalar, or an issue.
  public static func int(_ node: YAMLNode, path: String) throws(ConfigurationIssue) -> Int64 {
    if case .scalar(let s) = node.content, case .int(let i) = s.value { return i }
    throw ConfigurationIssue(path: path, "expected an integer")
  }

  /// The items of a sequence, or an issue.
  public static func items(_ node: YAMLNode, path: String) throws(ConfigurationIssue)
    -> [YAMLNode]
  {
    guard case .sequence(let items) = node.content else {
      throw ConfigurationIssue(path: path, "expected a list")
    }
    return items
  }

  /// `a.b`, or `b` when `a` is empty.
  public static func join(_ a: String, _ b: String) -> String { a.isEmpty ? b : "\(a).\(b)" }
}

extension YAMLNode {
  /// The node at a field path such as `profiles[1].plugins.score.enabled[0].weight`, or the
  /// deepest node found on the way (so a missing field points at its parent).
  public func locate(path: String) -> YAMLNode {
    var node = self
    for part in path.split(separator: ".") {
      var name = Substring(part)
      var indexes: [Int] = []
      while name.hasSuffix("]"), let open = name.lastIndex(of: "[") {
        indexes.insert(
          Int(name[name.index(after: open)..<name.index(before: name.endIndex)]) ?? 0, at: 0)
        name = name[..<open]
      }
      if !name.isEmpty {
        guard let next = PluginArgs.field(node, String(name)) else { return node }
        node = next
      }
      for i in indexes {
        guard case .sequence(let items) = node.content, i >= 0, i < items.count else { return node }
        node = items[i]
      }
    }
    return node
  }
}

/// `NodeResourcesFitArgs` (pkg/scheduler/apis/config/types_pluginargs.go; defaults
/// v1/defaults.go `SetDefaults_NodeResourcesFitArgs`; validation
/// validation/validation_pluginargs.go `ValidateNodeResourcesFitArgs`).
public enum NodeResourcesFitArgs {
  /// Builds the plugin from its args.
  public static func decode(_ args: YAMLNode?) throws(ConfigurationIssue) -> NodeResourcesFit {
    var fit = NodeResourcesFit()
    guard let args else { return fit }
    try PluginArgs.checkFields(
      args, known: ["scoringStrategy", "ignoredResources", "ignoredResourceGroups"], path: "",
      topLevel: true)
    if let strategy = PluginArgs.field(args, "scoringStrategy") {
      try PluginArgs.checkFields(
        strategy, known: ["type", "resources", "requestedToCapacityRatio"],
        path: "scoringStrategy")
      if let t = PluginArgs.field(strategy, "type") {
        guard let st = NodeResourcesFit.Strategy(rawValue: PluginArgs.string(t) ?? "") else {
          // validation_pluginargs.go: supported types LeastAllocated, MostAllocated,
          // RequestedToCapacityRatio.
          throw ConfigurationIssue(
            path: "scoringStrategy.type",
            "unsupported value \"\(PluginArgs.string(t) ?? "")\" (supported: LeastAllocated, MostAllocated, RequestedToCapacityRatio)"
          )
        }
        fit.strategy = st
      }
      if let r2c = PluginArgs.field(strategy, "requestedToCapacityRatio") {
        try PluginArgs.checkFields(
          r2c, known: ["shape"], path: "scoringStrategy.requestedToCapacityRatio")
        if let shapeNode = PluginArgs.field(r2c, "shape") {
          let base = "scoringStrategy.requestedToCapacityRatio.shape"
          var shape: [NodeResourcesFit.ShapePoint] = []
          for (i, item) in try PluginArgs.items(shapeNode, path: base).enumerated() {
            let p = "\(base)[\(i)]"
            try PluginArgs.checkFields(item, known: ["utilization", "score"], path: p)
            let u =
              try PluginArgs.field(item, "utilization").map { n throws(ConfigurationIssue) in
                try PluginArgs.int(n, path: p + ".utilization")
              } ?? 0
            let s =
              try PluginArgs.field(item, "score").map { n throws(ConfigurationIssue) in
                try PluginArgs.int(n, path: p + ".score")
              } ?? 0
            shape.append(.init(utilization: u, score: s))
          }
          if !shape.isEmpty { fit.shape = shape }
        }
      }
      if let resNode = PluginArgs.field(strategy, "resources") {
        var rs: [NodeResourcesFit.ResourceWeight] = []
        for (i, item) in try PluginArgs.items(resNode, path: "scoringStrategy.resources")
          .enumerated()
        {
          let p = "scoringStrategy.resources[\(i)]"
          try PluginArgs.checkFields(item, known: ["name", "weight"], path: p)
          guard let n = PluginArgs.string(PluginArgs.field(item, "name")), !n.isEmpty else {
            throw ConfigurationIssue(path: p + ".name", "required")
          }
          var w: Int64 = 1
          if let wn = PluginArgs.field(item, "weight") {
            w = try PluginArgs.int(wn, path: p + ".weight")
            // defaults.go: a weight of 0 becomes 1; validation: weight in 1..100.
            if w == 0 { w = 1 }
            if w < 1 || w > 100 {
              throw ConfigurationIssue(path: p + ".weight", "must be in the range [1, 100]")
            }
          }
          rs.append(.init(name: n, weight: w))
        }
        if !rs.isEmpty { fit.resources = rs }
      }
    }
    if let n = PluginArgs.field(args, "ignoredResources") {
      fit.ignoredResources = try PluginArgs.items(n, path: "ignoredResources").compactMap {
        PluginArgs.string($0)
      }
    }
    if let n = PluginArgs.field(args, "ignoredResourceGroups") {
      fit.ignoredResourceGroups = try PluginArgs.items(n, path: "ignoredResourceGroups")
        .compactMap { PluginArgs.string($0) }
    }
    return fit
  }
}
