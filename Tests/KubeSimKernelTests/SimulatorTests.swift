import Testing

@testable import KubeSimKernel

/// A handler that logs what it sees and schedules follow-ups from a script.
private struct Recorder: EventHandler {
  var log: [String] = []
  var instants: [SimTime] = []
  var violationAt: Int? = nil
  var throwAt: String? = nil

  struct Boom: Error, Equatable {}

  mutating func handle(_ payload: String, id: EventID, simulator: inout Simulator<String>) throws {
    log.append("\(simulator.now) \(payload)")
    if payload == throwAt { throw Boom() }
    if payload == "tick", simulator.now < SimTime.zero + .seconds(30) {
      simulator.schedule("tick", after: .seconds(10))
      simulator.schedule("tock", after: .zero)  // same instant, after this one
    }
  }

  mutating func checkInvariants(_ simulator: Simulator<String>) -> String? {
    if let n = violationAt, simulator.eventsProcessed == n { return "pod p on two nodes" }
    return nil
  }

  mutating func instantCompleted(_ simulator: inout Simulator<String>) throws {
    instants.append(simulator.now)
  }
}

@Suite struct SimulatorTests {
  @Test func runsUntilIdleSettingNowBeforeEachEvent() throws {
    var sim = Simulator<String>(seed: 1)
    sim.schedule("tick", at: .zero)
    var h = Recorder()
    let outcome = try sim.run(handler: &h)
    #expect(outcome == .idle)
    #expect(sim.now == SimTime.zero + .seconds(30))
    #expect(
      h.log == [
        "0s tick", "0s tock", "10s tick", "10s tock", "20s tick", "20s tock", "30s tick",
      ])
    #expect(h.instants.map(\.description) == ["0s", "10s", "20s", "30s"])
    #expect(sim.eventsProcessed == 7)
  }

  @Test func runUntilStopsAtTheLimitAndMovesTheClock() throws {
    var sim = Simulator<String>(seed: 1)
    sim.schedule("tick", at: .zero)
    var h = Recorder()
    let r1 = try sim.run(until: SimTime.zero + .seconds(15), handler: &h)
    #expect(r1 == .reachedTime(SimTime.zero + .seconds(15)))
    #expect(sim.now.description == "15s")
    #expect(sim.nextEventTime?.description == "20s")
    #expect(h.log.count == 4)
    // Past-dated scheduling is clamped to now.
    sim.schedule("late", at: .zero)
    #expect(sim.nextEventTime == sim.now)
    let r2 = try sim.run(until: SimTime.zero + .seconds(100), handler: &h)
    #expect(r2 == .idle)
    #expect(sim.now.description == "1m40s")
    #expect(h.log[4] == "15s late")
  }

  @Test func invariantViolationStopsTheRunNamingTheSeed() throws {
    var sim = Simulator<String>(seed: 42)
    sim.schedule("tick", at: .zero)
    var h = Recorder()
    h.violationAt = 3
    do {
      _ = try sim.run(handler: &h)
      Issue.record("expected a violation")
    } catch let v as InvariantViolation {
      #expect(
        v.description
          == "InvariantViolation: pod p on two nodes at 10s (event 3) "
          + "(seed 42; replay with --seed 42)")
      #expect(v.eventIndex == 3)
    }
    #expect(h.log.count == 3)
  }

  @Test func eventsMaxIsReportedAndResumable() throws {
    var sim = Simulator<String>(seed: 1, eventsMax: 5)
    sim.schedule("tick", at: .zero)
    var h = Recorder()
    let outcome = try sim.run(handler: &h)
    #expect(outcome == .eventsMaxReached(limit: 5, at: SimTime.zero + .seconds(20)))
    #expect(outcome.description == "stopped: eventsMax (5) reached at 20s")
    sim.eventsMax = 100
    let r3 = try sim.run(handler: &h)
    #expect(r3 == .idle)
    #expect(h.log.count == 7)
  }

  @Test func handlerErrorsPropagate() {
    var sim = Simulator<String>(seed: 1)
    sim.schedule("a", at: .zero)
    sim.schedule("b", at: .zero)
    var h = Recorder()
    h.throwAt = "a"
    #expect(throws: Recorder.Boom.self) { try sim.run(handler: &h) }
    #expect(sim.pendingCount == 1)
  }

  @Test func farFutureDelaysSaturate() throws {
    var sim = Simulator<String>(seed: 1)
    sim.schedule("a", at: SimTime(microseconds: .max - 5))
    var h = Recorder()
    try sim.run(handler: &h)
    sim.schedule("b", after: .seconds(1))
    #expect(sim.nextEventTime == .max)
  }

  @Test func cancelThroughTheSimulator() throws {
    var sim = Simulator<String>(seed: 1)
    let id = sim.schedule("x", after: .seconds(1))
    sim.schedule("y", after: .seconds(-5))  // negative delay: now
    let r4 = sim.cancel(id)
    #expect(r4)
    var h = Recorder()
    _ = try sim.run(handler: &h)
    #expect(h.log == ["0s y"])
  }
}

/// Schedules random follow-ups and cancels random pending events, logging every dispatch.
private struct RandomWorkload: EventHandler {
  var rng: RandomStream
  var log: [String] = []
  var pending: [EventID] = []

  mutating func handle(_ payload: Int, id: EventID, simulator: inout Simulator<Int>) {
    log.append("\(simulator.now.microseconds):\(payload):\(id.sequence)")
    for _ in 0..<rng.uniform(below: 3) {
      let delay = rng.exponential(mean: .milliseconds(rng.bernoulli(perMille: 200) ? 0 : 50))
      pending.append(simulator.schedule(payload &+ 1, after: delay))
    }
    if rng.chance(0.1), let victim = rng.element(of: pending.indices) {
      simulator.cancel(pending.remove(at: victim))
    }
  }
}

@Suite struct SimulatorDeterminismTests {
  private func trace(seed: UInt64) throws -> [String] {
    var sim = Simulator<Int>(seed: seed, eventsMax: 20_000)
    for i in 0..<50 { sim.schedule(i * 1_000, at: .zero) }
    var handler = RandomWorkload(rng: sim.random.stream(named: "workload"))
    _ = try sim.run(until: SimTime.zero + .seconds(60), handler: &handler)
    return handler.log
  }

  @Test(arguments: [0, 1, 42] as [UInt64])
  func aSeedReplaysTheSameTrace(seed: UInt64) throws {
    let first = try trace(seed: seed)
    #expect(first.count > 1_000)
    #expect(try trace(seed: seed) == first)
    #expect(try trace(seed: seed + 1) != first)
  }
}
