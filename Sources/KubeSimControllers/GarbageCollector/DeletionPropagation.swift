import KubeSimAPIServer
import KubeSimModel

/// `metav1.DeletionPropagation`: what happens to an object's dependents when it is deleted.
public enum DeletionPropagation: String, Sendable, Hashable, CaseIterable {
  /// The owner goes at once; the garbage collector then deletes the dependents.
  case background = "Background"
  /// The owner stays (finalizer `foregroundDeletion`) until the garbage collector has deleted
  /// every dependent with `blockOwnerDeletion`.
  case foreground = "Foreground"
  /// The owner stays (finalizer `orphan`) until the garbage collector has removed its
  /// reference from every dependent, which then live on.
  case orphan = "Orphan"

  /// The finalizer that carries the policy (metav1 `FinalizerDeleteDependents`,
  /// `FinalizerOrphanDependents`).
  public var finalizer: String? {
    switch self {
    case .background: return nil
    case .foreground: return "foregroundDeletion"
    case .orphan: return "orphan"
    }
  }
}

extension APIServer {
  /// Deletes an object with a propagation policy, as `DeleteOptions.propagationPolicy` does:
  /// Foreground and Orphan add their finalizer before the delete
  /// (registry/generic/registry/store.go `deletionFinalizersForGarbageCollection`), so the
  /// object stays, marked for deletion, until the garbage collector removes the finalizer.
  ///
  /// KubeSim differs: the finalizer is added by an update just before the delete (two writes
  /// where kube-apiserver makes one).
  @discardableResult
  public func delete(
    _ kind: ObjectKind, _ namespace: String?, _ name: String,
    propagation: DeletionPropagation, gracePeriodSeconds: Int64? = nil
  ) throws(APIError) -> APIObject {
    if let finalizer = propagation.finalizer, var object = get(kind, namespace, name),
      object.metadata.deletionTimestamp == nil, !object.metadata.finalizers.contains(finalizer)
    {
      object.metadata.finalizers.append(finalizer)
      object.metadata.resourceVersion = nil
      try update(object)
    }
    return try delete(kind, namespace, name, gracePeriodSeconds: gracePeriodSeconds)
  }
}
