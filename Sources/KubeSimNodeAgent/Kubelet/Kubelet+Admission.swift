import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel

/// Pod admission on the node (pkg/kubelet/lifecycle/predicate.go `Admit`, whose
/// `generalFilter` runs the scheduler's `AdmissionCheck`, pkg/scheduler/schedule_one.go, then a
/// NoExecute taint check). The checks, in upstream order, and the first failure wins:
///
/// 1. resources (`noderesources.Fits`): pod count, then cpu, then memory, against the requests
///    of the pods the kubelet already runs; reason `OutOfpods`/`OutOfcpu`/`OutOfmemory`,
///    message "Node didn't have enough resource: %s, requested: %d, used: %d, capacity: %d";
/// 2. `NodeAffinity`: the pod's nodeSelector and required node affinity terms must match the
///    node's labels (and name, for matchFields) as they are now;
/// 3. `NodeName`: spec.nodeName is this node (always true for the pods a kubelet receives);
/// 4. `NodePorts`: no host port of the pod conflicts with one of a pod already running here;
/// 5. `TaintToleration`: every NoExecute taint of the node is tolerated.
///
/// Predicate failures read "Predicate %s failed: %s" (`PredicateFailureError.Error`). A rejected
/// pod gets a Warning event with that message and becomes `Failed` with the reason and
/// "Pod was rejected: " + message (kubelet.go `rejectPod`). KubeSim does not check extended
/// resources, the OS label or ephemeral storage.
extension Kubelet {
  /// The rejection reason and message (without the "Pod was rejected: " prefix), or nil when
  /// the pod is admitted.
  func admissionFailure(_ p: Pod, _ ctx: inout ComponentContext) -> (String, String)? {
    guard case .node(let n)? = ctx.api.get(.node, nil, nodeName) else { return nil }
    // The requests of the active pods, from each `PodRun`'s sums (no copy of every pod).
    var used = ResourceSums()
    let runs = pods.values
    for i in runs.indices where !runs[i].deleting && !runs[i].terminal {
      used.add(runs[i].requests)
    }
    if let failure = Self.insufficientResource(p, used: used, node: n) { return failure }
    if !p.spec.requiredNodeAffinityMatches(labels: n.metadata.labels, name: n.metadata.name) {
      // nodeaffinity.ErrReasonPod (node_affinity.go).
      return Self.predicate("NodeAffinity", "node(s) didn't match Pod's node affinity/selector")
    }
    if !Self.hostPorts(p).isEmpty,
      Self.hostPortConflict(
        p, others: pods.values.filter { !$0.deleting && !$0.pod.isTerminal }.map(\.pod))
    {
      // nodeports.ErrReason (node_ports.go).
      return Self.predicate(
        "NodePorts", "node(s) didn't have free ports for the requested pod ports")
    }
    if p.spec.tolerations.firstUntoleratedTaint(n.spec.taints, effects: [.noExecute]) != nil {
      // tainttoleration.ErrReasonNotMatch (taint_toleration.go).
      return Self.predicate("TaintToleration", "node(s) had taints that the pod didn't tolerate")
    }
    return nil
  }

  /// `PredicateFailureError`: reason = the predicate's name, message "Predicate %s failed: %s".
  static func predicate(_ name: String, _ desc: String) -> (String, String) {
    (name, "Predicate \(name) failed: \(desc)")
  }

  /// `noderesources.Fits` as the kubelet uses it: the pod count first, then cpu and memory
  /// (fit.go `fitsRequest` order); the first insufficient resource as `InsufficientResourceError`.
  static func insufficientResource(_ p: Pod, used: ResourceSums, node n: Node)
    -> (String, String)?
  {
    let want = PodResources.requests(of: p)
    let alloc = n.status.allocatable
    let checks: [(String, Int64, Int64, Int64?)] = [
      ("pods", 1, used.pods, alloc["pods"]?.value),
      ("cpu", want.milliCPU, used.milliCPU, alloc["cpu"]?.milliValue),
      ("memory", want.memoryBytes, used.memoryBytes, alloc["memory"]?.value),
    ]
    for (name, requested, inUse, capacity) in checks {
      guard let capacity, requested > 0, inUse + requested > capacity else { continue }
      // predicate.go `InsufficientResourceError.Error`; reasons OutOfcpu, OutOfmemory, OutOfpods.
      return (
        "OutOf\(name)",
        "Node didn't have enough resource: \(name), requested: \(requested), "
          + "used: \(inUse), capacity: \(capacity)"
      )
    }
    return nil
  }

  /// Whether a host port of `p` conflicts with one of `others` (`HostPortInfo.CheckConflict`,
  /// pkg/scheduler/framework/types.go: same protocol and port, and the same host IP or either
  /// is 0.0.0.0; an empty IP means 0.0.0.0 and an empty protocol TCP).
  static func hostPortConflict(_ p: Pod, others: [Pod]) -> Bool {
    let mine = hostPorts(p)
    if mine.isEmpty { return false }
    for o in others {
      for a in hostPorts(o) {
        for b in mine
        where a.proto == b.proto && a.port == b.port
          && (a.ip == b.ip || a.ip == "0.0.0.0" || b.ip == "0.0.0.0")
        {
          return true
        }
      }
    }
    return false
  }

  /// The (hostIP, protocol, hostPort) triples of the containers with hostPort > 0, sanitized
  /// (`schedutil.GetHostPorts`, pkg/scheduler/util/utils.go, as the NodePorts plugin reads them).
  private static func hostPorts(_ p: Pod) -> [(ip: String, proto: String, port: Int32)] {
    var out: [(ip: String, proto: String, port: Int32)] = []
    for c in p.spec.containers {
      for port in c.ports {
        guard let hp = port.hostPort, hp > 0 else { continue }
        let ip = port.hostIP ?? ""
        let proto = port.protocol?.rawValue ?? ""
        out.append((ip.isEmpty ? "0.0.0.0" : ip, proto.isEmpty ? "TCP" : proto, hp))
      }
    }
    return out
  }

  /// Marks `p` Failed with the rejection (kubelet.go `rejectPod`: the event carries `message`,
  /// the status "Pod was rejected: " + message).
  func reject(_ p: Pod, reason: String, message: String, _ ctx: inout ComponentContext) {
    ctx.recordEvent(
      type: .warning, reason: reason, object: ObjectReference.to(.pod(p)), node: nodeName,
      message: message)
    guard case .pod(var cur)? = ctx.api.get(.pod, p.metadata.namespace, p.metadata.name) else {
      return
    }
    cur.status.phase = .failed
    cur.status.reason = reason
    cur.status.message = "Pod was rejected: " + message
    _ = try? ctx.api.updateStatus(.pod(cur))
  }
}
