import KubeSimKernel

/// The request rate each pod serves over time, as the traffic model (kube-proxy routing and the
/// per-pod queue) produced it: what traffic-driven usage curves (`traffic(...)`) are evaluated
/// against when cAdvisor samples them.
///
/// The model records one value per pod per cAdvisor housekeeping instant (not per traffic
/// interval), and keeps only the last `retention` of history, so a 150,000-pod day holds a few
/// entries per pod. A pod never recorded serves 0.
///
/// - Complexity: `record` amortised O(1); `sample` O(log entries of the pod).
public final class TrafficLedger {
  /// One recorded value: from `time` on, the pod served `servedMilliRPS` with `inFlightMilli`
  /// requests in flight (both in thousandths).
  public struct Entry: Sendable, Hashable {
    public var time: SimTime
    public var servedMilliRPS: Int64
    public var inFlightMilli: Int64
  }

  /// How much history is kept: a metrics-server window (60s resolution) plus a housekeeping
  /// interval, with room to spare.
  public var retention: SimDuration = .seconds(180)
  var entries: [String: [Entry]] = [:]

  /// An empty ledger.
  public init() {}

  /// Records that pod `key` ("namespace/name") serves `servedMilliRPS` from `time` on.
  /// Times must not decrease per pod. Equal consecutive values are not stored twice.
  public func record(
    _ key: String, at time: SimTime, servedMilliRPS: Int64, inFlightMilli: Int64 = 0
  ) {
    var list = entries[key] ?? []
    if let last = list.last, last.servedMilliRPS == servedMilliRPS,
      last.inFlightMilli == inFlightMilli
    {
      return
    }
    if let last = list.last, last.time == time { list.removeLast() }
    list.append(Entry(time: time, servedMilliRPS: servedMilliRPS, inFlightMilli: inFlightMilli))
    // Keep the newest entry at or before the horizon (it is in effect there) and what follows.
    let horizon = time - retention
    var drop = 0
    while drop + 1 < list.count, list[drop + 1].time <= horizon { drop += 1 }
    if drop > 0 { list.removeFirst(drop) }
    entries[key] = list
  }

  /// The value in effect for pod `key` at `time` (0 before the first record).
  public func sample(_ key: String, at time: SimTime) -> (servedMilliRPS: Int64, inFlightMilli: Int64)
  {
    guard let list = entries[key] else { return (0, 0) }
    var lo = 0
    var hi = list.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if list[mid].time <= time { lo = mid + 1 } else { hi = mid }
    }
    guard lo > 0 else { return (0, 0) }
    return (list[lo - 1].servedMilliRPS, list[lo - 1].inFlightMilli)
  }

  /// Forgets pod `key` (it was deleted).
  public func forget(_ key: String) { entries[key] = nil }
}
