import KubeSimKernel
import KubeSimModel

extension APIServer {
  /// Binds a pending pod to a node: the `pods/binding` subresource the scheduler calls.
  ///
  /// Sets `spec.nodeName` and the `PodScheduled=True` condition, as upstream
  /// pkg/registry/core/pod/storage/storage.go `assignPod`/`setPodNodeAndMetadata` does, and
  /// records the placement (`profile`, `attempts`) for `placements.csv`.
  /// Errors (same file): the pod is being deleted (`pod web-1 is being deleted, cannot be
  /// assigned to a host`) or is already bound (`pod web-1 is already assigned to node "n"`),
  /// both as `Operation cannot be fulfilled on pods/binding "web-1": …`.
  @discardableResult
  public func bind(
    _ namespace: String, _ name: String, to node: String, profile: String = "default-scheduler",
    attempts: Int = 1
  ) throws(APIError) -> Pod {
    try checkAvailable()
    let key = self.key(.pod, namespace, name)
    guard let id = stores[.pod]?.id(of: key), case .pod(let old)? = stores[.pod]?[id] else {
      throw .notFound(.pod, name)
    }
    let prefix = "Operation cannot be fulfilled on pods/binding \"\(name)\": "
    if old.metadata.deletionTimestamp != nil {
      throw APIError(
        .conflict, prefix + "pod \(name) is being deleted, cannot be assigned to a host")
    }
    if let current = old.spec.nodeName, !current.isEmpty {
      throw APIError(.conflict, prefix + "pod \(name) is already assigned to node \"\(current)\"")
    }
    var pod = old
    pod.spec.nodeName = node
    pod.status.setCondition(type: "PodScheduled", status: .true, at: now)
    resourceVersion += 1
    pod.metadata.resourceVersion = String(resourceVersion)
    stores[.pod]?.replace(id, with: .pod(pod))
    podsByNode[node, default: []].append(id)
    touchedPods.append(id)
    touchedIndexNodes.append(node)
    if pod.countsTowardNode {
      nodeRequests[node, default: ResourceSums()].add(PodResources.requests(of: pod))
    }
    touchedNodes.append(node)
    bindings.append(
      BindRecord(
        time: now, namespace: key.namespace, pod: name, node: node, profile: profile,
        attempts: attempts))
    loop.publish(.pod, .modified(old: .pod(old), new: .pod(pod)))
    return pod
  }
}
