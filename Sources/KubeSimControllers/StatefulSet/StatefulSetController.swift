import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel

/// The StatefulSet controller (upstream pkg/controller/statefulset/stateful_set_control.go and
/// stateful_set_utils.go, v1.35) as a `Component`.
///
/// Pods are named `<set>-<ordinal>` (ordinals from `spec.ordinals.start`, default 0) with the
/// labels `statefulset.kubernetes.io/pod-name`, `apps.kubernetes.io/pod-index` and
/// `controller-revision-hash`. Each `volumeClaimTemplates` entry becomes a PVC
/// `<claim>-<set>-<ordinal>` created before the pod and never deleted by the controller (the
/// default `Retain` retention policy), so a recreated pod gets its claim back.
///
/// Per sync (`updateStatefulSet`, one per dirty set per instant):
/// - OrderedReady (the default): pods are created one at a time in ordinal order, each only once
///   every lower ordinal is Running and available (minReadySeconds); scale-down deletes the
///   highest ordinal first, one at a time, only when every other pod is healthy;
/// - Parallel: every missing pod is created and every condemned pod deleted at once;
/// - RollingUpdate: once all replicas are Running and Ready, the highest ordinal ≥ `partition`
///   whose revision is old is deleted (and recreated at the new revision), one at a time;
///   pods below the partition are recreated at the current revision. OnDelete: pods are only
///   replaced when deleted by hand;
/// - status: replicas, readyReplicas, availableReplicas, currentReplicas, updatedReplicas,
///   currentRevision, updateRevision, observedGeneration.
/// Events `SuccessfulCreate` "create Pod %s in StatefulSet %s successful" (also for claims)
/// and `SuccessfulDelete` "delete Pod %s in StatefulSet %s successful"
/// (stateful_pod_control.go `recordPodEvent`/`recordClaimEvent`).
///
/// Claims pods as `getPodsForStatefulSet` does (`ControllerRefManager` with the `isMemberOf`
/// filter: only pods named `<set>-<ordinal>`): matching orphans are adopted, owned pods whose
/// labels stop matching are released.
///
/// KubeSim differs: revisions are KubeSim's pod-template hashes, kept in memory (no
/// ControllerRevision objects), and `maxUnavailable` (alpha) is ignored; claims
/// (PersistentVolumeClaims) are not adopted (no `persistentVolumeClaimRetentionPolicy`).
public final class StatefulSetController: Component {
  public let componentName = "statefulset-controller"
  public var watches: [WatchFilter] { [WatchFilter(kind: .statefulSet), WatchFilter(kind: .pod)] }

  /// apps/v1 `StatefulSetPodNameLabel`.
  public static let podNameLabel = "statefulset.kubernetes.io/pod-name"
  /// apps/v1 `PodIndexLabel`.
  public static let podIndexLabel = "apps.kubernetes.io/pod-index"

  private var sets: [String: StatefulSet] = [:]
  private var keyByUID: [String: String] = [:]
  /// Pods by owner uid, then ordinal.
  private var pods: [String: [Int: Pod]] = [:]
  /// Templates seen, by set uid then revision hash (stand-in for ControllerRevisions).
  private var templates: [String: [String: PodTemplateSpec]] = [:]
  private var dirty = DirtyKeys()
  private var orphans = OrphanPods()
  private var resyncTokens: [UInt64: String] = [:]
  private var nextToken: UInt64 = 1

  public init() {}

  public func observe(_ change: WatchChange, _ ctx: inout ComponentContext) {
    switch change {
    case .added(.statefulSet(let s)), .modified(_, .statefulSet(let s)):
      let key = PodUtil.key(s.metadata)
      sets[key] = s
      keyByUID[s.metadata.uid] = key
      templates[s.metadata.uid, default: [:]][Self.revision(s)] = s.spec.template
      markDirty(key, &ctx)
    case .deleted(.statefulSet(let s)):
      sets[PodUtil.key(s.metadata)] = nil
      keyByUID[s.metadata.uid] = nil
    case .added(.pod(let p)), .modified(_, .pod(let p)):
      if case .modified(let old, _) = change, let oldPod = old.asPod, let (was, ord) = owner(oldPod),
        was != PodUtil.controllerRef(p.metadata)?.uid
      {
        // stateful_set.go `updatePod`: released (or re-owned): the old owner forgets it.
        if pods[was]?[ord]?.metadata.uid == p.metadata.uid { pods[was]?[ord] = nil }
        if let key = keyByUID[was] { markDirty(key, &ctx) }
      }
      if let (uid, ord) = owner(p) {
        pods[uid, default: [:]][ord] = p
        if let key = keyByUID[uid] { markDirty(key, &ctx) }
      }
      if let orphan = orphans.observe(change) {
        // `addPod`/`updatePod`: an orphan syncs every StatefulSet that would claim it.
        for (key, set) in sets where Self.claimable(set, orphan) { markDirty(key, &ctx) }
      }
    case .deleted(.pod(let p)):
      _ = orphans.observe(change)
      if let (uid, ord) = owner(p) {
        if pods[uid]?[ord]?.metadata.uid == p.metadata.uid { pods[uid]?[ord] = nil }
        if let key = keyByUID[uid] { markDirty(key, &ctx) }
      }
    default: break
    }
  }

  /// `isMemberOf` (stateful_set_utils.go): the pod is named `<set>-<ordinal>`.
  static func isMember(_ set: StatefulSet, _ p: Pod) -> Bool {
    guard let dash = p.metadata.name.lastIndex(of: "-") else { return false }
    return p.metadata.name[..<dash] == set.metadata.name
      && Int(p.metadata.name[p.metadata.name.index(after: dash)...]) != nil
  }

  /// The set's selector (non-empty) and membership both match, in its namespace.
  static func claimable(_ set: StatefulSet, _ p: Pod) -> Bool {
    let s = set.spec.selector
    return (s.matchLabels.count + s.matchExpressions.count) > 0
      && (set.metadata.namespace ?? "default") == (p.metadata.namespace ?? "default")
      && s.matches(p.metadata.labels) && isMember(set, p)
  }

  /// `getPodsForStatefulSet`: ClaimPods with the `isMemberOf` filter; adopted and released
  /// pods count in this sync.
  private func claimPods(_ set: StatefulSet, _ ctx: inout ComponentContext) {
    let uid = set.metadata.uid
    let s = set.spec.selector
    guard (s.matchLabels.count + s.matchExpressions.count) > 0 else { return }
    let current = pods[uid] ?? [:]
    let owned = current.keys.sorted().compactMap { current[$0] }
    let (adopted, released) = ControllerRefManager.claimPods(
      controller: set.metadata, kind: .statefulSet, apiVersion: "apps/v1", selector: s,
      owned: owned, orphans: &orphans, filter: { Self.isMember(set, $0) }, ctx.api)
    for p in released {
      if let (_, ord) = Self.ordinal(p), pods[uid]?[ord]?.metadata.uid == p.metadata.uid {
        pods[uid]?[ord] = nil
      }
    }
    for p in adopted {
      if let (_, ord) = Self.ordinal(p) { pods[uid, default: [:]][ord] = p }
    }
  }

  /// The parent name and ordinal of a pod named `<parent>-<ordinal>`.
  static func ordinal(_ p: Pod) -> (String, Int)? {
    guard let dash = p.metadata.name.lastIndex(of: "-"),
      let ord = Int(p.metadata.name[p.metadata.name.index(after: dash)...])
    else { return nil }
    return (String(p.metadata.name[..<dash]), ord)
  }

  private func owner(_ p: Pod) -> (String, Int)? {
    guard let ref = PodUtil.controllerRef(p.metadata), ref.kind == "StatefulSet",
      let dash = p.metadata.name.lastIndex(of: "-"),
      let ord = Int(p.metadata.name[p.metadata.name.index(after: dash)...])
    else { return nil }
    return (ref.uid, ord)
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

  /// The revision of the set's current template.
  static func revision(_ s: StatefulSet) -> String {
    "\(s.metadata.name)-\(PodTemplateHash.compute(s.spec.template, collisionCount: s.status.collisionCountForHash))"
  }

  // MARK: Sync

  private func sync(_ key: String, _ ctx: inout ComponentContext) {
    guard let set = sets[key], set.metadata.deletionTimestamp == nil else { return }
    claimPods(set, &ctx)
    let uid = set.metadata.uid
    let replicas = Int(set.spec.replicas ?? 1)
    let start = Int(set.spec.ordinals?.start ?? 0)
    let updateRevision = Self.revision(set)
    let currentRevision = set.status.currentRevision ?? updateRevision
    let minReady = set.spec.minReadySeconds ?? 0
    let parallel = set.spec.podManagementPolicy == "Parallel"
    let rolling = (set.spec.updateStrategy?.type ?? "RollingUpdate") == "RollingUpdate"
    let partition = Int(set.spec.updateStrategy?.rollingUpdate?.partition ?? 0)
    let now = ctx.now
    let healthy = { (p: Pod) -> Bool in
      p.status.phase == .running && PodUtil.isAvailable(p, minReadySeconds: minReady, now: now)
        && p.metadata.deletionTimestamp == nil
    }
    let all = pods[uid] ?? [:]
    var waitingForAvailability = false

    // Replicas: ordinals start..<start+replicas; condemned: the others, highest first.
    var blocked = false
    for ord in start..<(start + replicas) {
      if blocked { break }
      if let p = all[ord] {
        if p.status.phase == .failed || p.status.phase == .succeeded {
          // stateful_set_control.go: a failed pod is deleted and recreated.
          if p.metadata.deletionTimestamp == nil { deletePod(set, p, &ctx) }
          if !parallel { blocked = true }
          continue
        }
        if !parallel && !healthy(p) {
          if p.status.phase == .running && PodUtil.isReady(p) { waitingForAvailability = true }
          blocked = true
        }
        continue
      }
      // Recreate below the partition at the current revision (`newVersionedStatefulSetPod`).
      let useCurrent = rolling && ord < start + partition && currentRevision != updateRevision
      let template =
        useCurrent
        ? (templates[uid]?[currentRevision] ?? set.spec.template) : set.spec.template
      createPod(
        set, ordinal: ord, template: template,
        revision: useCurrent ? currentRevision : updateRevision, &ctx)
      if !parallel { blocked = true }
    }
    if !blocked {
      let condemned = all.keys.filter { $0 < start || $0 >= start + replicas }.sorted(by: >)
      for ord in condemned {
        guard let p = all[ord] else { continue }
        if p.metadata.deletionTimestamp != nil {
          if !parallel { blocked = true; break }
          continue
        }
        if !parallel {
          // OrderedReady: only when every other pod is healthy.
          let others = all.filter { $0.key != ord }.values
          if others.contains(where: { !healthy($0) }) { blocked = true; break }
        }
        deletePod(set, p, &ctx)
        if !parallel { blocked = true; break }
      }
    }
    // RollingUpdate: highest ordinal first, down to the partition, one pod at a time.
    if !blocked && rolling {
      let current = pods[uid] ?? [:]
      let live = (start..<(start + replicas)).compactMap { current[$0] }
      if live.count == replicas && live.allSatisfy(healthy) {
        for ord in stride(from: start + replicas - 1, through: start + partition, by: -1) {
          guard let p = current[ord] else { break }
          if p.metadata.labels[DaemonSetController.revisionLabel] != updateRevision {
            deletePod(set, p, &ctx)
            break
          }
        }
      }
    }
    updateStatus(
      set, currentRevision: currentRevision, updateRevision: updateRevision, minReady: minReady,
      waiting: waitingForAvailability, &ctx)
  }

  /// stateful_set_utils.go `newStatefulSetPod` + `updateStorage` + `initIdentity`.
  func podFor(_ set: StatefulSet, ordinal: Int, template t: PodTemplateSpec, revision: String)
    -> Pod
  {
    let name = "\(set.metadata.name)-\(ordinal)"
    var meta = ObjectMeta(name: name)
    meta.namespace = set.metadata.namespace
    meta.labels = t.metadata.labels
    meta.labels[Self.podNameLabel] = name
    meta.labels[Self.podIndexLabel] = String(ordinal)
    meta.labels[DaemonSetController.revisionLabel] = revision
    meta.annotations = t.metadata.annotations
    meta.ownerReferences = [
      OwnerReference(
        apiVersion: "apps/v1", kind: "StatefulSet", name: set.metadata.name,
        uid: set.metadata.uid, controller: true, blockOwnerDeletion: true)
    ]
    var spec = t.spec
    for claim in set.spec.volumeClaimTemplates {
      let volume = Volume(
        name: claim.metadata.name,
        persistentVolumeClaim: PersistentVolumeClaimVolumeSource(
          claimName: Self.claimName(claim.metadata.name, set: set.metadata.name, ordinal: ordinal)))
      if let i = spec.volumes.firstIndex(where: { $0.name == claim.metadata.name }) {
        spec.volumes[i] = volume
      } else {
        spec.volumes.append(volume)
      }
    }
    return Pod(metadata: meta, spec: spec)
  }

  /// stateful_set_utils.go `getPersistentVolumeClaimName`: `<claim>-<set>-<ordinal>`.
  public static func claimName(_ claim: String, set: String, ordinal: Int) -> String {
    "\(claim)-\(set)-\(ordinal)"
  }

  private func reference(_ s: StatefulSet) -> ObjectReference {
    ObjectReference(kind: "StatefulSet", namespace: s.metadata.namespace, name: s.metadata.name)
  }

  private func createPod(
    _ set: StatefulSet, ordinal: Int, template: PodTemplateSpec, revision: String,
    _ ctx: inout ComponentContext
  ) {
    // stateful_pod_control.go `createPersistentVolumeClaims`: missing claims first.
    for claimTemplate in set.spec.volumeClaimTemplates {
      let name = Self.claimName(claimTemplate.metadata.name, set: set.metadata.name, ordinal: ordinal)
      if ctx.api.get(.persistentVolumeClaim, set.metadata.namespace ?? "default", name) != nil {
        continue
      }
      var claim = claimTemplate
      claim.metadata = ObjectMeta(name: name)
      claim.metadata.namespace = set.metadata.namespace
      claim.metadata.labels = set.spec.selector.matchLabels
      claim.status = PersistentVolumeClaimStatus()
      do {
        try ctx.api.create(.persistentVolumeClaim(claim))
        // stateful_pod_control.go `recordClaimEvent`.
        ctx.recordEvent(
          type: .normal, reason: "SuccessfulCreate", object: reference(set), node: nil,
          message: "create Claim \(name) Pod \(set.metadata.name)-\(ordinal) in StatefulSet \(set.metadata.name) success")
      } catch {
        ctx.recordEvent(
          type: .warning, reason: "FailedCreate", object: reference(set), node: nil,
          message: "create Claim \(name) for Pod \(set.metadata.name)-\(ordinal) in StatefulSet \(set.metadata.name) failed error: \(error.message)")
        return
      }
    }
    let pod = podFor(set, ordinal: ordinal, template: template, revision: revision)
    do {
      let created = try ctx.api.create(.pod(pod))
      if case .pod(let p) = created { pods[set.metadata.uid, default: [:]][ordinal] = p }
      // stateful_pod_control.go `recordPodEvent`: "create Pod %s in StatefulSet %s successful".
      ctx.recordEvent(
        type: .normal, reason: "SuccessfulCreate", object: reference(set), node: nil,
        message: "create Pod \(pod.metadata.name) in StatefulSet \(set.metadata.name) successful")
    } catch {
      ctx.recordEvent(
        type: .warning, reason: "FailedCreate", object: reference(set), node: nil,
        message:
          "create Pod \(pod.metadata.name) in StatefulSet \(set.metadata.name) failed error: \(error.message)")
    }
  }

  private func deletePod(_ set: StatefulSet, _ p: Pod, _ ctx: inout ComponentContext) {
    guard let (uid, ord) = owner(p) else { return }
    do {
      let after = try ctx.api.delete(.pod, p.metadata.namespace, p.metadata.name)
      if case .pod(let q) = after,
        ctx.api.get(.pod, q.metadata.namespace, q.metadata.name) != nil
      {
        pods[uid]?[ord] = q
      } else {
        pods[uid]?[ord] = nil
      }
      // stateful_pod_control.go `recordPodEvent`: "delete Pod %s in StatefulSet %s successful".
      ctx.recordEvent(
        type: .normal, reason: "SuccessfulDelete", object: reference(set), node: nil,
        message: "delete Pod \(p.metadata.name) in StatefulSet \(set.metadata.name) successful")
    } catch {
      ctx.recordEvent(
        type: .warning, reason: "FailedDelete", object: reference(set), node: nil,
        message:
          "delete Pod \(p.metadata.name) in StatefulSet \(set.metadata.name) failed error: \(error.message)")
    }
  }

  /// stateful_set_control.go `computeReplicaStatus` and `updateStatefulSetStatus` (the current
  /// revision becomes the update revision once every replica is updated).
  private func updateStatus(
    _ set: StatefulSet, currentRevision: String, updateRevision: String, minReady: Int32,
    waiting: Bool, _ ctx: inout ComponentContext
  ) {
    var s = set.status
    let list = (pods[set.metadata.uid] ?? [:]).values.filter {
      $0.metadata.deletionTimestamp == nil && $0.status.phase != .failed
        && $0.status.phase != .succeeded
    }
    s.replicas = Int32(list.count)
    s.readyReplicas = Int32(list.filter(PodUtil.isReady).count)
    s.availableReplicas = Int32(
      list.filter { PodUtil.isAvailable($0, minReadySeconds: minReady, now: ctx.now) }.count)
    let rev = { (p: Pod) in p.metadata.labels[DaemonSetController.revisionLabel] }
    s.updatedReplicas = Int32(list.filter { rev($0) == updateRevision }.count)
    s.currentReplicas = Int32(list.filter { rev($0) == currentRevision }.count)
    s.currentRevision = currentRevision
    s.updateRevision = updateRevision
    if s.updatedReplicas == Int32(set.spec.replicas ?? 1) && s.replicas == s.updatedReplicas {
      s.currentRevision = updateRevision
      s.currentReplicas = s.updatedReplicas
    }
    s.observedGeneration = set.metadata.generation
    if waiting && minReady > 0 {
      let token = nextToken
      nextToken += 1
      resyncTokens[token] = PodUtil.key(set.metadata)
      ctx.setTimer(after: .seconds(Int64(minReady)), token: token)
    }
    if s == set.status { return }
    var updated = set
    updated.status = s
    if case .statefulSet(let stored)? = try? ctx.api.updateStatus(.statefulSet(updated)) {
      sets[PodUtil.key(stored.metadata)] = stored
    }
  }
}

extension StatefulSetStatus {
  /// No collisionCount field is modelled: nil.
  var collisionCountForHash: Int32? { nil }
}
