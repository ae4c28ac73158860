import KubeSimKernel

/// The PrioritySort plugin: activeQ order by `spec.priority` (higher first), then the earlier
/// queue timestamp (pkg/scheduler/framework/plugins/queuesort/priority_sort.go `Less`).
/// `SchedulingQueue` implements this order natively; the plugin exists so profiles can name it.
public struct PrioritySort: QueueSortPlugin, Sendable {
  public static let pluginName = "PrioritySort"
  public var name: String { PrioritySort.pluginName }
  public init() {}

  public func less(
    _ a: (priority: Int32, timestamp: SimTime), _ b: (priority: Int32, timestamp: SimTime)
  ) -> Bool {
    a.priority > b.priority || (a.priority == b.priority && a.timestamp < b.timestamp)
  }
}
