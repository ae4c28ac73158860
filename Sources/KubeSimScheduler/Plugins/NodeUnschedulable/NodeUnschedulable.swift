import KubeSimModel

/// The NodeUnschedulable plugin: cordoned nodes accept only pods tolerating
/// `node.kubernetes.io/unschedulable:NoSchedule`.
///
/// Upstream pkg/scheduler/framework/plugins/nodeunschedulable/node_unschedulable.go (v1.35),
/// `ErrReasonUnschedulable = "node(s) were unschedulable"`.
public struct NodeUnschedulable: FilterPlugin, Sendable {
  public static let pluginName = "NodeUnschedulable"
  public var name: String { NodeUnschedulable.pluginName }
  public static let reason = "node(s) were unschedulable"
  /// `v1.TaintNodeUnschedulable` with effect NoSchedule.
  public static let cordonTaint = Taint(
    key: "node.kubernetes.io/unschedulable", effect: .noSchedule)
  public init() {}

  public func filter(_ state: CycleState, _ pod: PodInfo, _ snapshot: NodeSnapshot, slot: Int)
    -> Status
  {
    if !snapshot.table.unschedulable[slot] { return .success }
    if TaintToleration.tolerated(NodeUnschedulable.cordonTaint, by: pod.pod.spec.tolerations) {
      return .success
    }
    return Status(.unschedulableAndUnresolvable, [NodeUnschedulable.reason], plugin: name)
  }
}
