import KubeSimKernel
import KubeSimModel

extension APIServer {
  /// Replaces the metadata and spec of a stored object (the main resource: status is kept as
  /// stored, upstream `PrepareForUpdate` of each registry strategy).
  ///
  /// A non-empty `metadata.resourceVersion` that is not the stored one is a Conflict (optimistic
  /// concurrency); an empty one updates unconditionally (`AllowUnconditionalUpdate`). uid,
  /// creationTimestamp, deletionTimestamp and generation are kept from the stored object;
  /// generation is incremented when the spec changes. Immutable fields are checked. An update
  /// that changes nothing is not written (no new resourceVersion, no watch event), as upstream.
  @discardableResult
  public func update(_ object: APIObject) throws(APIError) -> APIObject {
    try checkAvailable()
    let (id, old) = try existing(object)
    var obj = object
    normalizeNamespace(&obj)
    obj.keepStatus(of: old)
    obj.keepServerSetFields(of: old)
    applyDefaults(&obj)
    if case .pod(var pod) = obj {
      addDefaultTolerations(&pod)
      obj = .pod(pod)
    }
    if case .namespace(var ns) = obj, case .namespace(let was) = old {
      // registry/core/namespace/strategy.go `PrepareForUpdate`: spec.finalizers change only
      // through the finalize subresource.
      ns.spec.finalizers = was.spec.finalizers
      obj = .namespace(ns)
    }
    try checkImmutable(old: old, new: obj)
    try validate(obj, name: obj.metadata.name)
    if obj.specDiffers(from: old) {
      obj.metadata.generation = old.metadata.generation + 1
    } else {
      obj.metadata.generation = old.metadata.generation
    }
    return commit(obj, replacing: old, id: id)
  }

  /// Replaces the status of a stored object (the `/status` subresource): metadata other than
  /// labels/annotations and the spec are kept as stored. Conflict rules as `update`.
  @discardableResult
  public func updateStatus(_ object: APIObject) throws(APIError) -> APIObject {
    try checkAvailable()
    let (id, old) = try existing(object)
    var obj = old
    obj.takeStatus(of: object)
    return commit(obj, replacing: old, id: id)
  }

  /// Looks up the stored object for an update and checks its resourceVersion.
  func existing(_ object: APIObject) throws(APIError) -> (Int32, APIObject) {
    let kind = object.kind
    let key = self.key(kind, object.metadata.namespace, object.metadata.name)
    guard let id = stores[kind]?.id(of: key), let old = stores[kind]?[id] else {
      throw .notFound(kind, object.metadata.name)
    }
    let rv = object.metadata.resourceVersion ?? ""
    if !rv.isEmpty && rv != old.metadata.resourceVersion {
      // staging/src/k8s.io/apiserver/pkg/registry/generic/registry/store.go (OptimisticLockErrorMsg)
      throw .conflict(
        kind, key.name,
        "the object has been modified; please apply your changes to the latest version and try again"
      )
    }
    return (id, old)
  }

  /// Writes `new` over `old` (same key, id `id`), keeping system metadata, updating indexes and
  /// publishing `.modified`. A write that changes nothing returns `old` unchanged.
  func commit(_ proposed: APIObject, replacing old: APIObject, id: Int32) -> APIObject {
    var obj = proposed
    // The fields an update cannot change keep their stored values; the metadata is written
    // back only when one differs (each write of it copies the object out of its enum case).
    var meta = proposed.metadata
    let kept = old.metadata
    if meta.uid != kept.uid || meta.name != kept.name || meta.namespace != kept.namespace
      || meta.creationTimestamp != kept.creationTimestamp
      || meta.deletionTimestamp != kept.deletionTimestamp
      || meta.resourceVersion != kept.resourceVersion
    {
      meta.uid = kept.uid
      meta.name = kept.name
      meta.namespace = kept.namespace
      meta.creationTimestamp = kept.creationTimestamp
      meta.deletionTimestamp = kept.deletionTimestamp
      meta.resourceVersion = kept.resourceVersion
      obj.metadata = meta
    }
    if obj == old { return old }
    resourceVersion += 1
    meta.resourceVersion = String(resourceVersion)
    obj.metadata = meta
    let kind = obj.kind
    stores[kind]?.replace(id, with: obj)
    didWrite(kind)
    reindex(old: old, new: obj, id: id)
    loop.publish(kind, .modified(old: old, new: obj))
    flushQuotaStatus()
    if obj.metadata.deletionTimestamp != nil, obj.metadata.finalizers.isEmpty,
      old.metadata.finalizers.count > 0, !Self.hasSpecFinalizers(obj)
    {
      // The last finalizer is gone: the deletion completes (store.go `updateForGracefulDeletionAndFinalizers`).
      return remove(obj, id: id)
    }
    return obj
  }

  /// Updates owner, node and quota indexes after `old` became `new` under the same id.
  func reindex(old: APIObject, new: APIObject, id: Int32) {
    let kind = new.kind
    let oldOwners = old.metadata.ownerReferences.map(\.uid)
    let newOwners = new.metadata.ownerReferences.map(\.uid)
    if oldOwners != newOwners {
      let ref = OwnedRef(kind: kind, id: id)
      for uid in oldOwners where !newOwners.contains(uid) {
        ownedBy[uid]?.remove(ref)
        if ownedBy[uid]?.isEmpty == true { ownedBy[uid] = nil }
      }
      for uid in newOwners where !oldOwners.contains(uid) {
        ownedBy[uid, default: OrderedIDSet()].insert(ref)
      }
    }
    if case .pod(let oldPod) = old, case .pod(let newPod) = new {
      touchedPods.append(id)
      let ns = new.metadata.namespace ?? ""
      namespaceUsage[ns]?.remove(oldPod)
      namespaceUsage[ns, default: QuotaUsage()].add(newPod)
      let node = newPod.spec.nodeName ?? ""
      if oldPod.isTerminal != newPod.isTerminal { quotaDirtyNamespace = ns }
      if !node.isEmpty, oldPod.countsTowardNode != newPod.countsTowardNode {
        let requests = PodResources.requests(of: newPod)
        if newPod.countsTowardNode {
          nodeRequests[node, default: ResourceSums()].add(requests)
          touchedNodes.append(node)
        } else {
          nodeRequests[node]?.subtract(requests)
        }
      }
    }
  }

  /// A namespace still holding `spec.finalizers` is not removed when its last metadata
  /// finalizer goes (namespace storage `ShouldDeleteNamespaceDuringUpdate`).
  static func hasSpecFinalizers(_ obj: APIObject) -> Bool {
    if case .namespace(let ns) = obj { return !ns.spec.finalizers.isEmpty }
    return false
  }
}
