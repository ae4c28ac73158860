import KubeSimKernel

/// The outcome of one scheduling cycle's node selection.
public enum ScheduleOutcome: Sendable {
  /// The chosen node and how many nodes were evaluated (filtered) and found feasible.
  case scheduled(slot: Int, evaluatedNodes: Int, feasibleNodes: Int)
  /// No node fits.
  case unschedulable(FitError)
}

/// Per-node score detail of one cycle, recorded only when asked (for `kubesim explain`).
public struct ScoreDetail: Sendable, Hashable {
  public var slot: Int
  /// Per plugin, in profile order: (plugin, raw score, normalized score, weight).
  public var plugins: [PluginScore]
  public var total: Int64

  public struct PluginScore: Sendable, Hashable {
    public var plugin: String
    public var raw: Int64
    public var normalized: Int64
    public var weight: Int64
  }
}

/// `schedulePod` of upstream pkg/scheduler/schedule_one.go (v1.35), one pod at a time.
///
/// 1. `findNodesThatPassFilters`: visit nodes in nodeTree order starting at `nextStartNodeIndex`,
///    run the profile's filters in order (the first rejection decides the node's status), stop
///    after `numFeasibleNodesToFind` feasible nodes (1 if the profile has no Score plugins);
///    then `nextStartNodeIndex = (next + processed) % N`. Upstream runs filters on 16 goroutines
///    and which feasible nodes win the race is timing-dependent; KubeSim takes the first ones in
///    visiting order.
/// 2. 0 feasible → FitError (with the PostFilter message); exactly 1 → chosen without scoring.
/// 3. Score plugins (normalized where the plugin normalizes) × weights, summed per node.
/// 4. `selectHost`: the highest total; ties broken by reservoir sampling (at the k-th tie,
///    replace with probability 1/k). Upstream draws from Go's unseeded `rand`; KubeSim draws from
///    the run's `scheduler` stream, so a seed reproduces the choice. Ties are met in visiting
///    order (upstream: heap pop order).
///
/// Two code paths make the same decisions. With `recordScores` (explanations) every filter and
/// score plugin runs through its own code and every figure is kept. Without it, the cycle takes
/// a fast path: a filter pass over the node table's arrays (with InterPodAffinity resolved once
/// per cycle, `AffinityFilterPlan`), constant contributions for plugins that score every node
/// alike, and memoized resource scores (`ResourceScoreMemo`). `SchedulingFastPathTests` checks
/// that both paths choose the same nodes, totals, FitErrors and random draws.
public struct SchedulingAlgorithm: Sendable {
  /// Global `percentageOfNodesToScore` (KubeSchedulerConfiguration; 0 = adaptive).
  public var percentageOfNodesToScore: Int32 = 0
  /// Upstream `nextStartNodeIndex`.
  public var nextStartNodeIndex: Int = 0
  /// When true, `lastScores` keeps every plugin's scores of the last cycle.
  public var recordScores = false
  /// Score detail of the last cycle (when `recordScores`).
  public private(set) var lastScores: [ScoreDetail] = []
  /// Filter verdict of every node the last cycle visited, in visiting order (when
  /// `recordScores`): nil = passed every filter, else the first rejecting plugin's status.
  public private(set) var lastVerdicts: [(slot: Int, status: Status?)] = []
  /// Plugins whose PreFilter or PreScore returned Skip in the last cycle (when `recordScores`).
  public private(set) var lastSkipped: [String] = []

  private var feasible: [Int] = []
  private var codes: [UInt8] = []
  /// Every feasible node's total score of the last cycle that scored (for the fast-path tests).
  private(set) var totals: [Int64] = []
  private var column: [Int64] = []
  /// Fit and BalancedAllocation scores kept across cycles (fast path only).
  private var memo = ResourceScoreMemo()

  public init() {}

  public mutating func schedule(
    _ pod: PodInfo, profile: Profile, snapshot: NodeSnapshot, order: [Int],
    random: inout RandomStream, nominatedPods: NominatedPods = NominatedPods()
  ) -> ScheduleOutcome {
    let n = order.count
    var state = CycleState()
    feasible.removeAll(keepingCapacity: true)
    var failed: [(node: String, status: Status)] = []
    if recordScores {
      lastVerdicts.removeAll(keepingCapacity: true)
      lastScores.removeAll(keepingCapacity: true)
      lastSkipped.removeAll(keepingCapacity: true)
    }
    if n == 0 {
      return .unschedulable(FitError(numAllNodes: 0, nodeStatuses: []))
    }
    // PreFilter (schedule_one.go `findNodesThatFitPod` → `RunPreFilterPlugins`): Skip drops the
    // plugin's Filter; a rejection ends the cycle with that status for every node.
    // Every node then carries the PreFilter status (upstream sets it for all nodes; FitError
    // prints it once).
    for pf in profile.preFilters {
      let before = state.preFilterNodeNames
      var st = pf.preFilter(&state, pod, snapshot)
      if st.code == .skip {
        state.skippedFilterPlugins.append(pf.name)
        if recordScores { lastSkipped.append(pf.name) }
        continue
      }
      if state.preFilterNodeNames != before { state.preFilterNarrowedBy.append(pf.name) }
      if st.isSuccess { continue }
      if st.plugin.isEmpty { st.plugin = pf.name }
      let all = order.map { (node: snapshot.table.names[$0], status: st) }
      if recordScores { lastVerdicts = order.map { ($0, st) } }
      var fe = FitError(numAllNodes: n, nodeStatuses: all, preFilterMessage: st.message)
      fe.preFilterPlugin = pf.name
      runPostFilter(&state, pod, profile: profile, snapshot: snapshot, statuses: all, into: &fe)
      return .unschedulable(fe)
    }
    var visit = order
    if let names = state.preFilterNodeNames {
      // PreFilterResult narrows the nodes evaluated (schedule_one.go `findNodesThatPassFilters`
      // over the result's nodes only); the others get "node(s) didn't satisfy plugin(s)
      // [names]" (schedule_one.go `findNodesThatFitPod`, UnschedulableAndUnresolvable).
      let by = state.preFilterNarrowedBy.sorted()
      let st = Status(
        .unschedulableAndUnresolvable,
        ["node(s) didn't satisfy plugin(s) [\(by.joined(separator: " "))]"],
        plugin: by.joined(separator: ","))
      visit = []
      for slot in order {
        if names.contains(snapshot.table.names[slot]) {
          visit.append(slot)
        } else {
          failed.append((snapshot.table.names[slot], st))
          if recordScores { lastVerdicts.append((slot, st)) }
        }
      }
    }
    // schedule_one.go numFeasibleNodesToFind over the nodes actually filtered.
    let toFind =
      profile.scores.isEmpty
      ? 1
      : NumFeasibleNodes.toFind(
        percentage: profile.percentageOfNodesToScore ?? percentageOfNodesToScore,
        numAllNodes: visit.count)
    // Resolve the filters once per cycle: built-ins become codes and local plugin values, so the
    // per-node loop neither dispatches through existentials nor copies plugin payloads.
    codes.removeAll(keepingCapacity: true)
    var fit = NodeResourcesFit()
    var taint = TaintToleration()
    let steps = profile.filterSteps
    for st in steps {
      switch st {
      case .nodeUnschedulable: codes.append(0)
      case .nodeName: codes.append(1)
      case .taintToleration(let x):
        taint = x
        codes.append(2)
      case .fit(let x):
        fit = x
        codes.append(3)
      case .interPodAffinity:
        codes.append(state.skippedFilterPlugins.contains(InterPodAffinity.pluginName) ? 5 : 6)
      case .other(let p):
        codes.append(state.skippedFilterPlugins.contains(p.name) ? 5 : 4)
      }
    }
    // schedule_one.go `findNodesThatFitPod`: a pod with status.nominatedNodeName (set by
    // preemption) has that node evaluated first; if it passes, it is the only feasible node.
    // `findNodesThatPassFilters` then sets nextStartNodeIndex modulo the one-node list, i.e. 0.
    if let nn = pod.pod.status.nominatedNodeName, !nn.isEmpty,
      let ns = snapshot.table.slot(of: nn), snapshot.table.isLive[ns]
    {
      var passes =
        Self.nominatedRejection(
          pod, profile: profile, snapshot: snapshot, slot: ns, nominated: nominatedPods) == nil
      for (j, st) in steps.enumerated() where passes && codes[j] != 5 {
        let s = st.filter(state, pod, snapshot, slot: ns)
        if !s.isSuccess {
          passes = false
          break
        }
      }
      if passes {
        nextStartNodeIndex = 0
        if recordScores {
          lastVerdicts = [(ns, nil)]
          lastScores = []
        }
        return .scheduled(slot: ns, evaluatedNodes: 1, feasibleNodes: 1)
      }
    }
    let wantNode = pod.pod.spec.nodeName ?? ""
    let toleratesCordon = TaintToleration.tolerated(
      NodeUnschedulable.cordonTaint, by: pod.pod.spec.tolerations)
    let requests = pod.requests
    var processed = 0
    // framework.go `RunFilterPluginsWithNominatedPods`; nothing to do while nobody is nominated.
    let withNominated = !nominatedPods.isEmpty
    let vn = visit.count
    let start = profile.searchesFromFirstNode || vn == 0 ? 0 : nextStartNodeIndex % vn
    // Appending to a local array skips the uniqueness check `self.feasible` would need per node.
    var feasible: [Int] = []
    swap(&feasible, &self.feasible)
    defer { swap(&feasible, &self.feasible) }
    let noTaints = snapshot.taintedSlots == 0
    let codes = self.codes
    // The filters in profile order on one node: nil = feasible, else the first rejection.
    func firstRejection(_ slot: Int) -> Status? {
      if withNominated,
        let st = Self.nominatedRejection(
          pod, profile: profile, snapshot: snapshot, slot: slot, nominated: nominatedPods)
      {
        return st
      }
      for j in 0..<codes.count {
        switch codes[j] {
        case 0:
          if snapshot.table.unschedulable[slot] && !toleratesCordon {
            return Status(
              .unschedulableAndUnresolvable, [NodeUnschedulable.reason],
              plugin: NodeUnschedulable.pluginName)
          }
        case 1:
          if !wantNode.isEmpty && snapshot.table.names[slot] != wantNode {
            return Status(
              .unschedulableAndUnresolvable, [NodeName.reason], plugin: NodeName.pluginName)
          }
        case 2:
          if !noTaints && !snapshot.taints[slot].isEmpty {
            let st = taint.filter(state, pod, snapshot, slot: slot)
            if !st.isSuccess { return st }
          }
        case 3:
          if !fit.fits(requests, snapshot.table, slot: slot) {
            return fit.filter(state, pod, snapshot, slot: slot)
          }
        case 5:
          break
        default:
          let st = steps[j].filter(state, pod, snapshot, slot: slot)
          if !st.isSuccess { return st }
        }
      }
      return nil
    }
    // Fast pass (no explanation recorded, no nominated pods, only built-in filters active): a
    // conservative test over the table's arrays that accepts a node only when every filter
    // would; any other node goes through `firstRejection`, which decides and builds the status.
    let fastPass =
      !recordScores && !withNominated && !codes.contains(4)
      && (wantNode.isEmpty || !codes.contains(1))
    if fastPass {
      let t = snapshot.table
      let unschedulable = t.unschedulable
      let podCount = t.podCount
      let allocPods = t.allocPods
      let allocCPU = t.allocMilliCPU
      let usedCPU = t.requestedMilliCPU
      let allocMemory = t.allocMemory
      let usedMemory = t.requestedMemory
      let allocEphemeral = t.allocEphemeralStorage
      let usedEphemeral = t.requestedEphemeralStorage
      let taints = snapshot.taints
      let checkCordon = codes.contains(0) && !toleratesCordon
      let checkTaints = codes.contains(2) && !noTaints
      let checkFit = codes.contains(3)
      // Scalar requests always take `firstRejection`.
      let fitAlways = checkFit && !requests.scalars.isEmpty
      let cpu = requests.milliCPU
      let memory = requests.memory
      let ephemeral = requests.ephemeralStorage
      let affinityPlan = codes.contains(6) ? AffinityFilterPlan(state, pod, snapshot) : nil
      for i in 0..<vn {
        var slot = start + i
        if slot >= vn { slot -= vn }
        slot = visit[slot]
        processed += 1
        var pass = !fitAlways
        if pass && checkCordon && unschedulable[slot] { pass = false }
        if pass && checkTaints && !taints[slot].isEmpty { pass = false }
        if pass && checkFit {
          if Int64(podCount[slot]) + 1 > allocPods[slot]
            || (cpu > 0 && cpu > allocCPU[slot] &- usedCPU[slot])
            || (memory > 0 && memory > allocMemory[slot] &- usedMemory[slot])
            || (ephemeral > 0 && ephemeral > allocEphemeral[slot] &- usedEphemeral[slot])
          {
            pass = false
          }
        }
        if pass, let plan = affinityPlan, let st = plan.rejection(snapshot.pods.labels(slot)) {
          // Every other active filter accepts the node (the checks above are exact when they
          // pass), so InterPodAffinity's rejection is the node's status.
          failed.append((snapshot.table.names[slot], st))
          continue
        }
        if !pass, let st = firstRejection(slot) {
          failed.append((snapshot.table.names[slot], st))
          continue
        }
        feasible.append(slot)
        if feasible.count >= toFind { break }
      }
    } else {
      for i in 0..<vn {
        var slot = start + i
        if slot >= vn { slot -= vn }
        slot = visit[slot]
        processed += 1
        let rejected = firstRejection(slot)
        if recordScores { lastVerdicts.append((slot, rejected)) }
        if let st = rejected {
          failed.append((snapshot.table.names[slot], st))
        } else {
          feasible.append(slot)
          if feasible.count >= toFind { break }
        }
      }
    }
    nextStartNodeIndex = vn == 0 ? 0 : (start + processed) % vn
    if feasible.isEmpty {
      var fe = FitError(numAllNodes: n, nodeStatuses: failed)
      runPostFilter(&state, pod, profile: profile, snapshot: snapshot, statuses: failed, into: &fe)
      return .unschedulable(fe)
    }
    if feasible.count == 1 {
      lastScores = []
      return .scheduled(slot: feasible[0], evaluatedNodes: processed, feasibleNodes: 1)
    }
    // PreScore (`RunPreScorePlugins`): Skip drops the plugin's Score for this cycle.
    for ps in profile.preScores {
      let st = ps.preScore(&state, pod, snapshot, feasible: feasible)
      if st.code == .skip {
        state.skippedScorePlugins.append(ps.name)
        if recordScores { lastSkipped.append(ps.name) }
      }
    }
    let count = feasible.count
    swap(&feasible, &self.feasible)
    let chosen =
      recordScores
      ? scoreAndSelect(pod, profile: profile, snapshot: snapshot, state: &state, random: &random)
      : scoreAndSelectFast(
        pod, profile: profile, snapshot: snapshot, state: &state, random: &random)
    swap(&feasible, &self.feasible)
    return .scheduled(slot: chosen, evaluatedNodes: processed, feasibleNodes: count)
  }

  /// `scoreAndSelect` for cycles that record nothing: the same totals and the same choice
  /// (including the random draws), computed with less work. Plugins whose contribution is the
  /// same for every feasible node are added as that constant (TaintToleration when no node has a
  /// taint: every raw score 0, reverse-normalized to 100; ImageLocality when no node lists an
  /// image: the score of an empty sum); NodeResourcesFit and BalancedAllocation on their default
  /// resources come from `ResourceScoreMemo`; every other plugin scores as in `scoreAndSelect`.
  /// `SchedulingFastPathTests` checks that both paths choose the same nodes with the same totals.
  private mutating func scoreAndSelectFast(
    _ pod: PodInfo, profile: Profile, snapshot: NodeSnapshot, state: inout CycleState,
    random: inout RandomStream
  ) -> Int {
    let m = feasible.count
    totals.removeAll(keepingCapacity: true)
    totals.append(contentsOf: repeatElement(0, count: m))
    var memoFit: NodeResourcesFit? = nil
    var memoBalanced: NodeResourcesBalancedAllocation? = nil
    var fitWeight: Int64 = 0
    var balancedWeight: Int64 = 0
    for (k, (plugin, weight)) in profile.scores.enumerated() {
      if !state.skippedScorePlugins.isEmpty && state.skippedScorePlugins.contains(plugin.name) {
        continue
      }
      var constant: Int64? = nil
      switch profile.scoreSteps[k] {
      case .fit(let fit) where memoFit == nil && fit.scoresOnlyCPUAndMemory:
        memoFit = fit
        fitWeight = weight
        continue
      case .balancedAllocation(let b) where memoBalanced == nil && b.scoresOnlyCPUAndMemory:
        memoBalanced = b
        balancedWeight = weight
        continue
      case .taintToleration where snapshot.taintedSlots == 0:
        // Every raw score is 0; DefaultNormalizeScore(reverse) maps an all-zero list to 100s.
        constant = NodeScore.max
      case .imageLocality(let il) where snapshot.slotsWithImages == 0:
        constant = il.score(state, pod, snapshot, slot: feasible[0])
      default:
        break
      }
      if let c = constant {
        let add = c * weight
        for j in 0..<m { totals[j] += add }
        continue
      }
      column.removeAll(keepingCapacity: true)
      profile.scoreSteps[k].appendRawScores(state, pod, snapshot, feasible, to: &column)
      if plugin.normalizes { plugin.normalize(state, pod, &column) }
      for j in 0..<m { totals[j] += column[j] * weight }
    }
    if memoFit != nil || memoBalanced != nil {
      memo.begin(
        ResourceScoreMemo.PodKey(
          fit: memoFit, balanced: memoBalanced, nonZeroMilliCPU: pod.nonZeroRequests.milliCPU,
          nonZeroMemory: pod.nonZeroRequests.memory, milliCPU: pod.requests.milliCPU,
          memory: pod.requests.memory),
        slots: snapshot.table.count)
      memo.addScores(
        feasible: feasible, into: &totals, fitWeight: fitWeight, balancedWeight: balancedWeight,
        pod: pod, snapshot: snapshot, state: state)
    }
    return selectHost(&random)
  }

  /// `selectHost` with reservoir sampling over the ties of the maximum of `totals`.
  private func selectHost(_ random: inout RandomStream) -> Int {
    let m = totals.count
    var best = 0
    var ties = 1
    for j in 1..<m {
      if totals[j] > totals[best] {
        best = j
        ties = 1
      } else if totals[j] == totals[best] {
        ties += 1
        if random.uniform(below: ties) == 0 { best = j }
      }
    }
    return feasible[best]
  }

  private mutating func scoreAndSelect(
    _ pod: PodInfo, profile: Profile, snapshot: NodeSnapshot, state: inout CycleState,
    random: inout RandomStream
  ) -> Int {
    let m = feasible.count
    totals.removeAll(keepingCapacity: true)
    totals.append(contentsOf: repeatElement(0, count: m))
    if recordScores {
      lastScores = feasible.map { ScoreDetail(slot: $0, plugins: [], total: 0) }
    }
    for (k, (plugin, weight)) in profile.scores.enumerated() {
      if !state.skippedScorePlugins.isEmpty && state.skippedScorePlugins.contains(plugin.name) {
        continue
      }
      column.removeAll(keepingCapacity: true)
      profile.scoreSteps[k].appendRawScores(state, pod, snapshot, feasible, to: &column)
      let raw = recordScores ? column : []
      if plugin.normalizes { plugin.normalize(state, pod, &column) }
      for j in 0..<m {
        totals[j] += column[j] * weight
        if recordScores {
          lastScores[j].plugins.append(
            ScoreDetail.PluginScore(
              plugin: plugin.name, raw: raw[j], normalized: column[j], weight: weight))
        }
      }
    }
    if recordScores { for j in 0..<m { lastScores[j].total = totals[j] } }
    return selectHost(&random)
  }

  /// PostFilter (`RunPostFilterPlugins`, see `PostFilterRun`): the plugins configured before
  /// DefaultPreemption (all of them when preemption is disabled). When none ends the phase and
  /// the profile preempts, the message stands for what DefaultPreemption reports when it finds
  /// no victims (`FitError.noVictimsPostFilterMessage`): `DefaultScheduler` replaces it by
  /// running preemption; `kubesim explain --snapshot`, which simulates no evictions, keeps it.
  private func runPostFilter(
    _ state: inout CycleState, _ pod: PodInfo, profile: Profile, snapshot: NodeSnapshot,
    statuses: [(node: String, status: Status)], into fe: inout FitError
  ) {
    let before = profile.postFiltersAroundPreemption.before
    var reasons: [String] = []
    if PostFilterRun.run(
      before, &state, pod, snapshot, statuses, reasons: &reasons, into: &fe)
    {
      return
    }
    fe.postFilterReasons = reasons
    if profile.preemption != nil {
      let standIn = FitError.noVictimsPostFilterMessage(
        numAllNodes: fe.numAllNodes, statuses: statuses.map(\.status),
        preemptionNever: pod.pod.spec.preemptionPolicy == .never)
      fe.postFilterMessage = (reasons + [standIn]).joined(separator: ", ")
    }
  }
}
