import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel

/// The kubelet's eviction manager state and its pure bookkeeping
/// (pkg/kubelet/eviction/eviction_manager.go `synchronize`, helpers.go).
///
/// One `synchronize` pass takes the signal observations, finds the thresholds met (ignoring
/// grace periods), records when each was first met and when each node condition was last
/// observed, reports a pressure condition while it was observed within
/// `evictionPressureTransitionPeriod` (5m), and returns the thresholds whose grace period has
/// passed, memory first (`byEvictionPriority`). The kubelet then evicts at most one pod.
struct EvictionManager {
  /// When each currently met threshold was first met (`thresholdsFirstObservedAt`).
  var firstObservedAt: [EvictionThreshold: SimTime] = [:]
  /// When each pressure condition was last observed (`nodeConditionsLastObservedAt`).
  var conditionLastObservedAt: [String: SimTime] = [:]
  /// The pressure conditions reported now, MemoryPressure before DiskPressure.
  var conditions: [String] = []

  /// The observed signals: available and capacity per signal (bytes); a signal without an
  /// observation (no capacity known) is never met.
  struct Observations {
    var memory: (available: Int64, capacity: Int64)?
    var fs: (available: Int64, capacity: Int64)?

    func of(_ signal: EvictionSignal) -> (available: Int64, capacity: Int64)? {
      switch signal {
      case .memoryAvailable: return memory
      case .nodefsAvailable, .imagefsAvailable: return fs
      case .nodefsInodesFree, .imagefsInodesFree: return nil
      }
    }
  }

  /// One `synchronize` pass over `thresholds` (hard then soft) at `now`; returns the thresholds
  /// to act on, memory first.
  mutating func synchronize(
    thresholds: [EvictionThreshold], observations: Observations, now: SimTime,
    transitionPeriod: SimDuration
  ) -> [EvictionThreshold] {
    let isMet = { (t: EvictionThreshold) -> Bool in
      guard let o = observations.of(t.signal) else { return false }
      return t.isMet(available: o.available, capacity: o.capacity)
    }
    // Fast path (every node, every 10 s): nothing met now and nothing remembered.
    if firstObservedAt.isEmpty && conditionLastObservedAt.isEmpty
      && !thresholds.contains(where: isMet)
    {
      return []
    }
    let met = thresholds.filter(isMet)
    var first: [EvictionThreshold: SimTime] = [:]
    for t in met { first[t] = firstObservedAt[t] ?? now }
    firstObservedAt = first
    for t in met { conditionLastObservedAt[t.signal.nodeCondition] = now }
    conditions = ["MemoryPressure", "DiskPressure"].filter { c in
      guard let at = conditionLastObservedAt[c] else { return false }
      if now - at < transitionPeriod { return true }
      conditionLastObservedAt[c] = nil
      return false
    }
    let due = met.filter { now - (first[$0] ?? now) >= $0.gracePeriod }
    // byEvictionPriority: memory before the other resources (a stable sort keeps the rest).
    return due.filter { $0.signal == .memoryAvailable }
      + due.filter { $0.signal != .memoryAvailable }
  }
}
