import KubeSimModel

/// The SchedulingGates plugin: a pod with `spec.schedulingGates` stays out of activeQ.
///
/// Upstream pkg/scheduler/framework/plugins/schedulinggates/scheduling_gates.go (v1.35): PreEnqueue
/// returns UnschedulableAndUnresolvable "waiting for scheduling gates: [g1 g2]".
public struct SchedulingGates: PreEnqueuePlugin, Sendable {
  public static let pluginName = "SchedulingGates"
  public var name: String { SchedulingGates.pluginName }
  public init() {}

  public func preEnqueue(_ pod: Pod) -> Status {
    if pod.spec.schedulingGates.isEmpty { return .success }
    let names = pod.spec.schedulingGates.map(\.name).joined(separator: " ")
    // scheduling_gates.go: fmt.Sprintf("waiting for scheduling gates: %v", gates)
    return Status(
      .unschedulableAndUnresolvable, ["waiting for scheduling gates: [\(names)]"], plugin: name)
  }
}
