import KubeSimAPIServer
import KubeSimKernel
import Testing

@testable import KubeSimNodeAgent

@Suite struct UsageModelTests {
  func cpu(_ s: String) throws -> UsageModel {
    try UsageModel(parsing: s, resource: .cpu, key: "sim.kubesim.io/cpu")
  }
  func mem(_ s: String) throws -> UsageModel {
    try UsageModel(parsing: s, resource: .memory, key: "sim.kubesim.io/memory")
  }
  func at(_ d: SimDuration, request: Int64 = 0, seed: UInt64 = 0) -> UsageInput {
    UsageInput(time: SimTime.zero + d, request: request, seed: seed)
  }

  @Test func constantAndPercent() throws {
    #expect(try cpu("180m").value(at(.zero)) == 180)
    #expect(try cpu("2").value(at(.zero)) == 2000)
    #expect(try mem("300Mi").value(at(.zero)) == 300 * 1_048_576)
    #expect(try cpu("50%").value(at(.zero, request: 500)) == 250)
    #expect(try cpu("12.5%").value(at(.zero, request: 800)) == 100)
    #expect(try cpu("50%").value(at(.zero)) == 0)
  }

  @Test func diurnalFollowsTheSine() throws {
    let m = try cpu("diurnal(mean=200m, amplitude=100m, period=24h, phase=6h)")
    #expect(m.value(at(.hours(6))) == 200)
    #expect(m.value(at(.hours(12))) == 300)
    #expect(m.value(at(.hours(18))) == 200)
    #expect(m.value(at(.zero)) == 100)
    #expect(m.value(at(.hours(30))) == 200)
    #expect(m.value(at(.hours(10))) == 287)  // 200 + 100·sin(60°) = 286.6
    let pct = try cpu("diurnal(mean=50%, amplitude=50%)")
    #expect(pct.value(at(.hours(6), request: 1000)) == 1000)
    #expect(pct.value(at(.hours(18), request: 1000)) == 0)
  }

  @Test func noiseIsSeededAndHeldForItsInterval() throws {
    let m = try cpu("noise(mean=200m, sd=40m, every=30s)")
    let a = m.value(at(.seconds(0), seed: 7))
    #expect(m.value(at(.seconds(29), seed: 7)) == a)
    #expect(m.value(at(.seconds(0), seed: 7)) == a)
    var values: [Int64] = []
    for i in 0..<2000 { values.append(m.value(at(.seconds(30 * Int64(i)), seed: 7))) }
    let mean = Double(values.reduce(0, +)) / Double(values.count)
    #expect(abs(mean - 200) < 4)
    #expect(values.allSatisfy { $0 >= 0 && $0 <= 440 })
    #expect(m.value(at(.seconds(30), seed: 8)) != m.value(at(.seconds(30), seed: 7)))
  }

  @Test func walkStepsAndReflects() throws {
    let m = try cpu("walk(start=100m, step=10m, every=1m, min=80m, max=120m)")
    #expect(m.value(at(.seconds(59), seed: 3)) == 100)
    var prev = m.value(at(.zero, seed: 3))
    for i in 1...500 {
      let v = m.value(at(.minutes(Int64(i)), seed: 3))
      #expect(abs(v - prev) == 10 || (abs(v - prev) == 0))
      #expect(v >= 80 && v <= 120)
      prev = v
    }
  }

  @Test func stepsArePiecewiseConstant() throws {
    let m = try cpu("steps(0s=100m, 5m=400m, 10m=200m)")
    #expect(m.value(at(.zero)) == 100)
    #expect(m.value(at(.seconds(299))) == 100)
    #expect(m.value(at(.minutes(5))) == 400)
    #expect(m.value(at(.hours(1))) == 200)
    let late = try cpu("steps(5m=400m)")
    #expect(late.value(at(.zero)) == 400)
  }

  @Test func trafficDriven() throws {
    let c = try cpu("traffic(base=50m, per-request=2m, capacity=100rps)")
    #expect(c.capacityMilliRPS == 100_000)
    var i = at(.zero)
    i.servedMilliRPS = 40_000
    #expect(c.value(i) == 130)
    i.servedMilliRPS = 250_000
    #expect(c.value(i) == 250)  // capped at 100 rps
    let m = try mem("traffic(base=200Mi, per-inflight=1Mi)")
    i.inFlightMilli = 12_500
    #expect(m.value(i) == 200 * 1_048_576 + 13_107_200)
  }

  @Test func errorsNameTheKey() {
    func message(_ s: String, _ r: UsageResource = .cpu) -> String {
      do {
        _ = try UsageModel(parsing: s, resource: r, key: "sim.kubesim.io/cpu")
        return ""
      } catch { return error.message }
    }
    #expect(
      message("lots")
        == "sim.kubesim.io/cpu: expected a quantity such as 180m, a percentage of the request such as 50%, or a model such as diurnal(...), found \"lots\""
    )
    #expect(
      message("sine(mean=1)")
        == "sim.kubesim.io/cpu: unknown usage model \"sine\" (expected diurnal, noise, walk, steps, series, csv or traffic), found \"sine(mean=1)\""
    )
    #expect(
      message("diurnal(amplitude=1)")
        == "sim.kubesim.io/cpu: diurnal(...) needs mean=, found \"diurnal(amplitude=1)\"")
    #expect(
      message("diurnal(mean=1, amp=2)")
        == "sim.kubesim.io/cpu: diurnal(...) has no argument \"amp\" (expected mean, amplitude, period, phase), found \"diurnal(mean=1, amp=2)\""
    )
    #expect(
      message("steps(5m=1, 1m=2)")
        == "sim.kubesim.io/cpu: steps(...): times must increase, found \"steps(5m=1, 1m=2)\"")
    #expect(
      message("traffic(capacity=fast)")
        == "sim.kubesim.io/cpu: traffic(...): capacity must be a rate such as 100rps, found \"traffic(capacity=fast)\""
    )
    #expect(message("-1") != "")
  }
}

@Suite struct ContainerBehaviorUsageTests {
  @Test func cpuAndMemoryModelsAreReadFromAnnotations() {
    let (b, problems) = ContainerBehavior.parse(
      [
        "sim.kubesim.io/cpu": "diurnal(mean=50%, amplitude=10%)",
        "sim.kubesim.io/memory.app": "traffic(base=200Mi, per-inflight=1Mi)",
      ], container: "app")
    #expect(problems.isEmpty)
    #expect(
      b.cpuUsage
        == .diurnal(
          mean: .perMilleOfRequest(500), amplitude: .perMilleOfRequest(100), period: .hours(24),
          phase: .zero))
    #expect(b.memoryBytes == nil)
    #expect(
      b.memoryUsage
        == .traffic(
          base: .absolute(200 * 1_048_576), perRequest: .absolute(0),
          perInFlight: .absolute(1_048_576), capacityMilliRPS: nil))
    let constant = ContainerBehavior.parse(["sim.kubesim.io/memory": "300Mi"], container: "app")
    #expect(constant.behavior.memoryBytes == Int64(314_572_800))
    #expect(constant.behavior.memoryUsage == .constant(.absolute(300 * 1_048_576)))
    let bad = ContainerBehavior.parse(["sim.kubesim.io/cpu": "walk(start=1)"], container: "app")
    #expect(
      bad.problems.map(\.message) == [
        "sim.kubesim.io/cpu: walk(...) needs step=, found \"walk(start=1)\""
      ])
  }
}

@Suite struct MetricsPipelineTests {
  let pipeline = MetricsPipeline()

  @Test func defaultsAreUpstreams() {
    #expect(MetricsPipeline.defaultHousekeepingInterval == .seconds(10))
    #expect(MetricsPipeline.defaultMetricResolution == .seconds(60))
  }

  @Test func cpuIsTheMeanOfTheSamplesSinceThePreviousScrape() {
    let m = UsageModel.steps([(.zero, .absolute(100)), (.seconds(90), .absolute(700))])
    let at = { (s: Int64) in UsageInput(time: SimTime.zero + .seconds(s)) }
    // Scrape at 120s covers samples 70,80,…,120s: 100,100,700,700,700,700 → 500m.
    #expect(pipeline.cpuMillicores(m, at(125), started: .zero) == 500)
    // Scrape at 60s: samples 10…60s, all 100m.
    #expect(pipeline.cpuMillicores(m, at(119), started: .zero) == 100)
    // Memory is the sample at the scrape.
    #expect(pipeline.memoryBytes(m, at(125)) == 700)
    #expect(pipeline.memoryBytes(m, at(119)) == 100)
  }
}
