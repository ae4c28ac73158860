import KubeSimKernel
import KubeSimModel

extension APIServer {
  /// Deletes an object, gracefully for pods.
  ///
  /// A pod that is bound to a node and not terminal gets `deletionTimestamp = now + grace` and
  /// stays in the store ("Terminating") until its kubelet confirms with a delete of grace 0;
  /// `gracePeriodSeconds` defaults to the pod's `terminationGracePeriodSeconds` (30). An
  /// unbound or terminal pod, and every other kind, is removed at once. A second delete can only
  /// shorten the grace period. Upstream: pkg/registry/core/pod/strategy.go
  /// (`CheckGracefulDeleteWithOptions`), staging/src/k8s.io/apiserver/pkg/registry/rest/delete.go
  /// (`BeforeDelete`, which also increments generation when it sets deletionTimestamp).
  ///
  /// KubeSim differs from Kubernetes: finalizers and owner-reference garbage collection are not
  /// modelled yet (issue 4).
  /// - Returns: the object as it is now: removed (the last state) or marked for deletion.
  @discardableResult
  public func delete(
    _ kind: ObjectKind, _ namespace: String?, _ name: String, gracePeriodSeconds: Int64? = nil
  ) throws(APIError) -> APIObject {
    let key = self.key(kind, namespace, name)
    guard let id = stores[kind]?.id(of: key), let old = stores[kind]?[id] else {
      throw .notFound(kind, name)
    }
    if case .pod(let pod) = old {
      var grace = gracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30
      if (pod.spec.nodeName ?? "").isEmpty || pod.isTerminal { grace = 0 }
      if grace > 0 {
        let deadline = now + .seconds(grace)
        if let existing = old.metadata.deletionTimestamp, existing <= deadline { return old }
        var obj = old
        obj.metadata.deletionTimestamp = deadline
        if case .pod(var p) = obj {
          p.metadata.deletionGracePeriodSeconds = grace
          obj = .pod(p)
        }
        if old.metadata.deletionTimestamp == nil, old.metadata.generation > 0 {
          obj.metadata.generation = old.metadata.generation + 1
        }
        resourceVersion += 1
        obj.metadata.resourceVersion = String(resourceVersion)
        stores[kind]?.replace(id, with: obj)
        reindex(old: old, new: obj, id: id)
        loop.publish(kind, .modified(old: old, new: obj))
        flushQuotaStatus()
        return obj
      }
    }
    resourceVersion += 1
    var last = old
    last.metadata.resourceVersion = String(resourceVersion)
    if last.metadata.deletionTimestamp == nil { last.metadata.deletionTimestamp = now }
    removeFromStore(kind, id: id)
    loop.publish(kind, .deleted(last))
    if let ns = last.metadata.namespace { refreshQuotaStatus(ns) }
    return last
  }
}
