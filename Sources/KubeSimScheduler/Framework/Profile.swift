import KubeSimModel

/// A scheduling profile: the plugins of each extension point, in execution order, with score
/// weights (upstream `KubeSchedulerProfile` after `updatePluginList`,
/// pkg/scheduler/framework/runtime/framework.go).
public struct Profile {
  /// Pods choose a profile by `spec.schedulerName`.
  public var schedulerName: String
  public var filters: [any FilterPlugin] {
    didSet { filterSteps = filters.map(FilterStep.init) }
  }
  public var scores: [(plugin: any ScorePlugin, weight: Int64)] {
    didSet { scoreSteps = scores.map { ScoreStep($0.plugin) } }
  }
  /// The filters resolved to an enum, so the per-node loop calls the built-in plugins directly
  /// instead of through an existential (ARCHITECTURE.md: no `any` dispatch in inner loops).
  var filterSteps: [FilterStep] = []
  /// The score plugins resolved the same way.
  var scoreSteps: [ScoreStep] = []
  /// The PostFilter (DefaultPreemption, enabled by default); nil when disabled.
  public var preemption: DefaultPreemption? = DefaultPreemption()
  /// Profile-level `percentageOfNodesToScore`; nil falls back to the global one.
  public var percentageOfNodesToScore: Int32?
  /// PreEnqueue plugins (SchedulingGates), in order.
  public var preEnqueue: [any PreEnqueuePlugin] = []
  /// PreFilter plugins, in order; run once per cycle before the node loop.
  public var preFilters: [any PreFilterPlugin] = []
  /// PostFilter plugins in configured order (DefaultPreemption among them when enabled); run
  /// when no node is feasible (`PostFilterRun`).
  public var postFilters: [any PostFilterPlugin] = []
  /// PreScore plugins, in order; run once per cycle before Score when 2+ nodes are feasible.
  public var preScores: [any PreScorePlugin] = []
  /// Reserve, Permit, PreBind and Bind plugins, in order (run when the pod is assumed).
  public var reserves: [any ReservePlugin] = []
  public var permits: [any PermitPlugin] = []
  public var preBinds: [any PreBindPlugin] = []
  public var binds: [any BindPlugin] = []
  /// Policy option (not upstream): every cycle searches nodes from the first in node order
  /// instead of upstream's rotating `nextStartNodeIndex` (first-fit).
  public var searchesFromFirstNode = false
  /// The policy name this profile was built from, if any (`Policies`).
  public var policy: String?

  public init(
    schedulerName: String, filters: [any FilterPlugin],
    scores: [(plugin: any ScorePlugin, weight: Int64)], percentageOfNodesToScore: Int32? = nil
  ) {
    self.schedulerName = schedulerName
    self.filters = filters
    self.scores = scores
    self.percentageOfNodesToScore = percentageOfNodesToScore
    self.filterSteps = filters.map(FilterStep.init)
    self.scoreSteps = scores.map { ScoreStep($0.plugin) }
    // A profile built directly (not by `ProfileBuilder`) runs the PreFilter of its filters and the
    // PreScore of its scores, in order (upstream plugins implement all their points).
    var pre: [any PreFilterPlugin] = []
    for f in filters {
      if let x = f as? any PreFilterPlugin, !pre.contains(where: { $0.name == x.name }) {
        pre.append(x)
      }
    }
    self.preFilters = pre
    var ps: [any PreScorePlugin] = []
    for s in scores {
      if let x = s.plugin as? any PreScorePlugin, !ps.contains(where: { $0.name == x.name }) {
        ps.append(x)
      }
    }
    self.preScores = ps
  }

  /// Upstream's default profile (pkg/scheduler/apis/config/v1/default_plugins.go, v1.35) with
  /// the plugins the registry holds, in upstream order (`DefaultPlugins.multiPoint`): e.g.
  /// filters NodeUnschedulable, NodeName, TaintToleration, NodeResourcesFit; scores
  /// TaintToleration (weight 3) and NodeResourcesFit/LeastAllocated (weight 1), plus whatever
  /// other default plugins are registered. `fit` replaces the NodeResourcesFit instance.
  public static func defaultProfile(
    schedulerName: String = "default-scheduler", fit: NodeResourcesFit? = nil,
    registry: PluginRegistry = .inTree
  ) -> Profile {
    var built =
      (try? ProfileBuilder.build(
        KubeSchedulerProfile(schedulerName: schedulerName), path: "", registry: registry))
      ?? Profile(
        schedulerName: schedulerName,
        filters: [NodeUnschedulable(), NodeName(), TaintToleration(), NodeResourcesFit()],
        scores: [(TaintToleration(), 3), (NodeResourcesFit(), 1)])
    if let fit {
      built.filters = built.filters.map { $0 is NodeResourcesFit ? fit : $0 }
      built.scores = built.scores.map { $0.plugin is NodeResourcesFit ? (fit, $0.weight) : $0 }
    }
    return built
  }
}

/// A filter plugin resolved for the hot loop: built-ins by value, others through the protocol.
enum FilterStep {
  case nodeUnschedulable(NodeUnschedulable)
  case nodeName(NodeName)
  case taintToleration(TaintToleration)
  case fit(NodeResourcesFit)
  case interPodAffinity(InterPodAffinity)
  case other(any FilterPlugin)

  init(_ p: any FilterPlugin) {
    switch p {
    case let x as NodeUnschedulable: self = .nodeUnschedulable(x)
    case let x as NodeName: self = .nodeName(x)
    case let x as TaintToleration: self = .taintToleration(x)
    case let x as NodeResourcesFit: self = .fit(x)
    case let x as InterPodAffinity: self = .interPodAffinity(x)
    default: self = .other(p)
    }
  }

  @inline(__always)
  func filter(_ state: CycleState, _ pod: PodInfo, _ snapshot: NodeSnapshot, slot: Int) -> Status {
    switch self {
    case .nodeUnschedulable(let x): return x.filter(state, pod, snapshot, slot: slot)
    case .nodeName(let x): return x.filter(state, pod, snapshot, slot: slot)
    case .taintToleration(let x): return x.filter(state, pod, snapshot, slot: slot)
    case .fit(let x): return x.filter(state, pod, snapshot, slot: slot)
    case .interPodAffinity(let x): return x.filter(state, pod, snapshot, slot: slot)
    case .other(let x): return x.filter(state, pod, snapshot, slot: slot)
    }
  }

  /// The plugin's name.
  var name: String {
    switch self {
    case .nodeUnschedulable(let x): return x.name
    case .nodeName(let x): return x.name
    case .taintToleration(let x): return x.name
    case .fit(let x): return x.name
    case .interPodAffinity(let x): return x.name
    case .other(let x): return x.name
    }
  }
}

/// A score plugin resolved for the hot loop.
enum ScoreStep {
  case taintToleration(TaintToleration)
  case fit(NodeResourcesFit)
  case balancedAllocation(NodeResourcesBalancedAllocation)
  case imageLocality(ImageLocality)
  case podTopologySpread(PodTopologySpread)
  case other(any ScorePlugin)

  init(_ p: any ScorePlugin) {
    switch p {
    case let x as TaintToleration: self = .taintToleration(x)
    case let x as NodeResourcesFit: self = .fit(x)
    case let x as NodeResourcesBalancedAllocation: self = .balancedAllocation(x)
    case let x as ImageLocality: self = .imageLocality(x)
    case let x as PodTopologySpread: self = .podTopologySpread(x)
    default: self = .other(p)
    }
  }

  /// The raw scores of the `feasible` slots, in order, appended to `column`: one loop per
  /// plugin kind so the hot built-ins are called directly (both scoring paths of
  /// `SchedulingAlgorithm` use it).
  @inline(__always)
  func appendRawScores(
    _ state: CycleState, _ pod: PodInfo, _ snapshot: NodeSnapshot, _ feasible: [Int],
    to column: inout [Int64]
  ) {
    switch self {
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
    case .podTopologySpread(let pts):
      pts.appendRawScores(state, pod, snapshot, feasible, to: &column)
    case .other(let p):
      for slot in feasible { column.append(p.score(state, pod, snapshot, slot: slot)) }
    }
  }
}
