import KubeSimKernel
import Testing

@testable import KubeSimAPIServer
@testable import KubeSimNodeAgent

/// The pieces of the traffic model: load profiles, the latency mixture, the usage ledger.
@Suite struct TrafficModelTests {
  @Test func ratesParseInMilliRequestsPerSecond() {
    #expect(LoadProfile.parseRate("800rps") == 800_000)
    #expect(LoadProfile.parseRate("800") == 800_000)
    #expect(LoadProfile.parseRate("12.5rps") == 12_500)
    #expect(LoadProfile.parseRate("0.001") == 1)
    #expect(LoadProfile.parseRate("0rps") == 0)
    #expect(LoadProfile.parseRate("-1rps") == nil)
    #expect(LoadProfile.parseRate("1.2345") == nil)
    #expect(LoadProfile.parseRate("fast") == nil)
  }

  @Test func diurnalBaseAndSpikes() {
    let p = LoadProfile(
      milliRPS: 400_000,
      diurnal: .init(amplitudeMilliRPS: 200_000, period: .hours(24), phase: .zero),
      spikes: [.init(at: .zero + .minutes(10), duration: .minutes(5), milliRPS: 1_000_000)])
    #expect(p.milliRPS(at: .zero) == 400_000)
    #expect(p.milliRPS(at: .zero + .hours(6)) == 600_000)
    #expect(p.milliRPS(at: .zero + .hours(18)) == 200_000)
    #expect(p.milliRPS(at: .zero + .minutes(10)) == 1_000_000)
    #expect(p.milliRPS(at: .zero + .minutes(15)) != 1_000_000)
    #expect(!p.isOff)
    #expect(LoadProfile(milliRPS: 0).isOff)
    // Never below zero.
    let deep = LoadProfile(
      milliRPS: 100_000, diurnal: .init(amplitudeMilliRPS: 300_000, period: .hours(1), phase: .zero)
    )
    #expect(deep.milliRPS(at: .zero + .minutes(45)) == 0)
  }

  /// One exponential with rate 50/s: quantile q is −ln(1 − q)/50 s; bucketing to 1/16 keeps the
  /// error within a few percent.
  @Test func latencyQuantilesOfOneExponential() throws {
    var m = LatencyMixture()
    m.add(spareMilliRPS: 50_000, count: 1000)
    let p50 = try #require(m.quantile(0.5, timeout: .seconds(30)))
    let p99 = try #require(m.quantile(0.99, timeout: .seconds(30)))
    // Exact values are 13.863ms and 92.103ms; the bucket stands for 50.176/s (bucket mid-point).
    #expect(p50 == 13_814)
    #expect(p99 == 91_780)
    #expect(m.count == 1000)
  }

  @Test func latencyMixesInstantSaturatedAndNothing() {
    var m = LatencyMixture()
    #expect(m.quantile(0.5, timeout: .seconds(30)) == nil)
    m.addInstant(90)
    m.addSaturated(10)
    #expect(m.quantile(0.5, timeout: .seconds(30)) == 0)
    #expect(m.quantile(0.95, timeout: .seconds(30)) == 30_000_000)
    m.add(spareMilliRPS: 0, count: 5)  // no spare capacity: saturated
    #expect(m.saturated == 15)
  }

  @Test func ledgerSamplesThePodsServicePerEndpointRate() {
    let l = TrafficLedger()
    l.assign("default/a", at: .zero + .seconds(10), service: "default/web")
    l.record(
      service: "default/web", at: .zero + .seconds(10), servedMilliRPS: 50_000, inFlightMilli: 1000)
    l.record(service: "default/web", at: .zero + .seconds(20), servedMilliRPS: 70_000)
    l.assign("default/a", at: .zero + .seconds(30), service: nil)
    #expect(l.sample("default/a", at: .zero + .seconds(5)) == (0, 0))
    #expect(l.sample("default/a", at: .zero + .seconds(10)) == (50_000, 1000))
    #expect(l.sample("default/a", at: .zero + .seconds(25)) == (70_000, 0))
    #expect(l.sample("default/a", at: .zero + .seconds(30)) == (0, 0))
    #expect(l.sample("default/b", at: .zero + .seconds(25)) == (0, 0))
  }

  @Test func ledgerKeepsOnlyItsRetention() {
    let l = TrafficLedger()
    l.assign("default/a", at: .zero, service: "s")
    for k in 0..<100 {
      l.record(service: "s", at: .zero + .seconds(Int64(k * 10)), servedMilliRPS: Int64(k))
    }
    #expect(l.services["s"]?.count == 19)  // 180s retention + the entry in effect at its start
    #expect(l.sample("default/a", at: .zero + .seconds(990)) == (99, 0))
  }
}
