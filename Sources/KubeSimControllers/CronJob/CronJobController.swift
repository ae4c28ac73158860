import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel

/// The CronJob controller (upstream pkg/controller/cronjob/cronjob_controllerv2.go and
/// utils.go, v1.35) as a `Component`, on a simulated wall calendar: simulated time zero is
/// `settings.timeBase` (UTC).
///
/// A sync (on a CronJob change, on a change of one of its Jobs, and
/// `nextScheduleDelta` = 100 ms after each scheduled time, as upstream requeues):
/// 1. drops finished Jobs from `status.active` (event `SawCompletedJob` "Saw completed job: %s,
///    condition: %v"; `lastSuccessfulTime` on Complete) and deletes the oldest finished Jobs
///    beyond `successfulJobsHistoryLimit` (3) / `failedJobsHistoryLimit` (1) (`SuccessfulDelete`
///    "Deleted job %v");
/// 2. unless suspended, finds the most recent scheduled time not yet run, after
///    `lastScheduleTime` (or creation), and not before `now − startingDeadlineSeconds`; a time
///    older than the deadline is skipped with Warning `MissSchedule`;
/// 3. applies `concurrencyPolicy`: `Forbid` with a Job active skips the run (`JobAlreadyActive`
///    "Not starting job because prior execution is running and concurrency policy is Forbid"),
///    `Replace` deletes the active Jobs first;
/// 4. creates the Job `<cronjob>-<scheduled Unix time in minutes>` with the
///    `batch.kubernetes.io/cronjob-scheduled-timestamp` annotation and a controller reference
///    (`SuccessfulCreate` "Created job %v"), sets `lastScheduleTime` and `active`.
///
/// KubeSim differs: schedules are UTC (a `spec.timeZone` other than UTC gets one Warning
/// `UnknownTimeZone` event and UTC is used); deleted Jobs' pods are left to the garbage
/// collector.
public final class CronJobController: Component {
  public let componentName = "cronjob-controller"
  public var watches: [WatchFilter] { [WatchFilter(kind: .cronJob), WatchFilter(kind: .job)] }

  /// `nextScheduleDelta` (cronjob_controllerv2.go): 100 ms after the scheduled time.
  public static let nextScheduleDelta = SimDuration.milliseconds(100)
  /// Annotation of created Jobs (batch/v1 `CronJobScheduledTimestampAnnotation`).
  public static let scheduledTimestampKey = "batch.kubernetes.io/cronjob-scheduled-timestamp"

  private var keyByUID: [String: String] = [:]
  private var warnedTimeZone: Set<String> = []
  private var pending: [String: [SimTime]] = [:]
  private var tokenKeys: [UInt64: (String, SimTime)] = [:]
  private var nextToken: UInt64 = 1

  public init() {}

  public func observe(_ change: WatchChange, _ ctx: inout ComponentContext) {
    switch change {
    case .added(.cronJob(let c)), .modified(_, .cronJob(let c)):
      let key = PodUtil.key(c.metadata)
      keyByUID[c.metadata.uid] = key
      enqueue(key, at: ctx.now, &ctx)
    case .deleted(.cronJob(let c)):
      keyByUID[c.metadata.uid] = nil
    case .added(.job(let j)), .modified(_, .job(let j)), .deleted(.job(let j)):
      if let ref = PodUtil.controllerRef(j.metadata), ref.kind == "CronJob",
        let key = keyByUID[ref.uid]
      {
        enqueue(key, at: ctx.now, &ctx)
      }
    default: break
    }
  }

  private func enqueue(_ key: String, at t: SimTime, _ ctx: inout ComponentContext) {
    if pending[key]?.contains(t) == true { return }
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
    guard parts.count == 2, case .cronJob(var cj)? = ctx.api.get(.cronJob, parts[0], parts[1]),
      cj.metadata.deletionTimestamp == nil
    else { return }
    let ref = ObjectReference(
      kind: "CronJob", namespace: cj.metadata.namespace, name: cj.metadata.name,
      uid: cj.metadata.uid, apiVersion: "batch/v1")
    let base = ctx.settings.timeBase
    var jobs = ctx.api.objects(ownedBy: cj.metadata.uid).compactMap(\.asJob)
    var status = cj.status

    // 1. Active list and history (cronjob_controllerv2.go `syncCronJob`, `cleanupFinishedJobs`).
    for j in jobs {
      let inActive = status.active.contains { $0.uid == j.metadata.uid }
      if let done = Self.finished(j) {
        if inActive {
          status.active.removeAll { $0.uid == j.metadata.uid }
          ctx.recordEvent(
            type: .normal, reason: "SawCompletedJob", object: ref, node: nil,
            message: "Saw completed job: \(j.metadata.name), condition: \(done.type)")
          if done.type == "Complete", let t = j.status.completionTime,
            (status.lastSuccessfulTime ?? .zero) < t || status.lastSuccessfulTime == nil
          {
            status.lastSuccessfulTime = t
          }
        }
      } else if !inActive && j.metadata.deletionTimestamp == nil {
        status.active.append(Self.reference(j))
      }
    }
    status.active.removeAll { a in !jobs.contains { $0.metadata.uid == a.uid } }
    jobs = cleanup(jobs, cj, ref, &ctx)

    if cj.spec.suspend == true {
      write(&cj, status, &ctx)
      return
    }
    if let tz = cj.spec.timeZone, tz != "UTC", tz != "Etc/UTC",
      warnedTimeZone.insert(cj.metadata.uid).inserted
    {
      // cronjob_controllerv2.go: Warning "UnknownTimeZone" "invalid timeZone: %q: %s". KubeSim
      // has no time zone database: it says so once and uses UTC.
      ctx.recordEvent(
        type: .warning, reason: "UnknownTimeZone", object: ref, node: nil,
        message: "invalid timeZone: \"\(tz)\": KubeSim schedules in UTC only")
    }
    let schedule: CronSchedule
    do {
      schedule = try CronSchedule(parsing: cj.spec.schedule)
    } catch {
      // cronjob_controllerv2.go: Warning "UnparseableSchedule" "unparseable schedule: %q : %s".
      ctx.recordEvent(
        type: .warning, reason: "UnparseableSchedule", object: ref, node: nil,
        message: "unparseable schedule: \"\(cj.spec.schedule)\" : \(error.message)")
      write(&cj, status, &ctx)
      return
    }

    // 2. The most recent unmet scheduled time (utils.go `mostRecentScheduleTime`).
    let nowUnix = base.unixSeconds + ctx.now.microseconds / 1_000_000
    var earliest = base.unixSeconds
      + ((status.lastScheduleTime ?? cj.metadata.creationTimestamp ?? .zero).microseconds
        / 1_000_000)
    if let sds = cj.spec.startingDeadlineSeconds, nowUnix - sds > earliest {
      earliest = nowUnix - sds
    }
    var scheduled: Int64?
    var cursor = earliest
    var missed = 0
    while let n = schedule.next(after: cursor), n <= nowUnix {
      scheduled = n
      cursor = n
      missed += 1
    }
    if missed > 100 {
      // utils.go `mostRecentScheduleTime` (more than 100 missed: `manyMissed`) and
      // `getMostRecentScheduleTime`: Warning "TooManyMissedTimes".
      ctx.recordEvent(
        type: .warning, reason: "TooManyMissedTimes", object: ref, node: nil,
        message:
          "too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew"
      )
    }
    if let t = scheduled {
      let name = "\(cj.metadata.name)-\(t / 60)"
      let exists = jobs.contains { $0.metadata.name == name }
      if let sds = cj.spec.startingDeadlineSeconds, t + sds < nowUnix {
        // cronjob_controllerv2.go `syncCronJob`: Warning "MissSchedule" "Missed scheduled time
        // to start a job: %s", `scheduledTime.UTC().Format(time.RFC1123Z)`.
        ctx.recordEvent(
          type: .warning, reason: "MissSchedule", object: ref, node: nil,
          message: "Missed scheduled time to start a job: \(CivilTime.rfc1123Z(unixSeconds: t))")
      } else if !exists {
        let policy = cj.spec.concurrencyPolicy ?? .allow
        if policy == .forbid && !status.active.isEmpty {
          // cronjob_controllerv2.go: Normal "JobAlreadyActive".
          ctx.recordEvent(
            type: .normal, reason: "JobAlreadyActive", object: ref, node: nil,
            message:
              "Not starting job because prior execution is running and concurrency policy is Forbid")
        } else {
          if policy == .replace {
            for a in status.active {
              guard let n = a.name else { continue }
              if (try? ctx.api.delete(.job, cj.metadata.namespace, n)) != nil {
                // cronjob_controllerv2.go `deleteJob`: "SuccessfulDelete" "Deleted job %v".
                ctx.recordEvent(
                  type: .normal, reason: "SuccessfulDelete", object: ref, node: nil,
                  message: "Deleted job \(n)")
              }
            }
            status.active = []
          }
          let job = jobFromTemplate(cj, name: name, scheduledUnix: t, base: base)
          do {
            let created = try ctx.api.create(.job(job))
            // cronjob_controllerv2.go: Normal "SuccessfulCreate" "Created job %v".
            ctx.recordEvent(
              type: .normal, reason: "SuccessfulCreate", object: ref, node: nil,
              message: "Created job \(name)")
            if let j = created.asJob { status.active.append(Self.reference(j)) }
            status.lastScheduleTime = SimTime(microseconds: (t - base.unixSeconds) * 1_000_000)
          } catch {
            // cronjob_controllerv2.go: Warning "FailedCreate" "Error creating job: %v".
            ctx.recordEvent(
              type: .warning, reason: "FailedCreate", object: ref, node: nil,
              message: "Error creating job: \(error.message)")
          }
        }
      }
    }
    write(&cj, status, &ctx)

    // 3. Requeue at the next scheduled time + 100 ms (`nextScheduleTimeDuration`).
    if let n = schedule.next(after: nowUnix) {
      let at = SimTime(microseconds: (n - base.unixSeconds) * 1_000_000) + Self.nextScheduleDelta
      enqueue(key, at: at, &ctx)
    }
  }

  private func write(_ cj: inout CronJob, _ status: CronJobStatus, _ ctx: inout ComponentContext) {
    guard status != cj.status else { return }
    cj.status = status
    _ = try? ctx.api.updateStatus(.cronJob(cj))
  }

  /// Deletes the oldest finished Jobs beyond the history limits; returns the Jobs kept.
  private func cleanup(
    _ jobs: [Job], _ cj: CronJob, _ ref: ObjectReference, _ ctx: inout ComponentContext
  ) -> [Job] {
    var gone: Set<String> = []
    for (type, limit) in [
      ("Complete", Int(cj.spec.successfulJobsHistoryLimit ?? 3)),
      ("Failed", Int(cj.spec.failedJobsHistoryLimit ?? 1)),
    ] {
      let done = jobs.filter { Self.finished($0)?.type == type && $0.metadata.deletionTimestamp == nil }
        .sorted {
          ($0.status.startTime ?? $0.metadata.creationTimestamp ?? .zero, $0.metadata.name)
            < ($1.status.startTime ?? $1.metadata.creationTimestamp ?? .zero, $1.metadata.name)
        }
      guard done.count > limit else { continue }
      for j in done.prefix(done.count - limit) {
        if (try? ctx.api.delete(.job, j.metadata.namespace, j.metadata.name)) != nil {
          gone.insert(j.metadata.uid)
          ctx.recordEvent(
            type: .normal, reason: "SuccessfulDelete", object: ref, node: nil,
            message: "Deleted job \(j.metadata.name)")
        }
      }
    }
    return jobs.filter { !gone.contains($0.metadata.uid) }
  }

  /// utils.go `getJobFromTemplate2`.
  func jobFromTemplate(_ cj: CronJob, name: String, scheduledUnix: Int64, base: TimeBase) -> Job {
    var meta = ObjectMeta(name: name)
    meta.namespace = cj.metadata.namespace
    meta.labels = cj.spec.jobTemplate.metadata.labels
    meta.annotations = cj.spec.jobTemplate.metadata.annotations
    meta.annotations[Self.scheduledTimestampKey] = TimeBase.formatUnix(scheduledUnix)
    meta.ownerReferences = [
      OwnerReference(
        apiVersion: "batch/v1", kind: "CronJob", name: cj.metadata.name, uid: cj.metadata.uid,
        controller: true, blockOwnerDeletion: true)
    ]
    return Job(metadata: meta, spec: cj.spec.jobTemplate.spec)
  }

  static func finished(_ j: Job) -> JobCondition? {
    j.status.conditions.first {
      ($0.type == "Complete" || $0.type == "Failed") && $0.status == .true
    }
  }

  static func reference(_ j: Job) -> ObjectReference {
    ObjectReference(
      kind: "Job", namespace: j.metadata.namespace, name: j.metadata.name, uid: j.metadata.uid,
      apiVersion: "batch/v1", resourceVersion: j.metadata.resourceVersion)
  }
}
