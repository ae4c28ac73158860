import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel

/// Pod admission on the node (pkg/kubelet/lifecycle/predicate.go `Admit` with
/// `GeneralPredicates`): the node's labels must still match the pod's nodeSelector, and the
/// requests of the admitted pods plus this one must fit the node's allocatable cpu, memory and
/// pod count. A rejected pod is `Failed` with the predicate's reason (`NodeAffinity`,
/// `OutOfcpu`, `OutOfmemory`, `OutOfpods`) and message, and a Warning event of that reason.
/// KubeSim checks only these (not host ports or extended resources).
extension Kubelet {
  /// The rejection reason and message, or nil when the pod is admitted.
  func admissionFailure(_ p: Pod, _ ctx: inout ComponentContext) -> (String, String)? {
    guard case .node(let n)? = ctx.api.get(.node, nil, nodeName) else { return nil }
    for entry in p.spec.nodeSelector where n.metadata.labels[entry.key] != entry.value {
      // predicate.go: "Predicate %s failed: %s" with the NodeAffinity plugin's reason.
      return (
        "NodeAffinity",
        "Pod was rejected: Predicate NodeAffinity failed: node(s) didn't match Pod's node affinity/selector"
      )
    }
    var used = ResourceSums()
    for run in pods.values where !run.deleting && !run.pod.isTerminal {
      used.add(PodResources.requests(of: run.pod))
    }
    let want = PodResources.requests(of: p)
    let alloc = n.status.allocatable
    let checks: [(String, Int64, Int64, Int64?)] = [
      ("cpu", want.milliCPU, used.milliCPU, alloc["cpu"]?.milliValue),
      ("memory", want.memoryBytes, used.memoryBytes, alloc["memory"]?.value),
      ("pods", 1, used.pods, alloc["pods"]?.value),
    ]
    for (name, requested, inUse, capacity) in checks {
      guard let capacity, requested > 0, inUse + requested > capacity else { continue }
      // predicate.go `InsufficientResourceError`: reason "OutOf<resource>", message "Node
      // didn't have enough resource: %s, requested: %d, used: %d, capacity: %d".
      return (
        "OutOf\(name)",
        "Pod was rejected: Node didn't have enough resource: \(name), requested: \(requested), "
          + "used: \(inUse), capacity: \(capacity)"
      )
    }
    return nil
  }

  /// Marks `p` Failed with the rejection (kubelet `rejectPod`).
  func reject(_ p: Pod, reason: String, message: String, _ ctx: inout ComponentContext) {
    ctx.recordEvent(
      type: .warning, reason: reason, object: ObjectReference.to(.pod(p)), node: nodeName,
      message: message)
    guard case .pod(var cur)? = ctx.api.get(.pod, p.metadata.namespace, p.metadata.name) else {
      return
    }
    cur.status.phase = .failed
    cur.status.reason = reason
    cur.status.message = message
    _ = try? ctx.api.updateStatus(.pod(cur))
  }
}
