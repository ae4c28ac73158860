import KubeSimKernel

/// The request rate each pod serves over time, as the traffic model (kube-proxy routing and the
/// per-pod queues) produced it: what traffic-driven usage curves (`traffic(...)`) are evaluated
/// against when cAdvisor samples them.
///
/// Kept per Service, not per pod, so a 150,000-pod day costs a few entries per Service per
/// cAdvisor housekeeping interval: the model records each Service's served rate *per serving
/// endpoint*, and which Service each pod is an endpoint of (when kube-proxy's rules change).
/// A pod's sample is the per-endpoint rate of its Service at that time (KubeSim's
/// simplification: the pods of a Service feel its average load, not their own share of the
/// random split). A pod in no Service's rules serves 0; a pod in several counts the first.
/// Only the last `retention` of history is kept.
///
/// - Complexity: `record` and `assign` amortised O(1); `sample` O(log entries).
public final class TrafficLedger {
  /// One recorded value: from `time` on, each endpoint of the Service served `servedMilliRPS`
  /// with `inFlightMilli` requests in flight (both in thousandths).
  public struct Entry: Sendable, Hashable {
    public var time: SimTime
    public var servedMilliRPS: Int64
    public var inFlightMilli: Int64
  }

  /// How much history is kept: a metrics-server window (60s resolution) plus a housekeeping
  /// interval, with room to spare.
  public var retention: SimDuration = .seconds(180)
  var services: [String: [Entry]] = [:]
  var membership: [String: [(time: SimTime, service: String?)]] = [:]
  /// Wake levels (`TrafficLedger+WakeLevels.swift`): per Service, per node.
  var wakeLevels: [String: [String: WakeLevel]] = [:]
  /// Per Service: a lower bound of its nodes' levels (exact after a rescan, never too high).
  var minWakeLevels: [String: WakeLevel] = [:]
  /// Per node: the Services it registered levels for and the pod keys it watches.
  var registrations: [String: (services: [String], keys: [String])] = [:]
  /// Per watched pod key: the nodes watching it.
  var watchers: [String: [String]] = [:]
  /// The global wake level and the nodes relying on it (`TrafficLedger+WakeLevels.swift`).
  var globalWakeLevel = WakeLevel(servedMilliRPS: 100_000, inFlightMilli: 1_000)
  var globalWatchers: Set<String> = []
  /// Bumped at each rise of the global level (a node that relied on it no longer does).
  public internal(set) var globalLevelGeneration = 0
  /// Called with a node's name when a record or assignment exceeds what it registered (the API
  /// server makes that node's kubelet run its next status update). Nil: nobody is woken.
  public var onWake: ((String) -> Void)?

  /// An empty ledger.
  public init() {}

  /// Records that each endpoint of `service` serves `servedMilliRPS` from `time` on. Times must
  /// not decrease per Service; equal consecutive values are stored once.
  public func record(
    service: String, at time: SimTime, servedMilliRPS: Int64, inFlightMilli: Int64 = 0
  ) {
    if let last = services[service]?.last, last.servedMilliRPS == servedMilliRPS,
      last.inFlightMilli == inFlightMilli
    {
      return
    }
    // Taken out of the dictionary while it changes, so the array is not copied (copy-on-write).
    var list = services.removeValue(forKey: service) ?? []
    if let last = list.last, last.time == time { list.removeLast() }
    list.append(Entry(time: time, servedMilliRPS: servedMilliRPS, inFlightMilli: inFlightMilli))
    Self.prune(&list, before: time - retention) { $0.time }
    services[service] = list
    checkGlobalLevel(served: servedMilliRPS, inFlight: inFlightMilli)
    checkWakeLevels(service, served: servedMilliRPS, inFlight: inFlightMilli)
  }

  /// Records that pod `key` ("namespace/name") is an endpoint of `service` (nil: of none) in
  /// kube-proxy's rules from `time` on.
  public func assign(_ key: String, at time: SimTime, service: String?) {
    if let last = membership[key]?.last, last.service == service { return }
    var list = membership.removeValue(forKey: key) ?? []
    if let last = list.last, last.time == time { list.removeLast() }
    list.append((time, service))
    Self.prune(&list, before: time - retention) { $0.time }
    membership[key] = list
    checkWatchers(key)
  }

  /// Drops the entries before `horizon` except the newest of them (it is in effect there).
  static func prune<E>(_ list: inout [E], before horizon: SimTime, _ time: (E) -> SimTime) {
    var drop = 0
    while drop + 1 < list.count, time(list[drop + 1]) <= horizon { drop += 1 }
    if drop > 0 { list.removeFirst(drop) }
  }

  static func lastIndex<E>(_ list: [E], atOrBefore t: SimTime, _ time: (E) -> SimTime) -> Int? {
    var lo = 0
    var hi = list.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if time(list[mid]) <= t { lo = mid + 1 } else { hi = mid }
    }
    return lo > 0 ? lo - 1 : nil
  }

  /// The value in effect for pod `key` at `time` (0 when it was no Service's endpoint then).
  public func sample(_ key: String, at time: SimTime) -> (
    servedMilliRPS: Int64, inFlightMilli: Int64
  ) {
    guard let m = membership[key], let i = Self.lastIndex(m, atOrBefore: time, { $0.time }),
      let service = m[i].service, let list = services[service],
      let j = Self.lastIndex(list, atOrBefore: time, { $0.time })
    else { return (0, 0) }
    return (list[j].servedMilliRPS, list[j].inFlightMilli)
  }

  /// Forgets pod `key` (it was deleted).
  public func forget(_ key: String) { membership[key] = nil }

  /// Nodes whose machine is down (a `node-crash` or `zone-outage` fault): their pods serve
  /// nothing, whatever the API server still says about them.
  public private(set) var downNodes: Set<String> = []

  /// Marks `node` down or back up.
  public func setNode(_ node: String, down: Bool) {
    if down { downNodes.insert(node) } else { downNodes.remove(node) }
  }
}
