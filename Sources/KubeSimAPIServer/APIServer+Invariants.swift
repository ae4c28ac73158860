import KubeSimModel

extension APIServer {
  /// Invariants of the nodes touched by binds in the last instant: the node exists and the
  /// requests of its non-terminal pods fit its allocatable CPU, memory and pod count.
  /// Returns the first violation, or nil.
  func checkInstantInvariants() -> String? {
    guard !touchedNodes.isEmpty else { return nil }
    for node in touchedNodes.sorted() {
      guard case .node(let n)? = get(.node, nil, node) else {
        let pod = pods(onNode: node).first.map { "\($0.metadata.namespace ?? "")/\($0.metadata.name)" }
        return "pod \(pod ?? "?") bound to node \(node), which does not exist"
      }
      let used = nodeRequests[node] ?? ResourceSums()
      let alloc = n.status.allocatable
      if let cpu = alloc[ResourceList.cpu], used.milliCPU > cpu.milliValue {
        return "node \(node): requested cpu \(used.milliCPU)m > allocatable \(cpu.milliValue)m"
      }
      if let mem = alloc[ResourceList.memory], used.memoryBytes > mem.value {
        return "node \(node): requested memory \(used.memoryBytes) > allocatable \(mem.value)"
      }
      if let pods = alloc[ResourceList.pods], used.pods > pods.value {
        return "node \(node): \(used.pods) pods > allocatable \(pods.value)"
      }
    }
    return nil
  }
}
