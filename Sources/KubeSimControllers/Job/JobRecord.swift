import KubeSimKernel
import KubeSimModel

/// What the Job controller has counted for one Job: each pod is counted once, when it is first
/// seen finished (or gone before it finished, which counts as a failure), as upstream's
/// finalizer-based tracking does (`uncountedTerminatedPods`).
struct JobRecord {
  var succeeded = 0
  var failed = 0
  var succeededIndexes: Set<Int> = []
  /// Failures since the last success, and the finish time of the last one (backoff record).
  var failuresSinceSuccess = 0
  var lastFailure: SimTime?
  private var counted: Set<String> = []
  /// Pods seen and not yet counted, by uid, in first-seen order.
  private var live: [(uid: String, name: String)] = []

  /// Counts newly finished pods, in order of finish time (then name). `failJob` is called for a
  /// failure matching a `FailJob` rule of `policy`.
  mutating func count(
    _ pods: [Pod], now: SimTime, policy: PodFailurePolicy?,
    failJob: ((reason: String, message: String)) -> Void
  ) {
    var finished: [(time: SimTime, name: String, pod: Pod?)] = []
    var present: Set<String> = []
    for p in pods {
      present.insert(p.metadata.uid)
      if counted.contains(p.metadata.uid) { continue }
      if p.status.phase == .succeeded || p.status.phase == .failed {
        finished.append((Self.finishTime(p, now: now), p.metadata.name, p))
      } else if !live.contains(where: { $0.uid == p.metadata.uid }) {
        live.append((p.metadata.uid, p.metadata.name))
      }
    }
    for l in live where !present.contains(l.uid) && !counted.contains(l.uid) {
      finished.append((now, l.name, nil))
      counted.insert(l.uid)
    }
    live.removeAll { counted.contains($0.uid) || !present.contains($0.uid) }
    finished.sort { ($0.time, $0.name) < ($1.time, $1.name) }
    for f in finished {
      if let p = f.pod {
        counted.insert(p.metadata.uid)
        live.removeAll { $0.uid == p.metadata.uid }
        if p.status.phase == .succeeded {
          succeeded += 1
          failuresSinceSuccess = 0
          if let s = p.metadata.annotations[JobController.completionIndexKey], let i = Int(s) {
            succeededIndexes.insert(i)
          }
          continue
        }
        if let policy, let m = policy.match(p) {
          switch m.rule.action {
          case .ignore:
            continue
          case .failJob:
            // pod_failure_policy.go: "Container %s for pod %s/%s failed with exit code %v
            // matching %v rule at index %d" / "Pod %s/%s has condition %v matching %v rule at
            // index %d".
            let ns = p.metadata.namespace ?? "default"
            let msg: String
            if let c = m.container, let code = m.code {
              msg =
                "Container \(c) for pod \(ns)/\(p.metadata.name) failed with exit code \(code) "
                + "matching FailJob rule at index \(m.index)"
            } else {
              let t = m.rule.conditions.first?.type ?? ""
              msg =
                "Pod \(ns)/\(p.metadata.name) has condition \(t) matching FailJob rule at "
                + "index \(m.index)"
            }
            failJob(("PodFailurePolicy", msg))
          case .count, .failIndex:
            break
          }
        }
      }
      failed += 1
      failuresSinceSuccess += 1
      lastFailure = max(lastFailure ?? f.time, f.time)
    }
  }

  /// upstream `getFinishedTime`: the latest container finish, else the deletion time, else now.
  static func finishTime(_ p: Pod, now: SimTime) -> SimTime {
    var t: SimTime?
    for cs in p.status.initContainerStatuses + p.status.containerStatuses {
      if let f = cs.state.terminated?.finishedAt { t = max(t ?? f, f) }
    }
    return t ?? p.metadata.deletionTimestamp ?? now
  }
}
