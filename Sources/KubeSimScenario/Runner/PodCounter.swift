import KubeSimAPIServer
import KubeSimModel

/// Counts what happened to pods over a run, for the summary: a passive watcher of pods.
///
/// It observes pods like any component (after the watch delay), so counts at the end of a run
/// miss only writes of the last watch-delay interval. Counting needs no per-pod state beyond
/// the set of pods seen Running.
final class PodCounter: Component {
  let componentName = "kubesim-summary"
  let watches = [WatchFilter(kind: .pod)]

  private(set) var created = 0
  private(set) var deleted = 0
  private(set) var everRunning = 0
  private(set) var succeeded = 0
  private(set) var failed = 0
  private var runningUIDs: Set<String> = []

  func observe(_ change: WatchChange, _ ctx: inout ComponentContext) {
    switch change {
    case .added(let object):
      created += 1
      note(object, previous: nil)
    case .modified(let old, let new):
      note(new, previous: old)
    case .deleted:
      deleted += 1
    }
  }

  func timerFired(_ token: UInt64, _ ctx: inout ComponentContext) {}

  private func note(_ object: APIObject, previous: APIObject?) {
    guard case .pod(let pod) = object else { return }
    let phase = pod.status.phase
    var oldPhase: PodPhase?
    if case .pod(let p) = previous { oldPhase = p.status.phase }
    if phase == .running, runningUIDs.insert(pod.metadata.uid).inserted { everRunning += 1 }
    if phase != oldPhase {
      if phase == .succeeded { succeeded += 1 }
      if phase == .failed { failed += 1 }
    }
  }
}
