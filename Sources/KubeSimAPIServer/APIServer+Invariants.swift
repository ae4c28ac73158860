import KubeSimModel

extension APIServer {
  /// Invariants of the nodes touched by binds in the last instant: the node exists and the
  /// requests of its non-terminal pods fit its allocatable CPU, memory and pod count.
  /// Returns the first violation, or nil.
  func checkInstantInvariants() -> String? {
    if let broken = checkTouchedIndexes() { return broken }
    guard !touchedNodes.isEmpty else { return nil }
    for node in Self.unique(touchedNodes) {
      guard case .node(let n)? = get(.node, nil, node) else {
        let pod = pods(onNode: node).first.map {
          "\($0.metadata.namespace ?? "")/\($0.metadata.name)"
        }
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

extension APIServer {
  /// The distinct elements, sorted.
  static func unique<T: Comparable>(_ items: [T]) -> [T] {
    var out: [T] = []
    out.reserveCapacity(items.count)
    for item in items.sorted() where out.last != item { out.append(item) }
    return out
  }

  /// Index invariants of the pods written in the last instant: a stored pod is in the index of
  /// its node and of each owner; every pod in the index of a touched node is stored on that
  /// node. O(pods written + pods on the touched nodes).
  func checkTouchedIndexes() -> String? {
    guard let store = stores[.pod] else { return nil }
    for id in Self.unique(touchedPods) {
      guard case .pod(let pod)? = store[id] else { continue }
      let key = "\(pod.metadata.namespace ?? "")/\(pod.metadata.name)"
      if store.indexedID(self.key(.pod, pod.metadata.namespace, pod.metadata.name)) != id {
        return "pod \(key) is in the store but not in the name index"
      }
      if let node = pod.spec.nodeName, !node.isEmpty, podsByNode[node]?.contains(id) != true {
        return "pod \(key) is bound to \(node) but missing from that node's pod index"
      }
      for owner in pod.metadata.ownerReferences
      where ownedBy[owner.uid]?.contains(OwnedRef(kind: .pod, id: id)) != true {
        return "pod \(key) is missing from the owner index of \(owner.uid)"
      }
    }
    for node in Self.unique(touchedIndexNodes) {
      for id in podsByNode[node] ?? [] {
        guard case .pod(let pod)? = store[id], pod.spec.nodeName == node else {
          return "the pod index of node \(node) holds pod id \(id), which is not stored on it"
        }
      }
    }
    return nil
  }
}

extension APIServer {
  /// Full consistency check of the store and its indexes: every object is reachable by its
  /// name, every indexed pod is in the store on that node, every bound pod is indexed, every
  /// owner index entry points at an object that names that owner. O(all objects); tests and
  /// `kubesim` debugging use it, not the per-instant checks.
  public func checkIndexes() -> String? {
    for kind in ObjectKind.allCases {
      guard let store = stores[kind] else { continue }
      let ids = store.allIDs()
      if ids.count != store.indexCount || ids.count != store.count {
        return "\(kind.plural): \(ids.count) objects but \(store.indexCount) names indexed"
      }
      for id in ids {
        guard let object = store[id] else { continue }
        let key = self.key(kind, object.metadata.namespace, object.metadata.name)
        if store.indexedID(key) != id {
          return "\(kind.name) \(key) is in the store but not in the name index"
        }
        for owner in object.metadata.ownerReferences
        where ownedBy[owner.uid]?.contains(OwnedRef(kind: kind, id: id)) != true {
          return "\(kind.name) \(key) is missing from the owner index of \(owner.uid)"
        }
        if case .pod(let pod) = object, let node = pod.spec.nodeName, !node.isEmpty,
          !(podsByNode[node] ?? []).contains(id)
        {
          return "pod \(key) is bound to \(node) but not in its node index"
        }
      }
    }
    let podStore = stores[.pod]
    for node in podsByNode.keys.sorted() {
      for id in podsByNode[node] ?? [] {
        guard case .pod(let pod)? = podStore?[id], pod.spec.nodeName == node else {
          return "node index of \(node) holds pod id \(id), which is not a pod on that node"
        }
      }
    }
    for uid in ownedBy.keys.sorted() {
      for ref in ownedBy[uid]?.elements ?? [] {
        guard let object = stores[ref.kind]?[ref.id],
          object.metadata.ownerReferences.contains(where: { $0.uid == uid })
        else {
          return "owner index of \(uid) holds \(ref.kind.name) id \(ref.id), which it does not own"
        }
      }
    }
    return nil
  }
}
