/// The NodeResourcesFit plugin: filter on free resources and score by a resource strategy.
///
/// Upstream pkg/scheduler/framework/plugins/noderesources/fit.go (v1.35). Filter: `fitsRequest`;
/// Score: `resourceAllocationScorer` with the configured `ScoringStrategy` (LeastAllocated by
/// default, MostAllocated, RequestedToCapacityRatio). The pod's requests are computed
/// once per pod in `PodInfo` (upstream computes them in PreFilter/PreScore).
public struct NodeResourcesFit: FilterPlugin, ScorePlugin, Sendable, Equatable {
  public static let pluginName = "NodeResourcesFit"
  public var name: String { NodeResourcesFit.pluginName }

  /// Upstream `config.ScoringStrategyType`.
  public enum Strategy: String, Sendable {
    case leastAllocated = "LeastAllocated"
    case mostAllocated = "MostAllocated"
    case requestedToCapacityRatio = "RequestedToCapacityRatio"
  }

  /// A point of the RequestedToCapacityRatio shape (`config.UtilizationShapePoint`):
  /// utilization 0...100 and score 0...10 (`MaxCustomPriorityScore`).
  public struct ShapePoint: Sendable, Hashable {
    public var utilization: Int64
    public var score: Int64
    public init(utilization: Int64, score: Int64) {
      self.utilization = utilization
      self.score = score
    }
  }

  /// A resource the score looks at, with its weight (`config.ResourceSpec`).
  public struct ResourceWeight: Sendable, Hashable {
    public var name: String
    public var weight: Int64
    public init(name: String, weight: Int64) {
      self.name = name
      self.weight = weight
    }
  }

  public var strategy: Strategy
  /// Defaults to cpu:1, memory:1 (pkg/scheduler/apis/config/v1/defaults.go
  /// `SetDefaults_NodeResourcesFitArgs`).
  public var resources: [ResourceWeight] {
    didSet { kinds = resources.map { ResourceKind($0.name) } }
  }
  /// `resources` resolved once, so the score loop does not compare names.
  private var kinds: [ResourceKind] = []

  /// Whether the score reads only cpu and memory (the node's allocatable and non-zero requested
  /// cpu and memory, and the pod's non-zero cpu and memory requests), so it can be memoized on
  /// those figures (`ResourceScoreMemo`).
  var scoresOnlyCPUAndMemory: Bool { kinds.allSatisfy { $0 == .cpu || $0 == .memory } }

  private enum ResourceKind: Sendable {
    case cpu, memory, ephemeralStorage, scalar
    init(_ name: String) {
      switch name {
      case "cpu": self = .cpu
      case "memory": self = .memory
      case "ephemeral-storage": self = .ephemeralStorage
      default: self = .scalar
      }
    }
  }
  /// The RequestedToCapacityRatio shape, scores as configured (0...10); upstream's default when
  /// the strategy is set without a shape is not defined, KubeSim uses {0→10, 100→0}.
  public var shape: [ShapePoint] = [
    ShapePoint(utilization: 0, score: 10), ShapePoint(utilization: 100, score: 0),
  ]
  /// `NodeResourcesFitArgs.ignoredResources`: extended resources the filter does not check.
  public var ignoredResources: [String]
  /// `NodeResourcesFitArgs.ignoredResourceGroups`: extended-resource domains not checked.
  public var ignoredResourceGroups: [String]

  public init(
    strategy: Strategy = .leastAllocated,
    resources: [ResourceWeight] = [
      ResourceWeight(name: "cpu", weight: 1), ResourceWeight(name: "memory", weight: 1),
    ],
    ignoredResources: [String] = [], ignoredResourceGroups: [String] = []
  ) {
    self.strategy = strategy
    self.resources = resources
    self.kinds = resources.map { ResourceKind($0.name) }
    self.ignoredResources = ignoredResources
    self.ignoredResourceGroups = ignoredResourceGroups
  }

  /// One insufficient resource (upstream `InsufficientResource`).
  public struct InsufficientResource: Sendable, Hashable {
    public var resourceName: String
    /// "Too many pods" or "Insufficient <name>".
    public var reason: String
    public var requested: Int64
    public var used: Int64
    public var capacity: Int64
    /// The request exceeds the node's allocatable: preemption cannot help.
    public var unresolvable: Bool
  }

  // MARK: Filter

  public func filter(_ state: CycleState, _ pod: PodInfo, _ snapshot: NodeSnapshot, slot: Int)
    -> Status
  {
    let insufficient = fitsRequest(pod.requests, snapshot.table, slot: slot)
    if insufficient.isEmpty { return .success }
    var code = Status.Code.unschedulable
    for r in insufficient where r.unresolvable { code = .unschedulableAndUnresolvable }
    return Status(code, insufficient.map(\.reason), plugin: name)
  }

  /// Whether the pod fits without building any reason (the hot path's success test); the same
  /// checks as `fitsRequest`.
  @inline(__always)
  public func fits(_ req: ResourceVector, _ t: NodeTable, slot s: Int) -> Bool {
    if Int64(t.podCount[s]) + 1 > t.allocPods[s] { return false }
    if req.milliCPU > 0 && req.milliCPU > t.allocMilliCPU[s] &- t.requestedMilliCPU[s] {
      return false
    }
    if req.memory > 0 && req.memory > t.allocMemory[s] &- t.requestedMemory[s] { return false }
    if req.ephemeralStorage > 0
      && req.ephemeralStorage > t.allocEphemeralStorage[s] &- t.requestedEphemeralStorage[s]
    {
      return false
    }
    if req.scalars.isEmpty { return true }
    return fitsRequest(req, t, slot: s).isEmpty
  }

  /// Upstream `fitsRequest`: every insufficient resource, in the order pods, cpu, memory,
  /// ephemeral-storage, scalars by name. (Upstream walks scalars in Go map order; KubeSim sorts
  /// them so the reasons' order is deterministic.)
  public func fitsRequest(_ req: ResourceVector, _ t: NodeTable, slot s: Int)
    -> [InsufficientResource]
  {
    var out: [InsufficientResource] = []
    let allowed = t.allocPods[s]
    let pods = Int64(t.podCount[s])
    if pods + 1 > allowed {
      out.append(
        InsufficientResource(
          resourceName: "pods", reason: "Too many pods", requested: 1, used: pods,
          capacity: allowed, unresolvable: false))
    }
    if req.milliCPU == 0 && req.memory == 0 && req.ephemeralStorage == 0 && req.scalars.isEmpty {
      return out
    }
    check(
      "cpu", req.milliCPU, t.allocMilliCPU[s], t.requestedMilliCPU[s], &out)
    check("memory", req.memory, t.allocMemory[s], t.requestedMemory[s], &out)
    check(
      "ephemeral-storage", req.ephemeralStorage, t.allocEphemeralStorage[s],
      t.requestedEphemeralStorage[s], &out)
    for sc in req.scalars where sc.value != 0 {
      if ResourceVector.isExtendedResourceName(sc.name) {
        if ignoredResources.contains(sc.name) { continue }
        if !ignoredResourceGroups.isEmpty,
          let group = sc.name.split(separator: "/", maxSplits: 1).first,
          ignoredResourceGroups.contains(String(group))
        {
          continue
        }
      }
      let alloc = t.allocatableScalar(sc.name, slot: s)
      let used = t.requestedScalarAmount(sc.name, slot: s)
      if sc.value > alloc &- used {
        out.append(
          InsufficientResource(
            resourceName: sc.name, reason: "Insufficient \(sc.name)", requested: sc.value,
            used: used, capacity: alloc, unresolvable: sc.value > alloc))
      }
    }
    return out
  }

  @inline(__always)
  private func check(
    _ name: String, _ req: Int64, _ alloc: Int64, _ used: Int64,
    _ out: inout [InsufficientResource]
  ) {
    if req > 0 && req > alloc &- used {
      out.append(
        InsufficientResource(
          resourceName: name, reason: "Insufficient \(name)", requested: req, used: used,
          capacity: alloc, unresolvable: req > alloc))
    }
  }

  // MARK: Score

  public func score(_ state: CycleState, _ pod: PodInfo, _ snapshot: NodeSnapshot, slot: Int)
    -> Int64
  {
    score(requests: pod.nonZeroRequests, actual: pod.requests, snapshot.table, slot: slot)
  }

  /// `x * 100 / total` with a 128-bit product when `x * 100` would overflow (allocatable near
  /// Int64.max; upstream's int64 arithmetic would wrap there, KubeSim stays exact).
  @inline(__always)
  static func percent(_ x: Int64, of total: Int64) -> Int64 {
    if x <= Int64.max / NodeScore.max { return x * NodeScore.max / total }
    return Int64(Int128(x) * Int128(NodeScore.max) / Int128(total))
  }

  /// Upstream `resourceAllocationScorer.score` for the Fit strategies (`useRequested = false`),
  /// pkg/scheduler/framework/plugins/noderesources/resource_allocation.go.
  ///
  /// For cpu and memory the pod's non-zero request and the node's `NonZeroRequested` are used;
  /// for ephemeral-storage and scalars the actual requests. A scalar the pod does not request is
  /// bypassed, and a resource with allocatable 0 counts in neither the score nor the weight sum.
  public func score(
    requests nonZero: ResourceVector, actual: ResourceVector, _ t: NodeTable, slot s: Int
  ) -> Int64 {
    var total: Int64 = 0
    var weightSum: Int64 = 0
    for (i, r) in resources.enumerated() {
      let alloc: Int64
      let requested: Int64
      switch kinds[i] {
      case .cpu:
        alloc = t.allocMilliCPU[s]
        requested = t.nonZeroMilliCPU[s] &+ nonZero.milliCPU
      case .memory:
        alloc = t.allocMemory[s]
        requested = t.nonZeroMemory[s] &+ nonZero.memory
      case .ephemeralStorage:
        alloc = t.allocEphemeralStorage[s]
        requested = t.requestedEphemeralStorage[s] &+ actual.ephemeralStorage
      case .scalar:
        let podReq = actual.scalar(r.name)
        if podReq == 0 { continue }
        alloc = t.allocatableScalar(r.name, slot: s)
        requested = t.requestedScalarAmount(r.name, slot: s) &+ podReq
      }
      if alloc == 0 { continue }
      if strategy == .requestedToCapacityRatio {
        // requested_to_capacity_ratio.go: util = 100 when over capacity, else requested·100/
        // alloc (128-bit, clamped); only resources scoring above 0 count, also in the weights.
        let util: Int64 =
          requested > alloc ? 100 : max(0, min(100, Self.percent(requested, of: alloc)))
        let sr = Self.brokenLinear(shape, util, scale: NodeScore.max / 10)
        if sr > 0 {
          total += sr * r.weight
          weightSum += r.weight
        }
        continue
      }
      let sr: Int64
      switch strategy {
      case .leastAllocated:
        // least_allocated.go `leastRequestedScore`.
        sr = requested > alloc ? 0 : Self.percent(alloc - requested, of: alloc)
      case .mostAllocated:
        // most_allocated.go `mostRequestedScore`.
        sr = Self.percent(min(requested, alloc), of: alloc)
      case .requestedToCapacityRatio:
        sr = 0
      }
      total += sr * r.weight
      weightSum += r.weight
    }
    if weightSum == 0 { return 0 }
    if strategy == .requestedToCapacityRatio {
      // math.Round(float64(nodeScore) / float64(weightSum)): half away from zero, exact on
      // these non-negative integers.
      return (2 * total + weightSum) / (2 * weightSum)
    }
    return total / weightSum
  }

  /// `helper.BuildBrokenLinearFunction` (pkg/scheduler/framework/plugins/helper/
  /// shape_score.go) with scores multiplied by `scale` (10 for the RequestedToCapacityRatio
  /// shape): the first point's score up to its utilization, linear interpolation with Go's
  /// truncating division between points, the last point's score beyond.
  public static func brokenLinear(_ shape: [ShapePoint], _ p: Int64, scale: Int64 = 1) -> Int64 {
    guard let first = shape.first else { return 0 }
    if p <= first.utilization { return first.score * scale }
    for i in 1..<max(shape.count, 1) where i < shape.count {
      let a = shape[i - 1]
      let b = shape[i]
      if p <= b.utilization {
        let span = b.utilization - a.utilization
        if span == 0 { return b.score * scale }
        return a.score * scale + (b.score - a.score) * scale * (p - a.utilization) / span
      }
    }
    return (shape.last ?? first).score * scale
  }
}
