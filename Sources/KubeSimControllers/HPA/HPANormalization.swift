import KubeSimKernel

/// The outcome of normalizing a recommendation, with the AbleToScale and ScalingLimited
/// conditions upstream sets while doing it (pkg/controller/podautoscaler/horizontal.go).
public struct HPANormalization: Sendable, Hashable {
  /// The replicas to set.
  public var replicas: Int32
  /// AbleToScale (True): `ScaleUpStabilized`, `ScaleDownStabilized` or `ReadyForNewScale`.
  public var ableReason: String
  public var ableMessage: String
  /// ScalingLimited status: true when the rules changed the stabilized recommendation.
  public var scalingLimited: Bool
  /// `DesiredWithinRange`, `TooManyReplicas`, `TooFewReplicas`, `ScaleUpLimit`, `ScaleDownLimit`.
  public var limitedReason: String
  public var limitedMessage: String

  /// AbleToScale after stabilization (`normalizeDesiredReplicasWithBehaviors`): the
  /// stabilized reason when stabilization changed the recommendation, else `ReadyForNewScale`.
  static func stabilized(_ recommendation: Int32, desired: Int32, current: Int32)
    -> HPANormalization
  {
    var n = HPANormalization(
      replicas: recommendation, ableReason: "ReadyForNewScale",
      ableMessage: "recommended size matches current size", scalingLimited: false,
      limitedReason: "DesiredWithinRange",
      limitedMessage: "the desired count is within the acceptable range")
    if recommendation != desired {
      // stabilizeRecommendationWithBehaviors' messages.
      if desired >= current {
        n.ableReason = "ScaleUpStabilized"
        n.ableMessage =
          "recent recommendations were lower than current one, applying the lowest recent recommendation"
      } else {
        n.ableReason = "ScaleDownStabilized"
        n.ableMessage =
          "recent recommendations were higher than current one, applying the highest recent recommendation"
      }
    }
    return n
  }

  /// `--horizontal-pod-autoscaler-downscale-stabilization` default (5m).
  public static let downscaleStabilisationWindow = SimDuration.minutes(5)

  /// The path for an HPA without `spec.behavior` (horizontal.go `normalizeDesiredReplicas`,
  /// `stabilizeRecommendation`, `convertDesiredReplicasWithRules`): the highest recommendation
  /// of the last 5 minutes, a scale-up limit of max(2 × current, 4) (`scaleUpLimitFactor`,
  /// `scaleUpLimitMinimum`), then [min, max]. The API server does not default `behavior`
  /// (autoscaling/v2 defaults.go fills it only when present), so this is what most HPAs run.
  public static func legacy(
    desired: Int32, current: Int32, min minReplicas: Int32, max maxReplicas: Int32, now: SimTime,
    history: inout ScalingHistory
  ) -> HPANormalization {
    var stabilized = desired
    for r in history.recommendations where r.time >= now - downscaleStabilisationWindow {
      stabilized = Swift.max(stabilized, r.replicas)
    }
    history.recommendations.removeAll { $0.time < now - downscaleStabilisationWindow }
    history.recommendations.append(ScalingHistory.Recommendation(time: now, replicas: desired))
    var n = HPANormalization(
      replicas: stabilized, ableReason: "ReadyForNewScale",
      ableMessage: "recommended size matches current size", scalingLimited: false,
      limitedReason: "DesiredWithinRange",
      limitedMessage: "the desired count is within the acceptable range")
    if stabilized != desired {
      n.ableReason = "ScaleDownStabilized"
      n.ableMessage =
        "recent recommendations were higher than current one, applying the highest recent recommendation"
    }
    let scaleUpLimit = Swift.max(2 * current, 4)
    var maxAllowed = maxReplicas
    var why = (
      "TooManyReplicas", "the desired replica count is more than the maximum replica count"
    )
    if maxReplicas > scaleUpLimit {
      maxAllowed = scaleUpLimit
      why = (
        "ScaleUpLimit", "the desired replica count is increasing faster than the maximum scale rate"
      )
    }
    if stabilized < minReplicas {
      n.replicas = minReplicas
      why = ("TooFewReplicas", "the desired replica count is less than the minimum replica count")
    } else if stabilized > maxAllowed {
      n.replicas = maxAllowed
    } else {
      return n
    }
    n.scalingLimited = n.replicas != stabilized
    (n.limitedReason, n.limitedMessage) = why
    return n
  }
}
