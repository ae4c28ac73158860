import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel

/// The taint eviction controller (pkg/controller/tainteviction/taint_eviction.go): deletes the
/// pods of a node that do not tolerate its `NoExecute` taints.
///
/// When a node's NoExecute taints change, or a pod is bound to a tainted node, each pod is
/// processed (`processPodOnNode`): a pod that does not tolerate every NoExecute taint is deleted
/// at once; one that tolerates them all is deleted `min(tolerationSeconds)` over the matching
/// tolerations after the eviction was first scheduled; one whose matching tolerations have no
/// `tolerationSeconds` is never deleted. When the taints go away, a scheduled deletion is
/// cancelled. A deletion adds the `DisruptionTarget` condition (reason
/// `DeletionByTaintManager`) and deletes the pod with its own grace period, with a Normal
/// `TaintManagerEviction` event "Marking for deletion Pod ns/name" ("Cancelling deletion of
/// Pod ns/name" on cancel).
public final class TaintEvictionController: LeaderElectedComponent {
  public let componentName = "taint-eviction-controller"
  public var watches: [WatchFilter] { [WatchFilter(kind: .node), WatchFilter(kind: .pod)] }

  /// A pending deletion (`TimedWorker`).
  struct Scheduled {
    var createdAt: SimTime
    var fireAt: SimTime
    var token: UInt64
    var timer: TimerID
  }
  /// The NoExecute taints of each node, as last observed.
  var taints: [String: [Taint]] = [:]
  var scheduled: [String: Scheduled] = [:]
  var tokens: [UInt64: String] = [:]
  var nextToken: UInt64 = 1

  /// A controller with no state.
  public init() {}

  public func observe(_ change: WatchChange, _ ctx: inout ComponentContext) {
    switch change {
    case .added(.node(let n)), .modified(_, .node(let n)):
      let noExecute = n.spec.taints.filter { $0.effect == .noExecute }
      let old = taints[n.metadata.name] ?? []
      if noExecute.map(\.key) == old.map(\.key) && noExecute.map(\.value) == old.map(\.value) {
        return
      }
      taints[n.metadata.name] = noExecute.isEmpty ? nil : noExecute
      for pod in ctx.api.pods(onNode: n.metadata.name) { process(pod, noExecute, &ctx) }
    case .deleted(.node(let n)):
      taints[n.metadata.name] = nil
    case .added(.pod(let p)), .modified(_, .pod(let p)):
      guard let node = p.spec.nodeName, !node.isEmpty else { return }
      process(p, taints[node] ?? [], &ctx)
    case .deleted(.pod(let p)):
      cancel(Self.key(p), event: nil, &ctx)
    default: break
    }
  }

  public func timerFired(_ token: UInt64, _ ctx: inout ComponentContext) {
    guard let key = tokens.removeValue(forKey: token) else { return }
    scheduled[key] = nil
    let parts = key.split(separator: "/", maxSplits: 1).map(String.init)
    guard parts.count == 2, case .pod(let pod)? = ctx.api.get(.pod, parts[0], parts[1]) else {
      return
    }
    delete(pod, &ctx)
  }

  /// A new kube-controller-manager leader: its timed-eviction queue is empty and its informers
  /// list every node and pod, so each pod on a NoExecute-tainted node is processed again from
  /// now (`processPodOnNode` with startTime = now): pending tolerationSeconds timers start over.
  public func restarted(_ ctx: inout ComponentContext) {
    for key in scheduled.keys.sorted() {
      if let s = scheduled[key] { ctx.cancelTimer(s.timer) }
    }
    scheduled = [:]
    tokens = [:]
    taints = [:]
    for case .node(let n) in ctx.api.list(.node) {
      let noExecute = n.spec.taints.filter { $0.effect == .noExecute }
      guard !noExecute.isEmpty else { continue }
      taints[n.metadata.name] = noExecute
      for pod in ctx.api.pods(onNode: n.metadata.name) { process(pod, noExecute, &ctx) }
    }
  }

  /// `processPodOnNode`.
  func process(_ pod: Pod, _ noExecute: [Taint], _ ctx: inout ComponentContext) {
    let key = Self.key(pod)
    if noExecute.isEmpty {
      cancel(key, event: pod, &ctx)
      return
    }
    if pod.metadata.deletionTimestamp != nil || pod.isTerminal { return }
    guard let seconds = Self.minTolerationSeconds(pod.spec.tolerations, noExecute) else {
      cancel(key, event: nil, &ctx)
      delete(pod, &ctx)
      return
    }
    if seconds < 0 {
      // Tolerated forever.
      cancel(key, event: pod, &ctx)
      return
    }
    let now = ctx.now
    let trigger = now + .seconds(seconds)
    var start = now
    if let s = scheduled[key] {
      start = s.createdAt
      if start + .seconds(seconds) < trigger { return }
      cancel(key, event: pod, &ctx)
    }
    let token = nextToken
    nextToken += 1
    let fireAt = start + .seconds(seconds)
    let timer = ctx.setTimer(at: fireAt, token: token)
    tokens[token] = key
    scheduled[key] = Scheduled(createdAt: start, fireAt: fireAt, token: token, timer: timer)
  }

  /// `getMinTolerationTime` over the tolerations that match the taints
  /// (`GetMatchingTolerations`): nil when some taint is not tolerated; -1 when no matching
  /// toleration has `tolerationSeconds` (tolerated forever); negative values count as 0.
  static func minTolerationSeconds(_ tolerations: [Toleration], _ taints: [Taint]) -> Int64? {
    var used: [Toleration] = []
    for taint in taints {
      guard let t = tolerations.first(where: { $0.tolerates(taint) }) else { return nil }
      for u in tolerations where u.tolerates(taint) { used.append(u) }
      _ = t
    }
    var minimum: Int64 = -1
    for t in used {
      guard let s = t.tolerationSeconds else { continue }
      let v = max(s, 0)
      if minimum < 0 || v < minimum { minimum = v }
    }
    return minimum
  }

  private func cancel(_ key: String, event pod: Pod?, _ ctx: inout ComponentContext) {
    guard let s = scheduled.removeValue(forKey: key) else { return }
    tokens[s.token] = nil
    ctx.cancelTimer(s.timer)
    if let pod {
      ctx.recordEvent(
        type: .normal, reason: "TaintManagerEviction", object: ObjectReference.to(.pod(pod)),
        node: pod.spec.nodeName, message: "Cancelling deletion of Pod \(key)")
    }
  }

  /// `addConditionAndDeletePod`, after `emitPodDeletionEvent`.
  private func delete(_ pod: Pod, _ ctx: inout ComponentContext) {
    let key = Self.key(pod)
    // The watch may carry a copy older than the store (two changes of one instant): a pod
    // already terminating is not deleted again (upstream's workqueue de-duplicates the same way).
    guard case .pod(let current)? = ctx.api.get(.pod, pod.metadata.namespace, pod.metadata.name),
      current.metadata.uid == pod.metadata.uid, current.metadata.deletionTimestamp == nil
    else { return }
    ctx.recordEvent(
      type: .normal, reason: "TaintManagerEviction", object: ObjectReference.to(.pod(pod)),
      node: pod.spec.nodeName, message: "Marking for deletion Pod \(key)")
    var p = pod
    p.status.setCondition(
      type: "DisruptionTarget", status: .true, at: ctx.now, reason: "DeletionByTaintManager",
      message: "Taint manager: deleting due to NoExecute taint")
    _ = try? ctx.api.updateStatus(.pod(p))
    _ = try? ctx.api.delete(.pod, pod.metadata.namespace, pod.metadata.name)
  }

  static func key(_ p: Pod) -> String { "\(p.metadata.namespace ?? "default")/\(p.metadata.name)" }
}
