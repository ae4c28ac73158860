/// Score plugins of the classic (non-Kubernetes) placement policies. Each is an ordinary
/// `ScorePlugin`, registered by name, so a KubeSchedulerConfiguration can use them too.
/// Raw scores are unbounded integers (higher is better); the policies' profiles use one of them
/// alone (weight 1), so no normalization is needed.
public enum PolicyPlugins {
  /// Registry lines for the policy plugins.
  public static let registrations: [PluginRegistration] = [
    PluginRegistration(name: FreeCapacityScore.bestFitName, points: [.score]) { _ in
      FreeCapacityScore(preferLeastFree: true)
    },
    PluginRegistration(name: FreeCapacityScore.worstFitName, points: [.score]) { _ in
      FreeCapacityScore(preferLeastFree: false)
    },
    PluginRegistration(name: LeastPods.pluginName, points: [.score]) { _ in LeastPods() },
    PluginRegistration(name: UniformRandom.pluginName, points: [.score]) { _ in UniformRandom() },
    PluginRegistration(name: SwarmStrategy.spreadName, points: [.score]) { _ in
      SwarmStrategy(binpack: false)
    },
    PluginRegistration(name: SwarmStrategy.binpackName, points: [.score]) { _ in
      SwarmStrategy(binpack: true)
    },
  ]
}

/// Best fit / worst fit: the free fraction of cpu and memory left on the node after placing the
/// pod, in parts per million, summed over the two resources. Best fit prefers the least free
/// capacity (score = 2,000,000 − free), worst fit the most (score = free). Resources the node
/// does not have count as fully used.
public struct FreeCapacityScore: ScorePlugin, Sendable {
  public static let bestFitName = "BestFit"
  public static let worstFitName = "WorstFit"
  public var preferLeastFree: Bool
  public var name: String { preferLeastFree ? Self.bestFitName : Self.worstFitName }
  public init(preferLeastFree: Bool) { self.preferLeastFree = preferLeastFree }

  public func score(_ state: CycleState, _ pod: PodInfo, _ snapshot: NodeSnapshot, slot: Int)
    -> Int64
  {
    let t = snapshot.table
    func free(_ alloc: Int64, _ used: Int64, _ req: Int64) -> Int64 {
      guard alloc > 0 else { return 0 }
      return max(0, alloc - used - req) * 1_000_000 / alloc
    }
    let f =
      free(t.allocMilliCPU[slot], t.requestedMilliCPU[slot], pod.requests.milliCPU)
      + free(t.allocMemory[slot], t.requestedMemory[slot], pod.requests.memory)
    return preferLeastFree ? 2_000_000 - f : f
  }
}

/// Spread by pod count: the node with the fewest pods wins (score = −pods).
public struct LeastPods: ScorePlugin, Sendable {
  public static let pluginName = "LeastPods"
  public var name: String { Self.pluginName }
  public init() {}
  public func score(_ state: CycleState, _ pod: PodInfo, _ snapshot: NodeSnapshot, slot: Int)
    -> Int64
  {
    -Int64(snapshot.table.podCount[slot])
  }
}

/// Every feasible node scores 0, so `selectHost` picks uniformly among them with the run's
/// seeded `scheduler` stream (reservoir sampling).
public struct UniformRandom: ScorePlugin, Sendable {
  public static let pluginName = "UniformRandom"
  public var name: String { Self.pluginName }
  public init() {}
  public func score(_ state: CycleState, _ pod: PodInfo, _ snapshot: NodeSnapshot, slot: Int)
    -> Int64
  { 0 }
}

/// Docker (classic) Swarm's `spread` and `binpack` strategies
/// (docker/swarm scheduler/strategy/weighted_node.go `weighNodes`, spread.go, binpack.go).
///
/// Swarm weighs a node as `cpuScore + memoryScore`, each `(used + requested) · 100 / total`
/// in integer arithmetic, or 100 when the container requests none of it; nodes where either
/// exceeds 100 are dropped (here: the NodeResourcesFit filter of the profile). `spread` takes
/// the lowest weight and, among equal weights, the node with the fewest containers; `binpack`
/// the highest weight and then the most containers. KubeSim maps Swarm's CpuShares/Memory to
/// the pod's cpu (millicores) and memory requests and containers to pods; nodes still equal
/// after both keys are drawn from the seeded `scheduler` stream (Swarm: the first after an
/// unstable sort).
public struct SwarmStrategy: ScorePlugin, Sendable {
  public static let spreadName = "SwarmSpread"
  public static let binpackName = "SwarmBinpack"
  public var binpack: Bool
  public var name: String { binpack ? Self.binpackName : Self.spreadName }
  public init(binpack: Bool) { self.binpack = binpack }

  /// Swarm's node weight (0…200) for the pod.
  public static func weight(_ pod: PodInfo, _ t: NodeTable, slot: Int) -> Int64 {
    var cpu: Int64 = 100
    var mem: Int64 = 100
    // weighted_node.go: score = (used + requested) * 100 / total when requested > 0.
    if pod.requests.milliCPU > 0 && t.allocMilliCPU[slot] > 0 {
      cpu = (t.requestedMilliCPU[slot] + pod.requests.milliCPU) * 100 / t.allocMilliCPU[slot]
    }
    if pod.requests.memory > 0 && t.allocMemory[slot] > 0 {
      mem = (t.requestedMemory[slot] + pod.requests.memory) * 100 / t.allocMemory[slot]
    }
    return cpu + mem
  }

  public func score(_ state: CycleState, _ pod: PodInfo, _ snapshot: NodeSnapshot, slot: Int)
    -> Int64
  {
    let w = Self.weight(pod, snapshot.table, slot: slot)
    let pods = min(Int64(snapshot.table.podCount[slot]), 999_999)
    // Lexicographic (weight, containers) packed into one integer.
    return binpack ? w * 1_000_000 + pods : (200 - w) * 1_000_000 + (999_999 - pods)
  }
}
