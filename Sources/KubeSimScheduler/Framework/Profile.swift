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
  }

  /// The subset of upstream's default profile (pkg/scheduler/apis/config/v1/default_plugins.go,
  /// v1.35) that KubeSim implements so far, in upstream order: filters NodeUnschedulable,
  /// NodeName, TaintToleration, NodeResourcesFit, PodTopologySpread, InterPodAffinity; scores
  /// TaintToleration (weight 3), NodeResourcesFit/LeastAllocated (1), PodTopologySpread (2),
  /// InterPodAffinity (2). The other default plugins (NodeAffinity,
  /// NodePorts, PodTopologySpread, InterPodAffinity, BalancedAllocation, ImageLocality,
  /// volumes, DefaultPreemption) are issue 3.
  public static func defaultProfile(
    schedulerName: String = "default-scheduler", fit: NodeResourcesFit = NodeResourcesFit()
  ) -> Profile {
    Profile(
      schedulerName: schedulerName,
      filters: [
        NodeUnschedulable(), NodeName(), TaintToleration(), fit, PodTopologySpread(),
        InterPodAffinity(),
      ],
      scores: [(TaintToleration(), 3), (fit, 1), (PodTopologySpread(), 2), (InterPodAffinity(), 2)])
  }
}

/// A filter plugin resolved for the hot loop: built-ins by value, others through the protocol.
enum FilterStep {
  case nodeUnschedulable(NodeUnschedulable)
  case nodeName(NodeName)
  case taintToleration(TaintToleration)
  case fit(NodeResourcesFit)
  case other(any FilterPlugin)

  init(_ p: any FilterPlugin) {
    switch p {
    case let x as NodeUnschedulable: self = .nodeUnschedulable(x)
    case let x as NodeName: self = .nodeName(x)
    case let x as TaintToleration: self = .taintToleration(x)
    case let x as NodeResourcesFit: self = .fit(x)
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
    case .other(let x): return x.filter(state, pod, snapshot, slot: slot)
    }
  }
}

/// A score plugin resolved for the hot loop.
enum ScoreStep {
  case taintToleration(TaintToleration)
  case fit(NodeResourcesFit)
  case other(any ScorePlugin)

  init(_ p: any ScorePlugin) {
    switch p {
    case let x as TaintToleration: self = .taintToleration(x)
    case let x as NodeResourcesFit: self = .fit(x)
    default: self = .other(p)
    }
  }

  @inline(__always)
  func score(_ state: CycleState, _ pod: PodInfo, _ snapshot: NodeSnapshot, slot: Int) -> Int64 {
    switch self {
    case .taintToleration(let x): return x.score(state, pod, snapshot, slot: slot)
    case .fit(let x): return x.score(state, pod, snapshot, slot: slot)
    case .other(let x): return x.score(state, pod, snapshot, slot: slot)
    }
  }
}
