import KubeSimKernel
import KubeSimModel

extension APIServer {
  /// Deletes an object, gracefully for pods, honouring finalizers.
  ///
  /// - A pod that is bound to a node and not terminal gets `deletionTimestamp = now + grace`
  ///   and `deletionGracePeriodSeconds`, and stays in the store ("Terminating") until its
  ///   kubelet confirms with a delete of grace 0; `gracePeriodSeconds` defaults to the pod's
  ///   `terminationGracePeriodSeconds` (30). A second delete can only shorten the grace period.
  ///   An unbound or terminal pod goes at once. Upstream: pkg/registry/core/pod/strategy.go
  ///   (`CheckGracefulDeleteWithOptions`), staging/src/k8s.io/apiserver/pkg/registry/rest/
  ///   delete.go (`BeforeDelete`, which also increments generation when it sets
  ///   deletionTimestamp).
  /// - An object with `metadata.finalizers` gets `deletionTimestamp = now` and stays until an
  ///   update removes the last finalizer (registry/generic/registry/store.go
  ///   `deletionFinalizersForGarbageCollection`, `updateForGracefulDeletionAndFinalizers`).
  /// - A Namespace with finalizers becomes `Terminating` (`deleteNamespace`); the namespace
  ///   controller empties it, finalizes it and deletes it again, which removes it.
  ///
  /// Dependents are the garbage collector's business (KubeSimControllers `GarbageCollector`,
  /// `delete(_:_:_:propagation:)`).
  /// - Returns: the object as it is now: removed (its last state) or marked for deletion.
  @discardableResult
  public func delete(
    _ kind: ObjectKind, _ namespace: String?, _ name: String, gracePeriodSeconds: Int64? = nil
  ) throws(APIError) -> APIObject {
    try checkAvailable()
    let key = self.key(kind, namespace, name)
    guard let id = stores[kind]?.id(of: key), let old = stores[kind]?[id] else {
      throw .notFound(kind, name)
    }
    if case .namespace = old {
      return deleteNamespace(old, id: id)
    }
    var grace: Int64 = 0
    if case .pod(let pod) = old {
      grace = gracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30
      if (pod.spec.nodeName ?? "").isEmpty || pod.isTerminal { grace = 0 }
    }
    if grace > 0 || !old.metadata.finalizers.isEmpty {
      return markForDeletion(old, id: id, grace: grace, isPod: kind == .pod)
    }
    return remove(old, id: id)
  }

  /// Sets deletionTimestamp (now + grace) on an object that stays in the store for now.
  func markForDeletion(_ old: APIObject, id: Int32, grace: Int64, isPod: Bool)
    -> APIObject
  {
    let deadline = now + .seconds(grace)
    if let existing = old.metadata.deletionTimestamp, existing <= deadline { return old }
    var obj = old
    obj.metadata.deletionTimestamp = deadline
    if isPod { obj.metadata.deletionGracePeriodSeconds = grace }
    if old.metadata.deletionTimestamp == nil, old.metadata.generation > 0 {
      obj.metadata.generation = old.metadata.generation + 1
    }
    let stored = replaceStored(obj, replacing: old, id: id)
    flushQuotaStatus()
    return stored
  }

  /// Stores `obj` over `old` with a new resourceVersion, reindexes it and publishes the change.
  func replaceStored(_ obj: APIObject, replacing old: APIObject, id: Int32) -> APIObject {
    var obj = obj
    resourceVersion += 1
    obj.metadata.resourceVersion = String(resourceVersion)
    stores[obj.kind]?.replace(id, with: obj)
    didWrite(obj.kind)
    reindex(old: old, new: obj, id: id)
    loop.publish(obj.kind, .modified(old: old, new: obj))
    return obj
  }

  /// Removes an object from the store now and publishes `.deleted`.
  @discardableResult
  func remove(_ old: APIObject, id: Int32) -> APIObject {
    let kind = old.kind
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
