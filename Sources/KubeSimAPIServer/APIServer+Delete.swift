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
  /// - A Namespace becomes `Terminating`, every object in it is deleted (pods gracefully), and
  ///   it is removed once empty. KubeSim differs: upstream's namespace controller does this
  ///   asynchronously; KubeSim deletes the contents within the same write.
  ///
  /// KubeSim differs from Kubernetes: owner-reference garbage collection is not modelled yet
  /// (issue 4).
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
  private func markForDeletion(_ old: APIObject, id: Int32, grace: Int64, isPod: Bool)
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
    resourceVersion += 1
    obj.metadata.resourceVersion = String(resourceVersion)
    stores[obj.kind]?.replace(id, with: obj)
    didWrite(obj.kind)
    reindex(old: old, new: obj, id: id)
    loop.publish(obj.kind, .modified(old: old, new: obj))
    flushQuotaStatus()
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
    if let ns = last.metadata.namespace {
      refreshQuotaStatus(ns)
      finishNamespaceIfEmpty(ns)
    }
    return last
  }

  private func deleteNamespace(_ old: APIObject, id: Int32) -> APIObject {
    guard case .namespace(var ns) = old else { return old }
    let name = ns.metadata.name
    if ns.metadata.deletionTimestamp == nil {
      ns.metadata.deletionTimestamp = now
      ns.status.phase = "Terminating"
      resourceVersion += 1
      ns.metadata.resourceVersion = String(resourceVersion)
      stores[.namespace]?.replace(id, with: .namespace(ns))
      loop.publish(.namespace, .modified(old: old, new: .namespace(ns)))
      for kind in ObjectKind.allCases where kind.isNamespaced {
        for object in list(kind, namespace: name) where object.metadata.deletionTimestamp == nil {
          _ = try? delete(kind, name, object.metadata.name)
        }
      }
    }
    finishNamespaceIfEmpty(name)
    return get(.namespace, nil, name) ?? .namespace(ns)
  }

  /// Removes a Terminating namespace once nothing is left in it.
  func finishNamespaceIfEmpty(_ name: String) {
    guard (namespaceUsage[name]?.total ?? 0) == 0,
      let id = stores[.namespace]?.id(of: key(.namespace, nil, name)),
      let ns = stores[.namespace]?[id], ns.metadata.deletionTimestamp != nil
    else { return }
    remove(ns, id: id)
  }
}
