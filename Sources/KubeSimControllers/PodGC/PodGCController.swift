import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel

/// The pod garbage collector (upstream pkg/controller/podgc/gc_controller.go, v1.35) as a
/// `Component`. Upstream runs every `gcCheckPeriod` (20 s); KubeSim computes the ticks at which
/// it would act instead of firing every tick (same times, no idle events):
/// - **terminated pods**: when more than `terminatedPodThreshold`
///   (`--terminated-pod-gc-threshold`, 12,500) pods are Succeeded or Failed, the oldest (by
///   creation) above the threshold are deleted (`gcTerminated`);
/// - **orphaned pods**: pods bound to a Node that no longer exists are, once the node has been
///   missing for the `quarantineTime` (40 s) counted from the tick that noticed it, marked
///   Failed with the `DisruptionTarget` condition (reason `DeletionByPodGC`, "PodGC: node no
///   longer exists") and force-deleted (`gcOrphaned`);
/// - **unscheduled terminating pods** are force-deleted (`gcUnscheduledTerminating`); KubeSim's
///   API server already removes an unbound pod at once, so this only catches races.
public final class PodGCController: Component {
  public let componentName = "pod-garbage-collector"
  public var watches: [WatchFilter] { [WatchFilter(kind: .pod), WatchFilter(kind: .node)] }

  /// `gcCheckPeriod`: 20 s.
  public static let period = SimDuration.seconds(20)
  /// `quarantineTime`: 40 s.
  public static let quarantine = SimDuration.seconds(40)
  /// `--terminated-pod-gc-threshold` default: 12,500.
  public let terminatedPodThreshold: Int

  private var start = SimTime.zero
  private var terminated = 0
  private var terminalUIDs: Set<String> = []
  private var scheduledTicks: Set<Int64> = []
  /// Missing nodes by name: the tick that noticed them missing.
  private var missing: [String: SimTime] = [:]

  public init(terminatedPodThreshold: Int = 12_500) {
    self.terminatedPodThreshold = terminatedPodThreshold
  }

  public func start(_ ctx: inout ComponentContext) { start = ctx.now }

  public func observe(_ change: WatchChange, _ ctx: inout ComponentContext) {
    switch change {
    case .added(.pod(let p)), .modified(_, .pod(let p)):
      if p.isTerminal && !terminalUIDs.contains(p.metadata.uid) {
        terminalUIDs.insert(p.metadata.uid)
        terminated += 1
        if terminated > terminatedPodThreshold { tick(at: nextTick(ctx.now), &ctx) }
      }
      if let node = p.spec.nodeName, !node.isEmpty, ctx.api.get(.node, nil, node) == nil {
        noticeMissing(node, &ctx)
      }
    case .deleted(.pod(let p)):
      if terminalUIDs.remove(p.metadata.uid) != nil { terminated -= 1 }
    case .deleted(.node(let n)):
      if !ctx.api.pods(onNode: n.metadata.name).isEmpty { noticeMissing(n.metadata.name, &ctx) }
    case .added(.node(let n)):
      missing[n.metadata.name] = nil
    default: break
    }
  }

  private func noticeMissing(_ node: String, _ ctx: inout ComponentContext) {
    guard missing[node] == nil else { return }
    let noticed = nextTick(ctx.now)
    missing[node] = noticed
    tick(at: noticed, &ctx)
    tick(at: nextTick(noticed + Self.quarantine), &ctx)
  }

  /// The first tick (start + k·20 s) at or after `t`.
  private func nextTick(_ t: SimTime) -> SimTime {
    let p = Self.period.microseconds
    let since = (t - start).microseconds
    let k = (since + p - 1) / p
    return start + .microseconds(k * p)
  }

  private func tick(at t: SimTime, _ ctx: inout ComponentContext) {
    let us = t.microseconds
    guard !scheduledTicks.contains(us) else { return }
    scheduledTicks.insert(us)
    ctx.setTimer(at: t, token: UInt64(bitPattern: us))
  }

  public func timerFired(_ token: UInt64, _ ctx: inout ComponentContext) {
    scheduledTicks.remove(Int64(bitPattern: token))
    gcTerminated(&ctx)
    gcOrphaned(&ctx)
  }

  private func gcTerminated(_ ctx: inout ComponentContext) {
    guard terminated > terminatedPodThreshold else { return }
    let pods = ctx.api.list(.pod).compactMap(\.asPod).filter(\.isTerminal).sorted {
      ($0.metadata.creationTimestamp ?? .zero, $0.metadata.name)
        < ($1.metadata.creationTimestamp ?? .zero, $1.metadata.name)
    }
    for p in pods.prefix(max(0, pods.count - terminatedPodThreshold)) {
      _ = try? ctx.api.delete(.pod, p.metadata.namespace, p.metadata.name, gracePeriodSeconds: 0)
    }
  }

  private func gcOrphaned(_ ctx: inout ComponentContext) {
    for node in missing.keys.sorted() {
      guard let noticed = missing[node] else { continue }
      if ctx.api.get(.node, nil, node) != nil {
        missing[node] = nil
        continue
      }
      guard ctx.now >= noticed + Self.quarantine else { continue }
      missing[node] = nil
      for var p in ctx.api.pods(onNode: node) {
        if !p.isTerminal {
          // gc_controller.go `markFailedAndDeletePodWithCondition`: DisruptionTarget,
          // reason DeletionByPodGC, message "PodGC: node no longer exists".
          p.status.phase = .failed
          p.status.conditions.append(
            PodCondition(
              type: "DisruptionTarget", status: .true, lastTransitionTime: ctx.now,
              reason: "DeletionByPodGC", message: "PodGC: node no longer exists"))
          _ = try? ctx.api.updateStatus(.pod(p))
        }
        _ = try? ctx.api.delete(.pod, p.metadata.namespace, p.metadata.name, gracePeriodSeconds: 0)
      }
    }
  }
}
