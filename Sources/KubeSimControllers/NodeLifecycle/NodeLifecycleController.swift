import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel

/// The node lifecycle controller of kube-controller-manager
/// (pkg/controller/nodelifecycle/node_lifecycle_controller.go, `monitorNodeHealth`).
///
/// Every `nodeMonitorPeriod` (5 s) it looks at every node: the probe time moves on when the
/// Ready condition's heartbeat changes or the node's Lease is renewed (`tryUpdateNodeHealth`).
/// When `now > probe + grace` (`nodeMonitorGracePeriod`, 50 s; `nodeStartupGracePeriod`, 60 s,
/// for a node that never posted a Ready condition) the Ready, MemoryPressure, DiskPressure and
/// PIDPressure conditions become Unknown (reason `NodeStatusUnknown`, "Kubelet stopped posting
/// node status."). A node whose Ready turns non-True gets a `NodeNotReady` event and its pods'
/// Ready condition is set False (`MarkPodsNotReady`). Ready=Unknown queues the node for the
/// `node.kubernetes.io/unreachable:NoExecute` taint, Ready=False for `not-ready:NoExecute` (an
/// existing one of the two is swapped at once); the queue of each zone is drained by a token
/// bucket (`NewTokenBucketRateLimiter(qps, EvictionRateLimiterBurst = 1)`) whose rate follows
/// the zone's state (`handleDisruption`, `ComputeZoneState`): Normal 0.1 nodes/s; partial
/// disruption (more than 2 not-ready nodes and at least 55% of the zone) 0.01/s when the zone
/// has more than 50 nodes, else 0; full disruption (no ready node) 0.1/s, and when every zone is
/// fully disrupted all taints are removed and tainting stops. A node back to Ready loses both
/// taints (`markNodeAsReachable`).
///
/// TaintNodesByCondition's `NoSchedule` taints (not-ready, unreachable, memory-pressure,
/// disk-pressure, pid-pressure, network-unavailable) follow the node's conditions on every node
/// update and in each monitor pass (`setNoSchedule`).
///
/// KubeSim differences: the unreachable/not-ready `NoSchedule` taint is written in the same pass
/// as the Unknown conditions rather than by the node-update worker; the tainting pass runs when a token is
/// due instead of polling every 100 ms (`NodeEvictionPeriod`), with the same first-taint delay
/// of 100 ms.
///
/// - Complexity: a monitor pass visits only the nodes written since the last pass, those that
///   are not quietly Ready, and those whose Lease is not being renewed (`monitor`); quiet nodes
///   with a live Lease are counted per zone without a visit. Of the visited nodes only those that
///   changed since their last full visit, that are not quietly Ready, or whose grace period has
///   run out get the full `tryUpdateNodeHealth` treatment (`Health.quietResourceVersion`).
///   Results are the same as visiting every node.
public final class NodeLifecycleController: LeaderElectedComponent {
  public let componentName = "node-lifecycle-controller"
  public var watches: [WatchFilter] { [WatchFilter(kind: .node)] }

  /// `--node-eviction-rate` (cmd/kube-controller-manager/app/options/nodelifecyclecontroller.go,
  /// default 0.1 nodes per second), as tokens per 1000 s to stay in integers.
  public var evictionRateMilli: Int64 = 100
  /// `--secondary-node-eviction-rate` (default 0.01), per 1000 s.
  public var secondaryEvictionRateMilli: Int64 = 10
  /// `--unhealthy-zone-threshold` (default 0.55), in per-mille.
  public var unhealthyZoneThresholdPerMille: Int = 550
  /// `--large-cluster-size-threshold` (default 50).
  public var largeClusterThreshold: Int = 50
  /// `scheduler.NodeEvictionPeriod`: how often upstream's tainting pass runs (100 ms).
  static let taintPassDelay = SimDuration.milliseconds(100)

  /// The last observed health of each node (`nodeHealthData`).
  struct Health {
    var probe: SimTime
    var heartbeat: SimTime?
    var lease: SimTime?
    /// Set when the last full visit found the node quiet (observed and current Ready True, no
    /// NoExecute taint, condition taints in place): the node's resourceVersion then. While the
    /// stored node keeps that resourceVersion and the grace period has not run out, a pass
    /// only notes Lease renewals and counts the node Ready in `zone` (nothing else can change).
    var quietResourceVersion: String?
    var zone = ""
    var excluded = false
  }
  var health: [String: Health] = [:]
  var zones: [String: Zone] = [:]
  var allFullyDisrupted = false
  var taintPassPending = false
  /// Per node, its zone key and whether it is excluded from disruption, at a resourceVersion:
  /// label lookups are the monitor pass's hot spot on large clusters, and labels only change
  /// with a new resourceVersion. Only looked up by name, never iterated.
  var zoneCache: [String: (resourceVersion: String?, zone: String, excluded: Bool)] = [:]

  /// The API server's tracker of changed nodes (`APIServer.registerNodeChangeTracker`).
  var tracker: Int?
  /// Quiet nodes whose Lease is renewed every period by a running kubelet: a pass does not
  /// visit them (see `monitor`) until they change. Only looked up and sorted.
  var skipped: Set<String> = []
  /// Every other known node: visited by every pass. Only looked up and sorted.
  var watched: Set<String> = []
  /// Per zone: the skipped nodes a pass counts Ready (those not excluded from disruption).
  var skippedReady: [String: Int] = [:]
  /// The last passes (time, kernel event index), oldest first: when a skipped node is visited
  /// again, the pass that first saw its latest Lease renewal is its probe time.
  var passes: [(time: SimTime, event: Int)] = []
  /// The next pass visits every node (first pass, new leader).
  var needFullPass = true

  /// The kubelet's Lease renew interval (pkg/kubelet/kubelet.go, 40 s × 0.25; `Kubelet`).
  static let leaseRenewInterval = SimDuration.seconds(10)

  private static let monitorToken: UInt64 = 1
  private static let taintToken: UInt64 = 2

  /// A controller with upstream's defaults (rates, thresholds) and the settings' periods.
  public init() {}

  public func start(_ ctx: inout ComponentContext) {
    if tracker == nil { tracker = ctx.api.registerNodeChangeTracker() }
    ctx.setBackgroundTimer(at: ctx.now, token: Self.monitorToken)
  }

  /// The node-update worker: a changed node gets its condition taints at once
  /// (`doNoScheduleTaintingPass` from `nodeUpdateQueue`).
  public func observe(_ change: WatchChange, _ ctx: inout ComponentContext) {
    switch change {
    case .added(.node(let n)), .modified(_, .node(let n)):
      // Only nodes with conditions (the kubelet has posted, or the monitor has set Unknown).
      guard !n.status.conditions.isEmpty else { return }
      setNoSchedule(n, &ctx)
    default: break
    }
  }

  public func timerFired(_ token: UInt64, _ ctx: inout ComponentContext) {
    if token == Self.monitorToken {
      monitor(&ctx)
      ctx.setBackgroundTimer(
        at: ctx.now + ctx.settings.nodeMonitorPeriod, token: Self.monitorToken)
    } else if token == Self.taintToken {
      taintPassPending = false
      taintPass(&ctx)
    }
  }

  /// A new kube-controller-manager leader starts with no node health data
  /// (`nodeHealthMap` empty, zones Initial): every node's probe time becomes the time it is
  /// first seen, so a control plane coming back after an outage gives every node a full grace
  /// period to renew its Lease before it marks anything Unknown (no mass eviction).
  public func restarted(_ ctx: inout ComponentContext) {
    health = [:]
    zones = [:]
    allFullyDisrupted = false
    skipped = []
    watched = []
    skippedReady = [:]
    needFullPass = true
  }

  /// The node's zone key and `node.kubernetes.io/exclude-disruption` label, cached per
  /// resourceVersion.
  func zoneAndExclusion(_ node: Node) -> (String, Bool) {
    let name = node.metadata.name
    if let c = zoneCache[name], c.resourceVersion == node.metadata.resourceVersion,
      c.resourceVersion != nil
    {
      return (c.zone, c.excluded)
    }
    let zone = Self.zoneKey(node)
    let excluded = node.metadata.labels["node.kubernetes.io/exclude-disruption"] != nil
    zoneCache[name] = (node.metadata.resourceVersion, zone, excluded)
    return (zone, excluded)
  }

  /// `GetZoneKey` (k8s.io/component-helpers/node/topology): region and zone labels.
  static func zoneKey(_ node: Node) -> String {
    let labels = node.metadata.labels
    let region =
      labels["topology.kubernetes.io/region"] ?? labels["failure-domain.beta.kubernetes.io/region"]
      ?? ""
    let zone =
      labels["topology.kubernetes.io/zone"] ?? labels["failure-domain.beta.kubernetes.io/zone"]
      ?? ""
    if region.isEmpty && zone.isEmpty { return "" }
    return region + ":\u{0}:" + zone
  }

  /// One `monitorNodeHealth` pass over every node, in name order.
  ///
  /// A quiet node (Ready, nothing queued, taints in order) whose Lease a running kubelet renews
  /// every 10 s cannot change state while nothing about it is written: such nodes are
  /// *skipped* and only counted in their zone, until the API server reports a write to them
  /// or a start or stop of their Lease renewals (`APIServer.takeNodeChanges`). When a skipped
  /// node is visited again, its probe time is caught up first: the time of the first pass
  /// after its latest renewal, as if every pass had looked. Every node is visited while the
  /// API server is down or after it was, on the first pass and after a restart, and always
  /// when the periods would let a renewing node run out of grace between renewals.
  func monitor(_ ctx: inout ComponentContext) {
    let now = ctx.now
    let previousPass = passes.last?.time
    passes.append((now, ctx.api.processedEvents))
    if passes.count > 16 { passes.removeFirst() }
    let changed = tracker.map { ctx.api.takeNodeChanges($0) } ?? []
    let grace = ctx.settings.nodeMonitorGracePeriod
    let period = ctx.settings.nodeMonitorPeriod
    let outageSincePass = ctx.api.unavailableUntil.map { u in previousPass.map { u > $0 } ?? true }
    let canSkip =
      tracker != nil && ctx.api.isAvailable && outageSincePass != true
      && period < Self.leaseRenewInterval
      && grace > Self.leaseRenewInterval + period + period + Self.leaseRenewInterval
    var zoneReady: [String: (ready: Int, notReady: Int)] = [:]
    var nodes: [Node] = []
    var gone: [String] = []
    let full = needFullPass || !canSkip
    if full {
      for name in skipped.sorted() { catchUp(name, now: now, &ctx) }
      skipped = []
      skippedReady = [:]
      for case .node(let n) in ctx.api.list(.node) { nodes.append(n) }
    } else {
      var names = watched
      for name in changed {
        if skipped.remove(name) != nil {
          catchUp(name, now: now, &ctx)
          if let h = health[name], !h.excluded { skippedReady[h.zone, default: 0] -= 1 }
        }
        names.insert(name)
      }
      for name in names.sorted() {
        if case .node(let n)? = ctx.api.get(.node, nil, name) {
          nodes.append(n)
        } else {
          gone.append(name)
        }
      }
      for zone in skippedReady.keys.sorted() {
        if let n = skippedReady[zone], n > 0 { zoneReady[zone] = (n, 0) }
      }
    }
    var seen = 0
    // Whether any node waits for a NoExecute taint (a Ready node without one has nothing to do).
    var anyQueued = zones.values.contains { !$0.queue.isEmpty }
    for var node in nodes {
      let name = node.metadata.name
      seen += 1
      // Fast path: a quiet node whose object did not change since its last full visit.
      if var h = health[name], let rv = h.quietResourceVersion, rv == node.metadata.resourceVersion
      {
        if let lease = ctx.api.nodeLeaseRenewTime(name), h.lease.map({ $0 < lease }) ?? true {
          h.probe = now
          h.lease = lease
        }
        if !(now > h.probe + grace) {
          health[name] = h
          if !h.excluded { zoneReady[h.zone, default: (0, 0)].ready += 1 }
          continue
        }
      }
      let (zone, excluded) = zoneAndExclusion(node)
      if zones[zone] == nil { zones[zone] = Zone(rateMilli: evictionRateMilli, now: now) }
      let observed = node.status.conditions.first { $0.type == "Ready" }
      let current = updateHealth(&node, observed: observed, now: now, &ctx)
      if !excluded {
        if current?.status == .true {
          zoneReady[zone, default: (0, 0)].ready += 1
        } else {
          zoneReady[zone, default: (0, 0)].notReady += 1
        }
      }
      health[name]?.quietResourceVersion = nil
      guard let current else { continue }
      // Upstream passes the Ready condition as observed before this pass's update, so the
      // NoExecute taint is queued one monitor period after Ready turns Unknown.
      let readyStatus = observed?.status ?? .unknown
      if readyStatus != .true || anyQueued
        || node.spec.taints.contains(where: { $0.effect == .noExecute })
      {
        processTaintBasedEviction(node, observed: readyStatus, now: now, &ctx)
        if readyStatus != .true { anyQueued = true }
      }
      setNoSchedule(node, &ctx)
      if current.status != .true && observed?.status == .true {
        // controllerutil.RecordNodeStatusChange: "Node %s status is now: %s".
        ctx.recordEvent(
          type: .normal, reason: "NodeNotReady", object: ObjectReference.to(.node(node)),
          node: name, message: "Node \(name) status is now: NodeNotReady")
        markPodsNotReady(name, &ctx)
      }
      if observed?.status == .true, current.status == .true,
        !node.spec.taints.contains(where: { $0.effect == .noExecute }),
        Self.noScheduleTaintsMatch(node)
      {
        health[name]?.quietResourceVersion = node.metadata.resourceVersion
        health[name]?.zone = zone
        health[name]?.excluded = excluded
      }
    }
    // Every listed node has a health entry now: any other entry is a deleted node.
    if full && health.count > seen {
      let names = Set(nodes.map { $0.metadata.name })
      for name in health.keys.sorted() where !names.contains(name) { forget(name) }
    } else if !full {
      for name in gone where health[name] != nil || watched.contains(name) { forget(name) }
    }
    // Which visited nodes the next passes may skip.
    for node in nodes {
      let name = node.metadata.name
      guard let h = health[name] else { continue }
      if canSkip, h.quietResourceVersion != nil, !(now > h.probe + grace),
        ctx.api.nodeLeaseIsLive(name)
      {
        watched.remove(name)
        skipped.insert(name)
        if !h.excluded { skippedReady[h.zone, default: 0] += 1 }
      } else {
        watched.insert(name)
      }
    }
    needFullPass = false
    handleDisruption(zoneReady, now: now, &ctx)
    scheduleTaintPass(&ctx)
  }

  /// Drops a deleted node's state.
  private func forget(_ name: String) {
    health[name] = nil
    zoneCache[name] = nil
    watched.remove(name)
    skipped.remove(name)
    for z in zones.keys.sorted() { zones[z]?.queue.removeAll { $0 == name } }
  }

  /// Brings a skipped node's Lease observation up to date: had every pass looked, the first one
  /// after its latest renewal would have moved the probe time to its own time.
  private func catchUp(_ name: String, now: SimTime, _ ctx: inout ComponentContext) {
    guard var h = health[name], let r = ctx.api.nodeLeaseRenewal(name),
      h.lease.map({ $0 < r.time }) ?? true
    else { return }
    h.lease = r.time
    let seenAt = passes.first { $0.event > r.event }?.time ?? now
    h.probe = max(h.probe, seenAt)
    health[name] = h
  }

  /// `tryUpdateNodeHealth`: returns the Ready condition after the update (nil when the node
  /// has none, which only happens within its startup grace period).
  private func updateHealth(
    _ node: inout Node, observed: NodeCondition?, now: SimTime, _ ctx: inout ComponentContext
  ) -> NodeCondition? {
    let name = node.metadata.name
    let lease = ctx.api.nodeLeaseRenewTime(name)
    let created = node.metadata.creationTimestamp ?? .zero
    var h = health[name] ?? Health(probe: observed == nil ? created : now, heartbeat: nil)
    if health[name] != nil, let beat = observed?.lastHeartbeatTime, beat != h.heartbeat {
      h.probe = now
    }
    h.heartbeat = observed?.lastHeartbeatTime
    // "Always update the probe time if node lease is renewed."
    if let lease, h.lease.map({ $0 < lease }) ?? true {
      h.probe = now
      h.lease = lease
    }
    health[name] = h
    let grace =
      observed == nil ? ctx.settings.nodeStartupGracePeriod : ctx.settings.nodeMonitorGracePeriod
    guard now > h.probe + grace else { return observed }
    var changed = false
    for type in ["Ready", "MemoryPressure", "DiskPressure", "PIDPressure"] {
      if let i = node.status.conditions.firstIndex(where: { $0.type == type }) {
        if node.status.conditions[i].status != .unknown {
          node.status.conditions[i].status = .unknown
          node.status.conditions[i].reason = "NodeStatusUnknown"
          node.status.conditions[i].message = "Kubelet stopped posting node status."
          node.status.conditions[i].lastTransitionTime = now
          changed = true
        }
      } else {
        node.status.conditions.append(
          NodeCondition(
            type: type, status: .unknown, lastHeartbeatTime: created, lastTransitionTime: now,
            reason: "NodeStatusNeverUpdated", message: "Kubelet never posted node status."))
        changed = true
      }
    }
    if changed, case .node(let stored)? = try? ctx.api.updateStatus(.node(node)) {
      node = stored
    }
    return node.status.conditions.first { $0.type == "Ready" }
  }

  /// `MarkPodsNotReady` (pkg/controller/util/node/controller_utils.go): the Ready condition of
  /// every pod on the node becomes False, with a `NodeNotReady` Warning event per pod.
  private func markPodsNotReady(_ node: String, _ ctx: inout ComponentContext) {
    for var pod in ctx.api.pods(onNode: node) where !pod.isTerminal {
      guard let i = pod.status.conditions.firstIndex(where: { $0.type == "Ready" }),
        pod.status.conditions[i].status != .false
      else { continue }
      pod.status.conditions[i].status = .false
      pod.status.conditions[i].lastTransitionTime = ctx.now
      _ = try? ctx.api.updateStatus(.pod(pod))
      ctx.recordEvent(
        type: .warning, reason: "NodeNotReady", object: ObjectReference.to(.pod(pod)), node: node,
        message: "Node is not ready")
    }
  }
}
