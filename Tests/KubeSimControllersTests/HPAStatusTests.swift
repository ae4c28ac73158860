import KubeSimKernel
import KubeSimModel
import Testing

@testable import KubeSimControllers

/// The HPA's pod grouping (replica_calculator_test.go `TestGroupPods` cases) and the
/// normalization paths with their conditions (horizontal_test.go).
@Suite struct HPAStatusTests {
  static let now = SimTime.zero + .minutes(20)

  static func pod(
    phase: PodPhase = .running, ready: ConditionStatus? = .true,
    startedAgo: SimDuration? = .minutes(10),
    transitionAgo: SimDuration = .minutes(9)
  ) -> Pod {
    var p = Pod(metadata: ObjectMeta(name: "p"))
    p.status.phase = phase
    p.status.startTime = startedAgo.map { now - $0 }
    if let ready {
      p.status.conditions = [
        PodCondition(type: "Ready", status: ready, lastTransitionTime: now - transitionAgo)
      ]
    }
    return p
  }

  static func state(
    _ p: Pod, resource: String = "cpu", hasMetric: Bool = true, metricAgo: SimDuration = .zero,
    window: SimDuration = .seconds(30)
  ) -> ReplicaCalculator.PodState {
    PodGrouping.state(
      p, resource: resource, hasMetric: hasMetric, metricTime: now - metricAgo, window: window,
      now: now)
  }

  @Test func groupsPodsAsUpstream() {
    // "count in a ready pod - CPU"
    #expect(Self.state(Self.pod()) == .ready)
    // "unready a pod without ready condition - CPU"
    #expect(Self.state(Self.pod(ready: nil)) == .unready)
    // "ignore pending pod", "ignore a pod being deleted", failed pods
    #expect(Self.state(Self.pod(phase: .pending)) == .ignored)
    #expect(Self.state(Self.pod(phase: .failed)) == .ignored)
    var deleting = Self.pod()
    deleting.metadata.deletionTimestamp = Self.now
    #expect(Self.state(deleting) == .ignored)
    // "count in a ready pod with fresh metrics during initialization period - CPU":
    // started 1m ago, ready 30s ago, metric now with a 30s window.
    #expect(
      Self.state(Self.pod(startedAgo: .minutes(1), transitionAgo: .seconds(30))) == .ready)
    // "ignore a ready pod with stale metrics during initialization period - CPU": the metric
    // was taken less than one window after the pod became ready.
    #expect(
      Self.state(Self.pod(startedAgo: .minutes(1), transitionAgo: .seconds(10))) == .unready)
    // "ignore unready pod within initialization period - CPU"
    #expect(
      Self.state(Self.pod(ready: .false, startedAgo: .minutes(1), transitionAgo: .seconds(30)))
        == .unready)
    // "count in unready pod after initialization period that has been ready - CPU":
    // readiness changed 60s after start (beyond the 30s initial readiness delay).
    #expect(
      Self.state(Self.pod(ready: .false, startedAgo: .minutes(10), transitionAgo: .minutes(9)))
        == .ready)
    // "ignore pod that has never been ready after initialization period - CPU": readiness
    // set 20s after start, within the 30s delay.
    #expect(
      Self.state(
        Self.pod(ready: .false, startedAgo: .minutes(10), transitionAgo: .seconds(580)))
        == .unready)
    // Memory ignores readiness; a pod without a metric is "missing" (the calculator sees nil).
    #expect(
      Self.state(Self.pod(ready: .false, startedAgo: .minutes(1)), resource: "memory") == .ready)
    #expect(Self.state(Self.pod(ready: nil), hasMetric: false) == .ready)
  }

  /// horizontal.go `normalizeDesiredReplicas` without `behavior`: scale-up limit
  /// max(2 × current, 4), 5-minute downscale stabilization (inclusive), then [min, max].
  @Test func legacyNormalizationWithoutBehavior() {
    var h = ScalingHistory()
    let t0 = SimTime.zero + .minutes(1)
    var n = HPANormalization.legacy(
      desired: 20, current: 3, min: 1, max: 10, now: t0, history: &h)
    #expect(n.replicas == 6 && n.scalingLimited && n.limitedReason == "ScaleUpLimit")
    #expect(n.ableReason == "ReadyForNewScale")
    n = HPANormalization.legacy(
      desired: 20, current: 6, min: 1, max: 10, now: t0 + .seconds(15), history: &h)
    #expect(n.replicas == 10 && n.limitedReason == "TooManyReplicas")
    #expect(n.limitedMessage == "the desired replica count is more than the maximum replica count")
    // Down to 2 recommended, but 20 was recommended within 5 minutes.
    n = HPANormalization.legacy(
      desired: 2, current: 10, min: 1, max: 10, now: t0 + .minutes(5) + .seconds(15), history: &h)
    #expect(n.replicas == 10 && n.ableReason == "ScaleDownStabilized")
    #expect(
      n.ableMessage
        == "recent recommendations were higher than current one, applying the highest recent recommendation"
    )
    // Exactly 5 minutes after the last 20 it still counts; one sync later it does not.
    n = HPANormalization.legacy(
      desired: 2, current: 10, min: 3, max: 10, now: t0 + .minutes(5) + .seconds(30), history: &h)
    #expect(n.replicas == 3 && n.limitedReason == "TooFewReplicas" && n.scalingLimited)
  }

  /// `normalizeDesiredReplicasWithBehaviors`: default policies (4 pods or 100% per 15s).
  @Test func behaviorNormalizationReportsItsLimits() {
    var h = ScalingHistory()
    let t0 = SimTime.zero + .minutes(1)
    let n = ScalingBehavior.default.normalizeWithConditions(
      desired: 20, current: 3, min: 1, max: 10, now: t0, history: &h)
    #expect(n.replicas == 7 && n.limitedReason == "ScaleUpLimit")
    #expect(
      n.limitedMessage
        == "the desired replica count is increasing faster than the maximum scale rate")
    #expect(
      n.ableReason == "ReadyForNewScale" && n.ableMessage == "recommended size matches current size"
    )
  }
}
