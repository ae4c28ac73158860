import KubeSimKernel
import KubeSimModel

/// The extension points of the scheduling framework, as a set (upstream `config.Plugins`
/// fields, pkg/scheduler/apis/config/types.go). A registry entry lists the points its plugin
/// implements; profile validation rejects a plugin enabled at a point it does not implement.
public struct ExtensionPoints: OptionSet, Sendable, Hashable {
  public let rawValue: UInt16
  public init(rawValue: UInt16) { self.rawValue = rawValue }

  public static let preEnqueue = ExtensionPoints(rawValue: 1 << 0)
  public static let queueSort = ExtensionPoints(rawValue: 1 << 1)
  public static let preFilter = ExtensionPoints(rawValue: 1 << 2)
  public static let filter = ExtensionPoints(rawValue: 1 << 3)
  public static let postFilter = ExtensionPoints(rawValue: 1 << 4)
  public static let preScore = ExtensionPoints(rawValue: 1 << 5)
  public static let score = ExtensionPoints(rawValue: 1 << 6)
  public static let reserve = ExtensionPoints(rawValue: 1 << 7)
  public static let permit = ExtensionPoints(rawValue: 1 << 8)
  public static let preBind = ExtensionPoints(rawValue: 1 << 9)
  public static let bind = ExtensionPoints(rawValue: 1 << 10)
  public static let postBind = ExtensionPoints(rawValue: 1 << 11)

  /// Every point with its configuration field name, in upstream execution order.
  public static let ordered: [(point: ExtensionPoints, field: String)] = [
    (.preEnqueue, "preEnqueue"), (.queueSort, "queueSort"), (.preFilter, "preFilter"),
    (.filter, "filter"), (.postFilter, "postFilter"), (.preScore, "preScore"),
    (.score, "score"), (.reserve, "reserve"), (.permit, "permit"), (.preBind, "preBind"),
    (.bind, "bind"), (.postBind, "postBind"),
  ]

  /// The upstream interface name used in messages ("Filter", "Score", …).
  public var displayName: String {
    switch self {
    case .preEnqueue: return "PreEnqueue"
    case .queueSort: return "QueueSort"
    case .preFilter: return "PreFilter"
    case .filter: return "Filter"
    case .postFilter: return "PostFilter"
    case .preScore: return "PreScore"
    case .score: return "Score"
    case .reserve: return "Reserve"
    case .permit: return "Permit"
    case .preBind: return "PreBind"
    case .bind: return "Bind"
    case .postBind: return "PostBind"
    default: return "MultiPoint"
    }
  }
}

/// PreEnqueue (upstream `PreEnqueuePlugin`): may the pod enter activeQ at all? A non-success
/// keeps it out of the queue until the pod changes (SchedulingGates).
public protocol PreEnqueuePlugin: SchedulerPlugin {
  func preEnqueue(_ pod: Pod) -> Status
}

/// QueueSort (upstream `QueueSortPlugin`): the activeQ order. Only one per scheduler; KubeSim's
/// queue implements PrioritySort natively, so a profile may name only `PrioritySort` here.
public protocol QueueSortPlugin: SchedulerPlugin {
  /// Whether `a` goes before `b` (priority, then queue timestamp).
  func less(_ a: (priority: Int32, timestamp: SimTime), _ b: (priority: Int32, timestamp: SimTime))
    -> Bool
}

/// PostFilter (upstream `PostFilterPlugin`): runs when no node is feasible (preemption).
/// Returns the nominated node name, if any, and a status whose message is appended to the
/// FailedScheduling message.
public protocol PostFilterPlugin: SchedulerPlugin {
  func postFilter(
    _ state: inout CycleState, _ pod: PodInfo, _ snapshot: NodeSnapshot,
    _ statuses: [(node: String, status: Status)]
  ) -> (nominatedNode: String?, status: Status)
}

/// PreScore (upstream `PreScorePlugin`): runs once before Score over the feasible nodes.
/// Returning `.skip` drops the plugin's Score for this cycle.
public protocol PreScorePlugin: SchedulerPlugin {
  func preScore(
    _ state: inout CycleState, _ pod: PodInfo, _ snapshot: NodeSnapshot, feasible: [Int]
  ) -> Status
}

/// Reserve (upstream `ReservePlugin`): claims per-node resources when the pod is assumed, and
/// releases them with `unreserve` if a later step fails.
public protocol ReservePlugin: SchedulerPlugin {
  func reserve(_ state: inout CycleState, _ pod: PodInfo, node: String) -> Status
  func unreserve(_ state: inout CycleState, _ pod: PodInfo, node: String)
}

/// Permit (upstream `PermitPlugin`): approves, rejects or delays the binding.
/// KubeSim: `.wait` is treated as approval after the returned delay (no waiting-pod API).
public protocol PermitPlugin: SchedulerPlugin {
  func permit(_ state: inout CycleState, _ pod: PodInfo, node: String)
    -> (status: Status, delay: SimDuration)
}

/// PreBind (upstream `PreBindPlugin`): work that must finish before Bind (volume binding).
public protocol PreBindPlugin: SchedulerPlugin {
  func preBind(_ state: inout CycleState, _ pod: PodInfo, node: String) -> Status
}

/// Bind (upstream `BindPlugin`). Returning `.skip` passes to the next Bind plugin; KubeSim's
/// DefaultBinder binds through the API server (`APIServer.bind`).
public protocol BindPlugin: SchedulerPlugin {
  func bind(_ state: inout CycleState, _ pod: PodInfo, node: String) -> Status
}
