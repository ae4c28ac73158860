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
  private var totals: [Int64] = []
  private var column: [Int64] = []

  public init() {}

  public mutating func schedule(
    _ pod: PodInfo, profile: Profile, snapshot: NodeSnapshot, order: [Int],
    random: inout RandomStream
  ) -> ScheduleOutcome {
    var n = order.count
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
    // RunPreFilterPlugins (framework/runtime/framework.go): Skip drops the plugin's Filter for
    // this cycle; a rejection makes every node fail with that status; a PreFilterResult narrows
    // the nodes filtered, the others get "node(s) didn't satisfy plugin(s) [names]"
    // (schedule_one.go `findNodesThatFitPod`, UnschedulableAndUnresolvable).
    var skipStep = [Bool](repeating: false, count: profile.filterSteps.count)
    for (j, pf) in profile.preFilters {
      let p = pf
      let before = state.preFilterNodeNames
      let r = pf.preFilter(&state, pod, snapshot)
      if r.code == .skip {
        skipStep[j] = true
        if recordScores { lastSkipped.append(p.name) }
        continue
      }
      if state.preFilterNodeNames != before { state.preFilterNarrowedBy.append(p.name) }
      if r.isRejected || r.code == .error {
        var st = r
        if st.plugin.isEmpty { st.plugin = p.name }
        let all = order.map { (node: snapshot.table.names[$0], status: st) }
        if recordScores { lastVerdicts = order.map { ($0, st) } }
        let post = FitError.noVictimsPostFilterMessage(
          numAllNodes: n, statuses: all.map(\.status),
          preemptionNever: pod.pod.spec.preemptionPolicy == .never)
        var e = FitError(numAllNodes: n, nodeStatuses: all, postFilterMessage: post)
        e.preFilterMessage = st.message
        return .unschedulable(e)
      }
    }
    var candidates = order
    var absent: [(node: String, status: Status)] = []
    if let names = state.preFilterNodeNames {
      let st = Status(
        .unschedulableAndUnresolvable,
        [
          "node(s) didn't satisfy plugin(s) [\(state.preFilterNarrowedBy.sorted().joined(separator: " "))]"
        ], plugin: state.preFilterNarrowedBy.sorted().joined(separator: ","))
      candidates = []
      for slot in order {
        if names.contains(snapshot.table.names[slot]) {
          candidates.append(slot)
        } else {
          absent.append((snapshot.table.names[slot], st))
          if recordScores { lastVerdicts.append((slot, st)) }
        }
      }
      failed = absent
      if candidates.isEmpty {
        let post = FitError.noVictimsPostFilterMessage(
          numAllNodes: n, statuses: absent.map(\.status),
          preemptionNever: pod.pod.spec.preemptionPolicy == .never)
        return .unschedulable(
          FitError(numAllNodes: n, nodeStatuses: absent, postFilterMessage: post))
      }
    }
    let numAllNodes = n
    n = candidates.count
    let toFind =
      profile.scores.isEmpty
      ? 1
      : NumFeasibleNodes.toFind(
        percentage: profile.percentageOfNodesToScore ?? percentageOfNodesToScore, numAllNodes: n)
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
      case .other: codes.append(4)
      }
    }
    for j in skipStep.indices where skipStep[j] { codes[j] = 5 }
    let wantNode = pod.pod.spec.nodeName ?? ""
    let toleratesCordon = TaintToleration.tolerated(
      NodeUnschedulable.cordonTaint, by: pod.pod.spec.tolerations)
    let requests = pod.requests
    var processed = 0
    let start = nextStartNodeIndex % n
    for i in 0..<n {
      var slot = start + i
      if slot >= n { slot -= n }
      slot = candidates[slot]
      processed += 1
      var rejected: Status? = nil
      for j in 0..<codes.count {
        switch codes[j] {
        case 0:
          if snapshot.table.unschedulable[slot] && !toleratesCordon {
            rejected = Status(
              .unschedulableAndUnresolvable, [NodeUnschedulable.reason],
              plugin: NodeUnschedulable.pluginName)
          }
        case 1:
          if !wantNode.isEmpty && snapshot.table.names[slot] != wantNode {
            rejected = Status(
              .unschedulableAndUnresolvable, [NodeName.reason], plugin: NodeName.pluginName)
          }
        case 2:
          if !snapshot.taints[slot].isEmpty {
            let st = taint.filter(state, pod, snapshot, slot: slot)
            if !st.isSuccess { rejected = st }
          }
        case 3:
          if !fit.fits(requests, snapshot.table, slot: slot) {
            rejected = fit.filter(state, pod, snapshot, slot: slot)
          }
        case 5: break
        default:
          let st = steps[j].filter(state, pod, snapshot, slot: slot)
          if !st.isSuccess { rejected = st }
        }
        if rejected != nil { break }
      }
      if recordScores { lastVerdicts.append((slot, rejected)) }
      if let st = rejected {
        failed.append((snapshot.table.names[slot], st))
      } else {
        feasible.append(slot)
        if feasible.count >= toFind { break }
      }
    }
    nextStartNodeIndex = (start + processed) % n
    if feasible.isEmpty {
      let post = FitError.noVictimsPostFilterMessage(
        numAllNodes: numAllNodes, statuses: failed.map(\.status),
        preemptionNever: pod.pod.spec.preemptionPolicy == .never)
      return .unschedulable(
        FitError(numAllNodes: numAllNodes, nodeStatuses: failed, postFilterMessage: post))
    }
    if feasible.count == 1 {
      lastScores = []
      return .scheduled(slot: feasible[0], evaluatedNodes: processed, feasibleNodes: 1)
    }
    let chosen = scoreAndSelect(
      pod, profile: profile, snapshot: snapshot, state: &state, random: &random)
    return .scheduled(slot: chosen, evaluatedNodes: processed, feasibleNodes: feasible.count)
  }

  private mutating func scoreAndSelect(
    _ pod: PodInfo, profile: Profile, snapshot: NodeSnapshot, state: inout CycleState,
    random: inout RandomStream
  ) -> Int {
    let m = feasible.count
    // RunPreScorePlugins: a plugin returning Skip adds nothing this cycle.
    var skipScore = [Bool](repeating: false, count: profile.scores.count)
    for (k, s) in profile.scores.enumerated() {
      let ps: any PreScorePlugin
      switch profile.scoreSteps[k] {
      case .balancedAllocation(let x): ps = x
      case .other(let p):
        guard let x = p as? any PreScorePlugin else { continue }
        ps = x
      default: continue
      }
      if ps.preScore(&state, pod, snapshot, feasible: feasible).code == .skip {
        skipScore[k] = true
        if recordScores { lastSkipped.append(s.plugin.name) }
      }
    }
    totals.removeAll(keepingCapacity: true)
    totals.append(contentsOf: repeatElement(0, count: m))
    if recordScores {
      lastScores = feasible.map { ScoreDetail(slot: $0, plugins: [], total: 0) }
    }
    for (k, (plugin, weight)) in profile.scores.enumerated() where !skipScore[k] {
      column.removeAll(keepingCapacity: true)
      switch profile.scoreSteps[k] {
      case .fit(let fit):
        let nonZero = pod.nonZeroRequests
        let actual = pod.requests
        for slot in feasible {
          column.append(fit.score(requests: nonZero, actual: actual, snapshot.table, slot: slot))
        }
      case .taintToleration(let taint):
        for slot in feasible {
          column.append(
            snapshot.taints[slot].isEmpty ? 0 : taint.score(state, pod, snapshot, slot: slot))
        }
      case .balancedAllocation(let b):
        for slot in feasible { column.append(b.score(state, pod, snapshot, slot: slot)) }
      case .imageLocality(let il):
        for slot in feasible { column.append(il.score(state, pod, snapshot, slot: slot)) }
      case .other(let p):
        for slot in feasible { column.append(p.score(state, pod, snapshot, slot: slot)) }
      }
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
    // selectHost with reservoir sampling over the ties of the maximum.
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
}
