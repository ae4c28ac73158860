import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel

/// The ReplicaSet controller (upstream pkg/controller/replicaset/replica_set.go, v1.35) as a
/// `Component`: keeps `spec.replicas` active pods per ReplicaSet and writes its status.
///
/// It reads its informer view (the watch deliveries), not the store, so it uses expectations
/// (`ControllerExpectations`) not to act twice on one diff before its own writes come back.
/// Changes of one instant are coalesced: dirty ReplicaSets are synced once, in key order, by a
/// zero-delay timer (upstream's workqueue de-duplicates keys the same way).
///
/// `manageReplicas`: creates up to `burstReplicas` (500) pods per sync in slow-start batches
/// 1, 2, 4, … (`slowStartBatch`, stopping at the first error), named by `generateName`
/// `<rs>-` (the API server adds 5 seeded characters), with a controller owner reference; events
/// `SuccessfulCreate` "Created pod: …" / `FailedCreate` "Error creating: …". Surplus pods are
/// deleted in `ActivePodsRanking` order with `SuccessfulDelete` "Deleted pod: …".
/// Status: replicas, fullyLabeledReplicas, readyReplicas, availableReplicas (minReadySeconds,
/// with a resync when a pod becomes available), observedGeneration.
///
/// World wiring: `ReplicaSetController()`.
///
/// KubeSim differs (this slice): no adoption of orphan pods or release of pods whose labels stop
/// matching (pods are owned by controller reference only); no ReplicaFailure condition; no
/// `terminatingReplicas`.
public final class ReplicaSetController: Component {
  public let componentName = "replicaset-controller"
  public var watches: [WatchFilter] { [WatchFilter(kind: .replicaSet), WatchFilter(kind: .pod)] }

  /// Upstream `BurstReplicas` (cmd/kube-controller-manager, default 500).
  public static let burstReplicas = 500
  /// Upstream `SlowStartInitialBatchSize` (pkg/controller/controller_utils.go): 1.
  public static let slowStartInitialBatchSize = 1

  private var sets: [String: ReplicaSet] = [:]
  private var keyByUID: [String: String] = [:]
  private var pods: [String: Pod] = [:]
  private var podsByOwner: [String: [String]] = [:]  // owner uid → pod keys (insertion order)
  private var expectations = ControllerExpectations()
  private var dirty: Set<String> = []
  private var syncPending = false
  private var resyncTokens: [UInt64: String] = [:]
  private var nextToken: UInt64 = 1

  public init() {}

  // MARK: Informers

  public func observe(_ change: WatchChange, _ ctx: inout ComponentContext) {
    switch change {
    case .added(.replicaSet(let rs)), .modified(_, .replicaSet(let rs)):
      let key = PodUtil.key(rs.metadata)
      sets[key] = rs
      keyByUID[rs.metadata.uid] = key
      markDirty(key, &ctx)
    case .deleted(.replicaSet(let rs)):
      let key = PodUtil.key(rs.metadata)
      sets[key] = nil
      keyByUID[rs.metadata.uid] = nil
      expectations.delete(key)
    case .added(.pod(let p)):
      let owner = store(p)
      if let key = owner {
        expectations.creationObserved(key)
        markDirty(key, &ctx)
      }
    case .modified(let old, .pod(let p)):
      let owner = store(p)
      if let key = owner {
        if p.metadata.deletionTimestamp != nil, old.metadata.deletionTimestamp == nil {
          // updatePod: a pod marked for deletion counts as observed deleted.
          expectations.deletionObserved(key)
        }
        markDirty(key, &ctx)
      }
    case .deleted(.pod(let p)):
      let key = PodUtil.key(p.metadata)
      pods[key] = nil
      if let ref = PodUtil.controllerRef(p.metadata) {
        podsByOwner[ref.uid]?.removeAll { $0 == key }
        if let rsKey = keyByUID[ref.uid] {
          if p.metadata.deletionTimestamp == nil || p.metadata.deletionGracePeriodSeconds == nil {
            expectations.deletionObserved(rsKey)
          }
          markDirty(rsKey, &ctx)
        }
      }
    default: break
    }
  }

  /// Stores a pod in the informer view. - Returns: its owning ReplicaSet's key, if known.
  private func store(_ p: Pod) -> String? {
    let key = PodUtil.key(p.metadata)
    let isNew = pods[key] == nil
    pods[key] = p
    guard let ref = PodUtil.controllerRef(p.metadata), ref.kind == "ReplicaSet" else { return nil }
    if isNew { podsByOwner[ref.uid, default: []].append(key) }
    return keyByUID[ref.uid]
  }

  private func markDirty(_ key: String, _ ctx: inout ComponentContext) {
    dirty.insert(key)
    if !syncPending {
      syncPending = true
      ctx.setTimer(after: .zero, token: 0)
    }
  }

  public func timerFired(_ token: UInt64, _ ctx: inout ComponentContext) {
    if token == 0 {
      syncPending = false
      let keys = dirty.sorted()
      dirty.removeAll()
      for k in keys { sync(k, &ctx) }
    } else if let key = resyncTokens.removeValue(forKey: token) {
      sync(key, &ctx)
    }
  }

  // MARK: Sync

  /// The pods a ReplicaSet owns, in creation (observation) order.
  func ownedPods(_ rs: ReplicaSet) -> [Pod] {
    (podsByOwner[rs.metadata.uid] ?? []).compactMap { pods[$0] }
  }

  private func sync(_ key: String, _ ctx: inout ComponentContext) {
    guard let rs = sets[key] else { return }
    let owned = ownedPods(rs)
    let active = owned.filter(PodUtil.isActive)
    if expectations.satisfied(key, now: ctx.now) && rs.metadata.deletionTimestamp == nil {
      manageReplicas(rs, key: key, active: active, &ctx)
    }
    updateStatus(rs, active: active, &ctx)
  }

  private func manageReplicas(
    _ rs: ReplicaSet, key: String, active: [Pod], _ ctx: inout ComponentContext
  ) {
    let want = Int(rs.spec.replicas ?? 1)
    let diff = active.count - want
    let ref = ObjectReference(kind: "ReplicaSet", namespace: rs.metadata.namespace, name: rs.metadata.name)
    if diff < 0 {
      let n = min(-diff, ReplicaSetController.burstReplicas)
      expectations.expect(key, creations: n, now: ctx.now)
      // slowStartBatch: batches 1, 2, 4, …; every create of a batch is attempted, and a batch
      // with a failure ends the loop. Skipped creations lower the expectations.
      var remaining = n
      var successes = 0
      var batch = min(remaining, ReplicaSetController.slowStartInitialBatchSize)
      while batch > 0 {
        var failures = 0
        for _ in 0..<batch {
          do {
            let created = try ctx.api.create(.pod(podFromTemplate(rs)))
            // controller_utils.go `CreatePods`: SuccessfulCreate "Created pod: %v".
            ctx.recordEvent(
              type: .normal, reason: "SuccessfulCreate", object: ref, node: nil,
              message: "Created pod: \(created.metadata.name)")
            successes += 1
          } catch {
            // controller_utils.go: FailedCreate "Error creating: %v".
            ctx.recordEvent(
              type: .warning, reason: "FailedCreate", object: ref, node: nil,
              message: "Error creating: \(error.message)")
            failures += 1
          }
        }
        if failures > 0 { break }
        remaining -= batch
        batch = min(2 * batch, remaining)
      }
      if successes < n { expectations.lowerCreations(key, by: n - successes) }
    } else if diff > 0 {
      let n = min(diff, ReplicaSetController.burstReplicas)
      let ranks = ActivePodsRanking.ranks(active, related: active)
      let victims = ActivePodsRanking.sorted(active, ranks: ranks, now: ctx.now).prefix(n)
      expectations.expect(key, deletions: n, now: ctx.now)
      for p in victims {
        do {
          try ctx.api.delete(.pod, p.metadata.namespace, p.metadata.name)
          // controller_utils.go `DeletePod`: SuccessfulDelete "Deleted pod: %v".
          ctx.recordEvent(
            type: .normal, reason: "SuccessfulDelete", object: ref, node: nil,
            message: "Deleted pod: \(p.metadata.name)")
        } catch {
          expectations.lowerDeletions(key, by: 1)
          ctx.recordEvent(
            type: .warning, reason: "FailedDelete", object: ref, node: nil,
            message: "Error deleting: \(error.message)")
        }
      }
    }
  }

  /// Upstream `controller.GetPodFromTemplate`.
  func podFromTemplate(_ rs: ReplicaSet) -> Pod {
    let t = rs.spec.template
    var meta = ObjectMeta(name: "")
    meta.generateName = "\(rs.metadata.name)-"
    meta.namespace = rs.metadata.namespace
    meta.labels = t.metadata.labels
    meta.annotations = t.metadata.annotations
    meta.finalizers = t.metadata.finalizers
    meta.ownerReferences = [
      OwnerReference(
        apiVersion: "apps/v1", kind: "ReplicaSet", name: rs.metadata.name, uid: rs.metadata.uid,
        controller: true, blockOwnerDeletion: true)
    ]
    return Pod(metadata: meta, spec: t.spec)
  }

  /// Upstream `calculateStatus` (replica_set_utils.go).
  private func updateStatus(_ rs: ReplicaSet, active: [Pod], _ ctx: inout ComponentContext) {
    let minReady = rs.spec.minReadySeconds ?? 0
    var s = rs.status
    s.replicas = Int32(active.count)
    s.fullyLabeledReplicas = Int32(
      active.filter { rs.spec.template.metadata.labels.containsAll(labelsOf: $0) }.count)
    s.readyReplicas = Int32(active.filter(PodUtil.isReady).count)
    s.availableReplicas = Int32(
      active.filter { PodUtil.isAvailable($0, minReadySeconds: minReady, now: ctx.now) }.count)
    s.observedGeneration = rs.metadata.generation
    if minReady > 0 && s.readyReplicas > s.availableReplicas {
      // replica_set.go `syncReplicaSet`: requeue after minReadySeconds to count newly
      // available pods.
      let token = nextToken
      nextToken += 1
      resyncTokens[token] = PodUtil.key(rs.metadata)
      ctx.setTimer(after: .seconds(Int64(minReady)), token: token)
    }
    if s == rs.status { return }
    var updated = rs
    updated.status = s
    if case .replicaSet(let stored)? = try? ctx.api.updateStatus(.replicaSet(updated)) {
      sets[PodUtil.key(rs.metadata)] = stored
    }
  }
}

extension StringMap {
  /// Whether every entry of `self` is in the pod's labels (template labels ⊆ pod labels).
  fileprivate func containsAll(labelsOf p: Pod) -> Bool { p.metadata.labels.containsAll(self) }
}
