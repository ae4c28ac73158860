/// The NodeResourcesBalancedAllocation plugin: prefer nodes whose resource fractions stay
/// balanced with the pod placed.
///
/// Upstream pkg/scheduler/framework/plugins/noderesources/balanced_allocation.go:
/// - PreScore returns Skip for a pod requesting nothing of the configured resources (since
///   v1.33); no non-zero defaults are used (`useRequested = true`).
/// - `S(req, alloc) = int64((1 − std) · 100)` over the fractions `min(1, req/alloc)` of the
///   resources with allocatable ≠ 0 (a scalar the pod does not request is skipped):
///   std = |f0 − f1| / 2 for two fractions, the population std for more, 0 otherwise.
/// - v1.36 (PR #135573) scores the change: `50 + (50 + S(with pod) − S(without pod)) / 2`;
///   up to v1.35 the score is `S(with pod)` (`settings.kubernetesVersion` "1.35" or lower).
public struct NodeResourcesBalancedAllocation: PreScorePlugin, ScorePlugin, Sendable, Equatable {
  public static let pluginName = "NodeResourcesBalancedAllocation"
  public var name: String { NodeResourcesBalancedAllocation.pluginName }

  /// `NodeResourcesBalancedAllocationArgs.resources`; defaults to cpu and memory, weight 1
  /// (pkg/scheduler/apis/config/v1/defaults.go). Weights do not enter the formula.
  public var resources: [String] {
    didSet { isCPUAndMemory = resources == ["cpu", "memory"] }
  }
  /// `resources` is the default cpu, memory (the allocation-free path).
  private var isCPUAndMemory = true
  /// Whether the score reads only the node's allocatable and requested cpu and memory and the
  /// pod's cpu and memory requests, so it can be memoized on those figures (`ResourceScoreMemo`).
  var scoresOnlyCPUAndMemory: Bool { isCPUAndMemory }
  /// Use the ≤ v1.35 formula (score of the balance with the pod, not of its change).
  public var legacyFormula: Bool

  public init(resources: [String] = ["cpu", "memory"], legacyFormula: Bool = false) {
    self.resources = resources
    self.isCPUAndMemory = resources == ["cpu", "memory"]
    self.legacyFormula = legacyFormula
  }

  /// Whether `version` ("1.35", "v1.34.2", …) selects the ≤ v1.35 formula; unparsable or empty
  /// versions mean current (v1.36).
  public static func isLegacy(kubernetesVersion version: String) -> Bool {
    var s = Substring(version)
    if s.hasPrefix("v") { s = s.dropFirst() }
    let parts = s.split(separator: ".")
    guard parts.count >= 2, let major = Int(parts[0]), let minor = Int(parts[1]) else {
      return false
    }
    return major < 1 || (major == 1 && minor <= 35)
  }

  private func request(_ r: String, _ v: ResourceVector) -> Int64 {
    switch r {
    case "cpu": return v.milliCPU
    case "memory": return v.memory
    case "ephemeral-storage": return v.ephemeralStorage
    default: return v.scalar(r)
    }
  }

  public func preScore(
    _ state: inout CycleState, _ pod: PodInfo, _ snapshot: NodeSnapshot, feasible: [Int]
  ) -> Status {
    for r in resources where request(r, pod.requests) != 0 { return .success }
    return .skip
  }

  public func score(_ state: CycleState, _ pod: PodInfo, _ snapshot: NodeSnapshot, slot: Int)
    -> Int64
  {
    let t = snapshot.table
    if isCPUAndMemory {
      // The default resources, without allocating: the same arithmetic as the general path.
      var fw: (Double, Double) = (0, 0)
      var fo: (Double, Double) = (0, 0)
      var n = 0
      let ac = t.allocMilliCPU[slot]
      let am = t.allocMemory[slot]
      if ac != 0 {
        let u = t.requestedMilliCPU[slot]
        fw.0 = min(1, Double(u &+ pod.requests.milliCPU) / Double(ac))
        fo.0 = min(1, Double(u) / Double(ac))
        n = 1
      }
      if am != 0 {
        let u = t.requestedMemory[slot]
        let w = min(1, Double(u &+ pod.requests.memory) / Double(am))
        let o = min(1, Double(u) / Double(am))
        if n == 1 {
          fw.1 = w
          fo.1 = o
        } else {
          fw.0 = w
          fo.0 = o
        }
        n += 1
      }
      let sWith = n == 2 ? Self.balance2(fw.0, fw.1) : Int64(NodeScore.max)
      if legacyFormula { return sWith }
      let sWithout = n == 2 ? Self.balance2(fo.0, fo.1) : Int64(NodeScore.max)
      return 50 + (50 + sWith - sWithout) / 2
    }
    var withPod: [Double] = []
    var without: [Double] = []
    for r in resources {
      let alloc: Int64
      let used: Int64
      let podReq = request(r, pod.requests)
      switch r {
      case "cpu":
        alloc = t.allocMilliCPU[slot]
        used = t.requestedMilliCPU[slot]
      case "memory":
        alloc = t.allocMemory[slot]
        used = t.requestedMemory[slot]
      case "ephemeral-storage":
        alloc = t.allocEphemeralStorage[slot]
        used = t.requestedEphemeralStorage[slot]
      default:
        // resource_allocation.go: a scalar the pod does not request is bypassed.
        if podReq == 0 { continue }
        alloc = t.allocatableScalar(r, slot: slot)
        used = t.requestedScalarAmount(r, slot: slot)
      }
      if alloc == 0 { continue }
      withPod.append(min(1, Double(used &+ podReq) / Double(alloc)))
      without.append(min(1, Double(used) / Double(alloc)))
    }
    let sWith = Self.balance(withPod)
    if legacyFormula { return sWith }
    // PR #135573: Go int64 division truncates toward zero, as Swift's.
    return 50 + (50 + sWith - Self.balance(without)) / 2
  }

  /// `balance` of exactly two fractions.
  @inline(__always)
  static func balance2(_ a: Double, _ b: Double) -> Int64 {
    Int64((1 - abs((a - b) / 2)) * Double(NodeScore.max))
  }

  /// `int64((1 − std) · 100)` of the fractions (balanced_allocation.go `balancedResourceScorer`).
  public static func balance(_ f: [Double]) -> Int64 {
    var std = 0.0
    if f.count == 2 {
      std = abs((f[0] - f[1]) / 2)
    } else if f.count > 2 {
      var sum = 0.0
      for x in f { sum += x }
      let mean = sum / Double(f.count)
      var v = 0.0
      for x in f { v += (x - mean) * (x - mean) }
      std = (v / Double(f.count)).squareRoot()
    }
    return Int64((1 - std) * Double(NodeScore.max))
  }
}
