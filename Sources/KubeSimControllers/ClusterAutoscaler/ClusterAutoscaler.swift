import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel

/// The cluster autoscaler (kubernetes/autoscaler `cluster-autoscaler`, `core/static_autoscaler.go`
/// `RunOnce`) for the NodePools that set `min`/`max`.
///
/// Every `scanInterval` (10s) it
/// 1. checks nodes it added that are still not Ready after `maxNodeProvisionTime` (15m): they
///    are deleted and their pool backs off for 5m (`--initial-node-group-backoff-duration`);
/// 2. scales up (`ClusterAutoscaler+ScaleUp.swift`): pending pods the scheduler marked
///    `PodScheduled=False/Unschedulable` that fit no existing or upcoming node are bin-packed
///    onto template nodes of each pool (the scheduler's own filters, `ClusterSnapshot`), the
///    expander picks one pool, and `provisioningDelay` later the new Nodes appear;
/// 3. scales down (`ClusterAutoscaler+ScaleDown.swift`): nodes below the utilisation threshold
///    whose pods can all move elsewhere are unneeded; after `scaleDownUnneededTime` they are
///    tainted `ToBeDeletedByClusterAutoscaler`, drained through the Eviction API and deleted.
///
/// Nodes belong to the pool whose node name prefix they carry (`<prefix>-<n>`); the autoscaler
/// names new nodes after the highest index it has used, so names are never reused.
/// KubeSim differs from upstream: pool membership by name (upstream asks the cloud provider);
/// one scale-up per loop and no balancing of similar groups; template nodes carry no DaemonSet
/// pods (upstream simulates them there); no unready-node scale-down
/// (`--scale-down-unready-time`); `NotTriggerScaleUp` is recorded once per pod and message
/// (upstream relies on event deduplication); the status ConfigMap is not written, but its
/// scale-down events are recorded against `ConfigMap/kube-system/cluster-autoscaler-status`.
public final class ClusterAutoscaler: Component {
  public let componentName = "cluster-autoscaler"
  public var watches: [WatchFilter] { [] }

  /// The autoscaled pools, sorted by name.
  public let pools: [NodePool]
  let makeSnapshot: ClusterSnapshotFactory
  var settings = ClusterAutoscalerSettings()

  /// Per pool: the next 0-based node index to create.
  var nextIndex: [Int]
  /// Nodes decided but not yet created.
  var upcoming: [Upcoming] = []
  /// Nodes created by a scale-up and not yet Ready: name → (pool, scale-up time).
  var provisioned: [String: (pool: Int, since: SimTime)] = [:]
  /// Per pool: no scale-up before this time (after a failed provisioning).
  var backoffUntil: [Int: SimTime] = [:]
  /// Unneeded nodes and since when.
  var unneededSince: [String: SimTime] = [:]
  /// Whether an unneeded node has no pod to move (deleted without drain).
  var unneededEmpty: [String: Bool] = [:]
  /// Nodes being deleted.
  var deleting: [String: Deletion] = [:]
  var lastScaleUp: SimTime?
  var lastDelete: SimTime?
  var lastFailure: SimTime?
  /// The last `NotTriggerScaleUp` message per pod key.
  var reported: [String: String] = [:]
  /// Why each low-utilisation node was not removable in the last loop (upstream
  /// `simulator.UnremovableReason` names or drain messages), for tests and describe.
  public internal(set) var unremovableReasons: [String: String] = [:]
  private var drainTimerAt: SimTime?
  private var provisionTimerAt: SimTime?

  /// A node the autoscaler decided to add.
  struct Upcoming {
    var pool: Int
    var index: Int
    var createAt: SimTime
    var scaleUpAt: SimTime
  }

  /// A node being removed: tainted, its pods evicted (or being retried), deleted when empty.
  struct Deletion {
    var startedAt: SimTime
    var drain: Bool
    /// Pods whose eviction has not succeeded yet (`namespace/name`).
    var toEvict: [String]
  }

  enum Token: UInt64 {
    case scan = 0
    case provision = 1
    case drain = 2
  }

  /// `cluster-autoscaler.kubernetes.io/scale-down-disabled: "true"` keeps a node
  /// (core/scaledown/eligibility).
  public static let scaleDownDisabledAnnotation =
    "cluster-autoscaler.kubernetes.io/scale-down-disabled"
  /// upstream `taints.ToBeDeletedTaint`.
  public static let toBeDeletedTaint = "ToBeDeletedByClusterAutoscaler"
  /// `--initial-node-group-backoff-duration` 5m.
  public static let initialBackoff = SimDuration.minutes(5)
  /// `--node-delete-delay-after-taint` 5s.
  public static let nodeDeleteDelayAfterTaint = SimDuration.seconds(5)
  /// `--expendable-pods-priority-cutoff` -10: lower-priority pods never trigger a scale-up.
  public static let expendablePodsPriorityCutoff: Int32 = -10

  /// An autoscaler for `pools` (those with `min`/`max`; others are ignored), simulating
  /// scheduling with snapshots from `snapshot`.
  public init(pools: [NodePool], snapshot: @escaping ClusterSnapshotFactory) {
    self.pools = pools.filter(\.isAutoscaled).sorted { $0.metadata.name < $1.metadata.name }
    self.makeSnapshot = snapshot
    self.nextIndex = self.pools.map { Int(max($0.spec.count, 0)) }
  }

  public func start(_ ctx: inout ComponentContext) {
    settings = ctx.settings.clusterAutoscaler
    if pools.isEmpty { return }
    ctx.setBackgroundTimer(at: ctx.now + settings.scanInterval, token: Token.scan.rawValue)
  }

  public func observe(_ change: WatchChange, _ ctx: inout ComponentContext) {}

  public func timerFired(_ token: UInt64, _ ctx: inout ComponentContext) {
    switch Token(rawValue: token) {
    case .scan:
      runOnce(&ctx)
      ctx.setBackgroundTimer(at: ctx.now + settings.scanInterval, token: Token.scan.rawValue)
    case .provision:
      provisionTimerAt = nil
      createDueNodes(&ctx)
    case .drain:
      drainTimerAt = nil
      progressDeletions(&ctx)
    case nil:
      break
    }
  }

  /// One loop: provisioning checks, scale-up, then scale-down.
  func runOnce(_ ctx: inout ComponentContext) {
    let nodes = ctx.api.list(.node).compactMap { o -> Node? in
      if case .node(let n) = o { return n } else { return nil }
    }
    let pods = ctx.api.list(.pod).compactMap { o -> Pod? in
      if case .pod(let p) = o { return p } else { return nil }
    }
    checkProvisioned(nodes, &ctx)
    let scaledUp = scaleUp(nodes: nodes, pods: pods, &ctx)
    guard settings.scaleDownEnabled else { return }
    let removable = updateUnneeded(nodes: nodes, pods: pods, &ctx)
    if !scaledUp && !scaleDownInCooldown(ctx.now) {
      startDeletions(removable, nodes: nodes, pods: pods, &ctx)
    }
  }

  /// The pool of a node: the pool whose prefix it carries followed by `-<digits>`.
  func poolIndex(of nodeName: String) -> Int? {
    for (i, pool) in pools.enumerated() {
      let prefix = pool.nodeNamePrefix + "-"
      guard nodeName.hasPrefix(prefix) else { continue }
      let rest = nodeName.dropFirst(prefix.count)
      if !rest.isEmpty && rest.allSatisfy({ $0.isASCII && $0.isNumber }) { return i }
    }
    return nil
  }

  /// The pool's target size: its nodes not being deleted plus the upcoming ones.
  func targetSize(_ pool: Int, _ nodes: [Node]) -> Int {
    let existing = nodes.filter {
      deleting[$0.metadata.name] == nil && poolIndex(of: $0.metadata.name) == pool
    }.count
    return existing + upcoming.filter { $0.pool == pool }.count
  }

  /// A node of `pool` renamed `name`, as the simulation's template node.
  func template(_ pool: Int, name: String) -> Node {
    var n = pools[pool].node(index: nextIndex[pool])
    n.metadata.name = name
    n.metadata.labels["kubernetes.io/hostname"] = name
    n.status.conditions = [NodeCondition(type: "Ready", status: .true)]
    return n
  }

  /// Whether the node's Ready condition is True.
  static func isReady(_ n: Node) -> Bool {
    n.status.conditions.contains { $0.type == "Ready" && $0.status == .true }
  }

  /// Creates the upcoming nodes that are due, each `provisioningDelay` after its scale-up.
  func createDueNodes(_ ctx: inout ComponentContext) {
    let now = ctx.now
    var later: [Upcoming] = []
    for u in upcoming {
      guard u.createAt <= now else {
        later.append(u)
        continue
      }
      let node = pools[u.pool].node(index: u.index)
      if (try? ctx.api.create(.node(node))) != nil {
        provisioned[node.metadata.name] = (u.pool, u.scaleUpAt)
      }
    }
    upcoming = later
    if let next = upcoming.map(\.createAt).min() { setProvisionTimer(next, &ctx) }
  }

  func setProvisionTimer(_ at: SimTime, _ ctx: inout ComponentContext) {
    if let t = provisionTimerAt, t <= at { return }
    provisionTimerAt = at
    ctx.setTimer(at: at, token: Token.provision.rawValue)
  }

  func setDrainTimer(_ at: SimTime, _ ctx: inout ComponentContext) {
    if let t = drainTimerAt, t <= at { return }
    drainTimerAt = at
    ctx.setTimer(at: at, token: Token.drain.rawValue)
  }

  /// `clusterstate.go` long-unregistered/unready handling: a node the autoscaler added that is
  /// not Ready `maxNodeProvisionTime` after its scale-up is deleted and its pool backs off.
  func checkProvisioned(_ nodes: [Node], _ ctx: inout ComponentContext) {
    for name in provisioned.keys.sorted() {
      guard let entry = provisioned[name] else { continue }
      guard let node = nodes.first(where: { $0.metadata.name == name }) else {
        provisioned[name] = nil
        continue
      }
      if Self.isReady(node) {
        provisioned[name] = nil
      } else if ctx.now >= entry.since + settings.maxNodeProvisionTime {
        provisioned[name] = nil
        _ = try? ctx.api.delete(.node, nil, name)
        backoffUntil[entry.pool] = ctx.now + Self.initialBackoff
      }
    }
  }

  /// `static_autoscaler.go` scale-down cooldown: after a scale-up (`scaleDownDelayAfterAdd`),
  /// a deletion (`scaleDownDelayAfterDelete`) or a failure (`scaleDownDelayAfterFailure`).
  func scaleDownInCooldown(_ now: SimTime) -> Bool {
    if let t = lastScaleUp, now < t + settings.scaleDownDelayAfterAdd { return true }
    if let t = lastDelete, now < t + settings.effectiveDelayAfterDelete { return true }
    if let t = lastFailure, now < t + settings.scaleDownDelayAfterFailure { return true }
    return false
  }

  /// The reference of upstream's status ConfigMap, which scale-down events are recorded on.
  static let statusConfigMap = ObjectReference(
    kind: "ConfigMap", namespace: "kube-system", name: "cluster-autoscaler-status")
}
