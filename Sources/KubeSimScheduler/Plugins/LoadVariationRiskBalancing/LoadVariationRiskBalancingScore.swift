/// The score of scheduler-plugins' Trimaran LoadVariationRiskBalancing
/// (kubernetes-sigs/scheduler-plugins pkg/trimaran/loadvariationriskbalancing/analysis.go): balance
/// the risk mean + spread of measured usage across nodes.
///
/// Per resource, μ = clamp((mean usage + the pod's request) / allocatable, 0, 1),
/// σ = clamp(margin · stddev / allocatable, 0, 1), score = round(100 · (1 − (μ + √σ) / 2));
/// the node's score is the minimum over CPU and memory.
/// Not yet a registered plugin: the formula only.
public enum LoadVariationRiskBalancingScore {
  /// `safeVarianceMargin` default (LoadVariationRiskBalancingArgs, 1).
  public static let defaultMargin = 1.0

  /// The score (0…100) of one resource.
  public static func resourceScore(
    usedMean: Double, usedStddev: Double, demand: Double, capacity: Double,
    margin: Double = defaultMargin
  ) -> Int64 {
    guard capacity > 0 else { return 0 }
    let mean = Swift.max(Swift.min(usedMean, capacity), 0)
    let sd = Swift.max(Swift.min(usedStddev, capacity), 0)
    let mu = Swift.max(Swift.min((mean + Swift.max(demand, 0)) / capacity, 1), 0)
    let sigma = Swift.max(Swift.min(sd / capacity * margin, 1), 0)
    let objective = (mu + sigma.squareRoot()) / 2
    return Int64((1 - objective) * 100 + 0.5)
  }
}
