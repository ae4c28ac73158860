import KubeSimKernel
import KubeSimModel

/// A node where preemption would make the pod fit, with the pods to evict (upstream
/// `candidate`, pkg/scheduler/framework/preemption/preemption.go).
public struct PreemptionCandidate: Sendable {
  public var slot: Int
  /// Victims, most important first (`MoreImportantPod`).
  public var victims: [AssignedPod]
  public var numPDBViolations: Int
}

/// The outcome of DefaultPreemption's PostFilter.
public enum PreemptionOutcome: Sendable {
  /// Evict `victims` from `slot` and nominate the node.
  case nominate(PreemptionCandidate)
  /// No preemption; the `preemption: …` message for the FailedScheduling event.
  case none(String)
}

/// The DefaultPreemption PostFilter plugin (upstream pkg/scheduler/framework/plugins/
/// defaultpreemption/default_preemption.go and pkg/scheduler/framework/preemption/
/// preemption.go, v1.35).
///
/// KubeSim differs: the dry run visits the potential nodes one after the other (upstream: 16
/// goroutines, so which candidates are found first is timing-dependent); the random start offset
/// (`getOffsetRand`, Go's `rand.Int31n`) is drawn from the run's `scheduler` stream; candidates
/// are kept in the order found (upstream ranges over a Go map); filters are re-run with the
/// victims removed by re-running the PreFilters (upstream updates PreFilter state with
/// AddPod/RemovePod); the pods nominated to a node with priority ≥ the preemptor's are added
/// while filtering it (`SchedulingAlgorithm.nominatedRejection`), as upstream.
public struct DefaultPreemption: Sendable {
  public static let pluginName = "DefaultPreemption"
  /// `DefaultPreemptionArgs.minCandidateNodesPercentage` (default 10, apis/config/v1/defaults.go).
  public var minCandidateNodesPercentage = 10
  /// `DefaultPreemptionArgs.minCandidateNodesAbsolute` (default 100).
  public var minCandidateNodesAbsolute = 100
  /// `v1.PodReasonPreemptionByScheduler` (k8s.io/api/core/v1/types.go).
  public static let reasonPreemptionByScheduler = "PreemptionByScheduler"
  /// preemption.go `SelectVictimsOnNode`: no lower-priority pod on the node.
  public static let noVictimsReason = "No preemption victims found for incoming pod"
  /// preemption.go `findCandidates`: nodes where preemption cannot help.
  public static let notHelpfulReason = "Preemption is not helpful for scheduling"

  public init() {}

  /// `calculateNumCandidates`: N·percentage/100, at least the absolute minimum, at most N.
  public func numCandidates(_ n: Int) -> Int {
    var k = n * minCandidateNodesPercentage / 100
    if k < minCandidateNodesAbsolute { k = minCandidateNodesAbsolute }
    return min(k, n)
  }

  /// PostFilter: eligibility, candidates, the best candidate.
  /// - Parameters:
  ///   - statuses: the Filter status of every rejecting node, by slot.
  ///   - order: the snapshot's nodes in visiting order (upstream `allNodes`).
  ///   - now: stands for a victim's missing start time (upstream `GetPodStartTime` uses now).
  public func postFilter(
    _ pod: PodInfo, profile: Profile, snapshot: inout NodeSnapshot,
    statuses: [(slot: Int, status: Status)], order: [Int], pdbs: [PodDisruptionBudgetInfo],
    now: SimTime, random: inout RandomStream, nominated: NominatedPods = NominatedPods()
  ) -> PreemptionOutcome {
    // default_preemption.go `PodEligibleToPreemptOthers`.
    if pod.pod.spec.preemptionPolicy == .never {
      return .none("preemption: not eligible due to preemptionPolicy=Never.")
    }
    let statusBySlot = Dictionary(
      statuses.map { ($0.slot, $0.status) }, uniquingKeysWith: { a, _ in a })
    if let nn = pod.pod.status.nominatedNodeName, !nn.isEmpty, let ns = snapshot.table.slot(of: nn),
      statusBySlot[ns]?.code != .unschedulableAndUnresolvable
    {
      for p in snapshot.pods.pods(ns) where p.priority < pod.priority && p.preemptedByScheduler {
        _ = p
        return .none("preemption: not eligible due to a terminating pod on the nominated node.")
      }
    }
    // `nodesWherePreemptionMightHelp`: only Unschedulable nodes (not UnschedulableAndUnresolvable).
    var nodeStatuses: [Status] = []
    var potential: [Int] = []
    for slot in order {
      if let st = statusBySlot[slot], st.code == .unschedulable {
        potential.append(slot)
      } else {
        nodeStatuses.append(
          Status(.unschedulableAndUnresolvable, [DefaultPreemption.notHelpfulReason]))
      }
    }
    var nonViolating: [PreemptionCandidate] = []
    var violating: [PreemptionCandidate] = []
    if !potential.isEmpty {
      let n = potential.count
      let want = numCandidates(n)
      // `getOffsetRand`: rand.Int31n(N), from the seeded `scheduler` stream.
      let offset = random.uniform(below: n)
      for i in 0..<n {
        let slot = potential[(offset + i) % n]
        switch selectVictims(
          pod, profile: profile, snapshot: &snapshot, slot: slot, pdbs: pdbs,
          nominated: nominated) {
        case .success(let c):
          if c.numPDBViolations == 0 { nonViolating.append(c) } else { violating.append(c) }
        case .failure(let st):
          nodeStatuses.append(st)
        }
        if !nonViolating.isEmpty && nonViolating.count + violating.count >= want { break }
      }
    }
    let candidates = nonViolating + violating
    guard let best = pickOne(candidates, now: now) else {
      let fit = FitError(
        numAllNodes: order.count, nodeStatuses: nodeStatuses.map { (node: "", status: $0) })
      return .none("preemption: " + fit.message)
    }
    return .nominate(best)
  }

  enum VictimResult {
    case success(PreemptionCandidate)
    case failure(Status)
  }

  /// preemption.go `SelectVictimsOnNode`.
  func selectVictims(
    _ pod: PodInfo, profile: Profile, snapshot: inout NodeSnapshot, slot: Int,
    pdbs: [PodDisruptionBudgetInfo], nominated: NominatedPods = NominatedPods()
  ) -> VictimResult {
    // preemption.go `SelectVictimsOnNode` filters with `RunFilterPluginsWithNominatedPods`.
    func evaluate(_ snapshot: NodeSnapshot) -> Status? {
      SchedulingAlgorithm.nominatedRejection(
        pod, profile: profile, snapshot: snapshot, slot: slot, nominated: nominated)
        ?? SchedulingAlgorithm.evaluate(pod, profile: profile, snapshot: snapshot, slot: slot)
    }
    var potential = snapshot.pods.pods(slot).filter { $0.priority < pod.priority }
    if potential.isEmpty {
      return .failure(Status(.unschedulableAndUnresolvable, [DefaultPreemption.noVictimsReason]))
    }
    for p in potential { Self.remove(p, slot: slot, from: &snapshot) }
    defer {
      // The dry run leaves the cache as it found it.
      for p in potential where !snapshot.pods.pods(slot).contains(where: { $0.key == p.key }) {
        Self.add(p, slot: slot, to: &snapshot)
      }
    }
    if let st = evaluate(snapshot) {
      return .failure(st)
    }
    potential.sort(by: Self.moreImportant)
    let (violatingPods, nonViolatingPods) = Self.splitByPDB(potential, pdbs)
    var victims: [AssignedPod] = []
    var numViolating = 0
    // Reprieve as many pods as possible, the PDB-violating ones first.
    for (isViolating, group) in [(true, violatingPods), (false, nonViolatingPods)] {
      for p in group {
        Self.add(p, slot: slot, to: &snapshot)
        if evaluate(snapshot) != nil {
          Self.remove(p, slot: slot, from: &snapshot)
          victims.append(p)
          if isViolating { numViolating += 1 }
        }
      }
    }
    victims.sort(by: Self.moreImportant)
    return .success(
      PreemptionCandidate(slot: slot, victims: victims, numPDBViolations: numViolating))
  }

  /// `util.MoreImportantPod`: higher priority, then earlier start time (a pod not started yet
  /// counts as starting now, i.e. last).
  static func moreImportant(_ a: AssignedPod, _ b: AssignedPod) -> Bool {
    if a.priority != b.priority { return a.priority > b.priority }
    switch (a.startTime, b.startTime) {
    case (let x?, let y?): return x < y
    case (.some, nil): return true
    default: return false
    }
  }

  /// `filterPodsWithPDBViolation`: budgets are decremented in order; a pod whose matching budget
  /// goes below 0 violates it.
  static func splitByPDB(_ pods: [AssignedPod], _ pdbs: [PodDisruptionBudgetInfo])
    -> (violating: [AssignedPod], nonViolating: [AssignedPod])
  {
    var allowed = pdbs.map(\.disruptionsAllowed)
    var v: [AssignedPod] = []
    var nv: [AssignedPod] = []
    for p in pods {
      var violated = false
      if !p.labels.isEmpty {
        for (i, pdb) in pdbs.enumerated() where pdb.namespace == p.namespace {
          guard let sel = pdb.selector, !sel.isEmpty, sel.matches(p.labels) else { continue }
          if pdb.disruptedPods.contains(p.name) { continue }
          allowed[i] -= 1
          if allowed[i] < 0 { violated = true }
        }
      }
      if violated { v.append(p) } else { nv.append(p) }
    }
    return (v, nv)
  }

  /// `pickOneNodeForPreemption` with the default ordered score functions: fewest PDB
  /// violations; lowest highest-priority victim; smallest Σ(priority + 2³¹); fewest victims;
  /// latest earliest start time among the highest-priority victims; then the first candidate.
  func pickOne(_ cs: [PreemptionCandidate], now: SimTime) -> PreemptionCandidate? {
    if cs.isEmpty { return nil }
    var keep = Array(cs.indices)
    func narrow(_ score: (PreemptionCandidate) -> Int64) {
      var best = Int64.min
      var out: [Int] = []
      for i in keep {
        let s = score(cs[i])
        if s > best {
          best = s
          out = [i]
        } else if s == best {
          out.append(i)
        }
      }
      keep = out
    }
    narrow { -Int64($0.numPDBViolations) }
    if keep.count > 1 { narrow { -Int64($0.victims.first?.priority ?? Int32.min) } }
    if keep.count > 1 {
      narrow { c in -c.victims.reduce(Int64(0)) { $0 + Int64($1.priority) + Int64(Int32.max) + 1 } }
    }
    if keep.count > 1 { narrow { -Int64($0.victims.count) } }
    if keep.count > 1 {
      // `GetEarliestPodStartTime`: among the victims of the highest priority.
      narrow { c in
        guard let top = c.victims.first?.priority else { return Int64.min }
        var earliest = Int64.max
        for v in c.victims where v.priority == top {
          earliest = min(earliest, (v.startTime ?? now).microseconds)
        }
        return earliest
      }
    }
    return cs[keep[0]]
  }

  static func remove(_ p: AssignedPod, slot: Int, from s: inout NodeSnapshot) {
    s.table.removePod(slot: slot, requests: p.requests, nonZero: p.nonZeroRequests)
    s.pods.remove(key: p.key, slot: slot)
  }

  static func add(_ p: AssignedPod, slot: Int, to s: inout NodeSnapshot) {
    s.table.addPod(slot: slot, requests: p.requests, nonZero: p.nonZeroRequests)
    s.pods.add(p, slot: slot)
  }
}

extension SchedulingAlgorithm {
  /// Runs the profile's PreFilters and Filters for one node (upstream
  /// `RunFilterPluginsWithNominatedPods` after a fresh PreFilter). - Returns: nil when the pod
  /// passes, else the first rejecting status.
  public static func evaluate(
    _ pod: PodInfo, profile: Profile, snapshot: NodeSnapshot, slot: Int
  ) -> Status? {
    var state = CycleState()
    var skip = [Bool](repeating: false, count: profile.filters.count)
    for (j, f) in profile.filters.enumerated() {
      guard let pf = f as? any PreFilterPlugin else { continue }
      let st = pf.preFilter(&state, pod, snapshot)
      if st.code == .skip { skip[j] = true } else if st.isRejected { return st }
    }
    for (j, f) in profile.filters.enumerated() where !skip[j] {
      let st = f.filter(state, pod, snapshot, slot: slot)
      if !st.isSuccess { return st }
    }
    return nil
  }
}
