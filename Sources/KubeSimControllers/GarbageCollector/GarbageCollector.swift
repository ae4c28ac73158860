import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel

/// The garbage collector (upstream pkg/controller/garbagecollector, v1.35) as a `Component`:
/// follows `metadata.ownerReferences`.
///
/// - **Background**: when an owner is gone from the store, each dependent whose owners are all
///   gone is deleted (in turn cascading to its own dependents); a dependent that still has a
///   live owner only loses the dangling reference (`attemptToDeleteItem`).
/// - **Foreground**: an owner marked for deletion with the `foregroundDeletion` finalizer gets
///   its dependents deleted, themselves in the foreground when they block their owner
///   (`blockOwnerDeletion`); the finalizer is removed once no blocking dependent is left
///   (`processDeletingDependentsItem`), so pods go first, then their ReplicaSet, then the
///   Deployment.
/// - **Orphan**: an owner with the `orphan` finalizer has its reference removed from every
///   dependent, then the finalizer (`orphanDependents`).
///
/// Watches the kinds that own or are owned in KubeSim (workloads, pods, PVCs). KubeSim differs:
/// there is no dependency graph of its own; the API server's owner index is read directly, and
/// reactions happen at the watch delivery (no workqueue delay).
public final class GarbageCollector: Component {
  public let componentName = "garbage-collector"
  public var watches: [WatchFilter] {
    [.deployment, .replicaSet, .daemonSet, .statefulSet, .job, .cronJob, .pod,
      .persistentVolumeClaim].map { WatchFilter(kind: $0) }
  }

  /// Owners waiting in the foreground for their dependents, by uid: (kind, namespace, name).
  private var waiting: [String: (ObjectKind, String?, String)] = [:]

  public init() {}

  public func observe(_ change: WatchChange, _ ctx: inout ComponentContext) {
    switch change {
    case .added(let o), .modified(_, let o):
      guard o.metadata.deletionTimestamp != nil else { return }
      if o.metadata.finalizers.contains("orphan") {
        orphan(o, &ctx)
      } else if o.metadata.finalizers.contains("foregroundDeletion") {
        waiting[o.metadata.uid] = (o.kind, o.metadata.namespace, o.metadata.name)
        deleteDependents(of: o, &ctx)
        finishForeground(o.metadata.uid, &ctx)
      }
    case .deleted(let o):
      waiting[o.metadata.uid] = nil
      deleteDependents(of: o, &ctx)
      for ref in o.metadata.ownerReferences where waiting[ref.uid] != nil {
        finishForeground(ref.uid, &ctx)
      }
    }
  }

  public func timerFired(_ token: UInt64, _ ctx: inout ComponentContext) {}

  /// Deletes the dependents of `owner` that have no other live owner; drops the dangling
  /// reference from the others. In the foreground, blocking dependents go in the foreground.
  private func deleteDependents(of owner: APIObject, _ ctx: inout ComponentContext) {
    let uid = owner.metadata.uid
    let foreground = owner.metadata.finalizers.contains("foregroundDeletion")
      && ctx.api.get(owner.kind, owner.metadata.namespace, owner.metadata.name) != nil
    for dep in ctx.api.objects(ownedBy: uid) {
      if dep.metadata.deletionTimestamp != nil && !foreground { continue }
      let others = dep.metadata.ownerReferences.filter { ref in
        ref.uid != uid && ownerExists(ref, namespace: dep.metadata.namespace, ctx.api)
      }
      if !others.isEmpty {
        var d = dep
        d.metadata.ownerReferences.removeAll { $0.uid == uid }
        d.metadata.resourceVersion = nil
        _ = try? ctx.api.update(d)
        continue
      }
      let blocks = dep.metadata.ownerReferences.contains {
        $0.uid == uid && $0.blockOwnerDeletion == true
      }
      // A dependent with dependents of its own waits for them in the foreground too; a leaf
      // (a pod) is simply deleted (its finalizer would be removed at once upstream).
      if foreground && blocks && !ctx.api.objects(ownedBy: dep.metadata.uid).isEmpty {
        if dep.metadata.deletionTimestamp == nil {
          _ = try? ctx.api.delete(
            dep.kind, dep.metadata.namespace, dep.metadata.name, propagation: .foreground)
        }
      } else if dep.metadata.deletionTimestamp == nil {
        _ = try? ctx.api.delete(dep.kind, dep.metadata.namespace, dep.metadata.name)
      }
    }
  }

  /// Removes `foregroundDeletion` from a waiting owner once no blocking dependent is left.
  private func finishForeground(_ uid: String, _ ctx: inout ComponentContext) {
    guard let (kind, ns, name) = waiting[uid], var owner = ctx.api.get(kind, ns, name),
      owner.metadata.uid == uid
    else {
      waiting[uid] = nil
      return
    }
    let blocking = ctx.api.objects(ownedBy: uid).contains { dep in
      dep.metadata.ownerReferences.contains { $0.uid == uid && $0.blockOwnerDeletion == true }
    }
    if blocking { return }
    waiting[uid] = nil
    owner.metadata.finalizers.removeAll { $0 == "foregroundDeletion" }
    owner.metadata.resourceVersion = nil
    _ = try? ctx.api.update(owner)
  }

  /// Removes the owner's reference from every dependent, then the `orphan` finalizer.
  private func orphan(_ owner: APIObject, _ ctx: inout ComponentContext) {
    let uid = owner.metadata.uid
    for dep in ctx.api.objects(ownedBy: uid) {
      var d = dep
      d.metadata.ownerReferences.removeAll { $0.uid == uid }
      d.metadata.resourceVersion = nil
      _ = try? ctx.api.update(d)
    }
    var o = owner
    o.metadata.finalizers.removeAll { $0 == "orphan" }
    o.metadata.resourceVersion = nil
    _ = try? ctx.api.update(o)
  }

  private func ownerExists(_ ref: OwnerReference, namespace: String?, _ api: APIServer) -> Bool {
    guard let kind = ObjectKind(rawValue: ref.kind) else { return false }
    return api.get(kind, kind.isNamespaced ? namespace : nil, ref.name)?.metadata.uid == ref.uid
  }
}
