// The events the framework's in-tree plugins register for (upstream each plugin's
// `EventsToRegister`, pkg/scheduler/framework/plugins/*/…go, v1.35). Plugins of other files may
// declare theirs beside their type; those without a declaration requeue on every event.

extension NodeUnschedulable {
  /// node_unschedulable.go: Node Add | UpdateNodeTaint.
  public var requeueEvents: ClusterEvents { [.nodeAdd, .nodeTaintChange] }
}

extension NodeName {
  /// node_name.go: Node Add (a node with the requested name appears).
  public var requeueEvents: ClusterEvents { [.nodeAdd] }
}

extension TaintToleration {
  /// taint_toleration.go: Node Add | UpdateNodeTaint.
  public var requeueEvents: ClusterEvents { [.nodeAdd, .nodeTaintChange] }
}

extension NodeResourcesFit {
  /// fit.go: Node Add | UpdateNodeAllocatable; AssignedPod Delete (and scale-down updates).
  public var requeueEvents: ClusterEvents {
    [.nodeAdd, .nodeAllocatableChange, .assignedPodDelete]
  }
}
