import KubeSimKernel
import KubeSimModel

/// A stochastic failure process of `spec.faults`: every node matching `selector` fails and
/// recovers on its own, with up times drawn around `mtbf` and down times around `mttr`.
///
/// ```yaml
/// faults:
///   - nodeCrash: {selector: {matchLabels: {pool: spot}}, mtbf: 6h, mttr: 20m}
///   - kubeletStop: {selector: "tier=edge", mtbf: 2d, mttr: 5m, distribution: weibull, shape: 1.5}
/// ```
///
/// Kinds: `nodeCrash` (node-crash / node-recover), `kubeletStop` (kubelet-stop / kubelet-start)
/// and `nodePartition` (node-partition / node-heal). Distributions: `exponential` (default: a
/// constant failure rate, 1/mtbf per node) or `weibull` with `shape` (the scale is set so that
/// the mean is `mtbf`, resp. `mttr`). Draws come from the run's `faults` stream: per process in
/// file order, per node in name order, alternately an up time and a down time, so the same seed
/// gives the same failures, and adding a `load:` does not change them. The nodes are those of
/// the initial input; nodes created later are not included (a KubeSim simplification).
public struct FaultProcess: Sendable, Equatable {
  /// What fails.
  public enum Kind: String, Sendable, Equatable, CaseIterable {
    case nodeCrash, kubeletStop, nodePartition
  }
  /// The distribution of up and down times.
  public enum Distribution: Sendable, Equatable {
    case exponential
    case weibull(shape: Double)
  }
  public var kind: Kind
  /// Which nodes (by label).
  public var selector: LabelSelector
  /// Mean time between failures (mean up time).
  public var mtbf: SimDuration
  /// Mean time to repair (mean down time).
  public var mttr: SimDuration
  public var distribution: Distribution = .exponential

  /// A process of `kind` over the nodes matching `selector`.
  public init(
    kind: Kind, selector: LabelSelector, mtbf: SimDuration, mttr: SimDuration,
    distribution: Distribution = .exponential
  ) {
    self.kind = kind
    self.selector = selector
    self.mtbf = mtbf
    self.mttr = mttr
    self.distribution = distribution
  }

  /// The fault that starts, and the one that ends, a failure of `node`.
  func faults(_ node: String) -> (Fault, Fault) {
    switch kind {
    case .nodeCrash: return (.nodeCrash(node: node), .nodeRecover(node: node))
    case .kubeletStop: return (.kubeletStop(node: node), .nodeRecover(node: node))
    case .nodePartition: return (.nodePartition(node: node), .nodeHeal(node: node))
    }
  }

  /// One draw with the given mean, in whole milliseconds (at least 1 ms), so that timelines
  /// stay readable.
  func draw(mean: SimDuration, _ rng: inout RandomStream) -> SimDuration {
    let m = Double(mean.microseconds)
    let v: Double
    switch distribution {
    case .exponential:
      v = rng.exponential(mean: m)
    case .weibull(let shape):
      v = rng.weibull(shape: shape, scale: m / Self.gamma(1 + 1 / shape))
    }
    return .milliseconds(max(1, Int64(min(v, 4e18) / 1000)))
  }

  /// Γ(x) for x in [1, 2] (the Weibull mean factor Γ(1 + 1/k) for k ≥ 1; for smaller k the
  /// argument is reduced with Γ(x+1) = xΓ(x)), by the Lanczos approximation (g = 7, n = 9)
  /// over `DeterministicMath`, so it is identical on every platform.
  static func gamma(_ x: Double) -> Double {
    if x > 2 { return (x - 1) * gamma(x - 1) }
    let c: [Double] = [
      0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
      -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
      1.5056327351493116e-7,
    ]
    let z = x - 1
    var a = c[0]
    for i in 1..<9 { a += c[i] / (z + Double(i)) }
    let t = z + 7.5
    // sqrt(2π) · t^(z+0.5) · e^(−t) · a
    return 2.5066282746310002 * DeterministicMath.exp((z + 0.5) * DeterministicMath.ln(t) - t) * a
  }

  /// The scripted faults this process produces before `end`, for `nodes` (sorted by name):
  /// per node, up time, failure, down time, recovery, and so on.
  static func schedule(
    _ processes: [FaultProcess], nodes: [Node], end: SimTime, rng: inout RandomStream
  ) -> [(SimTime, Fault, Int)] {
    var out: [(SimTime, Fault, Int)] = []
    let sorted = nodes.sorted { $0.metadata.name < $1.metadata.name }
    for (index, p) in processes.enumerated() {
      for n in sorted where p.selector.matches(n.metadata.labels) {
        let (fail, recover) = p.faults(n.metadata.name)
        var t = SimTime.zero
        while true {
          t = t + p.draw(mean: p.mtbf, &rng)
          if t >= end { break }
          out.append((t, fail, index))
          t = t + p.draw(mean: p.mttr, &rng)
          if t >= end { break }
          out.append((t, recover, index))
        }
      }
    }
    return out
  }
}
