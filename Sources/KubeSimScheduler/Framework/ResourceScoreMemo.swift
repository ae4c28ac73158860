/// Per-node memo of the two resource scores (NodeResourcesFit, NodeResourcesBalancedAllocation)
/// across scheduling cycles, for the cycles that record no explanation.
///
/// Both scores are pure functions of a few integers: the node's allocatable, requested and
/// non-zero requested cpu and memory, the pod's cpu and memory requests (plain and non-zero) and
/// the plugins' arguments. A row keeps the node's six figures it was computed from; the pod's
/// figures and the plugins' arguments form the `PodKey`, and a new key starts a new epoch that
/// invalidates every row. A row is used only when its epoch and all six node figures are equal
/// to the current ones, so a hit returns exactly what the plugin would compute. Pods of one
/// template (a ReplicaSet's) share a key, and between two of their cycles only the node that
/// received the pod changes, so all other nodes hit.
///
/// Only the plugins' default resources (cpu and memory) are memoized
/// (`scoresOnlyCPUAndMemory`); other configurations score through the plugins directly.
struct ResourceScoreMemo {
  /// What the memoized scores depend on besides the node: the plugins (nil when not memoized
  /// this cycle) and the pod's requests.
  struct PodKey: Equatable {
    var fit: NodeResourcesFit?
    var balanced: NodeResourcesBalancedAllocation?
    var nonZeroMilliCPU: Int64
    var nonZeroMemory: Int64
    var milliCPU: Int64
    var memory: Int64
  }

  /// One node's memoized scores and the node figures they were computed from.
  struct Row {
    var allocMilliCPU: Int64 = 0
    var allocMemory: Int64 = 0
    var nonZeroMilliCPU: Int64 = 0
    var nonZeroMemory: Int64 = 0
    var requestedMilliCPU: Int64 = 0
    var requestedMemory: Int64 = 0
    /// The epoch the row was computed in; -1 = never.
    var epoch: Int = -1
    var fit: Int64 = 0
    var balanced: Int64 = 0
  }

  private(set) var rows: [Row] = []
  private(set) var epoch = 0
  private var key: PodKey?

  /// Starts a cycle for `key` over a table of `slots` slots: a changed key invalidates every row.
  mutating func begin(_ key: PodKey, slots: Int) {
    if self.key != key {
      self.key = key
      epoch += 1
    }
    if rows.count < slots {
      rows.append(contentsOf: repeatElement(Row(), count: slots - rows.count))
    }
  }

  /// Adds `fitWeight·fit + balancedWeight·balanced` of each feasible node to `totals`, from the
  /// memo or, on a miss, from the plugins of the current key.
  mutating func addScores(
    feasible: [Int], into totals: inout [Int64], fitWeight: Int64, balancedWeight: Int64,
    pod: PodInfo, snapshot: NodeSnapshot, state: CycleState
  ) {
    guard let key else { return }
    let t = snapshot.table
    let epoch = self.epoch
    rows.withUnsafeMutableBufferPointer { rows in
      totals.withUnsafeMutableBufferPointer { totals in
        for j in 0..<feasible.count {
          let s = feasible[j]
          let ac = t.allocMilliCPU[s]
          let am = t.allocMemory[s]
          let nzc = t.nonZeroMilliCPU[s]
          let nzm = t.nonZeroMemory[s]
          let rc = t.requestedMilliCPU[s]
          let rm = t.requestedMemory[s]
          let r = rows[s]
          if r.epoch == epoch && r.allocMilliCPU == ac && r.allocMemory == am
            && r.nonZeroMilliCPU == nzc && r.nonZeroMemory == nzm && r.requestedMilliCPU == rc
            && r.requestedMemory == rm
          {
            totals[j] += r.fit * fitWeight + r.balanced * balancedWeight
            continue
          }
          var n = Row(
            allocMilliCPU: ac, allocMemory: am, nonZeroMilliCPU: nzc, nonZeroMemory: nzm,
            requestedMilliCPU: rc, requestedMemory: rm, epoch: epoch)
          if let fit = key.fit {
            n.fit = fit.score(requests: pod.nonZeroRequests, actual: pod.requests, t, slot: s)
          }
          if let b = key.balanced { n.balanced = b.score(state, pod, snapshot, slot: s) }
          rows[s] = n
          totals[j] += n.fit * fitWeight + n.balanced * balancedWeight
        }
      }
    }
  }
}
