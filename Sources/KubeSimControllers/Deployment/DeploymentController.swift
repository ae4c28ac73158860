import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel

/// The Deployment controller (upstream pkg/controller/deployment, v1.35) as a `Component`:
/// keeps one ReplicaSet per template, named `<deployment>-<pod-template-hash>`, scales it, rolls
/// templates over with RollingUpdate (or Recreate), and writes the Deployment's status.
///
/// Per sync (one per dirty Deployment per instant, in key order):
/// - finds the new ReplicaSet (template equal ignoring the hash label) among the ReplicaSets it
///   controls, or creates it with the hash label on its labels, selector and template, a
///   controller owner reference, the revision/desired-replicas/max-replicas annotations and
///   `NewRSNewReplicas` replicas; event `ScalingReplicaSet` "Scaled up replica set %s from 0
///   to %d" and condition Progressing/NewReplicaSetCreated;
/// - RollingUpdate (rolling.go): `reconcileNewReplicaSet` (scale up within replicas + maxSurge,
///   or down to replicas), then `reconcileOldReplicaSets` (clean up unhealthy old pods, then
///   scale old ReplicaSets down, oldest first, while available ≥ replicas − maxUnavailable);
///   Recreate (recreate.go): old ReplicaSets to 0, the new one created (at full size) once no
///   old pod remains, terminating ones included (the pod watch: `oldPodsRunning`);
///   each scale writes `spec.replicas` with event "Scaled up|down replica set %s from %d to %d"
///   (sync.go `scaleReplicaSet`);
/// - status (sync.go `calculateStatus`, progress.go `syncRolloutStatus`, each field checked
///   against them for v1.36): replicas,
///   updatedReplicas, readyReplicas, availableReplicas, unavailableReplicas, observedGeneration,
///   conditions Available (MinimumReplicasAvailable / MinimumReplicasUnavailable) and
///   Progressing (NewReplicaSetCreated, FoundNewReplicaSet, ReplicaSetUpdated,
///   NewReplicaSetAvailable).
///
/// World wiring: `DeploymentController()`.
///
/// - `ProgressDeadlineExceeded` when no progress is made for `progressDeadlineSeconds` (no
///   rollback), and idle old ReplicaSets beyond `revisionHistoryLimit` are deleted.
///
/// - Paused (`spec.paused`, sync.go `sync`/`checkPausedConditions`): no new ReplicaSet, no
///   rollout step; Progressing Unknown `DeploymentPaused` "Deployment is paused", then
///   `DeploymentResumed` "Deployment is resumed".
/// - A ReplicaSet brought back by a rollback gets the next revision and the Deployment's
///   `deployment.kubernetes.io/revision` annotation follows (`SetNewReplicaSetAnnotations`,
///   `SetDeploymentRevision`). `kubectl rollout undo` itself is client-side (the timeline).
///
/// - A scale during a rollout is spread over the active ReplicaSets in proportion to their
///   sizes (`scaleForDeployment`, sync.go `scale`).
///
/// - A name collision (a ReplicaSet `<deployment>-<hash>` exists with another template)
///   increments `status.collisionCount`, which enters the hash (sync.go `getNewReplicaSet`).
///
/// - Claims ReplicaSets as `getReplicaSetsForDeployment` does (`ControllerRefManager`): an
///   orphan ReplicaSet of its namespace that its selector matches is adopted, an owned one whose
///   labels stop matching is released; both take effect in the same sync.
/// - A ReplicaSet's `ReplicaFailure` condition (the new one's first) is copied to the
///   Deployment (progress.go `getReplicaFailures`) and removed with it.
/// - `status.terminatingReplicas` is the sum of its ReplicaSets' (deployment_util.go
///   `GetTerminatingReplicaCountForReplicaSets`; gate DeploymentReplicaSetTerminatingReplicas,
///   on by default since v1.35).
public final class DeploymentController: Component {
  public let componentName = "deployment-controller"
  public var watches: [WatchFilter] {
    [WatchFilter(kind: .deployment), WatchFilter(kind: .replicaSet), WatchFilter(kind: .pod)]
  }

  static let revisionAnnotation = "deployment.kubernetes.io/revision"
  static let desiredReplicasAnnotation = "deployment.kubernetes.io/desired-replicas"
  static let maxReplicasAnnotation = "deployment.kubernetes.io/max-replicas"

  private var deployments: [String: Deployment] = [:]
  private var keyByUID: [String: String] = [:]
  private var sets: [String: ReplicaSet] = [:]
  private var setsByOwner: [String: [String]] = [:]
  /// Pods not yet terminal (terminating ones included) by owning ReplicaSet uid, for Recreate's
  /// `oldPodsRunning` (recreate.go).
  private var runningPods: [String: Set<String>] = [:]
  /// Owning Deployment uid by ReplicaSet uid.
  private var ownerOfSet: [String: String] = [:]
  /// ReplicaSets without a controller reference, by namespace (adoption candidates).
  private var orphanSets: [String: Set<String>] = [:]
  private var dirty = DirtyKeys()
  /// Resync timers for progress deadlines (`requeueStuckDeployment`), by token.
  private var deadlineTokens: [UInt64: String] = [:]
  private var armedDeadline: [String: SimTime] = [:]
  private var nextToken: UInt64 = 1

  public init() {}

  public func observe(_ change: WatchChange, _ ctx: inout ComponentContext) {
    switch change {
    case .added(.deployment(let d)), .modified(_, .deployment(let d)):
      let key = PodUtil.key(d.metadata)
      deployments[key] = d
      keyByUID[d.metadata.uid] = key
      markDirty(key, &ctx)
    case .deleted(.deployment(let d)):
      deployments[PodUtil.key(d.metadata)] = nil
      keyByUID[d.metadata.uid] = nil
    case .added(.replicaSet(let rs)), .modified(_, .replicaSet(let rs)):
      let key = PodUtil.key(rs.metadata)
      let ns = rs.metadata.namespace ?? "default"
      let was = sets[key].flatMap { PodUtil.controllerRef($0.metadata) }
      let ref = PodUtil.controllerRef(rs.metadata)
      if sets[key] == nil || was?.uid != ref?.uid {
        // deployment_controller.go `updateReplicaSet`: a changed controller reference syncs
        // the old owner too.
        if let was, sets[key] != nil {
          setsByOwner[was.uid]?.removeAll { $0 == key }
          if let dk = keyByUID[was.uid] { markDirty(dk, &ctx) }
        }
        if let ref, !(setsByOwner[ref.uid]?.contains(key) ?? false) {
          setsByOwner[ref.uid, default: []].append(key)
        }
      }
      sets[key] = rs
      if ref == nil {
        // An orphan: every Deployment of its namespace that matches it syncs
        // (`addReplicaSet`/`updateReplicaSet`, `getDeploymentsForReplicaSet`).
        orphanSets[ns, default: []].insert(key)
        if rs.metadata.deletionTimestamp == nil {
          for (dk, d) in deployments where (d.metadata.namespace ?? "default") == ns
            && d.spec.selector.matches(rs.metadata.labels)
          {
            markDirty(dk, &ctx)
          }
        }
      } else {
        orphanSets[ns]?.remove(key)
      }
      if let ref = PodUtil.controllerRef(rs.metadata) { ownerOfSet[rs.metadata.uid] = ref.uid }
      if let ref = PodUtil.controllerRef(rs.metadata), let dk = keyByUID[ref.uid] {
        markDirty(dk, &ctx)
      }
    case .added(.pod(let p)), .modified(_, .pod(let p)):
      trackPod(p, gone: p.status.phase == .succeeded || p.status.phase == .failed, &ctx)
    case .deleted(.pod(let p)):
      trackPod(p, gone: true, &ctx)
    case .deleted(.replicaSet(let rs)):
      let key = PodUtil.key(rs.metadata)
      sets[key] = nil
      orphanSets[rs.metadata.namespace ?? "default"]?.remove(key)
      if let ref = PodUtil.controllerRef(rs.metadata) {
        setsByOwner[ref.uid]?.removeAll { $0 == key }
        if let dk = keyByUID[ref.uid] { markDirty(dk, &ctx) }
      }
    default: break
    }
  }

  /// Keeps `runningPods`; a Recreate Deployment is synced when an old ReplicaSet's last pod goes.
  private func trackPod(_ p: Pod, gone: Bool, _ ctx: inout ComponentContext) {
    guard let ref = PodUtil.controllerRef(p.metadata), ref.kind == "ReplicaSet" else { return }
    let key = PodUtil.key(p.metadata)
    if gone {
      guard runningPods[ref.uid]?.remove(key) != nil else { return }
      if runningPods[ref.uid]?.isEmpty == true {
        runningPods[ref.uid] = nil
        if let du = ownerOfSet[ref.uid], let dk = keyByUID[du], let d = deployments[dk],
          !DeploymentUtil.isRollingUpdate(d)
        {
          markDirty(dk, &ctx)
        }
      }
    } else {
      runningPods[ref.uid, default: []].insert(key)
    }
  }

  private func markDirty(_ key: String, _ ctx: inout ComponentContext) {
    if dirty.mark(key) { ctx.setTimer(after: .zero, token: 0) }
  }

  public func timerFired(_ token: UInt64, _ ctx: inout ComponentContext) {
    if token != 0 {
      if let key = deadlineTokens.removeValue(forKey: token) { sync(key, &ctx) }
      return
    }
    for k in dirty.drain() { sync(k, &ctx) }
  }

  // MARK: Sync

  private func sync(_ key: String, _ ctx: inout ComponentContext) {
    guard let d = deployments[key], d.metadata.deletionTimestamp == nil else { return }
    claimReplicaSets(d, &ctx)
    let owned = (setsByOwner[d.metadata.uid] ?? []).compactMap { sets[$0] }
      .sorted { creationOrder($0, $1) }
    var status = d.status
    var newRS = owned.first { DeploymentUtil.equalIgnoreHash($0.spec.template, d.spec.template) }
    var old = owned.filter { $0.metadata.uid != newRS?.metadata.uid }
    let paused = d.spec.paused ?? false
    checkPausedConditions(d, &status, now: ctx.now)
    if paused || isScalingEvent(d, owned) {
      // sync.go `sync` (paused, or a scaling event: an active ReplicaSet's desired-replicas
      // annotation differs from spec.replicas): no new ReplicaSet and no rollout step, only
      // (proportional) scaling and the status, without progress estimation.
      scaleForDeployment(d, new: &newRS, old: &old, &ctx)
      writeStatus(
        d, status: status, new: newRS, all: (newRS.map { [$0] } ?? []) + old, progress: false,
        &ctx)
      return
    }
    if var existing = newRS {
      syncRevision(d, &existing, old: old, &ctx)
      newRS = existing
    }
    if newRS == nil && !DeploymentUtil.isRollingUpdate(d) {
      // recreate.go `rolloutRecreate`: the new ReplicaSet is created only once every old pod
      // is gone (old ReplicaSets are scaled to 0 first).
      var scaledDown = false
      for i in old.indices where (old[i].spec.replicas ?? 0) != 0 {
        scaledDown = scale(&old[i], to: 0, d, &ctx) || scaledDown
      }
      if scaledDown || old.contains(where: { !(runningPods[$0.metadata.uid]?.isEmpty ?? true) }) {
        writeStatus(d, status: status, new: nil, all: old, &ctx)
        return
      }
    }
    if newRS == nil {
      guard let created = createNewReplicaSet(d, old: old, &ctx) else { return }
      newRS = created
      DeploymentUtil.setCondition(
        &status, type: "Progressing", .true, reason: "NewReplicaSetCreated",
        message: "Created new replica set \"\(created.metadata.name)\"", now: ctx.now)
    } else if !status.conditions.contains(where: { $0.type == "Progressing" }), let n = newRS {
      DeploymentUtil.setCondition(
        &status, type: "Progressing", .true, reason: "FoundNewReplicaSet",
        message: "Found new replica set \"\(n.metadata.name)\"", now: ctx.now)
    }
    guard var new = newRS else { return }
    if DeploymentUtil.isRollingUpdate(d) {
      if !reconcileNew(d, &new, old: old, &ctx) {
        reconcileOld(d, new: new, old: &old, &ctx)
      }
    } else {
      recreate(d, &new, old: &old, &ctx)
    }
    writeStatus(d, status: status, new: new, all: [new] + old, &ctx)
  }

  /// `getReplicaSetsForDeployment` (`ClaimReplicaSets`): releases owned ReplicaSets whose labels
  /// stopped matching, adopts matching orphans of the namespace (in name order).
  private func claimReplicaSets(_ d: Deployment, _ ctx: inout ComponentContext) {
    let uid = d.metadata.uid
    let ns = d.metadata.namespace ?? "default"
    for key in setsByOwner[uid] ?? [] {
      guard let rs = sets[key], !d.spec.selector.matches(rs.metadata.labels),
        ControllerRefManager.decide(rs.metadata, controller: d.metadata, matches: false)
          == .release,
        case .replicaSet(let stored)? = ControllerRefManager.release(
          .replicaSet(rs), controllerUID: uid, ctx.api)
      else { continue }
      sets[key] = stored
      setsByOwner[uid]?.removeAll { $0 == key }
      ownerOfSet[rs.metadata.uid] = nil
      orphanSets[ns, default: []].insert(key)
    }
    guard let candidates = orphanSets[ns], !candidates.isEmpty else { return }
    for key in candidates.sorted() {
      guard let rs = sets[key],
        ControllerRefManager.decide(
          rs.metadata, controller: d.metadata, matches: d.spec.selector.matches(rs.metadata.labels)
        ) == .adopt,
        case .replicaSet(let stored)? = ControllerRefManager.adopt(
          .replicaSet(rs), by: .deployment, apiVersion: "apps/v1", controller: d.metadata,
          ctx.api)
      else { continue }
      sets[key] = stored
      orphanSets[ns]?.remove(key)
      setsByOwner[uid, default: []].append(key)
      ownerOfSet[rs.metadata.uid] = uid
    }
  }

  private func creationOrder(_ a: ReplicaSet, _ b: ReplicaSet) -> Bool {
    let ta = a.metadata.creationTimestamp?.microseconds ?? 0
    let tb = b.metadata.creationTimestamp?.microseconds ?? 0
    return ta != tb ? ta < tb : a.metadata.name < b.metadata.name
  }

  /// `getNewReplicaSet` with `createIfNotExisted`.
  private func createNewReplicaSet(
    _ d: Deployment, old: [ReplicaSet], _ ctx: inout ComponentContext
  ) -> ReplicaSet? {
    let hash = PodTemplateHash.compute(d.spec.template, collisionCount: d.status.collisionCount)
    var template = d.spec.template
    template.metadata.labels[PodTemplateHash.labelKey] = hash
    var selector = d.spec.selector
    selector.matchLabels[PodTemplateHash.labelKey] = hash
    let replicas = newRSNewReplicas(d, all: old, newReplicas: 0)
    var meta = ObjectMeta(name: "\(d.metadata.name)-\(hash)")
    meta.namespace = d.metadata.namespace
    meta.labels = template.metadata.labels
    let maxRevision =
      old.compactMap { Int64($0.metadata.annotations[Self.revisionAnnotation] ?? "") }
      .max() ?? 0
    meta.annotations[Self.revisionAnnotation] = String(maxRevision + 1)
    meta.annotations[Self.desiredReplicasAnnotation] = String(d.spec.replicas ?? 1)
    meta.annotations[Self.maxReplicasAnnotation] = String(
      (d.spec.replicas ?? 1) + DeploymentUtil.maxSurge(d))
    meta.ownerReferences = [
      OwnerReference(
        apiVersion: "apps/v1", kind: "Deployment", name: d.metadata.name, uid: d.metadata.uid,
        controller: true, blockOwnerDeletion: true)
    ]
    let rs = ReplicaSet(
      metadata: meta,
      spec: ReplicaSetSpec(
        replicas: replicas, minReadySeconds: d.spec.minReadySeconds, selector: selector,
        template: template))
    let created: ReplicaSet
    do {
      guard case .replicaSet(let c) = try ctx.api.create(.replicaSet(rs)) else { return nil }
      created = c
    } catch {
      guard error.code == .alreadyExists,
        case .replicaSet(let existing)? = ctx.api.get(
          .replicaSet, rs.metadata.namespace, rs.metadata.name)
      else { return nil }
      // sync.go `getNewReplicaSet`: an existing ReplicaSet of this name that this Deployment
      // controls with an equal template is the new one; otherwise it is a hash collision:
      // status.collisionCount + 1 (the next sync hashes with it and gets another name).
      let ours = PodUtil.controllerRef(existing.metadata)?.uid == d.metadata.uid
      if ours && DeploymentUtil.equalIgnoreHash(existing.spec.template, d.spec.template) {
        return existing
      }
      var updated = deployments[PodUtil.key(d.metadata)] ?? d
      updated.status.collisionCount = (updated.status.collisionCount ?? 0) + 1
      if case .deployment(let stored)? = try? ctx.api.updateStatus(.deployment(updated)) {
        deployments[PodUtil.key(stored.metadata)] = stored
      }
      return nil
    }
    if replicas > 0 {
      // sync.go `getNewReplicaSet`: "Scaled up replica set %s from 0 to %d".
      ctx.recordEvent(
        type: .normal, reason: "ScalingReplicaSet", object: reference(d), node: nil,
        message: "Scaled up replica set \(created.metadata.name) from 0 to \(replicas)")
    }
    return created
  }

  /// `NewRSNewReplicas` for RollingUpdate (Recreate: the full count).
  private func newRSNewReplicas(_ d: Deployment, all: [ReplicaSet], newReplicas: Int32) -> Int32 {
    let want = d.spec.replicas ?? 1
    guard DeploymentUtil.isRollingUpdate(d) else { return want }
    let current = all.reduce(Int32(0)) { $0 + ($1.spec.replicas ?? 0) } + newReplicas
    let maxTotal = want + DeploymentUtil.maxSurge(d)
    if current >= maxTotal { return newReplicas }
    let up = min(maxTotal - current, max(want - newReplicas, 0))
    return newReplicas + up
  }

  /// rolling.go `reconcileNewReplicaSet`. - Returns: whether it scaled.
  private func reconcileNew(
    _ d: Deployment, _ new: inout ReplicaSet, old: [ReplicaSet], _ ctx: inout ComponentContext
  ) -> Bool {
    let want = d.spec.replicas ?? 1
    let cur = new.spec.replicas ?? 0
    if cur == want { return false }
    let target = cur > want ? want : newRSNewReplicas(d, all: old, newReplicas: cur)
    if target == cur { return false }
    return scale(&new, to: target, d, &ctx)
  }

  /// rolling.go `reconcileOldReplicaSets` (with `cleanupUnhealthyReplicas` and
  /// `scaleDownOldReplicaSetsForRollingUpdate`).
  private func reconcileOld(
    _ d: Deployment, new: ReplicaSet, old: inout [ReplicaSet], _ ctx: inout ComponentContext
  ) {
    let oldCount = old.reduce(Int32(0)) { $0 + ($1.spec.replicas ?? 0) }
    if oldCount == 0 { return }
    let all = [new] + old
    let allCount = all.reduce(Int32(0)) { $0 + ($1.spec.replicas ?? 0) }
    let minAvailable = (d.spec.replicas ?? 1) - DeploymentUtil.maxUnavailable(d)
    let newUnavailable = (new.spec.replicas ?? 0) - new.status.availableReplicas
    var maxScaledDown = allCount - minAvailable - newUnavailable
    if maxScaledDown <= 0 { return }
    // cleanupUnhealthyReplicas: old ReplicaSets lose their unavailable pods first, oldest first.
    for i in old.indices where maxScaledDown > 0 {
      let r = old[i].spec.replicas ?? 0
      if r == 0 { continue }
      let unhealthy = r - old[i].status.availableReplicas
      if unhealthy == 0 { continue }
      // rolling.go: a status with more available pods than the spec (a scale-down not yet
      // reflected in the ReplicaSet's status) is an "invalid request to scale down": the
      // whole step is skipped until the status catches up.
      if unhealthy < 0 { return }
      let down = min(maxScaledDown, unhealthy)
      if scale(&old[i], to: r - down, d, &ctx) { maxScaledDown -= down }
    }
    // scaleDownOldReplicaSetsForRollingUpdate.
    let available = ([new] + old).reduce(Int32(0)) { $0 + $1.status.availableReplicas }
    if available <= minAvailable { return }
    var total = available - minAvailable
    for i in old.indices where total > 0 {
      let r = old[i].spec.replicas ?? 0
      if r == 0 { continue }
      let down = min(r, total)
      if scale(&old[i], to: r - down, d, &ctx) { total -= down }
    }
  }

  /// recreate.go `rolloutRecreate`: old ReplicaSets to 0; the new one up when no old pod is left.
  private func recreate(
    _ d: Deployment, _ new: inout ReplicaSet, old: inout [ReplicaSet],
    _ ctx: inout ComponentContext
  ) {
    var scaledDown = false
    for i in old.indices where (old[i].spec.replicas ?? 0) != 0 {
      scaledDown = scale(&old[i], to: 0, d, &ctx) || scaledDown
    }
    if scaledDown { return }
    if old.contains(where: { !(runningPods[$0.metadata.uid]?.isEmpty ?? true) }) { return }
    let want = d.spec.replicas ?? 1
    if (new.spec.replicas ?? 0) != want { _ = scale(&new, to: want, d, &ctx) }
  }

  /// sync.go `scaleReplicaSet`: writes the size and the desired/max-replicas annotations when
  /// the size changes (or, with `force`, when only the annotations differ); the event
  /// `ScalingReplicaSet` only for a size change. - Returns: whether the size was written.
  func scale(
    _ rs: inout ReplicaSet, to n: Int32, _ d: Deployment, _ ctx: inout ComponentContext,
    force: Bool = false
  ) -> Bool {
    let from = rs.spec.replicas ?? 0
    var updated = rs
    updated.spec.replicas = n
    updated.metadata.annotations[Self.desiredReplicasAnnotation] = String(d.spec.replicas ?? 1)
    updated.metadata.annotations[Self.maxReplicasAnnotation] = String(
      (d.spec.replicas ?? 1) + DeploymentUtil.maxSurge(d))
    if from == n && (!force || updated.metadata.annotations == rs.metadata.annotations) {
      return false
    }
    updated.metadata.resourceVersion = nil
    guard case .replicaSet(let stored)? = try? ctx.api.update(.replicaSet(updated)) else {
      return false
    }
    rs = stored
    sets[PodUtil.key(stored.metadata)] = stored
    if from == n { return false }
    ctx.recordEvent(
      type: .normal, reason: "ScalingReplicaSet", object: reference(d), node: nil,
      message:
        "Scaled \(n > from ? "up" : "down") replica set \(rs.metadata.name) from \(from) to \(n)")
    return true
  }

  /// sync.go `checkPausedConditions`: Progressing Unknown `DeploymentPaused` while paused,
  /// `DeploymentResumed` once resumed.
  private func checkPausedConditions(
    _ d: Deployment, _ status: inout DeploymentStatus, now: SimTime
  ) {
    let cond = status.conditions.first { $0.type == "Progressing" }
    if cond?.reason == "ProgressDeadlineExceeded" { return }
    let pausedCond = cond?.reason == "DeploymentPaused"
    if d.spec.paused == true && !pausedCond {
      DeploymentUtil.setCondition(
        &status, type: "Progressing", .unknown, reason: "DeploymentPaused",
        message: "Deployment is paused", now: now)
    } else if d.spec.paused != true && pausedCond {
      DeploymentUtil.setCondition(
        &status, type: "Progressing", .unknown, reason: "DeploymentResumed",
        message: "Deployment is resumed", now: now)
    }
  }

  /// sync.go `getNewReplicaSet` for an existing new ReplicaSet (`SetNewReplicaSetAnnotations`):
  /// a ReplicaSet brought back (rollback, or a template set back) gets the next revision, and
  /// the Deployment's revision annotation follows (`SetDeploymentRevision`).
  private func syncRevision(
    _ d: Deployment, _ new: inout ReplicaSet, old: [ReplicaSet], _ ctx: inout ComponentContext
  ) {
    let maxOld =
      old.compactMap { Int64($0.metadata.annotations[Self.revisionAnnotation] ?? "") }.max() ?? 0
    let current = Int64(new.metadata.annotations[Self.revisionAnnotation] ?? "") ?? 0
    if current <= maxOld {
      var updated = new
      updated.metadata.annotations[Self.revisionAnnotation] = String(maxOld + 1)
      updated.metadata.resourceVersion = nil
      if case .replicaSet(let stored)? = try? ctx.api.update(.replicaSet(updated)) {
        new = stored
        sets[PodUtil.key(stored.metadata)] = stored
      }
    }
    let revision = new.metadata.annotations[Self.revisionAnnotation]
    if let revision, d.metadata.annotations[Self.revisionAnnotation] != revision,
      var latest = deployments[PodUtil.key(d.metadata)]
    {
      latest.metadata.annotations[Self.revisionAnnotation] = revision
      latest.metadata.resourceVersion = nil
      if case .deployment(let stored)? = try? ctx.api.update(.deployment(latest)) {
        deployments[PodUtil.key(stored.metadata)] = stored
      }
    }
  }

  /// `calculateStatus` + `syncRolloutStatus`; writes only when something changed.
  private func writeStatus(
    _ d: Deployment, status base: DeploymentStatus, new: ReplicaSet?, all: [ReplicaSet],
    progress: Bool = true, _ ctx: inout ComponentContext
  ) {
    let d = deployments[PodUtil.key(d.metadata)] ?? d
    let want = d.spec.replicas ?? 1
    var s = base
    let available = all.reduce(Int32(0)) { $0 + $1.status.availableReplicas }
    let total = all.reduce(Int32(0)) { $0 + ($1.spec.replicas ?? 0) }
    s.observedGeneration = d.metadata.generation
    s.replicas = all.reduce(Int32(0)) { $0 + $1.status.replicas }
    s.updatedReplicas = new?.status.replicas ?? 0
    s.readyReplicas = all.reduce(Int32(0)) { $0 + $1.status.readyReplicas }
    s.availableReplicas = available
    s.unavailableReplicas = max(total - available, 0)
    s.terminatingReplicas = DeploymentUtil.terminatingReplicas(all)
    if available >= want - DeploymentUtil.maxUnavailable(d) {
      DeploymentUtil.setCondition(
        &s, type: "Available", .true, reason: "MinimumReplicasAvailable",
        message: "Deployment has minimum availability.", now: ctx.now)
    } else {
      DeploymentUtil.setCondition(
        &s, type: "Available", .false, reason: "MinimumReplicasUnavailable",
        message: "Deployment does not have minimum availability.", now: ctx.now)
    }
    guard let new, d.spec.paused != true, progress else {
      // sync.go `syncDeploymentStatus` (paused): no progress estimate.
      if s == d.status { return }
      var updated = d
      updated.status = s
      if case .deployment(let stored)? = try? ctx.api.updateStatus(.deployment(updated)) {
        deployments[PodUtil.key(stored.metadata)] = stored
      }
      return
    }
    let progressing = s.conditions.first { $0.type == "Progressing" }
    let complete = s.updatedReplicas == want && s.replicas == want && s.availableReplicas == want
    if !(s.replicas == s.updatedReplicas && progressing?.reason == "NewReplicaSetAvailable") {
      if complete {
        DeploymentUtil.setCondition(
          &s, type: "Progressing", .true, reason: "NewReplicaSetAvailable",
          message: "ReplicaSet \"\(new.metadata.name)\" has successfully progressed.", now: ctx.now)
      } else if isProgressing(old: d.status, new: s, all: all, newRS: new) {
        // progress.go: a true Progressing condition is replaced, keeping its transition time.
        var c = DeploymentCondition(
          type: "Progressing", status: .true, lastUpdateTime: ctx.now,
          lastTransitionTime: ctx.now, reason: "ReplicaSetUpdated",
          message: "ReplicaSet \"\(new.metadata.name)\" is progressing.")
        if let p = progressing, p.status == .true { c.lastTransitionTime = p.lastTransitionTime }
        s.conditions.removeAll { $0.type == "Progressing" }
        s.conditions.append(c)
      } else if let p = progressing, p.reason != "ProgressDeadlineExceeded",
        let from = p.lastUpdateTime
      {
        // progress.go `DeploymentTimedOut`: no progress for progressDeadlineSeconds (600s)
        // since the condition's lastUpdateTime → Progressing=False; otherwise resync at the
        // deadline (`requeueStuckDeployment`). No automatic rollback.
        let deadline = from + .seconds(Int64(d.spec.progressDeadlineSeconds ?? 600))
        if deadline < ctx.now {
          DeploymentUtil.setCondition(
            &s, type: "Progressing", .false, reason: "ProgressDeadlineExceeded",
            message: "ReplicaSet \"\(new.metadata.name)\" has timed out progressing.",
            now: ctx.now)
        } else if armedDeadline[PodUtil.key(d.metadata)] != deadline {
          armedDeadline[PodUtil.key(d.metadata)] = deadline
          let token = nextToken
          nextToken += 1
          deadlineTokens[token] = PodUtil.key(d.metadata)
          ctx.setTimer(at: deadline + .microseconds(1), token: token)
        }
      }
    }
    Self.moveReplicaFailures(&s, new: new, all: all)
    cleanupOldReplicaSets(d, all: all, new: new, &ctx)
    if s == d.status { return }
    var updated = d
    updated.status = s
    if case .deployment(let stored)? = try? ctx.api.updateStatus(.deployment(updated)) {
      deployments[PodUtil.key(stored.metadata)] = stored
    }
  }

  /// sync.go `cleanupDeployment`: keeps at most `revisionHistoryLimit` (default 10) old
  /// ReplicaSets that are scaled to 0 and empty, deleting the oldest first.
  private func cleanupOldReplicaSets(
    _ d: Deployment, all: [ReplicaSet], new: ReplicaSet, _ ctx: inout ComponentContext
  ) {
    let limit = Int(d.spec.revisionHistoryLimit ?? 10)
    let idle = all.filter {
      $0.metadata.uid != new.metadata.uid && ($0.spec.replicas ?? 0) == 0 && $0.status.replicas == 0
        && $0.metadata.deletionTimestamp == nil
    }.sorted { creationOrder($0, $1) }
    guard idle.count > limit else { return }
    for rs in idle.prefix(idle.count - limit) {
      _ = try? ctx.api.delete(.replicaSet, rs.metadata.namespace, rs.metadata.name)
    }
  }

  /// `DeploymentProgressing`.
  /// progress.go `syncRolloutStatus` with `getReplicaFailures`: the new ReplicaSet's
  /// `ReplicaFailure` condition (else the first of any ReplicaSet's) becomes the Deployment's
  /// (`ReplicaSetToDeploymentCondition`: both times from the ReplicaSet's transition time);
  /// without one, the Deployment's is removed.
  static func moveReplicaFailures(
    _ s: inout DeploymentStatus, new: ReplicaSet, all: [ReplicaSet]
  ) {
    let failure =
      new.status.conditions.first { $0.type == "ReplicaFailure" }
      ?? all.lazy.compactMap { $0.status.conditions.first { $0.type == "ReplicaFailure" } }.first
    guard let f = failure else {
      s.conditions.removeAll { $0.type == "ReplicaFailure" }
      return
    }
    // deployment_util.go `SetDeploymentCondition`: unchanged when status and reason are equal;
    // the transition time is kept when only the reason changes.
    var c = DeploymentCondition(
      type: "ReplicaFailure", status: f.status, lastUpdateTime: f.lastTransitionTime,
      lastTransitionTime: f.lastTransitionTime, reason: f.reason, message: f.message)
    if let i = s.conditions.firstIndex(where: { $0.type == "ReplicaFailure" }) {
      let cur = s.conditions[i]
      if cur.status == c.status && cur.reason == c.reason { return }
      if cur.status == c.status { c.lastTransitionTime = cur.lastTransitionTime }
      s.conditions.remove(at: i)
    }
    s.conditions.append(c)
  }

  private func isProgressing(
    old: DeploymentStatus, new: DeploymentStatus, all: [ReplicaSet], newRS: ReplicaSet
  ) -> Bool {
    let oldOld = old.replicas - old.updatedReplicas
    let newOld = new.replicas - new.updatedReplicas
    return new.updatedReplicas > old.updatedReplicas || newOld < oldOld
      || new.readyReplicas > old.readyReplicas || new.availableReplicas > old.availableReplicas
  }

  private func reference(_ d: Deployment) -> ObjectReference {
    ObjectReference(kind: "Deployment", namespace: d.metadata.namespace, name: d.metadata.name)
  }
}
