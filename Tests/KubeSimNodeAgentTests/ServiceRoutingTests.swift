import KubeSimKernel
import Testing

@testable import KubeSimNodeAgent

@Suite struct ServiceRoutingTests {
  let three = [RoutedEndpoint(name: "a"), RoutedEndpoint(name: "b"), RoutedEndpoint(name: "c")]

  @Test func roundRobinRotatesAcrossIntervals() {
    var r = ServiceRouter(mode: .ipvsRoundRobin)
    var rng = RandomStream(seed: 1)
    #expect(r.route(10, to: three, rng: &rng) == [4, 3, 3])
    #expect(r.route(10, to: three, rng: &rng) == [3, 4, 3])
    #expect(r.route(1, to: three, rng: &rng) == [0, 0, 1])
    #expect(r.route(2, to: three, rng: &rng) == [1, 1, 0])
    var stale = three
    stale[1].alive = false
    let counts = r.route(9, to: stale, rng: &rng)
    #expect(ServiceRouter.failedToGone(counts, stale) == 3)
  }

  @Test func leastConnectionFillsTheEmptiestFirst() {
    var r = ServiceRouter(mode: .ipvsLeastConnection)
    var rng = RandomStream(seed: 1)
    let busy = [
      RoutedEndpoint(name: "a", inFlight: 10), RoutedEndpoint(name: "b", inFlight: 0),
      RoutedEndpoint(name: "c", inFlight: 4),
    ]
    // b fills to 4 (4), then b and c to 10 (12), then 14 over three: 5, 5, 4 in order.
    #expect(r.route(30, to: busy, rng: &rng) == [5, 15, 10])
    #expect(r.route(3, to: busy, rng: &rng) == [0, 3, 0])
  }

  @Test func iptablesIsUniformAndSeeded() {
    var r = ServiceRouter(mode: .iptables)
    var rng = RandomStream(seed: 7)
    let counts = r.route(30_000, to: three, rng: &rng)
    #expect(counts.reduce(0, +) == 30_000)
    #expect(counts.allSatisfy { abs($0 - 10_000) < 400 })
    var again = RandomStream(seed: 7)
    #expect(r.route(30_000, to: three, rng: &again) == counts)
    var small = RandomStream(seed: 3)
    #expect(r.route(12, to: three, rng: &small).reduce(0, +) == 12)
  }

  @Test func queueServesUpToCapacityAndFailsTheRest() {
    let q = EndpointQueue(capacityMilliRPS: 100_000)
    #expect(q.serve(800, over: .seconds(10)) == (800, 0))
    #expect(q.serve(1500, over: .seconds(10)) == (1000, 500))
  }

  @Test func mm1LatencyQuantiles() {
    let q = EndpointQueue(capacityMilliRPS: 100_000)
    // 80 rps into 100 rps: spare 20/s; p50 = ln 2 / 20 s, p99 = ln 100 / 20 s.
    #expect(q.latency(quantile: 0.5, arrivalMilliRPS: 80_000) == .microseconds(34_657))
    #expect(q.latency(quantile: 0.99, arrivalMilliRPS: 80_000) == .microseconds(230_259))
    #expect(q.latency(quantile: 0.5, arrivalMilliRPS: 100_000) == .seconds(30))
  }
}
