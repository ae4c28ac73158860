import KubeSimModel

/// A host port a container binds (upstream `framework.HostPortInfo` entry): hostIP ("" is
/// normalized to 0.0.0.0), protocol ("" is TCP) and port.
public struct HostPort: Sendable, Hashable {
  public var ip: String
  public var proto: String
  public var port: Int32

  public init(ip: String?, proto: String?, port: Int32) {
    // pkg/scheduler/framework/types.go `sanitize`: empty IP → DefaultBindAllHostIP ("0.0.0.0"),
    // empty protocol → TCP.
    let i = ip ?? ""
    self.ip = i.isEmpty ? "0.0.0.0" : i
    let p = proto ?? ""
    self.proto = p.isEmpty ? "TCP" : p
    self.port = port
  }

  /// `HostPortInfo.CheckConflict`: same protocol and port, and same IP or either is 0.0.0.0.
  public func conflicts(with other: HostPort) -> Bool {
    proto == other.proto && port == other.port
      && (ip == other.ip || ip == "0.0.0.0" || other.ip == "0.0.0.0")
  }

  /// The host ports of a pod's containers with `hostPort > 0` (upstream
  /// `schedutil.GetHostPorts`, pkg/scheduler/util/utils.go).
  public static func of(_ pod: Pod) -> [HostPort] {
    var out: [HostPort] = []
    for c in pod.spec.containers {
      for p in c.ports {
        guard let hp = p.hostPort, hp > 0 else { continue }
        out.append(HostPort(ip: p.hostIP, proto: p.protocol?.rawValue, port: hp))
      }
    }
    return out
  }
}

/// The NodePorts plugin: a pod's host ports must be free on the node.
///
/// Upstream pkg/scheduler/framework/plugins/nodeports/node_ports.go (v1.36): PreFilter collects
/// the host ports and returns Skip when there are none; Filter fails with
/// `ErrReason = "node(s) didn't have free ports for the requested pod ports"`, code
/// Unschedulable (preemption may free the port).
public struct NodePorts: PreFilterPlugin, FilterPlugin, Sendable {
  public static let pluginName = "NodePorts"
  public var name: String { NodePorts.pluginName }
  /// node_ports.go `ErrReason`.
  public static let reason = "node(s) didn't have free ports for the requested pod ports"
  public init() {}

  public func preFilter(_ state: inout CycleState, _ pod: PodInfo, _ snapshot: NodeSnapshot)
    -> Status
  {
    pod.hostPorts.isEmpty ? .skip : .success
  }

  public func filter(_ state: CycleState, _ pod: PodInfo, _ snapshot: NodeSnapshot, slot: Int)
    -> Status
  {
    if pod.hostPorts.isEmpty { return .success }
    let used = snapshot.usedPorts(slot)
    for want in pod.hostPorts {
      if used.contains(where: { $0.conflicts(with: want) }) {
        return Status(.unschedulable, [NodePorts.reason], plugin: name)
      }
    }
    return .success
  }
}
