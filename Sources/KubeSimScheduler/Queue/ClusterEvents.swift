import KubeSimModel

/// Cluster events that may make a rejected pod schedulable (upstream `fwk.ClusterEvent`
/// resources × `ActionType`, pkg/scheduler/framework/types.go), as a set.
///
/// A plugin lists the events it registers for (`SchedulerPlugin.requeueEvents`, upstream
/// `EnqueueExtensions.EventsToRegister`). A pod in the unschedulable pool moves on an event one
/// of the plugins that rejected it registered for.
///
/// KubeSim simplification of QueueingHints: every registered event counts as "Queue" (upstream
/// a plugin's hint function may answer QueueSkip for an event that cannot help this pod, e.g. a
/// node label change irrelevant to its affinity). So KubeSim requeues at least as often as
/// kube-scheduler, never less; a retry that fails again costs one more attempt and backoff.
public struct ClusterEvents: OptionSet, Sendable, Hashable {
  public let rawValue: UInt32
  public init(rawValue: UInt32) { self.rawValue = rawValue }

  public static let nodeAdd = ClusterEvents(rawValue: 1 << 0)
  /// `UpdateNodeLabel`.
  public static let nodeLabelChange = ClusterEvents(rawValue: 1 << 1)
  /// `UpdateNodeTaint` (KubeSim includes `spec.unschedulable`, which upstream reports as a
  /// taint change of `node.kubernetes.io/unschedulable`).
  public static let nodeTaintChange = ClusterEvents(rawValue: 1 << 2)
  /// `UpdateNodeAllocatable`.
  public static let nodeAllocatableChange = ClusterEvents(rawValue: 1 << 3)
  /// `UpdateNodeCondition` / images and other status.
  public static let nodeOtherChange = ClusterEvents(rawValue: 1 << 4)
  public static let nodeDelete = ClusterEvents(rawValue: 1 << 5)
  /// A pod bound to a node appeared (`AssignedPod` Add).
  public static let assignedPodAdd = ClusterEvents(rawValue: 1 << 6)
  /// A bound pod's labels changed (`AssignedPod` UpdatePodLabel).
  public static let assignedPodLabelChange = ClusterEvents(rawValue: 1 << 7)
  /// A bound pod was deleted or terminated (`AssignedPod` Delete): its resources are free.
  public static let assignedPodDelete = ClusterEvents(rawValue: 1 << 8)
  /// Any other object kind a plugin watches (PVs, PVCs, StorageClasses, Namespaces).
  public static let other = ClusterEvents(rawValue: 1 << 9)

  /// Every node update.
  public static let nodeUpdate: ClusterEvents = [
    .nodeLabelChange, .nodeTaintChange, .nodeAllocatableChange, .nodeOtherChange,
  ]
  /// The wildcard (upstream `WildCardEvent`): a plugin that registers nothing specific.
  public static let all = ClusterEvents(rawValue: UInt32.max)

  /// The events a node update is made of.
  public static func nodeChange(from old: Node, to new: Node) -> ClusterEvents {
    var e: ClusterEvents = []
    if old.metadata.labels != new.metadata.labels { e.insert(.nodeLabelChange) }
    if old.spec.taints != new.spec.taints || old.spec.unschedulable != new.spec.unschedulable {
      e.insert(.nodeTaintChange)
    }
    if old.status.allocatable != new.status.allocatable { e.insert(.nodeAllocatableChange) }
    if old.status.conditions != new.status.conditions || old.status.images != new.status.images {
      e.insert(.nodeOtherChange)
    }
    return e
  }
}

extension SchedulerPlugin {
  /// Default: the wildcard, every event (upstream: a plugin without `EnqueueExtensions`).
  public var requeueEvents: ClusterEvents { .all }
}
