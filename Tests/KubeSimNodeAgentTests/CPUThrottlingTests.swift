import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel
import Testing

/// CPU limits as CFS quota: usage capped per cAdvisor sample, cpu.stat-like counters, and the
/// capacity of a traffic-driven container under its limit.
@Suite struct CPUThrottlingTests {
  static func cpu(_ text: String) throws -> UsageModel {
    try UsageModel(parsing: text, resource: .cpu, key: "sim.kubesim.io/cpu")
  }

  @Test func usageIsCappedSampleBySampleBeforeAveraging() throws {
    let model = try Self.cpu("steps(0s=100m, 30s=500m)")
    let input = UsageInput(time: .zero + .seconds(60))
    let pipeline = MetricsPipeline()
    // Samples at 10s..60s: 100, 100, then 500 ×4 → capped at 300: (200 + 1200) / 6 = 233.
    #expect(pipeline.cpuMillicores(model, input, started: .zero, limitMillis: 300) == 233)
    // Without a limit: (200 + 2000) / 6 = 366.67 → 367.
    #expect(pipeline.cpuMillicores(model, input, started: .zero) == 367)
  }

  @Test func countersFollowTheDemandAboveTheLimit() throws {
    let model = try Self.cpu("steps(0s=100m, 1m=300m)")
    let c = CPUThrottling.counters(
      model, UsageInput(time: .zero + .minutes(2)), started: .zero, limitMillis: 200)
    // 12 intervals of 10 s = 1,200 CFS periods of 100 ms; the 6 from 1m on are throttled, each
    // missing 100m for 10 s = 1 CPU-second.
    #expect(
      c
        == CPUThrottling.Counters(
          periods: 1200, throttledPeriods: 600, throttledMicroseconds: 6_000_000))
    // No limit: no quota, no periods.
    #expect(
      CPUThrottling.counters(
        model, UsageInput(time: .zero + .minutes(2)), started: .zero, limitMillis: nil)
        == CPUThrottling.Counters())
  }

  @Test func aTrafficDrivenContainerServesWhatItsLimitAllows() throws {
    let model = try Self.cpu("traffic(base=50m, per-request=2m, capacity=100rps)")
    // (150m − 50m) / 2m = 50 requests/s.
    #expect(CPUThrottling.maxServedMilliRPS(model, request: 0, limitMillis: 150) == 50_000)
    // A generous limit leaves the model's own capacity (100 rps) as the bound.
    #expect(CPUThrottling.maxServedMilliRPS(model, request: 0, limitMillis: 500) == 100_000)
    #expect(
      CPUThrottling.maxServedMilliRPS(try Self.cpu("200m"), request: 0, limitMillis: 100) == nil)
    #expect(CPUThrottling.cpuCapacityFactorPerMille(demandMillis: 400, limitMillis: 300) == 750)
    #expect(CPUThrottling.cpuCapacityFactorPerMille(demandMillis: 200, limitMillis: 300) == 1000)
    #expect(CPUThrottling.cpuCapacityFactorPerMille(demandMillis: 200, limitMillis: nil) == 1000)
  }
}
