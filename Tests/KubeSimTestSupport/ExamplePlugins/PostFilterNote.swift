import KubeSimScheduler
import KubeSimYAML

/// An example PostFilter plugin written outside KubeSimScheduler with its public API only: when
/// no node fits, it adds a note ("PostFilterNote: N node(s) rejected the pod") to the
/// FailedScheduling message and lets the next PostFilter plugin run (Unschedulable). With
/// `endsPhase` it returns UnschedulableAndUnresolvable instead, which ends the PostFilter phase:
/// the plugins after it (DefaultPreemption among them) do not run.
///
/// Register it (`PostFilterNote.registration`) on a copy of `PluginRegistry.inTree` and enable it
/// at `plugins.postFilter` in a KubeSchedulerConfiguration; its place among the PostFilter
/// plugins is upstream's (`expandMultiPointPlugins`).
public struct PostFilterNote: PostFilterPlugin, Sendable {
  public static let pluginName = "PostFilterNote"
  public var name: String { Self.pluginName }
  /// Whether the plugin ends the PostFilter phase.
  public var endsPhase: Bool

  public init(endsPhase: Bool = false) { self.endsPhase = endsPhase }

  /// The registry line (args `{endsPhase: true}`).
  public static let registration = PluginRegistration(
    name: pluginName, points: [.postFilter], argFields: ["endsPhase"]
  ) { args throws(ConfigurationIssue) in
    var p = PostFilterNote()
    if let args {
      try PluginArgs.checkFields(args, known: ["endsPhase"], path: "", topLevel: true)
      if let n = PluginArgs.field(args, "endsPhase") {
        switch PluginArgs.string(n) {
        case "true": p.endsPhase = true
        case "false": p.endsPhase = false
        default: throw ConfigurationIssue(path: "endsPhase", "must be true or false")
        }
      }
    }
    return p
  }

  public func postFilter(
    _ state: inout CycleState, _ pod: PodInfo, _ snapshot: NodeSnapshot,
    _ statuses: [(node: String, status: Status)]
  ) -> (nominatedNode: String?, status: Status) {
    let note = "\(name): \(statuses.count) node(s) rejected the pod"
    return (nil, Status(endsPhase ? .unschedulableAndUnresolvable : .unschedulable, [note]))
  }
}
