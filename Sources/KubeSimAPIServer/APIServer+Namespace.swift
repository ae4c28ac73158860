import KubeSimKernel
import KubeSimModel

extension APIServer {
  /// The finalizer every namespace gets at creation and the namespace controller removes
  /// (core/v1 `FinalizerKubernetes`).
  public static let namespaceFinalizer = "kubernetes"

  /// `Delete` of a namespace (pkg/registry/core/namespace/storage/storage.go): a namespace whose
  /// `spec.finalizers` and `metadata.finalizers` are empty is removed at once; otherwise it gets
  /// `deletionTimestamp` now and phase `Terminating`, and stays until the namespace controller
  /// has deleted its contents and finalized it (`finalizeNamespace`), then deletes it again.
  func deleteNamespace(_ old: APIObject, id: Int32) -> APIObject {
    guard case .namespace(var ns) = old else { return old }
    if ns.spec.finalizers.isEmpty && ns.metadata.finalizers.isEmpty {
      return remove(old, id: id)
    }
    if ns.metadata.deletionTimestamp != nil { return old }
    ns.metadata.deletionTimestamp = now
    // storage.go `Delete`: "Set the deletion timestamp and phase to Terminating".
    ns.status.phase = "Terminating"
    return replaceStored(.namespace(ns), replacing: old, id: id)
  }

  /// The `finalize` subresource (storage.go `FinalizeREST`): removes `token` from the
  /// namespace's `spec.finalizers`.
  /// - Returns: the namespace as stored.
  /// - Throws: `APIError` NotFound.
  @discardableResult
  public func finalizeNamespace(_ name: String, removing token: String) throws(APIError)
    -> APIObject
  {
    let key = self.key(.namespace, nil, name)
    guard let id = stores[.namespace]?.id(of: key), let old = stores[.namespace]?[id],
      case .namespace(var ns) = old
    else { throw .notFound(.namespace, name) }
    if !ns.spec.finalizers.contains(token) { return old }
    ns.spec.finalizers.removeAll { $0 == token }
    return replaceStored(.namespace(ns), replacing: old, id: id)
  }
}
