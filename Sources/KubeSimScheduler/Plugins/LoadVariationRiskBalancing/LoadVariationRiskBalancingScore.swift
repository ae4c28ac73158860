import KubeSimKernel

/// The score of scheduler-plugins' Trimaran LoadVariationRiskBalancing
/// (kubernetes-sigs/scheduler-plugins pkg/trimaran/loadvariationriskbalancing/analysis.go
/// `computeScore`, with pkg/trimaran/resourcestats.go `GetMuSigma`): balance the risk
/// mean + spread of measured usage across nodes.
///
/// Per resource, μ = clamp((mean usage + the pod's request) / capacity, 0, 1),
/// σ = clamp(clamp(stddev / capacity, 0, 1)^(1/sensitivity) · margin, 0, 1),
/// score = (1 − (μ + σ) / 2) · 100; the node's score is round(min over CPU and memory).
public enum LoadVariationRiskBalancingScore {
  /// `safeVarianceMargin` default (LoadVariationRiskBalancingArgs, 1).
  public static let defaultMargin = 1.0
  /// `safeVarianceSensitivity` default (LoadVariationRiskBalancingArgs, 1).
  public static let defaultSensitivity = 1.0

  /// The score (0…100, unrounded) of one resource.
  public static func resourceScore(
    usedMean: Double, usedStddev: Double, demand: Double, capacity: Double,
    margin: Double = defaultMargin, sensitivity: Double = defaultSensitivity
  ) -> Double {
    guard capacity > 0 else { return 0 }
    let mean = Swift.max(Swift.min(usedMean, capacity), 0)
    let sd = Swift.max(Swift.min(usedStddev, capacity), 0)
    let mu = Swift.max(Swift.min((mean + Swift.max(demand, 0)) / capacity, 1), 0)
    var sigma = Swift.max(Swift.min(sd / capacity, 1), 0)
    if sensitivity > 0 && sigma > 0 { sigma = pow(sigma, 1 / sensitivity) }
    sigma = Swift.max(Swift.min(sigma * margin, 1), 0)
    return (1 - (mu + sigma) / 2) * 100
  }
}

/// `math.Pow` for the sensitivity root: no call for the default sensitivity 1, the square root
/// for 2, KubeSim's own `DeterministicMath.pow` otherwise (STYLE.md P6: no libm in outputs).
private func pow(_ x: Double, _ y: Double) -> Double {
  if y == 1 { return x }
  if y == 0.5 { return x.squareRoot() }
  return DeterministicMath.pow(x, y)
}
