import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel

/// Adoption and release of dependents by a controller (upstream
/// pkg/controller/controller_ref_manager.go, `BaseControllerRefManager.ClaimObject`,
/// `PodControllerRefManager.AdoptPod`/`ReleasePod`, `ReplicaSetControllerRefManager`).
///
/// A controller *claims* the objects its selector matches:
/// - owned by another controller: ignored;
/// - owned by it and still matching: kept;
/// - owned by it but no longer matching: released (its owner reference removed), unless the
///   controller is being deleted;
/// - an orphan (no controller reference) that matches, is not being deleted, lives in the
///   controller's namespace, while the controller is not being deleted: adopted (a controller
///   reference with `blockOwnerDeletion` is added), after `canAdopt` re-reads the controller
///   from the API server (`RecheckDeletionTimestamp`: same uid, no deletionTimestamp).
///
/// KubeSim differs: adoption and release are updates of the whole object (kube-controller-manager
/// sends a strategic merge patch with a uid precondition); neither records an event, as upstream.
public enum ControllerRefManager {
  /// What `ClaimObject` decides for one object.
  public enum Claim: Equatable, Sendable {
    /// Ours and matching: counted.
    case owned
    /// An orphan to adopt.
    case adopt
    /// Ours but no longer matching: release it.
    case release
    /// Someone else's, or not ours to take.
    case ignore
  }

  /// `BaseControllerRefManager.ClaimObject`'s decision for `object`.
  /// - Parameters:
  ///   - object: the dependent's metadata.
  ///   - controller: the controller's metadata.
  ///   - matches: whether the controller's selector (and filters) match the dependent.
  public static func decide(_ object: ObjectMeta, controller: ObjectMeta, matches: Bool) -> Claim {
    if let ref = PodUtil.controllerRef(object) {
      if ref.uid != controller.uid { return .ignore }
      if matches { return .owned }
      // controller_ref_manager.go: "Owned by us but selector doesn't match. Try to release,
      // unless we're being deleted."
      return controller.deletionTimestamp == nil ? .release : .ignore
    }
    // "It's an orphan." Ignored if we're being deleted, it doesn't match, it is being deleted,
    // or it lives in another namespace.
    if controller.deletionTimestamp != nil || !matches { return .ignore }
    if object.deletionTimestamp != nil { return .ignore }
    if let ns = controller.namespace, !ns.isEmpty, ns != (object.namespace ?? "default") {
      return .ignore
    }
    return .adopt
  }

  /// `canAdoptFunc` (controller_utils.go `RecheckDeletionTimestamp`): the controller, read
  /// fresh from the API server, is the same object (uid) and not being deleted.
  public static func canAdopt(
    _ kind: ObjectKind, _ controller: ObjectMeta, _ api: APIServer
  ) -> Bool {
    guard let fresh = api.get(kind, controller.namespace, controller.name)?.metadata else {
      return false
    }
    return fresh.uid == controller.uid && fresh.deletionTimestamp == nil
  }

  /// `AdoptPod`/`AdoptReplicaSet`: adds a controller reference to `object` (after `canAdopt`).
  /// - Returns: the object as stored, or nil when the controller may not adopt or the write
  ///   failed (upstream returns the error and the sync is retried).
  public static func adopt(
    _ object: APIObject, by kind: ObjectKind, apiVersion: String, controller: ObjectMeta,
    _ api: APIServer
  ) -> APIObject? {
    guard canAdopt(kind, controller, api) else { return nil }
    var o = object
    o.metadata.ownerReferences.append(
      OwnerReference(
        apiVersion: apiVersion, kind: kind.rawValue, name: controller.name, uid: controller.uid,
        controller: true, blockOwnerDeletion: true))
    o.metadata.resourceVersion = nil
    return try? api.update(o)
  }

  /// `ReleasePod`/`ReleaseReplicaSet`: removes the owner reference of uid `controllerUID`.
  /// - Returns: the object as stored, or nil when the write failed (a NotFound is ignored
  ///   upstream).
  public static func release(_ object: APIObject, controllerUID: String, _ api: APIServer)
    -> APIObject?
  {
    var o = object
    o.metadata.ownerReferences.removeAll { $0.uid == controllerUID }
    o.metadata.resourceVersion = nil
    return try? api.update(o)
  }
}
