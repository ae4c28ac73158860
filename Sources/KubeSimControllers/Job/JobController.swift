import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel

/// The Job controller (upstream pkg/controller/job/job_controller.go, v1.35) as a `Component`.
///
/// - Creates pods from the template (`generateName` `<job>-`, or `<job>-<index>-` for Indexed
///   jobs with the `batch.kubernetes.io/job-completion-index` annotation and label and
///   `spec.hostname` `<job>-<index>`) until
///   `completions` succeed, at most `parallelism` active at once; events `SuccessfulCreate`
///   "Created pod: …".
/// - Counts each finished pod once (a pod removed before it finished counts as failed). After
///   `n` failures since the last success a new pod waits `JobBackoff.delay(n)` from the last
///   failure (10 s doubling, 10 min cap).
/// - Fails the Job with `BackoffLimitExceeded` ("Job has reached the specified backoff limit")
///   when `failed > backoffLimit` (restartPolicy OnFailure: when the active pods' restarts reach
///   it), `DeadlineExceeded` ("Job was active longer than specified deadline") after
///   `activeDeadlineSeconds`, or `PodFailurePolicy` on a `FailJob` rule; `Ignore` rules do not
///   count the failure. First `FailureTarget`, then `Failed` once no pod is left running, with
///   the Warning event of that reason. Success: `SuccessCriteriaMet` then `Complete`, reason
///   `CompletionsReached` "Reached expected number of succeeded pods", event `Completed` "Job
///   completed".
/// - Sync timing as upstream: a Job change syncs at once, a pod change after
///   `syncJobBatchPeriod` (1 s); keys are de-duplicated keeping the earliest time.
/// - `ttlSecondsAfterFinished`: the Job (and its pods) are deleted that long after it finished
///   (upstream's ttlafterfinished controller; KubeSim does it here).
///
/// - `suspend`: active pods are deleted, condition `Suspended` (reason `JobSuspended`, event
///   `Suspended` "Job suspended"); on resume the condition turns False (`JobResumed`, event
///   `Resumed` "Job resumed") and `startTime` restarts.
///
/// - Claims pods as `getPodsForJob` does (`ControllerRefManager`): orphans its selector matches
///   (a `manualSelector` Job's, typically) are adopted, owned pods that stop matching released.
///
/// KubeSim differs: pods get no `batch.kubernetes.io/job-tracking` finalizer (counting is done
/// from this controller's own record), and no `JOB_COMPLETION_INDEX` variable for Indexed pods
/// (the model has no container env); `backoffLimitPerIndex` and `successPolicy` are not
/// modelled.
public final class JobController: Component {
  public let componentName = "job-controller"
  public var watches: [WatchFilter] { [WatchFilter(kind: .job), WatchFilter(kind: .pod)] }

  /// `syncJobBatchPeriod` (job_controller.go): 1 s.
  public static let syncBatchPeriod = SimDuration.seconds(1)
  /// Annotation and label of an Indexed Job's pods (batch/v1 `JobCompletionIndexAnnotation`).
  public static let completionIndexKey = "batch.kubernetes.io/job-completion-index"

  private var keyByUID: [String: String] = [:]
  /// Pod selectors by Job key, for orphans looking for an owner.
  private var selectors: [String: LabelSelector?] = [:]
  private var orphans = OrphanPods()
  private var records: [String: JobRecord] = [:]
  private var pending: [String: [SimTime]] = [:]
  private var tokenKeys: [UInt64: (String, SimTime)] = [:]
  private var nextToken: UInt64 = 1

  public init() {}

  // MARK: Informers

  public func observe(_ change: WatchChange, _ ctx: inout ComponentContext) {
    switch change {
    case .added(.job(let j)), .modified(_, .job(let j)):
      let key = PodUtil.key(j.metadata)
      keyByUID[j.metadata.uid] = key
      selectors[key] = j.spec.selector
      enqueue(key, after: .zero, batched: true, &ctx)
    case .deleted(.job(let j)):
      keyByUID[j.metadata.uid] = nil
      selectors[PodUtil.key(j.metadata)] = nil
      records[PodUtil.key(j.metadata)] = nil
    case .added(.pod(let p)), .modified(_, .pod(let p)), .deleted(.pod(let p)):
      if case .modified(let old, _) = change, let was = PodUtil.controllerRef(old.metadata),
        was.uid != PodUtil.controllerRef(p.metadata)?.uid, let key = keyByUID[was.uid]
      {
        // job_controller.go `updatePod`: "The ControllerRef was changed. Sync the old
        // controller, if any."
        enqueue(key, after: Self.syncBatchPeriod, batched: true, &ctx)
      }
      if let ref = PodUtil.controllerRef(p.metadata), ref.kind == "Job",
        let key = keyByUID[ref.uid]
      {
        enqueue(key, after: Self.syncBatchPeriod, batched: true, &ctx)
      }
      if let orphan = orphans.observe(change) {
        // `addPod`/`updatePod`: an orphan syncs every Job whose selector matches it.
        let ns = orphan.metadata.namespace ?? "default"
        for key in selectors.keys.sorted() where key.hasPrefix(ns + "/") {
          if let sel = selectors[key] ?? nil,
            !sel.matchLabels.isEmpty || !sel.matchExpressions.isEmpty,
            sel.matches(orphan.metadata.labels)
          {
            enqueue(key, after: Self.syncBatchPeriod, batched: true, &ctx)
          }
        }
      }
    default: break
    }
  }

  /// Queues a sync of `key` after `delay`. A batched request (a pod change) is dropped when a
  /// sync of the key is already due no later; a deadline (backoff, activeDeadlineSeconds, TTL)
  /// is dropped only when one is due at that very time, since an earlier sync does not replace
  /// it.
  private func enqueue(
    _ key: String, after delay: SimDuration, batched: Bool = false, _ ctx: inout ComponentContext
  ) {
    let t = ctx.now + delay
    let due = pending[key] ?? []
    if batched ? due.contains(where: { $0 <= t }) : due.contains(t) { return }
    let token = nextToken
    nextToken += 1
    tokenKeys[token] = (key, t)
    pending[key, default: []].append(t)
    ctx.setTimer(at: t, token: token)
  }

  public func timerFired(_ token: UInt64, _ ctx: inout ComponentContext) {
    guard let (key, t) = tokenKeys.removeValue(forKey: token) else { return }
    if var due = pending[key], let i = due.firstIndex(of: t) {
      due.remove(at: i)
      pending[key] = due.isEmpty ? nil : due
    }
    sync(key, &ctx)
  }

  // MARK: Sync

  private func sync(_ key: String, _ ctx: inout ComponentContext) {
    let parts = key.split(separator: "/", maxSplits: 1).map(String.init)
    guard parts.count == 2, case .job(var job)? = ctx.api.get(.job, parts[0], parts[1]) else {
      return
    }
    if job.metadata.deletionTimestamp != nil { return }
    let ref = ObjectReference(
      kind: "Job", namespace: job.metadata.namespace, name: job.metadata.name,
      uid: job.metadata.uid, apiVersion: "batch/v1")
    if let finished = Self.finishedCondition(job) {
      handleTTL(job, key: key, finishedAt: finished.lastTransitionTime ?? ctx.now, &ctx)
      return
    }
    var rec = records[key] ?? JobRecord()
    if let selector = job.spec.selector,
      !selector.matchLabels.isEmpty || !selector.matchExpressions.isEmpty
    {
      // `getPodsForJob`: ClaimPods with the `canAdopt` recheck (adoption adds the controller
      // reference; KubeSim adds no tracking finalizer).
      _ = ControllerRefManager.claimPods(
        controller: job.metadata, kind: .job, apiVersion: "batch/v1", selector: selector,
        owned: ctx.api.pods(ownedBy: job.metadata.uid), orphans: &orphans, ctx.api)
    }
    let pods = ctx.api.pods(ownedBy: job.metadata.uid)
    let policy = job.spec.podFailurePolicy.map(PodFailurePolicy.init)
    var failJob: (reason: String, message: String)?
    rec.count(pods, now: ctx.now, policy: policy) { failJob = failJob ?? $0 }
    records[key] = rec

    var status = job.status
    let suspended = job.spec.suspend == true
    // job_controller.go `syncJob`: `ensureJobConditionStatus(…, batch.JobSuspended,
    // ConditionTrue, "JobSuspended", "Job suspended")` with Normal "Suspended" "Job suspended";
    // on resume ConditionFalse "JobResumed" "Job resumed" with Normal "Resumed" "Job resumed".
    let wasSuspended = status.conditions.contains { $0.type == "Suspended" && $0.status == .true }
    if suspended && !wasSuspended {
      status.conditions.removeAll { $0.type == "Suspended" }
      status.conditions.append(Self.condition("Suspended", "JobSuspended", "Job suspended", ctx.now))
      ctx.recordEvent(
        type: .normal, reason: "Suspended", object: ref, node: nil, message: "Job suspended")
    } else if !suspended && wasSuspended {
      if let i = status.conditions.firstIndex(where: { $0.type == "Suspended" }) {
        status.conditions[i] = JobCondition(
          type: "Suspended", status: .false, lastProbeTime: ctx.now, lastTransitionTime: ctx.now,
          reason: "JobResumed", message: "Job resumed")
      }
      ctx.recordEvent(
        type: .normal, reason: "Resumed", object: ref, node: nil, message: "Job resumed")
      // Resuming restarts the clock of activeDeadlineSeconds.
      status.startTime = nil
    }
    if status.startTime == nil && !suspended {
      status.startTime = ctx.now
      if let ads = job.spec.activeDeadlineSeconds {
        enqueue(key, after: .seconds(ads), &ctx)
      }
    }
    let active = pods.filter(PodUtil.isActive)
    let terminating = pods.filter { $0.metadata.deletionTimestamp != nil && !$0.isTerminal }
    let completions = job.spec.completions.map(Int.init)
    let parallelism = Int(job.spec.parallelism ?? 1)
    let indexed = job.spec.completionMode == .indexed
    let backoffLimit = Int(job.spec.backoffLimit ?? 6)

    // Failure checks, in upstream order (job_controller.go `syncJob`).
    let hasFailureTarget = job.status.conditions.contains { $0.type == "FailureTarget" }
    if failJob == nil, let target = job.status.conditions.first(where: {
      $0.type == "FailureTarget"
    }) {
      failJob = (target.reason ?? "", target.message ?? "")
    }
    if failJob == nil {
      var exceeds = rec.failed > backoffLimit
      if job.spec.template.spec.restartPolicy == .onFailure {
        // `pastBackoffLimitOnFailure`: restarts of the active pods' containers.
        let restarts = active.reduce(0) { sum, p in
          sum + (p.status.initContainerStatuses + p.status.containerStatuses).reduce(0) {
            $0 + Int($1.restartCount)
          }
        }
        exceeds = exceeds || (backoffLimit == 0 ? restarts > 0 : restarts >= backoffLimit)
      }
      if exceeds {
        // job_controller.go `syncJob`: `newFailureCondition(batch.JobReasonBackoffLimitExceeded,
        // "Job has reached the specified backoff limit")`.
        failJob = ("BackoffLimitExceeded", "Job has reached the specified backoff limit")
      } else if let ads = job.spec.activeDeadlineSeconds, let start = status.startTime,
        ctx.now - start >= .seconds(ads)
      {
        // job_controller.go `syncJob` (`pastActiveDeadline`): `newFailureCondition(
        // batch.JobReasonDeadlineExceeded, "Job was active longer than specified deadline")`.
        failJob = ("DeadlineExceeded", "Job was active longer than specified deadline")
      }
    }

    let succeededDone: Bool
    if indexed {
      succeededDone = rec.succeededIndexes.count >= (completions ?? 1)
    } else if let c = completions {
      succeededDone = rec.succeeded >= c
    } else {
      succeededDone = rec.succeeded > 0 && active.isEmpty
    }

    if let (reason, message) = failJob {
      if !hasFailureTarget {
        status.conditions.append(Self.condition("FailureTarget", reason, message, ctx.now))
      }
      deletePods(active, ref: ref, &ctx)
      if active.isEmpty && terminating.isEmpty {
        status.conditions.append(Self.condition("Failed", reason, message, ctx.now))
        ctx.recordEvent(type: .warning, reason: reason, object: ref, node: nil, message: message)
      }
    } else if succeededDone {
      // job_controller.go `syncJob`: `batch.JobReasonCompletionsReached`, "Reached expected
      // number of succeeded pods" (SuccessCriteriaMet, then Complete).
      let reason = "CompletionsReached"
      let message = "Reached expected number of succeeded pods"
      if !status.conditions.contains(where: { $0.type == "SuccessCriteriaMet" }) {
        status.conditions.append(Self.condition("SuccessCriteriaMet", reason, message, ctx.now))
      }
      deletePods(active, ref: ref, &ctx)
      if active.isEmpty && terminating.isEmpty {
        status.conditions.append(Self.condition("Complete", reason, message, ctx.now))
        status.completionTime = ctx.now
        // job_controller.go `recordJobFinished`: Normal "Completed" "Job completed".
        ctx.recordEvent(
          type: .normal, reason: "Completed", object: ref, node: nil, message: "Job completed")
      }
    } else if suspended {
      deletePods(active, ref: ref, &ctx)
    } else {
      manage(job, key: key, rec: rec, active: active, parallelism: parallelism,
        completions: completions, ref: ref, &ctx)
    }

    let now = ctx.api.pods(ownedBy: job.metadata.uid)
    status.active = Int32(now.filter(PodUtil.isActive).count)
    status.ready = Int32(now.filter { PodUtil.isActive($0) && PodUtil.isReady($0) }.count)
    status.terminating = Int32(
      now.filter { $0.metadata.deletionTimestamp != nil && !$0.isTerminal }.count)
    status.succeeded = Int32(rec.succeeded)
    status.failed = Int32(rec.failed)
    if indexed { status.completedIndexes = Self.formatIndexes(rec.succeededIndexes) }
    if status != job.status {
      job.status = status
      _ = try? ctx.api.updateStatus(.job(job))
    }
    if let finished = Self.finishedCondition(job) {
      handleTTL(job, key: key, finishedAt: finished.lastTransitionTime ?? ctx.now, &ctx)
    }
  }

  /// `manageJob`: creates or deletes pods to reach the wanted number of active pods.
  private func manage(
    _ job: Job, key: String, rec: JobRecord, active: [Pod], parallelism: Int, completions: Int?,
    ref: ObjectReference, _ ctx: inout ComponentContext
  ) {
    let indexed = job.spec.completionMode == .indexed
    var want: Int
    if indexed {
      want = min(parallelism, (completions ?? 1) - rec.succeededIndexes.count)
    } else if let c = completions {
      want = min(parallelism, c - rec.succeeded)
    } else {
      want = rec.succeeded > 0 ? active.count : parallelism
    }
    want = max(want, 0)
    if active.count > want {
      // Surplus (parallelism lowered): newest first.
      let victims = active.sorted {
        ($0.metadata.creationTimestamp ?? .zero, $0.metadata.name)
          > ($1.metadata.creationTimestamp ?? .zero, $1.metadata.name)
      }.prefix(active.count - want)
      deletePods(Array(victims), ref: ref, &ctx)
      return
    }
    guard active.count < want else { return }
    let wait = JobBackoff.remaining(
      failures: rec.failuresSinceSuccess, lastFailure: rec.lastFailure, now: ctx.now)
    if wait > .zero {
      enqueue(key, after: wait, &ctx)
      return
    }
    var indexes: [Int?] = []
    if indexed {
      var busy = rec.succeededIndexes
      for p in active {
        if let s = p.metadata.annotations[Self.completionIndexKey], let i = Int(s) {
          busy.insert(i)
        }
      }
      var i = 0
      while indexes.count < want - active.count && i < (completions ?? 1) {
        if !busy.contains(i) { indexes.append(i) }
        i += 1
      }
    } else {
      indexes = Array(repeating: nil, count: want - active.count)
    }
    for index in indexes {
      do {
        let created = try ctx.api.create(.pod(podFromTemplate(job, index: index)))
        // controller_utils.go `CreatePods`: SuccessfulCreate "Created pod: %v".
        ctx.recordEvent(
          type: .normal, reason: "SuccessfulCreate", object: ref, node: nil,
          message: "Created pod: \(created.metadata.name)")
      } catch {
        // controller_utils.go: FailedCreate "Error creating: %v".
        ctx.recordEvent(
          type: .warning, reason: "FailedCreate", object: ref, node: nil,
          message: "Error creating: \(error.message)")
        break
      }
    }
  }

  private func deletePods(_ pods: [Pod], ref: ObjectReference, _ ctx: inout ComponentContext) {
    for p in pods where p.metadata.deletionTimestamp == nil {
      do {
        try ctx.api.delete(.pod, p.metadata.namespace, p.metadata.name)
        // controller_utils.go `DeletePod`: SuccessfulDelete "Deleted pod: %v".
        ctx.recordEvent(
          type: .normal, reason: "SuccessfulDelete", object: ref, node: nil,
          message: "Deleted pod: \(p.metadata.name)")
      } catch {}
    }
  }

  /// Upstream `controller.GetPodFromTemplate` plus the Indexed-job additions
  /// (pkg/controller/job/indexed_job_utils.go `addCompletionIndexAnnotation`,
  /// `addCompletionIndexLabel`, `podGenerateNameWithIndex`: `<job>-<index>-`; hostname
  /// `<job>-<index>`).
  func podFromTemplate(_ job: Job, index: Int?) -> Pod {
    let t = job.spec.template
    var meta = ObjectMeta(name: "")
    meta.namespace = job.metadata.namespace
    meta.labels = t.metadata.labels
    meta.annotations = t.metadata.annotations
    meta.finalizers = t.metadata.finalizers
    meta.generateName = "\(job.metadata.name)-"
    if let index {
      meta.generateName = "\(job.metadata.name)-\(index)-"
      meta.annotations[Self.completionIndexKey] = String(index)
      meta.labels[Self.completionIndexKey] = String(index)
    }
    var spec = t.spec
    // job_controller.go `manageJob`: `template.Spec.Hostname = fmt.Sprintf("%s-%d", job.Name,
    // completionIndex)`.
    if let index { spec.hostname = "\(job.metadata.name)-\(index)" }
    meta.ownerReferences = [
      OwnerReference(
        apiVersion: "batch/v1", kind: "Job", name: job.metadata.name, uid: job.metadata.uid,
        controller: true, blockOwnerDeletion: true)
    ]
    return Pod(metadata: meta, spec: spec)
  }

  /// Deletes a finished Job `ttlSecondsAfterFinished` after it finished, or waits for it
  /// (pkg/controller/ttlafterfinished). The pods go with it (foreground propagation upstream).
  private func handleTTL(
    _ job: Job, key: String, finishedAt: SimTime, _ ctx: inout ComponentContext
  ) {
    guard let ttl = job.spec.ttlSecondsAfterFinished else { return }
    let due = finishedAt + .seconds(Int64(ttl))
    if ctx.now < due {
      enqueue(key, after: due - ctx.now, &ctx)
      return
    }
    for p in ctx.api.pods(ownedBy: job.metadata.uid) {
      _ = try? ctx.api.delete(.pod, p.metadata.namespace, p.metadata.name)
    }
    _ = try? ctx.api.delete(.job, job.metadata.namespace, job.metadata.name)
  }

  static func finishedCondition(_ job: Job) -> JobCondition? {
    job.status.conditions.first {
      ($0.type == "Complete" || $0.type == "Failed") && $0.status == .true
    }
  }

  static func condition(_ type: String, _ reason: String, _ message: String, _ now: SimTime)
    -> JobCondition
  {
    JobCondition(
      type: type, status: .true, lastProbeTime: now, lastTransitionTime: now, reason: reason,
      message: message)
  }

  /// `completedIndexes` as upstream formats it: sorted ranges "0-2,4,6-7"
  /// (indexed_job_utils.go `orderedIntervals.String`).
  static func formatIndexes(_ set: Set<Int>) -> String {
    let xs = set.sorted()
    var parts: [String] = []
    var i = 0
    while i < xs.count {
      var j = i
      while j + 1 < xs.count && xs[j + 1] == xs[j] + 1 { j += 1 }
      parts.append(j > i ? "\(xs[i])-\(xs[j])" : "\(xs[i])")
      i = j + 1
    }
    return parts.joined(separator: ",")
  }
}
