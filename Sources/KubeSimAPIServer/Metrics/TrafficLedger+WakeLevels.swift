import KubeSimKernel

/// Wake levels: how a lazy kubelet learns that the traffic its pods serve could now matter.
///
/// A kubelet whose eviction manager is quiet (`Kubelet.evictionIsQuiet`) skips its status
/// updates. With traffic-driven memory (`traffic(per-inflight=…)`) whether it is quiet depends on
/// the ledger, which changes every housekeeping interval for every loaded Service. So a quiet
/// node registers, per Service its traffic pods serve, the per-endpoint served rate and in-flight
/// count up to which it stays quiet, and the pod keys whose Service it assumed. `record` wakes it
/// (`onWake`) when a Service's value goes above a level, `assign` when a watched pod joins or
/// leaves a Service's rules; a woken node's registrations are all dropped (it registers again
/// when it is next quiet).
///
/// Deterministic: nodes are woken in name order; dictionaries are only looked up or reduced
/// with order-independent operations (min).
///
/// - Complexity: the check in `record` is O(1) (a per-Service minimum, which may be stale-low
///   after registrations were dropped: that costs one rescan of the Service's registrations);
///   `register` O(services + keys of the node).
extension TrafficLedger {
  /// Levels a node registered for one Service: it is woken when the Service's per-endpoint
  /// served rate or in-flight count goes above them.
  public struct WakeLevel: Sendable, Hashable {
    /// The largest per-endpoint served rate (milli-rps) the node stays quiet with.
    public var servedMilliRPS: Int64
    /// The largest per-endpoint in-flight count (thousandths) the node stays quiet with.
    public var inFlightMilli: Int64

    /// A level pair.
    public init(servedMilliRPS: Int64, inFlightMilli: Int64) {
      self.servedMilliRPS = servedMilliRPS
      self.inFlightMilli = inFlightMilli
    }

    /// Whether `served`/`inFlight` go above the level.
    public func isExceeded(served: Int64, inFlight: Int64) -> Bool {
      served > servedMilliRPS || inFlight > inFlightMilli
    }
  }

  /// Replaces `node`'s registration: its levels per Service and the pod keys whose Service
  /// membership it assumed. Empty levels and keys: the node is not registered.
  public func register(
    node: String, levels: [(service: String, level: WakeLevel)], watching keys: [String]
  ) {
    dropRegistration(node)
    extend(node: node, levels: levels, watching: keys)
  }

  /// Adds to `node`'s registration levels for Services it holds none for and pod keys to watch
  /// (a node whose pods changed within levels that still hold). Empty: nothing changes.
  public func extend(
    node: String, levels: [(service: String, level: WakeLevel)], watching keys: [String]
  ) {
    guard !levels.isEmpty || !keys.isEmpty else { return }
    var r = registrations.removeValue(forKey: node) ?? ([], [])
    r.services += levels.map(\.service)
    r.keys += keys
    registrations[node] = r
    for (service, level) in levels {
      wakeLevels[service, default: [:]][node] = level
      if let m = minWakeLevels[service] {
        minWakeLevels[service] = WakeLevel(
          servedMilliRPS: min(m.servedMilliRPS, level.servedMilliRPS),
          inFlightMilli: min(m.inFlightMilli, level.inFlightMilli))
      } else {
        minWakeLevels[service] = level
      }
    }
    for key in keys { watchers[key, default: []].append(node) }
  }

  /// Whether `node` holds a registration (it was neither woken nor replaced since).
  public func isRegistered(_ node: String) -> Bool { registrations[node] != nil }

  /// The Service pod `key` is an endpoint of and that Service's per-endpoint values, when
  /// neither changed after `time` (so `sample(key, at:)` returns them at `time` and at every
  /// later time until the next `record` or `assign`); nil when one changed after `time`.
  public func latest(_ key: String, settledBy time: SimTime) -> (
    service: String?, servedMilliRPS: Int64, inFlightMilli: Int64
  )? {
    guard let m = membership[key]?.last else { return (nil, 0, 0) }
    guard m.time <= time else { return nil }
    guard let service = m.service else { return (nil, 0, 0) }
    guard let e = services[service]?.last else { return (service, 0, 0) }
    guard e.time <= time else { return nil }
    return (service, e.servedMilliRPS, e.inFlightMilli)
  }

  /// After `record`: wakes the nodes whose level for `service` the new values exceed.
  func checkWakeLevels(_ service: String, served: Int64, inFlight: Int64) {
    guard let m = minWakeLevels[service], m.isExceeded(served: served, inFlight: inFlight) else {
      return
    }
    let exceeded = (wakeLevels[service] ?? [:])
      .filter { $0.value.isExceeded(served: served, inFlight: inFlight) }.map(\.key).sorted()
    for node in exceeded { wake(node) }
    // Recompute the minimum from what is left (a min: the dictionary's order does not matter).
    if let left = wakeLevels[service], let first = left.first?.value {
      minWakeLevels[service] = left.values.reduce(first) {
        WakeLevel(
          servedMilliRPS: min($0.servedMilliRPS, $1.servedMilliRPS),
          inFlightMilli: min($0.inFlightMilli, $1.inFlightMilli))
      }
    } else {
      minWakeLevels[service] = nil
    }
  }

  /// The global level: no Service's per-endpoint values went above it so far (it starts at
  /// 100 rps and 1 request in flight; a record above it doubles it until it covers the record and
  /// wakes every node relying on it). A node whose memory stays quiet with every Service at this
  /// level needs no per-Service levels (`watchGlobalLevel`): one set insertion instead of a
  /// registration, which is what keeps a large cluster whose nodes have room cheap.
  public var globalLevel: WakeLevel { globalWakeLevel }

  /// `node` relies on `globalLevel` until the next rise wakes it.
  public func watchGlobalLevel(_ node: String) { globalWatchers.insert(node) }

  /// After `record`: raises the global level when the new values exceed it, waking (in name
  /// order) the nodes that relied on it.
  func checkGlobalLevel(served: Int64, inFlight: Int64) {
    guard globalWakeLevel.isExceeded(served: served, inFlight: inFlight) else { return }
    var level = globalWakeLevel
    while level.servedMilliRPS < served {
      level.servedMilliRPS = Swift.max(1, level.servedMilliRPS).saturatingMultiply(2)
    }
    while level.inFlightMilli < inFlight {
      level.inFlightMilli = Swift.max(1, level.inFlightMilli).saturatingMultiply(2)
    }
    globalWakeLevel = level
    globalLevelGeneration += 1
    let nodes = globalWatchers.sorted()
    globalWatchers = []
    for node in nodes { onWake?(node) }
  }

  /// After `assign` changed pod `key`'s Service: wakes the nodes watching it.
  func checkWatchers(_ key: String) {
    guard let nodes = watchers[key] else { return }
    for node in Set(nodes).sorted() { wake(node) }
  }

  /// Drops `node`'s registrations and calls `onWake`.
  func wake(_ node: String) {
    dropRegistration(node)
    onWake?(node)
  }

  /// Forgets `node`'s levels and watched keys (Service minimums may stay stale-low).
  func dropRegistration(_ node: String) {
    guard let r = registrations.removeValue(forKey: node) else { return }
    for service in r.services {
      wakeLevels[service]?[node] = nil
      if wakeLevels[service]?.isEmpty == true {
        wakeLevels[service] = nil
        minWakeLevels[service] = nil
      }
    }
    for key in r.keys {
      watchers[key]?.removeAll { $0 == node }
      if watchers[key]?.isEmpty == true { watchers[key] = nil }
    }
  }
}
