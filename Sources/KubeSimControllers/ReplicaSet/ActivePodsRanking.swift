import KubeSimKernel
import KubeSimModel

/// The order in which a ReplicaSet deletes surplus pods: upstream `ActivePodsWithRanks.Less`
/// (pkg/controller/controller_utils.go, v1.35, LogarithmicScaleDown and PodDeletionCost on).
///
/// Earlier in the order = deleted first:
/// 1. unassigned before assigned;
/// 2. phase Pending < Unknown < Running;
/// 3. not ready before ready;
/// 4. lower `controller.kubernetes.io/pod-deletion-cost` first;
/// 5. higher rank first (rank = active pods of the same owner on the pod's node);
/// 6. both ready: ready for less time first, compared on a log₂ scale of `now − readyTime`
///    (nanoseconds, as Go's `time.Duration`); equal buckets → lower UID first;
/// 7. more container restarts first;
/// 8. newer first, by the log₂ bucket of `now − creationTimestamp`; equal buckets → lower UID.
/// Upstream sorts with Go's unstable `sort.Sort`; KubeSim sorts stably and breaks full ties by
/// name, so the victims are deterministic.
public enum ActivePodsRanking {
  /// The pods sorted for deletion (the first `n` are the victims).
  public static func sorted(_ pods: [Pod], ranks: [Int], now: SimTime) -> [Pod] {
    let idx = pods.indices.sorted { a, b in
      let r = less(pods[a], ranks[a], pods[b], ranks[b], now: now)
      if r != less(pods[b], ranks[b], pods[a], ranks[a], now: now) { return r }
      return pods[a].metadata.name < pods[b].metadata.name
    }
    return idx.map { pods[$0] }
  }

  /// The first `n` pods of the deletion order, without sorting them all: a bounded sorted
  /// buffer (binary insertion), O(pods × log n) comparisons. Equal to `sorted(…).prefix(n)`
  /// when `less` is consistent; deterministic for a given input order in any case.
  public static func first(_ n: Int, of pods: [Pod], ranks: [Int], now: SimTime) -> [Pod] {
    if n <= 0 { return [] }
    if n * 4 >= pods.count { return Array(sorted(pods, ranks: ranks, now: now).prefix(n)) }
    func before(_ a: Int, _ b: Int) -> Bool {
      let r = less(pods[a], ranks[a], pods[b], ranks[b], now: now)
      if r != less(pods[b], ranks[b], pods[a], ranks[a], now: now) { return r }
      return pods[a].metadata.name < pods[b].metadata.name
    }
    var best: [Int] = []
    best.reserveCapacity(n + 1)
    for i in pods.indices {
      if best.count == n, let last = best.last, !before(i, last) { continue }
      var lo = 0
      var hi = best.count
      while lo < hi {
        let mid = (lo + hi) / 2
        if before(i, best[mid]) { hi = mid } else { lo = mid + 1 }
      }
      best.insert(i, at: lo)
      if best.count > n { best.removeLast() }
    }
    return best.map { pods[$0] }
  }

  /// Ranks: for each pod, the number of pods in `related` on the same node (0 if unassigned).
  public static func ranks(_ pods: [Pod], related: [Pod]) -> [Int] {
    var perNode: [String: Int] = [:]
    for p in related { if let n = p.spec.nodeName, !n.isEmpty { perNode[n, default: 0] += 1 } }
    return pods.map { p in
      guard let n = p.spec.nodeName, !n.isEmpty else { return 0 }
      return perNode[n] ?? 0
    }
  }

  /// `ActivePodsWithRanks.Less(i, j)`.
  public static func less(_ a: Pod, _ ra: Int, _ b: Pod, _ rb: Int, now: SimTime) -> Bool {
    let na = a.spec.nodeName ?? ""
    let nb = b.spec.nodeName ?? ""
    if na != nb && (na.isEmpty || nb.isEmpty) { return na.isEmpty }
    let pa = phaseOrdinal(a.status.phase)
    let pb = phaseOrdinal(b.status.phase)
    if pa != pb { return pa < pb }
    let ya = PodUtil.isReady(a)
    let yb = PodUtil.isReady(b)
    if ya != yb { return !ya }
    let ca = deletionCost(a)
    let cb = deletionCost(b)
    if ca != cb { return ca < cb }
    if ra != rb { return ra > rb }
    if ya && yb {
      let ta = PodUtil.readyCondition(a)?.lastTransitionTime
      let tb = PodUtil.readyCondition(b)?.lastTransitionTime
      if ta != tb {
        guard let ta, let tb else { return afterOrZero(ta, tb) }
        let d = logRank(now - ta) - logRank(now - tb)
        if d == 0 { return a.metadata.uid < b.metadata.uid }
        return d < 0
      }
    }
    let ka = maxRestarts(a)
    let kb = maxRestarts(b)
    if ka != kb { return ka > kb }
    let sa = a.metadata.creationTimestamp
    let sb = b.metadata.creationTimestamp
    if sa != sb {
      guard let sa, let sb else { return afterOrZero(sa, sb) }
      let d = logRank(now - sa) - logRank(now - sb)
      if d == 0 { return a.metadata.uid < b.metadata.uid }
      return d < 0
    }
    return false
  }

  /// `podPhaseToOrdinal`: Pending 0, Unknown 1, Running 2 (others 0).
  static func phaseOrdinal(_ p: PodPhase?) -> Int {
    switch p {
    case .unknown: return 1
    case .running: return 2
    default: return 0
    }
  }

  /// `controller.kubernetes.io/pod-deletion-cost` as an int32, 0 when absent or invalid.
  static func deletionCost(_ p: Pod) -> Int64 {
    guard let s = p.metadata.annotations["controller.kubernetes.io/pod-deletion-cost"],
      let v = Int32(s)
    else { return 0 }
    return Int64(v)
  }

  static func maxRestarts(_ p: Pod) -> Int32 {
    p.status.containerStatuses.map(\.restartCount).max() ?? 0
  }

  /// `afterOrZero`: a zero time sorts first, then the later time.
  static func afterOrZero(_ a: SimTime?, _ b: SimTime?) -> Bool {
    guard let a else { return true }
    guard let b else { return false }
    return a > b
  }

  /// `int64(math.Log2(float64(d)))` for d in nanoseconds, −1 when d ≤ 0 (`logarithmicRankDiff`),
  /// computed exactly on integers (floor of log₂).
  static func logRank(_ d: SimDuration) -> Int64 {
    let ns = d.microseconds.multipliedReportingOverflow(by: 1000)
    let v = ns.overflow ? Int64.max : ns.partialValue
    if v <= 0 { return -1 }
    return Int64(63 - v.leadingZeroBitCount)
  }
}
