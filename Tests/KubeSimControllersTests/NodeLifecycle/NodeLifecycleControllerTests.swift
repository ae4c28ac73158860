import KubeSimKernel
import KubeSimModel
import Testing

@testable import KubeSimControllers

/// Zone states and the tainting rate limiter of the node lifecycle controller.
@Suite struct NodeLifecycleControllerTests {
  @Test func zoneStatesFollowComputeZoneState() {
    let c = NodeLifecycleController()
    #expect(c.computeZoneState(ready: 0, notReady: 1) == .fullDisruption)
    #expect(c.computeZoneState(ready: 10, notReady: 2) == .normal)
    // More than 2 not ready and at least 55%: 3 of 5 (60%) is partial, 3 of 6 (50%) is not.
    #expect(c.computeZoneState(ready: 2, notReady: 3) == .partialDisruption)
    #expect(c.computeZoneState(ready: 3, notReady: 3) == .normal)
  }

  @Test func tokenBucketTaintsOneNodeEveryTenSecondsAtPointOneQPS() {
    var z = Zone(rateMilli: 100, now: .zero)
    #expect(z.tokenPeriod == .seconds(10))
    let a = z.take(.zero + .seconds(5))
    let b = z.take(.zero + .seconds(14))
    let c = z.take(.zero + .seconds(15))
    #expect(a && !b && c)
    // The secondary rate, 0.01 node/s: one every 100 s; rate 0: never.
    #expect(Zone(rateMilli: 10, now: .zero).tokenPeriod == .seconds(100))
    var stopped = Zone(rateMilli: 0, now: .zero)
    let never = stopped.take(.zero + .hours(1))
    #expect(!never)
  }

  @Test func minTolerationSecondsFollowsTheMatchingTolerations() {
    let taint = Taint(key: "node.kubernetes.io/unreachable", effect: .noExecute)
    let t300 = Toleration(
      key: "node.kubernetes.io/unreachable", operator: .exists, effect: .noExecute,
      tolerationSeconds: 300)
    let t30 = Toleration(key: nil, operator: .exists, effect: .noExecute, tolerationSeconds: 30)
    let forever = Toleration(key: "node.kubernetes.io/unreachable", operator: .exists)
    #expect(TaintEvictionController.minTolerationSeconds([], [taint]) == nil)
    #expect(TaintEvictionController.minTolerationSeconds([t300, t30], [taint]) == 30)
    #expect(TaintEvictionController.minTolerationSeconds([forever], [taint]) == -1)
  }
}
