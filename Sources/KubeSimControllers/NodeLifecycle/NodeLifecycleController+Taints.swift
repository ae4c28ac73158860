import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel

/// The state of a zone (`ZoneState`) with its tainting queue and token bucket.
struct Zone {
  enum State: String {
    case initial = "Initial"
    case normal = "Normal"
    case partialDisruption = "PartialDisruption"
    case fullDisruption = "FullDisruption"
  }
  var state: State = .initial
  /// Nodes waiting for their NoExecute taint, in the order they were queued
  /// (`RateLimitedTimedQueue`).
  var queue: [String] = []
  /// The taint to add per queued node (unreachable or not-ready).
  var wanted: [String: ConditionStatus] = [:]
  /// Token bucket (client-go `flowcontrol.NewTokenBucketRateLimiter(qps, 1)`): rate in tokens
  /// per 1000 s; full (1 token) at `fullAt`.
  var rateMilli: Int64
  var fullAt: SimTime

  init(rateMilli: Int64, now: SimTime) {
    self.rateMilli = rateMilli
    self.fullAt = now
  }

  /// The time one token takes to refill.
  var tokenPeriod: SimDuration? {
    // rateMilli tokens per 1000 s: one token every 1,000,000,000 / rateMilli µs (10 s at 0.1/s).
    rateMilli > 0 ? .microseconds(1_000_000_000 / rateMilli) : nil
  }

  /// Takes the token if it is there at `now`.
  mutating func take(_ now: SimTime) -> Bool {
    guard let period = tokenPeriod, fullAt <= now else { return false }
    fullAt = now + period
    return true
  }
}

extension NodeLifecycleController {
  static let unreachableKey = "node.kubernetes.io/unreachable"
  static let notReadyKey = "node.kubernetes.io/not-ready"

  /// `processTaintBaseEviction`: queue the node for its NoExecute taint, swap an existing one,
  /// or remove both when the node is Ready.
  func processTaintBasedEviction(
    _ node: Node, observed: ConditionStatus, now: SimTime, _ ctx: inout ComponentContext
  ) {
    let name = node.metadata.name
    let zone = Self.zoneKey(node)
    let has: (String) -> Bool = { key in
      node.spec.taints.contains { $0.key == key && $0.effect == .noExecute }
    }
    switch observed {
    case .false, .unknown:
      let (want, other) =
        observed == .false
        ? (Self.notReadyKey, Self.unreachableKey) : (Self.unreachableKey, Self.notReadyKey)
      if has(other) {
        // SwapNodeControllerTaint: at once, not rate-limited.
        updateTaints(name, add: [want], remove: [other], now: now, &ctx)
      } else if !has(want) {
        if zones[zone]?.queue.contains(name) != true { zones[zone]?.queue.append(name) }
        zones[zone]?.wanted[name] = observed
      }
    case .true:
      if has(Self.unreachableKey) || has(Self.notReadyKey) {
        updateTaints(
          name, add: [], remove: [Self.unreachableKey, Self.notReadyKey], now: now, &ctx)
      }
      zones[zone]?.queue.removeAll { $0 == name }
      zones[zone]?.wanted[name] = nil
    }
  }

  /// Schedules the tainting pass when a queue is non-empty: 100 ms from now, or when the first
  /// zone's next token is due.
  func scheduleTaintPass(_ ctx: inout ComponentContext) {
    guard !taintPassPending else { return }
    var at: SimTime?
    for key in zones.keys.sorted() {
      guard let z = zones[key], !z.queue.isEmpty, z.tokenPeriod != nil else { continue }
      let t = max(z.fullAt, ctx.now + Self.taintPassDelay)
      if at.map({ t < $0 }) ?? true { at = t }
    }
    guard let at else { return }
    taintPassPending = true
    ctx.setTimer(at: at, token: 2)
  }

  /// `doNoExecuteTaintingPass`: per zone, taint queued nodes as the token bucket allows; a node
  /// whose condition changed meanwhile is dropped (the next monitor pass re-queues it).
  func taintPass(_ ctx: inout ComponentContext) {
    let now = ctx.now
    for key in zones.keys.sorted() {
      while var z = zones[key], let name = z.queue.first {
        guard case .node(let node)? = ctx.api.get(.node, nil, name),
          let status = node.status.conditions.first(where: { $0.type == "Ready" })?.status,
          status != .true, status == z.wanted[name]
        else {
          z.queue.removeFirst()
          z.wanted[name] = nil
          zones[key] = z
          continue
        }
        guard z.take(now) else { break }
        z.queue.removeFirst()
        z.wanted[name] = nil
        zones[key] = z
        let (want, other) =
          status == .false
          ? (Self.notReadyKey, Self.unreachableKey) : (Self.unreachableKey, Self.notReadyKey)
        updateTaints(name, add: [want], remove: [other], now: now, &ctx)
      }
    }
    scheduleTaintPass(&ctx)
  }

  /// Adds and removes NoExecute taints by key (`AddOrUpdateTaintOnNode` sets `timeAdded`).
  func updateTaints(
    _ name: String, add: [String], remove: [String], now: SimTime, _ ctx: inout ComponentContext
  ) {
    guard case .node(var node)? = ctx.api.get(.node, nil, name) else { return }
    var taints = node.spec.taints.filter { !($0.effect == .noExecute && remove.contains($0.key)) }
    for key in add where !taints.contains(where: { $0.key == key && $0.effect == .noExecute }) {
      taints.append(Taint(key: key, effect: .noExecute, timeAdded: now))
    }
    guard taints != node.spec.taints else { return }
    node.spec.taints = taints
    _ = try? ctx.api.update(.node(node))
  }

  /// TaintNodesByCondition (`doNoScheduleTaintingPass`, `nodeConditionToTaintKeyStatusMap` in
  /// node_lifecycle_controller.go): `not-ready` for Ready=False, `unreachable` for
  /// Ready=Unknown, `memory-pressure`, `disk-pressure`, `pid-pressure` and
  /// `network-unavailable` for those conditions True, each with effect NoSchedule; the others of
  /// these keys are removed. Runs on every node update (the node-update worker) and in the
  /// monitor pass.
  func setNoSchedule(_ node: Node, _ ctx: inout ComponentContext) {
    // Fast path (every node, every pass): the managed NoSchedule taints already match.
    if Self.noScheduleTaintsMatch(node) { return }
    // Slow path: work on the stored node (this pass may have changed its NoExecute taints).
    guard case .node(var node)? = ctx.api.get(.node, nil, node.metadata.name) else { return }
    var want: [String] = []
    for c in node.status.conditions {
      switch (c.type, c.status) {
      case ("Ready", .false): want.append(Self.notReadyKey)
      case ("Ready", .unknown): want.append(Self.unreachableKey)
      case ("MemoryPressure", .true): want.append("node.kubernetes.io/memory-pressure")
      case ("DiskPressure", .true): want.append("node.kubernetes.io/disk-pressure")
      case ("PIDPressure", .true): want.append("node.kubernetes.io/pid-pressure")
      case ("NetworkUnavailable", .true): want.append("node.kubernetes.io/network-unavailable")
      default: break
      }
    }
    var taints = node.spec.taints.filter {
      !($0.effect == .noSchedule && Self.conditionTaintKeys.contains($0.key)
        && !want.contains($0.key))
    }
    for key in want where !taints.contains(where: { $0.key == key && $0.effect == .noSchedule }) {
      taints.append(Taint(key: key, effect: .noSchedule))
    }
    guard taints != node.spec.taints else { return }
    node.spec.taints = taints
    _ = try? ctx.api.update(.node(node))
  }

  /// Whether the node's managed NoSchedule taints already match its conditions (then
  /// `setNoSchedule` leaves the node unchanged).
  static func noScheduleTaintsMatch(_ node: Node) -> Bool {
    var wantMask = 0
    for c in node.status.conditions {
      switch (c.type, c.status) {
      case ("Ready", .false): wantMask |= 1
      case ("Ready", .unknown): wantMask |= 2
      case ("MemoryPressure", .true): wantMask |= 4
      case ("DiskPressure", .true): wantMask |= 8
      case ("PIDPressure", .true): wantMask |= 16
      case ("NetworkUnavailable", .true): wantMask |= 32
      default: break
      }
    }
    var haveMask = 0
    for t in node.spec.taints where t.effect == .noSchedule {
      if let i = Self.conditionTaintKeys.firstIndex(of: t.key) { haveMask |= 1 << i }
    }
    return wantMask == haveMask
  }

  /// The NoSchedule taint keys TaintNodesByCondition manages.
  static let conditionTaintKeys = [
    notReadyKey, unreachableKey, "node.kubernetes.io/memory-pressure",
    "node.kubernetes.io/disk-pressure", "node.kubernetes.io/pid-pressure",
    "node.kubernetes.io/network-unavailable",
  ]

  /// `handleDisruption`: new zone states and their eviction rates.
  func handleDisruption(
    _ counts: [String: (ready: Int, notReady: Int)], now: SimTime,
    _ ctx: inout ComponentContext
  ) {
    var newStates: [String: Zone.State] = [:]
    var allAre = !counts.isEmpty
    for key in counts.keys.sorted() {
      let c = counts[key] ?? (0, 0)
      let state = computeZoneState(ready: c.ready, notReady: c.notReady)
      if state != .fullDisruption { allAre = false }
      newStates[key] = state
    }
    let allWere = allFullyDisrupted
    allFullyDisrupted = allAre
    if allAre && !allWere {
      // "Controller detected that all Nodes are not-Ready. Entering master disruption mode":
      // remove the NoExecute taints everywhere and stop tainting.
      for case .node(let n) in ctx.api.list(.node) {
        updateTaints(
          n.metadata.name, add: [], remove: [Self.unreachableKey, Self.notReadyKey], now: now, &ctx)
      }
      for key in zones.keys.sorted() {
        zones[key]?.rateMilli = 0
        zones[key]?.state = .fullDisruption
      }
      return
    }
    if allAre { return }
    if allWere {
      // Exiting master disruption mode: every probe time restarts now.
      for key in health.keys.sorted() { health[key]?.probe = now }
    }
    for key in zones.keys.sorted() {
      guard let state = newStates[key] else { continue }
      if !allWere && zones[key]?.state == state { continue }
      zones[key]?.state = state
      let size = (counts[key]?.ready ?? 0) + (counts[key]?.notReady ?? 0)
      switch state {
      case .normal, .fullDisruption, .initial: zones[key]?.rateMilli = evictionRateMilli
      case .partialDisruption:
        // ReducedQPSFunc: the secondary rate in large zones, none in small ones.
        zones[key]?.rateMilli = size > largeClusterThreshold ? secondaryEvictionRateMilli : 0
      }
    }
  }

  /// `ComputeZoneState`.
  func computeZoneState(ready: Int, notReady: Int) -> Zone.State {
    if ready == 0 && notReady > 0 { return .fullDisruption }
    if notReady > 2 && notReady * 1000 >= unhealthyZoneThresholdPerMille * (notReady + ready) {
      return .partialDisruption
    }
    return .normal
  }
}
