import KubeSimKernel
import Testing

@testable import KubeSimControllers

/// Cases from upstream's pkg/controller/podautoscaler/replica_calculator_test.go and the HPA docs.
@Suite struct ReplicaCalculatorTests {
  typealias P = ReplicaCalculator.PodSample

  @Test func scaleUp() throws {
    // TestReplicaCalcScaleUp: 300m, 500m, 700m of 1 core each, target 30% → utilization 50%, 5.
    let r = try ReplicaCalculator.utilizationReplicas(
      current: 3, targetUtilization: 30,
      pods: [
        P(name: "a", metric: 300, request: 1000), P(name: "b", metric: 500, request: 1000),
        P(name: "c", metric: 700, request: 1000),
      ])
    #expect(r == .init(replicas: 5, current: 50, currentAverage: 500))
  }

  @Test func scaleUpWithAnUnreadyPodCountsItAsZero() throws {
    // TestReplicaCalcScaleUpUnreadyLessScale: the unready pod's 300m is dropped (60%), then it is
    // counted as 0 on the scale-up: 1200m / 3000m = 40% → ceil(3 × 4/3) = 4.
    let r = try ReplicaCalculator.utilizationReplicas(
      current: 3, targetUtilization: 30,
      pods: [
        P(name: "a", state: .unready, metric: 300, request: 1000),
        P(name: "b", metric: 500, request: 1000), P(name: "c", metric: 700, request: 1000),
      ])
    #expect(r == .init(replicas: 4, current: 60, currentAverage: 600))
  }

  @Test func scaleDown() throws {
    // TestReplicaCalcScaleDown: 1400m of 5000m = 28% of a 50% target → ceil(5 × 0.56) = 3.
    let r = try ReplicaCalculator.utilizationReplicas(
      current: 5, targetUtilization: 50,
      pods: [100, 300, 500, 250, 250].enumerated().map {
        P(name: "p\($0.offset)", metric: $0.element, request: 1000)
      })
    #expect(r == .init(replicas: 3, current: 28, currentAverage: 280))
  }

  @Test func withinToleranceKeepsTheCount() throws {
    // TestReplicaCalcTolerance: 3060m of 3000m = 102% of 100% → |1 − 1.02| ≤ 0.1 → 3.
    let r = try ReplicaCalculator.utilizationReplicas(
      current: 3, targetUtilization: 100,
      pods: [
        P(name: "a", metric: 1010, request: 900), P(name: "b", metric: 1030, request: 1000),
        P(name: "c", metric: 1020, request: 1100),
      ])
    #expect(r == .init(replicas: 3, current: 102, currentAverage: 1020))
  }

  @Test func missingMetricsOnAScaleDownCountAsTheirRequest() throws {
    // Ready 400m and 95m (24%) of a 50% target with two pods missing: on a scale-down the
    // missing pods count as 100% of their request: 2495m / 4000m = 62% > 50% → the direction
    // flips, so the count stays.
    let r = try ReplicaCalculator.utilizationReplicas(
      current: 4, targetUtilization: 50,
      pods: [
        P(name: "a", metric: 400, request: 1000), P(name: "b", metric: 95, request: 1000),
        P(name: "c", metric: nil, request: 1000), P(name: "d", metric: nil, request: 1000),
      ])
    #expect(r == .init(replicas: 4, current: 24, currentAverage: 247))
    // Missing with usage exactly at target: no change (TestReplicaCalcMissingMetricsNoChangeEq).
    let eq = try ReplicaCalculator.utilizationReplicas(
      current: 2, targetUtilization: 100,
      pods: [P(name: "a", metric: 1000, request: 1000), P(name: "b", metric: nil, request: 1000)])
    #expect(eq.replicas == 2)
  }

  @Test func averageValueDoublesAtTwiceTheTarget() throws {
    // HPA docs: currentMetricValue 200m, desiredMetricValue 100m → ceil(2 × 2.0) = 4.
    let r = try ReplicaCalculator.averageValueReplicas(
      current: 2, targetAverage: 100, pods: [P(name: "a", metric: 200), P(name: "b", metric: 200)])
    #expect(r == .init(replicas: 4, current: 200, currentAverage: 200))
    let down = try ReplicaCalculator.averageValueReplicas(
      current: 2, targetAverage: 100, pods: [P(name: "a", metric: 50), P(name: "b", metric: 50)])
    #expect(down.replicas == 1)
  }

  @Test func errorsAreUpstreams() {
    #expect(
      throws: ReplicaCalculator.Failure(message: "did not receive metrics for targeted pods (pods might be unready)")
    ) {
      try ReplicaCalculator.utilizationReplicas(
        current: 1, targetUtilization: 50, pods: [P(name: "a", metric: nil, request: 100)])
    }
    #expect(
      throws: ReplicaCalculator.Failure(
        message: "no pods returned by selector while calculating replica count")
    ) { try ReplicaCalculator.utilizationReplicas(current: 1, targetUtilization: 50, pods: []) }
  }

  @Test func rescaleMessage() {
    #expect(
      RescaleMessage.text(newSize: 4, resource: "cpu", utilization: true, up: true)
        == "New size: 4; reason: cpu resource utilization (percentage of request) above target")
    #expect(
      RescaleMessage.text(newSize: 2, resource: "memory", utilization: false, up: false)
        == "New size: 2; reason: All metrics below target")
  }
}

@Suite struct ScalingBehaviorTests {
  let t0 = SimTime.zero

  @Test func defaultScaleUpIsFourPodsOrDoubleWhicheverIsMore() {
    var h = ScalingHistory()
    let b = ScalingBehavior.default
    #expect(b.normalize(desired: 10, current: 1, min: 1, max: 20, now: t0, history: &h) == 5)
    h.recordScale(from: 1, to: 5, at: t0)
    // 15s later the period has passed: max(5 + 4, 5 × 2) = 10.
    #expect(
      b.normalize(desired: 10, current: 5, min: 1, max: 20, now: t0 + .seconds(15), history: &h)
        == 10)
    // Within the period the 4 added count: start 1 → max(1 + 4, 2) = 5: no more yet.
    var h2 = ScalingHistory()
    h2.recordScale(from: 1, to: 5, at: t0)
    #expect(
      b.normalize(desired: 10, current: 5, min: 1, max: 20, now: t0 + .seconds(10), history: &h2)
        == 5)
  }

  @Test func scaleDownWaitsForTheFiveMinuteWindow() {
    var h = ScalingHistory()
    let b = ScalingBehavior.default
    #expect(b.normalize(desired: 10, current: 10, min: 1, max: 20, now: t0, history: &h) == 10)
    // The load drops at 60s: the 10 recommended at 0s holds the count for 300s.
    var now = t0 + .seconds(60)
    #expect(b.normalize(desired: 2, current: 10, min: 1, max: 20, now: now, history: &h) == 10)
    now = t0 + .seconds(300)
    #expect(b.normalize(desired: 2, current: 10, min: 1, max: 20, now: now, history: &h) == 2)
  }

  @Test func percentScaleDownPolicyLimitsTheStep() {
    var h = ScalingHistory()
    let b = ScalingBehavior(
      scaleUp: ScalingBehavior.default.scaleUp,
      scaleDown: .init(
        stabilizationWindow: .zero, policies: [.init(.percent, 10, period: .minutes(1))]))
    // int32(10 × 0.9) = 9: one pod per minute.
    #expect(b.normalize(desired: 2, current: 10, min: 1, max: 20, now: t0, history: &h) == 9)
    h.recordScale(from: 10, to: 9, at: t0)
    #expect(
      b.normalize(desired: 2, current: 9, min: 1, max: 20, now: t0 + .seconds(30), history: &h)
        == 9)
  }
}
