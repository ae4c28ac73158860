import KubeSimScheduler
import KubeSimYAML

/// An example of a researcher's own plugin, written outside KubeSimScheduler with its public
/// API only: a Filter that caps the number of pods per node and a Score that prefers emptier
/// nodes, configured by `pluginConfig` args `{maxPods: N}`.
///
/// Register it on a copy of the in-tree registry and hand that to the scheduler:
/// ```swift
/// var registry = PluginRegistry.inTree
/// registry.register(PodCap.registration)
/// let scheduler = DefaultScheduler(settings: settings, configurations: configs, registry: registry)
/// ```
/// then enable it by name in a KubeSchedulerConfiguration (`plugins.multiPoint.enabled: [{name:
/// PodCap, weight: 5}]`).
public struct PodCap: FilterPlugin, ScorePlugin, Sendable {
  public static let pluginName = "PodCap"
  public static let reason = "node(s) reached the PodCap limit"
  public var name: String { Self.pluginName }
  /// Nodes with this many pods or more are rejected.
  public var maxPods: Int64

  public init(maxPods: Int64 = 10) { self.maxPods = maxPods }

  /// The registry line: name, extension points, arg fields and factory.
  public static let registration = PluginRegistration(
    name: pluginName, points: [.filter, .score], argFields: ["maxPods"]
  ) { args throws(ConfigurationIssue) in
    var p = PodCap()
    if let args {
      try PluginArgs.checkFields(args, known: ["maxPods"], path: "", topLevel: true)
      if let n = PluginArgs.field(args, "maxPods") {
        p.maxPods = try PluginArgs.int(n, path: "maxPods")
        if p.maxPods < 1 { throw ConfigurationIssue(path: "maxPods", "must be at least 1") }
      }
    }
    return p
  }

  public func filter(_ state: CycleState, _ pod: PodInfo, _ snapshot: NodeSnapshot, slot: Int)
    -> Status
  {
    if Int64(snapshot.table.podCount[slot]) < maxPods { return .success }
    return Status(.unschedulable, [Self.reason], plugin: name)
  }

  public func score(_ state: CycleState, _ pod: PodInfo, _ snapshot: NodeSnapshot, slot: Int)
    -> Int64
  {
    // 100 on an empty node, 0 at the cap.
    max(0, (maxPods - Int64(snapshot.table.podCount[slot])) * 100 / maxPods)
  }
}
