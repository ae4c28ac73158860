import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel

/// Traffic-driven memory (`traffic(base=…, per-inflight=…)`) in the kubelet: what the eviction
/// manager and the OOM killer see, and when a lazy kubelet must look again.
///
/// The working set of such a container is its model at the ledger's sample for its pod at the
/// cAdvisor housekeeping time (`MetricsPipeline.housekeepingTime`), as `kubesim top` sees it.
/// A container with a memory limit whose value is above the limit is OOM-killed at the kubelet's
/// first housekeeping (status update) after kube-proxy recorded the rate.
///
/// The heartbeat train skips status updates while the eviction manager is quiet. With traffic
/// memory that depends on the ledger, so a quiet node relies on wake levels in it
/// (`TrafficLedger+WakeLevels.swift`). First the global level (`quietAtGlobalLevel`): when its
/// traffic memory at the level no Service has exceeded meets no threshold and no limit, the node
/// only watches that level (the common case, a node with room: no per-Service bookkeeping).
/// Otherwise it registers, per Service its traffic pods serve, the per-endpoint
/// served rate and in-flight count below which no memory threshold can be met and no limited
/// container can pass its limit (half of the slack, split evenly over as many Service metrics as
/// the node may hold pods, at least its own). A record above a level or a change of a watched
/// pod's Service wakes the node. When its pods change, the levels it holds are kept if they
/// still pass (new Services and pods are added); new levels are registered only after the pods
/// have been still for a period or after a wake, which keeps ledger writes rare while pods come
/// and go.
extension Kubelet {
  /// What the node's registered wake levels cover: the traffic containers, their memory above
  /// their base at the levels, and the levels (per Service) the ledger holds for the node.
  typealias TrafficRegistration = (
    extra: Int64, containers: Set<TrafficMemory>, levels: [String: TrafficLedger.WakeLevel]
  )

  /// A running container with traffic-driven memory (`trafficCache`).
  struct TrafficMemory: Hashable {
    /// Its pod's key ("namespace/name") and its index in the pod's containers.
    var key: String
    var index: Int
    var limit: Int64?
    /// The model's amounts resolved against the request: base bytes, bytes per request/s and
    /// per request in flight (one of those > 0), and the capacity in milli-rps.
    var baseAmount: Int64
    var perRequest: Int64
    var perInFlight: Int64
    var capacity: Int64?
    /// Its value with no traffic (counted in `usageUpperBound`).
    var base: Int64

    /// Hashes the identity only (equal values have equal identities).
    func hash(into h: inout Hasher) {
      h.combine(key)
      h.combine(index)
    }

    /// Its value at per-endpoint `served` and `inFlight`.
    func value(served: Int64, inFlight: Int64) -> Int64 {
      UsageModel.trafficValue(
        base: baseAmount, perRequest: perRequest, perInFlight: perInFlight, capacity: capacity,
        servedMilliRPS: served, inFlightMilli: inFlight)
    }
  }

  /// The running containers whose memory model reads traffic (cached per `podsVersion`; in
  /// `pods`' order, which only order-independent sums and sorted uses see).
  func trafficMemory() -> [TrafficMemory] {
    if let c = trafficCache, c.version == podsVersion { return c.containers }
    var list: [TrafficMemory] = []
    let keys = pods.keys
    let runs = pods.values
    for i in runs.indices where !runs[i].deleting {
      let cs = runs[i].containers
      for j in cs.indices where cs[j].running && cs[j].behavior.memoryBytes == nil {
        guard let model = cs[j].behavior.memoryUsage,
          case .traffic(let base, let perRequest, let perInFlight, let capacity) = model
        else { continue }
        let r = cs[j].memoryRequestBytes
        let pr = perRequest.resolve(request: r)
        let pf = perInFlight.resolve(request: r)
        guard pr != 0 || pf != 0 else { continue }
        list.append(
          TrafficMemory(
            key: keys[i], index: j, limit: cs[j].memoryLimitBytes,
            baseAmount: base.resolve(request: r), perRequest: pr, perInFlight: pf,
            capacity: capacity, base: model.value(UsageInput(time: .zero, request: r))))
      }
    }
    trafficCache = (podsVersion, list)
    return list
  }

  /// The kernel's OOM killer for traffic-driven memory, at the kubelet's housekeeping: every
  /// running container with a memory limit whose value now (the ledger's sample at the
  /// housekeeping time) is above it is killed, in pod key then container order.
  func killTrafficOverLimit(_ ctx: inout ComponentContext) {
    let limited = trafficMemory().filter { $0.limit != nil }
      .sorted { ($0.key, $0.index) < ($1.key, $1.index) }
    for tc in limited {
      guard let run = pods[tc.key], !run.deleting, tc.index < run.containers.count,
        let limit = run.containers[tc.index].memoryLimitBytes
      else { continue }
      let c = run.containers[tc.index]
      guard c.running,
        memoryWorkingSet(
          namespace: run.pod.metadata.namespace, pod: run.pod.metadata.name, c, now: ctx.now)
          > limit
      else { continue }
      oomKill(tc.key, tc.index, &ctx)
    }
  }

  /// Whether traffic makes this eviction pass or OOM check do nothing: `memory` is the bound of
  /// everything else (traffic models at their base); traffic-driven containers count at the
  /// samples the pass reads (or at registered levels that still hold).
  func trafficIsQuiet(_ node: Node, memory: Int64, now: SimTime) -> Bool {
    let tcs = trafficMemory()
    guard !tcs.isEmpty, let ledger = trafficLedger else { return memoryIsQuiet(node, memory) }
    // Without thresholds only limits matter.
    if evictionThresholds.isEmpty, !tcs.contains(where: { $0.limit != nil }) { return true }
    if quietAtGlobalLevel(tcs, node, memory: memory, ledger) { return true }
    if trafficLevelsHold(tcs, node, memory: memory, ledger) { return true }
    let t = MetricsPipeline().housekeepingTime(at: now)
    // Registered levels that still hold bound their containers (their Service's values stay
    // below them); the others count at the samples.
    if let r = ledger.isRegistered(nodeName) ? trafficRegistration : nil,
      quietAtSamples(
        tcs, node, memory: memory.saturatingAdd(r.extra), at: t, ledger,
        { !r.containers.contains($0) })
    {
      return true
    }
    return quietAtSamples(tcs, node, memory: memory, at: t, ledger) { _ in true }
  }

  /// Whether no limit is passed and no memory threshold met with `memory` in use plus the
  /// containers `sampled` selects at the ledger's samples at `t`.
  func quietAtSamples(
    _ tcs: [TrafficMemory], _ node: Node, memory: Int64, at t: SimTime, _ ledger: TrafficLedger,
    _ sampled: (TrafficMemory) -> Bool
  ) -> Bool {
    let extra = Self.trafficExtra(tcs) { _, tc in
      guard sampled(tc) else { return nil }
      let s = ledger.sample(tc.key, at: t)
      return (s.servedMilliRPS, s.inFlightMilli)
    }
    guard let extra else { return false }
    return memoryIsQuiet(node, memory.saturatingAdd(extra))
  }

  /// The memory of the traffic-driven containers above their base when `load` gives the
  /// per-endpoint served rate and in-flight count each one sees (nil from it: the container is
  /// not counted); nil when a container with a limit would pass it.
  static func trafficExtra(
    _ tcs: [TrafficMemory], _ load: (Int, TrafficMemory) -> (served: Int64, inFlight: Int64)?
  ) -> Int64? {
    var extra: Int64 = 0
    for (k, tc) in tcs.enumerated() {
      guard let l = load(k, tc) else { continue }
      let v = tc.value(served: l.served, inFlight: l.inFlight)
      if let limit = tc.limit, v > limit { return nil }
      extra = extra.saturatingAdd(v - tc.base)
    }
    return extra
  }

  /// After a quiet status update: whether traffic lets the next ones be skipped, registering
  /// wake levels when needed. Pods that just changed often change again within the period (a
  /// pod starting), so levels are registered once the pods have been still for one period (or
  /// at once after a wake); until then the node runs every period.
  func trafficStaysQuiet(_ node: Node, now: SimTime) -> Bool {
    let tcs = trafficMemory()
    guard !tcs.isEmpty, let ledger = trafficLedger else { return true }
    if evictionThresholds.isEmpty, !tcs.contains(where: { $0.limit != nil }) { return true }
    let memory = usageUpperBound().memory
    if quietAtGlobalLevel(tcs, node, memory: memory, ledger) { return true }
    if trafficLevelsHold(tcs, node, memory: memory, ledger) { return true }
    guard trafficPendingVersion == podsVersion else {
      trafficPendingVersion = podsVersion
      return false
    }
    let kept = ledger.isRegistered(nodeName) ? trafficRegistration : nil
    let registered = registerTrafficLevels(tcs, node, memory: memory, now: now, kept, ledger)
    let quiet = registered != nil
    trafficLevelsVersion = quiet ? podsVersion : nil
    trafficRegistration = registered.map { ($0.extra, Set(tcs), $0.levels) }
    if !quiet, ledger.isRegistered(nodeName) {
      ledger.register(node: nodeName, levels: [], watching: [])
    }
    return quiet
  }

  /// Whether the registered wake levels still hold: the ledger has not woken the node, and the
  /// pods are those they were computed for or changed only within them (every traffic container
  /// one of those: same Service, watched; and with the traffic at the levels, the memory outside
  /// traffic, `memory`, still meets no threshold).
  func trafficLevelsHold(
    _ tcs: [TrafficMemory], _ node: Node, memory: Int64, _ ledger: TrafficLedger
  ) -> Bool {
    guard ledger.isRegistered(nodeName) else { return false }
    if trafficLevelsVersion == podsVersion { return true }
    guard let r = trafficRegistration, memoryIsQuiet(node, memory.saturatingAdd(r.extra)),
      tcs.allSatisfy({ r.containers.contains($0) })
    else { return false }
    trafficLevelsVersion = podsVersion
    return true
  }

  /// Whether no limit is passed and no memory threshold met with every traffic-driven container
  /// at the ledger's global level (no Service went above it); if so the node relies on that
  /// level (the ledger wakes it when the level rises) and needs no per-Service levels.
  func quietAtGlobalLevel(
    _ tcs: [TrafficMemory], _ node: Node, memory: Int64, _ ledger: TrafficLedger
  ) -> Bool {
    let capacity = node.status.capacity["memory"]?.value
    if let g = globalQuiet, g.version == podsVersion, g.capacity == capacity,
      g.generation == ledger.globalLevelGeneration
    {
      return true  // still watching: only a rise (a new generation) clears the watchers
    }
    let level = ledger.globalLevel
    // Monotone in the level only with non-negative amounts.
    guard !tcs.contains(where: { $0.perRequest < 0 || $0.perInFlight < 0 }),
      let extra = Self.trafficExtra(tcs, { _, _ in (level.servedMilliRPS, level.inFlightMilli) }),
      memoryIsQuiet(node, memory.saturatingAdd(extra))
    else { return false }
    ledger.watchGlobalLevel(nodeName)
    globalQuiet = (podsVersion, ledger.globalLevelGeneration, capacity)
    return true
  }

  /// Whether no memory threshold is met with `memory` in use.
  func memoryIsQuiet(_ node: Node, _ memory: Int64) -> Bool {
    guard let cap = node.status.capacity["memory"]?.value else { return true }
    return !evictionThresholds.contains {
      $0.signal == .memoryAvailable
        && $0.isMet(available: cap - memory, capacity: cap)
    }
  }

  /// Registers the levels (see the type's discussion) and returns the traffic containers' memory
  /// above their base at the levels and the node's levels in the ledger; nil when the node is
  /// not quiet now. With `kept` (a registration the ledger still holds: no level was exceeded,
  /// no watched pod changed Service), its levels are kept when they still pass the check and
  /// only the new Services and pods are added (fewer ledger writes while pods come and go).
  func registerTrafficLevels(
    _ tcs: [TrafficMemory], _ node: Node, memory: Int64, now: SimTime,
    _ kept: TrafficRegistration?, _ ledger: TrafficLedger
  ) -> (extra: Int64, levels: [String: TrafficLedger.WakeLevel])? {
    let t = MetricsPipeline().housekeepingTime(at: now)
    struct Load {
      var served: Int64
      var inFlight: Int64
      var perRequest: Int64 = 0
      var perInFlight: Int64 = 0
    }
    var loads: [String: Load] = [:]
    var services: [String?] = []
    var used = memory
    for tc in tcs {
      guard let l = ledger.latest(tc.key, settledBy: t) else { return nil }
      let v = tc.value(served: l.servedMilliRPS, inFlight: l.inFlightMilli)
      if let limit = tc.limit, v > limit { return nil }
      guard tc.perRequest >= 0, tc.perInFlight >= 0 else { return nil }
      used = used.saturatingAdd(v - tc.base)
      services.append(l.service)
      guard let s = l.service else { continue }
      var load = loads[s] ?? Load(served: l.servedMilliRPS, inFlight: l.inFlightMilli)
      load.perRequest = load.perRequest.saturatingAdd(tc.perRequest)
      load.perInFlight = load.perInFlight.saturatingAdd(tc.perInFlight)
      loads[s] = load
    }
    guard memoryIsQuiet(node, used) else { return nil }
    let slack = memorySlack(node, used: used)
    let names = loads.keys.sorted()
    let metrics = names.reduce(0) {
      $0 + ((loads[$1]?.perRequest ?? 0) > 0 ? 1 : 0) + ((loads[$1]?.perInFlight ?? 0) > 0 ? 1 : 0)
    }
    // Split as if the node held as many Services as it may hold pods, so the levels stay valid
    // while pods join (`kept`).
    let pods = node.status.capacity["pods"]?.value ?? 110
    let share = slack / 2 / Swift.max(1, Int64(metrics), pods)
    var levels: [String: TrafficLedger.WakeLevel] = [:]
    for s in names {
      guard let load = loads[s] else { continue }
      levels[s] = TrafficLedger.WakeLevel(
        servedMilliRPS: load.served.saturatingAdd(Self.step(share, load.perRequest)),
        inFlightMilli: load.inFlight.saturatingAdd(Self.step(share, load.perInFlight)))
    }
    // A limited container keeps its Service's levels below the value at which it passes it.
    for (k, tc) in tcs.enumerated() {
      guard let limit = tc.limit, let s = services[k], let load = loads[s],
        var level = levels[s]
      else { continue }
      let headroom = limit - tc.value(served: load.served, inFlight: load.inFlight)
      let parts = Int64((tc.perRequest > 0 ? 1 : 0) + (tc.perInFlight > 0 ? 1 : 0))
      let part = headroom / Swift.max(1, parts)
      level.servedMilliRPS = Swift.min(
        level.servedMilliRPS, load.served.saturatingAdd(Self.step(part, tc.perRequest)))
      level.inFlightMilli = Swift.min(
        level.inFlightMilli, load.inFlight.saturatingAdd(Self.step(part, tc.perInFlight)))
      levels[s] = level
    }
    if let kept {
      let merged = levels.merging(kept.levels) { _, old in old }
      if let extra = extraAtLevels(tcs, services, merged, node, memory: memory),
        extra <= slack / 4 * 3
      {
        let added = names.filter { kept.levels[$0] == nil }
        ledger.extend(
          node: nodeName, levels: added.compactMap { s in levels[s].map { (s, $0) } },
          watching: tcs.filter { !kept.containers.contains($0) }.map(\.key))
        return (extra, merged)
      }
    }
    guard let extra = extraAtLevels(tcs, services, levels, node, memory: memory) else {
      return nil
    }
    ledger.register(
      node: nodeName, levels: names.compactMap { s in levels[s].map { (s, $0) } },
      watching: tcs.map(\.key))
    return (extra, levels)
  }

  /// Checked exactly (rounding): the traffic containers' memory above their base with their
  /// Services (`services`, in `tcs`' order) at `levels`, when it meets no threshold and passes
  /// no limit; else nil.
  func extraAtLevels(
    _ tcs: [TrafficMemory], _ services: [String?], _ levels: [String: TrafficLedger.WakeLevel],
    _ node: Node, memory: Int64
  ) -> Int64? {
    let extra = Self.trafficExtra(tcs) { k, _ in
      guard let s = services[k], let level = levels[s] else { return nil }
      return (level.servedMilliRPS, level.inFlightMilli)
    }
    guard let extra, memoryIsQuiet(node, memory.saturatingAdd(extra)) else { return nil }
    return extra
  }

  /// How much a level may rise so that `bytes` more memory is used at `perUnit` bytes per
  /// request/s or request in flight (levels are in thousandths); unbounded when `perUnit` is 0.
  static func step(_ bytes: Int64, _ perUnit: Int64) -> Int64 {
    guard perUnit > 0 else { return Int64.max }
    guard bytes > 0 else { return 0 }
    return Swift.min(bytes, Int64.max / 1000) * 1000 / perUnit
  }

  /// The largest extra memory that meets no memory threshold with `used` in use (at most 2⁵⁰
  /// bytes; `EvictionThreshold.isMet` is monotonic in the available memory).
  func memorySlack(_ node: Node, used: Int64) -> Int64 {
    var lo: Int64 = 0
    var hi: Int64 = 1 << 50
    if memoryIsQuiet(node, used.saturatingAdd(hi)) { return hi }
    // Invariant: quiet at lo, not at hi.
    while hi - lo > 1 {
      let mid = lo + (hi - lo) / 2
      if memoryIsQuiet(node, used.saturatingAdd(mid)) { lo = mid } else { hi = mid }
    }
    return lo
  }
}
