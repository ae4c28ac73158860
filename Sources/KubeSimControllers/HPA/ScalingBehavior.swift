import KubeSimKernel

/// autoscaling/v2 `behavior`: stabilization windows and scaling policies, as upstream's
/// `normalizeDesiredReplicasWithBehaviors` (pkg/controller/podautoscaler/horizontal.go).
public struct ScalingBehavior: Sendable, Hashable {
  public enum PolicyType: Sendable, Hashable { case pods, percent }
  public enum Select: Sendable, Hashable { case max, min, disabled }

  public struct Policy: Sendable, Hashable {
    public var type: PolicyType
    public var value: Int32
    public var period: SimDuration
    public init(_ type: PolicyType, _ value: Int32, period: SimDuration) {
      self.type = type
      self.value = value
      self.period = period
    }
  }

  public struct Rules: Sendable, Hashable {
    public var stabilizationWindow: SimDuration
    public var select: Select
    public var policies: [Policy]
    public init(stabilizationWindow: SimDuration, select: Select = .max, policies: [Policy]) {
      self.stabilizationWindow = stabilizationWindow
      self.select = select
      self.policies = policies
    }
  }

  public var scaleUp: Rules
  public var scaleDown: Rules

  /// Defaults (pkg/apis/autoscaling/v2/defaults.go GenerateHPAScaleUpRules /
  /// GenerateHPAScaleDownRules): up: no stabilization, max of 4 pods or 100% per 15s; down:
  /// 300s stabilization, 100% per 15s.
  public static let `default` = ScalingBehavior(
    scaleUp: Rules(
      stabilizationWindow: .zero,
      policies: [
        Policy(.pods, 4, period: .seconds(15)), Policy(.percent, 100, period: .seconds(15)),
      ]),
    scaleDown: Rules(
      stabilizationWindow: .seconds(300), policies: [Policy(.percent, 100, period: .seconds(15))]))

  public init(scaleUp: Rules, scaleDown: Rules) {
    self.scaleUp = scaleUp
    self.scaleDown = scaleDown
  }
}

/// The HPA's memory between syncs: past recommendations (for stabilization) and past scale
/// events (for policy periods).
public struct ScalingHistory: Sendable, Hashable {
  public struct Recommendation: Sendable, Hashable {
    public var time: SimTime
    public var replicas: Int32
  }
  public struct Event: Sendable, Hashable {
    public var time: SimTime
    public var change: Int32
  }
  public var recommendations: [Recommendation] = []
  public var scaleUps: [Event] = []
  public var scaleDowns: [Event] = []

  public init() {}

  /// Records a rescale from `from` to `to` at `now`.
  public mutating func recordScale(from: Int32, to: Int32, at now: SimTime) {
    if to > from { scaleUps.append(Event(time: now, change: to - from)) }
    if to < from { scaleDowns.append(Event(time: now, change: from - to)) }
  }
}

extension ScalingBehavior {
  /// Stabilizes `desired` against the recommendations in the windows and limits it by the
  /// policies and [min, max]; records `desired` in `history`. Returns the replicas to set.
  public func normalize(
    desired: Int32, current: Int32, min minReplicas: Int32, max maxReplicas: Int32, now: SimTime,
    history: inout ScalingHistory
  ) -> Int32 {
    normalizeWithConditions(
      desired: desired, current: current, min: minReplicas, max: maxReplicas, now: now,
      history: &history
    ).replicas
  }

  /// `normalizeDesiredReplicasWithBehaviors` (horizontal.go): the replicas to set with the
  /// AbleToScale and ScalingLimited conditions upstream sets on the way.
  public func normalizeWithConditions(
    desired: Int32, current: Int32, min minReplicas: Int32, max maxReplicas: Int32, now: SimTime,
    history: inout ScalingHistory
  ) -> HPANormalization {
    // stabilizeRecommendationWithBehaviors: up → the minimum over the up window (including
    // this one), down → the maximum over the down window.
    var upRecommendation = desired
    var downRecommendation = desired
    for r in history.recommendations {
      if r.time > now - scaleUp.stabilizationWindow {
        upRecommendation = Swift.min(upRecommendation, r.replicas)
      }
      if r.time > now - scaleDown.stabilizationWindow {
        downRecommendation = Swift.max(downRecommendation, r.replicas)
      }
    }
    var recommendation = current
    if recommendation < upRecommendation { recommendation = upRecommendation }
    if recommendation > downRecommendation { recommendation = downRecommendation }
    let keep = Swift.max(scaleUp.stabilizationWindow, scaleDown.stabilizationWindow)
    history.recommendations.removeAll { $0.time <= now - keep }
    history.recommendations.append(ScalingHistory.Recommendation(time: now, replicas: desired))
    var out = HPANormalization.stabilized(recommendation, desired: desired, current: current)

    // convertDesiredReplicasWithBehaviorRate.
    var result = recommendation
    var reason = "DesiredWithinRange"
    var message = "the desired count is within the acceptable range"
    if recommendation > current {
      let limit = Swift.max(scaleUpLimit(current: current, history: history, now: now), current)
      var allowed = maxReplicas
      var why = (
        "TooManyReplicas", "the desired replica count is more than the maximum replica count"
      )
      if allowed > limit {
        allowed = limit
        why = (
          "ScaleUpLimit",
          "the desired replica count is increasing faster than the maximum scale rate"
        )
      }
      if recommendation > allowed { (result, reason, message) = (allowed, why.0, why.1) }
    } else if recommendation < current {
      let limit = Swift.min(scaleDownLimit(current: current, history: history, now: now), current)
      var allowed = minReplicas
      var why = (
        "TooFewReplicas", "the desired replica count is less than the minimum replica count"
      )
      if allowed < limit {
        allowed = limit
        why = (
          "ScaleDownLimit",
          "the desired replica count is decreasing faster than the maximum scale rate"
        )
      }
      if recommendation < allowed { (result, reason, message) = (allowed, why.0, why.1) }
    }
    out.replicas = result
    out.scalingLimited = result != recommendation
    out.limitedReason = reason
    out.limitedMessage = message
    return out
  }

  private func changeInPeriod(
    _ events: [ScalingHistory.Event], _ period: SimDuration, _ now: SimTime
  )
    -> Int32
  {
    events.filter { $0.time > now - period }.reduce(0) { $0 + $1.change }
  }

  func scaleUpLimit(current: Int32, history: ScalingHistory, now: SimTime) -> Int32 {
    if scaleUp.select == .disabled { return current }
    var result: Int32 = scaleUp.select == .min ? Int32.max : Int32.min
    for p in scaleUp.policies {
      let start =
        current - changeInPeriod(history.scaleUps, p.period, now)
        + changeInPeriod(history.scaleDowns, p.period, now)
      let proposed: Int32
      switch p.type {
      case .pods: proposed = start + p.value
      // "rounded up because the proposed change might not increase the replica count"
      case .percent: proposed = Int32((Double(start) * (1 + Double(p.value) / 100)).rounded(.up))
      }
      result = scaleUp.select == .min ? Swift.min(result, proposed) : Swift.max(result, proposed)
    }
    return result
  }

  func scaleDownLimit(current: Int32, history: ScalingHistory, now: SimTime) -> Int32 {
    if scaleDown.select == .disabled { return current }
    var result: Int32 = scaleDown.select == .min ? Int32.min : Int32.max
    for p in scaleDown.policies {
      let start =
        current - changeInPeriod(history.scaleUps, p.period, now)
        + changeInPeriod(history.scaleDowns, p.period, now)
      let proposed: Int32
      switch p.type {
      case .pods: proposed = start - p.value
      case .percent: proposed = Int32(Double(start) * (1 - Double(p.value) / 100))
      }
      result = scaleDown.select == .min ? Swift.max(result, proposed) : Swift.min(result, proposed)
    }
    return result
  }
}

/// Upstream's `SuccessfulRescale` message (horizontal.go: "New size: %d; reason: %s"): on a
/// scale-up the metric's name from `computeStatusForResourceMetric` ("%s resource utilization
/// (percentage of request)", "%s resource" for average values) + " above target"; on a
/// scale-down "All metrics below target" (reconcileAutoscaler).
public enum RescaleMessage {
  public static func text(newSize: Int32, resource: String, utilization: Bool, up: Bool) -> String {
    let what =
      utilization
      ? "\(resource) resource utilization (percentage of request)" : "\(resource) resource"
    return "New size: \(newSize); reason: \(up ? "\(what) above target" : "All metrics below target")"
  }
}
