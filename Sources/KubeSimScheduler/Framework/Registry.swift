import KubeSimYAML

/// A configuration problem found while building profiles, with the field path inside the
/// KubeSchedulerConfiguration document (`profiles[1].plugins.score.enabled[0].weight`).
/// The scenario loader turns the path into `file:line:col` (`YAMLNode.locate(path:)`).
public struct ConfigurationIssue: Error, Sendable, Equatable, CustomStringConvertible {
  /// Field path inside the document.
  public var path: String
  /// What is wrong.
  public var message: String
  public init(path: String, _ message: String) {
    self.path = path
    self.message = message
  }
  public var description: String { path.isEmpty ? message : "\(path): \(message)" }
}

/// One plugin the registry can build: its name, the extension points it implements, its
/// default-profile weight, the argument fields it accepts and its factory.
public struct PluginRegistration: Sendable {
  /// The upstream plugin name (`names.go`).
  public var name: String
  /// The extension points the plugin implements.
  public var points: ExtensionPoints
  /// Top-level fields its `pluginConfig.args` may have (`apiVersion`/`kind` are always allowed).
  public var argFields: [String]
  /// Builds the plugin from its `pluginConfig.args` (nil when none). Throw a
  /// `ConfigurationIssue` whose path is relative to `args` ("scoringStrategy.type").
  public var make: @Sendable (YAMLNode?) throws(ConfigurationIssue) -> any SchedulerPlugin

  public init(
    name: String, points: ExtensionPoints, argFields: [String] = [],
    make: @escaping @Sendable (YAMLNode?) throws(ConfigurationIssue) -> any SchedulerPlugin
  ) {
    self.name = name
    self.points = points
    self.argFields = argFields
    self.make = make
  }
}

/// Plugins by name (upstream `runtime.Registry`, pkg/scheduler/framework/plugins/registry.go
/// `NewInTreeRegistry`). Profiles resolve plugin names here; a researcher registers their own
/// plugins on a copy of `PluginRegistry.inTree` and hands it to `DefaultScheduler`.
///
/// Lookups are by name; the entry order is registration order and never affects behaviour.
public struct PluginRegistry: Sendable {
  public private(set) var entries: [PluginRegistration] = []

  public init(_ entries: [PluginRegistration] = []) {
    for e in entries { register(e) }
  }

  /// Adds (or replaces, by name) a plugin.
  public mutating func register(_ r: PluginRegistration) {
    if let i = entries.firstIndex(where: { $0.name == r.name }) {
      entries[i] = r
    } else {
      entries.append(r)
    }
  }

  /// The registration of a plugin name.
  public func lookup(_ name: String) -> PluginRegistration? {
    entries.first { $0.name == name }
  }

  /// The in-tree plugins KubeSim implements. Lanes adding a plugin add its line here.
  public static let inTree = PluginRegistry(
    [
      PluginRegistration(name: SchedulingGates.pluginName, points: [.preEnqueue]) { _ in
        SchedulingGates()
      },
      PluginRegistration(name: PrioritySort.pluginName, points: [.queueSort]) { _ in
        PrioritySort()
      },
      PluginRegistration(name: NodeUnschedulable.pluginName, points: [.filter]) { _ in
        NodeUnschedulable()
      },
      PluginRegistration(name: NodeName.pluginName, points: [.filter]) { _ in NodeName() },
      PluginRegistration(
        name: TaintToleration.pluginName, points: [.filter, .preScore, .score]
      ) { _ in TaintToleration() },
      PluginRegistration(
        name: NodeAffinity.pluginName, points: [.preFilter, .filter, .preScore, .score],
        argFields: ["addedAffinity"]
      ) { args throws(ConfigurationIssue) in try NodeAffinity.decodeArgs(args) },
      PluginRegistration(name: NodePorts.pluginName, points: [.preFilter, .filter]) { _ in
        NodePorts()
      },
      PluginRegistration(
        name: NodeResourcesFit.pluginName, points: [.preFilter, .filter, .preScore, .score],
        argFields: ["scoringStrategy", "ignoredResources", "ignoredResourceGroups"]
      ) { args throws(ConfigurationIssue) in try NodeResourcesFitArgs.decode(args) },
      PluginRegistration(name: VolumeRestrictions.pluginName, points: [.preFilter, .filter]) {
        _ in VolumeRestrictions()
      },
      PluginRegistration(name: NodeVolumeLimits.pluginName, points: [.preFilter, .filter]) { _ in
        NodeVolumeLimits()
      },
      PluginRegistration(name: VolumeBinding.pluginName, points: [.preFilter, .filter]) { _ in
        VolumeBinding()
      },
      PluginRegistration(name: VolumeZone.pluginName, points: [.preFilter, .filter]) { _ in
        VolumeZone()
      },
      PluginRegistration(
        name: PodTopologySpread.pluginName, points: [.preFilter, .filter, .preScore, .score],
        argFields: ["defaultingType", "defaultConstraints"]
      ) { args throws(ConfigurationIssue) in try PodTopologySpread.decodeArgs(args) },
      PluginRegistration(
        name: InterPodAffinity.pluginName, points: [.preFilter, .filter, .preScore, .score],
        argFields: ["hardPodAffinityWeight", "ignorePreferredTermsOfExistingPods"]
      ) { args throws(ConfigurationIssue) in try InterPodAffinity.decodeArgs(args) },
      PluginRegistration(
        name: DefaultPreemption.pluginName, points: [.postFilter],
        argFields: ["minCandidateNodesPercentage", "minCandidateNodesAbsolute"]
      ) { args throws(ConfigurationIssue) in try DefaultPreemption.decodeArgs(args) },
      balancedAllocation(kubernetesVersion: ""),
      PluginRegistration(name: ImageLocality.pluginName, points: [.score]) { _ in ImageLocality() },
      PluginRegistration(name: DefaultBinder.pluginName, points: [.bind]) { _ in DefaultBinder() },
    ] + PolicyPlugins.registrations)

  /// NodeResourcesBalancedAllocation with the formula of `kubernetesVersion` (its args:
  /// `resources`).
  static func balancedAllocation(kubernetesVersion: String) -> PluginRegistration {
    PluginRegistration(
      name: NodeResourcesBalancedAllocation.pluginName, points: [.preScore, .score],
      argFields: ["resources"]
    ) { args throws(ConfigurationIssue) in
      try NodeResourcesBalancedAllocation.decodeArgs(args, kubernetesVersion: kubernetesVersion)
    }
  }

  /// This registry with the in-tree plugins whose formula depends on the Kubernetes release
  /// (`settings.kubernetesVersion`) rebuilt for that release; other entries are kept.
  public func configured(kubernetesVersion: String) -> PluginRegistry {
    var r = self
    if lookup(NodeResourcesBalancedAllocation.pluginName) != nil {
      r.register(Self.balancedAllocation(kubernetesVersion: kubernetesVersion))
    }
    return r
  }
}

/// The default profile (pkg/scheduler/apis/config/v1/default_plugins.go `getDefaultPlugins`,
/// v1.35): every default plugin at MultiPoint, in this order, with these score weights.
/// Plugins not (yet) in the registry are left out of the built profile.
public enum DefaultPlugins {
  /// (name, weight) in upstream order; weight nil = no Score extension in the default profile.
  public static let multiPoint: [(name: String, weight: Int64?)] = [
    ("SchedulingGates", nil), ("PrioritySort", nil), ("NodeUnschedulable", nil),
    ("NodeName", nil), ("TaintToleration", 3), ("NodeAffinity", 2), ("NodePorts", nil),
    ("NodeResourcesFit", 1), ("VolumeRestrictions", nil), ("NodeVolumeLimits", nil),
    ("VolumeBinding", nil), ("VolumeZone", nil), ("PodTopologySpread", 2),
    ("InterPodAffinity", 2), ("DefaultPreemption", nil), ("NodeResourcesBalancedAllocation", 1),
    ("ImageLocality", 1), ("DefaultBinder", nil),
  ]
}
