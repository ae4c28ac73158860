/// The NodeName plugin: a pod naming a node in `spec.nodeName` fits only that node.
///
/// Upstream pkg/scheduler/framework/plugins/nodename/node_name.go (v1.35),
/// `ErrReason = "node(s) didn't match the requested node name"`.
public struct NodeName: FilterPlugin, Sendable {
  public static let pluginName = "NodeName"
  public var name: String { NodeName.pluginName }
  public static let reason = "node(s) didn't match the requested node name"
  public init() {}

  public func filter(_ state: CycleState, _ pod: PodInfo, _ snapshot: NodeSnapshot, slot: Int)
    -> Status
  {
    guard let want = pod.pod.spec.nodeName, !want.isEmpty else { return .success }
    if snapshot.table.names[slot] == want { return .success }
    return Status(.unschedulableAndUnresolvable, [NodeName.reason], plugin: name)
  }
}
