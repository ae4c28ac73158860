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
/// with a resync when a pod becomes available), terminatingReplicas (feature gate
/// `DeploymentReplicaSetTerminatingReplicas`, beta and on by default since v1.35:
/// pkg/features/kube_features.go), observedGeneration.
///
/// Claims pods as `syncReplicaSet` does (`claimPods`, `ControllerRefManager`): an active orphan
/// pod in its namespace that its selector matches is adopted (a controller owner reference is
/// added) and counted at once, so it creates one pod fewer; an owned active pod whose labels stop
/// matching is released (its reference removed) and a replacement is created.
///
/// World wiring: `ReplicaSetController()`.
///
/// KubeSim differs: `terminatingReplicas` counts the owned terminating pods without re-checking
/// the selector (`FilterClaimedPods` does); orphans are looked at when the ReplicaSet changes or
/// an orphan it matches changes, not on every sync.
///
/// Condition `ReplicaFailure` (True, reason `FailedCreate`/`FailedDelete`) while creations or
/// deletions fail; removed by the next sync without an error.
public final class ReplicaSetController: Component {
  public let componentName = "replicaset-controller"
  public var watches: [WatchFilter] { [WatchFilter(kind: .replicaSet), WatchFilter(kind: .pod)] }

  /// Upstream `BurstReplicas` (cmd/kube-controller-manager, default 500).
  public static let burstReplicas = 500
  /// Upstream `SlowStartInitialBatchSize` (pkg/controller/controller_utils.go): 1.
  public static let slowStartInitialBatchSize = 1

  private var sets: [String: ReplicaSet] = [:]
  private var keyByUID: [String: String] = [:]
  /// The informer's pods, by controller owner uid, with running counts for the status.
  private var owned: [String: OwnedPods] = [:]
  private var expectations = ControllerExpectations()
  /// Pods without a controller reference, by namespace then pod key (the adoption candidates).
  private var orphans: [String: [String: Pod]] = [:]
  /// Owned pods whose labels no longer match their ReplicaSet's selector, by ReplicaSet uid.
  private var mismatched: [String: Set<String>] = [:]
  /// ReplicaSets whose next sync must look at the orphans of their namespace.
  private var claimPending: Set<String> = []
  private var dirty = DirtyKeys()
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
      owned[rs.metadata.uid, default: OwnedPods()].setTemplateLabels(
        rs.spec.template.metadata.labels)
      claimPending.insert(key)
      markDirty(key, &ctx)
    case .deleted(.replicaSet(let rs)):
      let key = PodUtil.key(rs.metadata)
      sets[key] = nil
      keyByUID[rs.metadata.uid] = nil
      mismatched[rs.metadata.uid] = nil
      claimPending.remove(key)
      expectations.delete(key)
    case .added(.pod(let p)):
      let owner = store(p, &ctx)
      if let key = owner {
        expectations.creationObserved(key)
        markDirty(key, &ctx)
      }
    case .modified(let old, .pod(let p)):
      if let was = PodUtil.controllerRef(old.metadata),
        was.uid != PodUtil.controllerRef(p.metadata)?.uid
      {
        // Released (or re-owned): the old owner forgets it and syncs (replica_set.go
        // `updatePod`: "The ControllerRef was changed. Sync the old controller, if any.").
        let podKey = PodUtil.key(p.metadata)
        owned[was.uid]?.remove(podKey)
        mismatched[was.uid]?.remove(podKey)
        if let k = keyByUID[was.uid] { markDirty(k, &ctx) }
      }
      let owner = store(p, &ctx)
      if let key = owner {
        if p.metadata.deletionTimestamp != nil, old.metadata.deletionTimestamp == nil {
          // updatePod: a pod marked for deletion counts as observed deleted.
          expectations.deletionObserved(key)
        }
        markDirty(key, &ctx)
      }
    case .deleted(.pod(let p)):
      let key = PodUtil.key(p.metadata)
      orphans[p.metadata.namespace ?? "default"]?[key] = nil
      if let ref = PodUtil.controllerRef(p.metadata) {
        owned[ref.uid]?.remove(key)
        mismatched[ref.uid]?.remove(key)
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

  /// Stores a pod in the informer view. An orphan marks the ReplicaSets that match it
  /// (replica_set.go `addPod`/`updatePod`: "it's an orphan … sync all matching controllers").
  /// - Returns: its owning ReplicaSet's key, if known.
  private func store(_ p: Pod, _ ctx: inout ComponentContext) -> String? {
    let podKey = PodUtil.key(p.metadata)
    let ns = p.metadata.namespace ?? "default"
    guard let ref = PodUtil.controllerRef(p.metadata) else {
      orphans[ns, default: [:]][podKey] = p
      guard PodUtil.isActive(p) else { return nil }
      for (key, rs) in sets where (rs.metadata.namespace ?? "default") == ns
        && rs.spec.selector.matches(p.metadata.labels)
      {
        claimPending.insert(key)
        markDirty(key, &ctx)
      }
      return nil
    }
    orphans[ns]?[podKey] = nil
    guard ref.kind == "ReplicaSet" else { return nil }
    owned[ref.uid, default: OwnedPods()].upsert(podKey, p)
    let key = keyByUID[ref.uid]
    if let key, let rs = sets[key] {
      if PodUtil.isActive(p) && !rs.spec.selector.matches(p.metadata.labels) {
        mismatched[ref.uid, default: []].insert(podKey)
      } else if mismatched[ref.uid]?.isEmpty == false {
        mismatched[ref.uid]?.remove(podKey)
      }
    }
    return key
  }

  private func markDirty(_ key: String, _ ctx: inout ComponentContext) {
    if dirty.mark(key) { ctx.setTimer(after: .zero, token: 0) }
  }

  public func timerFired(_ token: UInt64, _ ctx: inout ComponentContext) {
    if token == 0 {
      for k in dirty.drain() { sync(k, &ctx) }
    } else if let key = resyncTokens.removeValue(forKey: token) {
      sync(key, &ctx)
    }
  }

  // MARK: Sync

  private func sync(_ key: String, _ ctx: inout ComponentContext) {
    guard let rs = sets[key] else { return }
    claimPods(rs, key: key, &ctx)
    let counts = owned[rs.metadata.uid] ?? OwnedPods()
    var failure: (reason: String, message: String)?
    if expectations.satisfied(key, now: ctx.now) && rs.metadata.deletionTimestamp == nil {
      failure = manageReplicas(rs, key: key, counts: counts, &ctx)
    }
    updateStatus(rs, counts: owned[rs.metadata.uid] ?? OwnedPods(), failure: failure, &ctx)
  }

  /// replica_set.go `claimPods` over the active pods: releases owned pods whose labels stopped
  /// matching, adopts matching orphans; both count at once in this sync, as upstream's claimed
  /// list does.
  private func claimPods(_ rs: ReplicaSet, key: String, _ ctx: inout ComponentContext) {
    let uid = rs.metadata.uid
    if let keys = mismatched[uid], !keys.isEmpty {
      for podKey in keys.sorted() {
        guard let p = owned[uid]?.pod(podKey), PodUtil.isActive(p),
          !rs.spec.selector.matches(p.metadata.labels)
        else {
          mismatched[uid]?.remove(podKey)
          continue
        }
        guard
          ControllerRefManager.decide(p.metadata, controller: rs.metadata, matches: false)
            == .release,
          case .pod(let stored)? = ControllerRefManager.release(
            .pod(p), controllerUID: uid, ctx.api)
        else { continue }
        owned[uid]?.remove(podKey)
        mismatched[uid]?.remove(podKey)
        orphans[stored.metadata.namespace ?? "default", default: [:]][podKey] = stored
      }
    }
    guard claimPending.remove(key) != nil else { return }
    let ns = rs.metadata.namespace ?? "default"
    guard let candidates = orphans[ns], !candidates.isEmpty else { return }
    for podKey in candidates.keys.sorted() {
      guard let p = candidates[podKey], PodUtil.isActive(p) else { continue }
      let matches = rs.spec.selector.matches(p.metadata.labels)
      guard
        ControllerRefManager.decide(p.metadata, controller: rs.metadata, matches: matches)
          == .adopt,
        case .pod(let stored)? = ControllerRefManager.adopt(
          .pod(p), by: .replicaSet, apiVersion: "apps/v1", controller: rs.metadata, ctx.api)
      else { continue }
      orphans[ns]?[podKey] = nil
      owned[uid, default: OwnedPods()].upsert(podKey, stored)
    }
  }

  /// - Returns: the first failure (reason `FailedCreate`/`FailedDelete` and the error), for the
  ///   ReplicaFailure condition.
  private func manageReplicas(
    _ rs: ReplicaSet, key: String, counts: OwnedPods, _ ctx: inout ComponentContext
  ) -> (reason: String, message: String)? {
    var failure: (reason: String, message: String)?
    let want = Int(rs.spec.replicas ?? 1)
    let diff = counts.active - want
    let ref = ObjectReference(
      kind: "ReplicaSet", namespace: rs.metadata.namespace, name: rs.metadata.name)
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
            if failure == nil { failure = ("FailedCreate", error.message) }
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
      // Upstream's Less is not a strict weak order (log₂ buckets tie-broken by UID at one step,
      // exact times at another), so the result depends on the input order: `OwnedPods` keeps
      // its pods in a deterministic order (insertion, swap-removal), never dictionary order.
      // Only the first n are selected (O(pods × log n)), not a full sort per scale-down step.
      let active = counts.activePods()
      let ranks = ActivePodsRanking.ranks(active, related: active)
      let victims = ActivePodsRanking.first(n, of: active, ranks: ranks, now: ctx.now)
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
          if failure == nil { failure = ("FailedDelete", error.message) }
          ctx.recordEvent(
            type: .warning, reason: "FailedDelete", object: ref, node: nil,
            message: "Error deleting: \(error.message)")
        }
      }
    }
    return failure
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
  private func updateStatus(
    _ rs: ReplicaSet, counts: OwnedPods, failure: (reason: String, message: String)?,
    _ ctx: inout ComponentContext
  ) {
    let minReady = rs.spec.minReadySeconds ?? 0
    var s = rs.status
    s.replicas = Int32(counts.active)
    s.fullyLabeledReplicas = Int32(counts.labelled)
    s.readyReplicas = Int32(counts.ready)
    // replica_set_utils.go `calculateStatus`: TerminatingReplicas = the claimed terminating pods
    // (gate DeploymentReplicaSetTerminatingReplicas, on by default since v1.35).
    s.terminatingReplicas = Int32(counts.terminating)
    // Available = ready when minReadySeconds is 0; otherwise each ready pod's age is checked.
    s.availableReplicas =
      minReady == 0
      ? Int32(counts.ready)
      : Int32(
        counts.activePods().filter {
          PodUtil.isAvailable($0, minReadySeconds: minReady, now: ctx.now)
        }.count)
    s.observedGeneration = rs.metadata.generation
    // replica_set_utils.go `calculateStatus`: a failed create/delete sets ReplicaFailure True
    // (reason FailedCreate/FailedDelete, the error as message) if absent; a sync without error
    // removes it.
    let hasFailure = s.conditions.contains { $0.type == "ReplicaFailure" }
    if let failure, !hasFailure {
      s.conditions.append(
        ReplicaSetCondition(
          type: "ReplicaFailure", status: .true, lastTransitionTime: ctx.now,
          reason: failure.reason, message: failure.message))
    } else if failure == nil && hasFailure {
      s.conditions.removeAll { $0.type == "ReplicaFailure" }
    }
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

/// The pods of one owner with counts kept up to date on every change, so a sync computes the
/// status in O(1) instead of walking every pod (a ReplicaSet may own 100,000 pods).
struct OwnedPods {
  /// The pods in a deterministic order (insertion order; a removal moves the last pod into the
  /// gap), with `slot` mapping a pod key to its index.
  private var list: [Pod] = []
  private var keys: [String] = []
  private var slot: [String: Int] = [:]
  /// Active pods (`controller.IsPodActive`).
  private(set) var active = 0
  /// Active and Ready.
  private(set) var ready = 0
  /// Active and labelled with every template label (`fullyLabeledReplicas`).
  private(set) var labelled = 0
  /// Being deleted and not terminal (`controller.FilterTerminatingPods`).
  private(set) var terminating = 0
  private var templateLabels = StringMap()

  private func flags(_ p: Pod) -> (Int, Int, Int, Int) {
    guard PodUtil.isActive(p) else { return (0, 0, 0, PodUtil.isTerminating(p) ? 1 : 0) }
    return (
      1, PodUtil.isReady(p) ? 1 : 0, p.metadata.labels.containsAll(templateLabels) ? 1 : 0, 0
    )
  }

  /// The stored pod of `key`, if any.
  func pod(_ key: String) -> Pod? { slot[key].map { list[$0] } }

  mutating func upsert(_ key: String, _ p: Pod) {
    if let i = slot[key] {
      apply(flags(list[i]), -1)
      list[i] = p
    } else {
      slot[key] = list.count
      list.append(p)
      keys.append(key)
    }
    apply(flags(p), 1)
  }

  mutating func remove(_ key: String) {
    guard let i = slot.removeValue(forKey: key) else { return }
    apply(flags(list[i]), -1)
    let last = list.count - 1
    if i != last {
      list[i] = list[last]
      keys[i] = keys[last]
      slot[keys[i]] = i
    }
    list.removeLast()
    keys.removeLast()
  }

  /// Recounts `labelled` when the template's labels change.
  mutating func setTemplateLabels(_ labels: StringMap) {
    if labels == templateLabels { return }
    templateLabels = labels
    labelled = 0
    for p in list where PodUtil.isActive(p) && p.metadata.labels.containsAll(labels) {
      labelled += 1
    }
  }

  /// The active pods, in the store's deterministic order.
  func activePods() -> [Pod] { list.filter(PodUtil.isActive) }

  private mutating func apply(_ f: (Int, Int, Int, Int), _ sign: Int) {
    active += sign * f.0
    ready += sign * f.1
    labelled += sign * f.2
    terminating += sign * f.3
  }
}
