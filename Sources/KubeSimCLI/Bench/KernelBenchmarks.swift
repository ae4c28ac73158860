import KubeSimKernel

/// The kernel's benchmarks: the classic *hold model* of event-set studies (Vaucher and Duval,
/// CACM 1975; Jones, CACM 1986): keep N events pending; each step pops the earliest, dispatches
/// it to a no-op handler, and schedules one new event at `now + exponential increment`.
///
/// It drives the real `Simulator.run` loop (invariant hook, instant detection, eventsMax check
/// included), so the figure is what a simulation pays per event before doing any work.
/// Increments (mean 1 s, integer microseconds) are drawn beforehand from a fixed stream and
/// replayed from a 64 Ki ring, so RNG cost is excluded, as in perf-anchors §4.
enum KernelBenchmarks {
  /// Events timed per repetition.
  static let eventsPerRepetition = 4_000_000

  @Sendable static func run(_ repetitions: Int) -> [BenchResult] {
    [
      hold(pending: 1_000, name: "kernel.hold.1k", goal: 30_000_000, repetitions: repetitions),
      hold(pending: 150_000, name: "kernel.hold.150k", goal: 10_000_000, repetitions: repetitions),
    ]
  }

  /// Median events/s of the hold model at `pending` events.
  static func hold(pending: Int, name: String, goal: Double, repetitions: Int) -> BenchResult {
    let increments = Self.increments()
    var rates: [Double] = []
    for _ in 0..<max(1, repetitions) {
      var simulator = Simulator<UInt32>(seed: 1)
      var time = SimTime.zero
      for i in 0..<pending {
        time += increments[i & (increments.count - 1)]
        simulator.schedule(UInt32(truncatingIfNeeded: i), at: time)
      }
      var handler = HoldHandler(increments: increments)
      // Warm up to the steady state (every initial event replaced once), untimed.
      simulator.eventsMax = pending * 2
      _ = try? simulator.run(handler: &handler)
      let start = simulator.eventsProcessed
      simulator.eventsMax = start + eventsPerRepetition
      let seconds = BenchTiming.seconds {
        _ = try? simulator.run(handler: &handler)
      }
      let processed = simulator.eventsProcessed - start
      rates.append(seconds > 0 ? Double(processed) / seconds : 0)
    }
    return BenchResult(
      name: name, value: BenchTiming.median(rates), unit: "events/s",
      reference: (name: "G1 goal (perf-anchors)", value: goal))
  }

  /// 65,536 exponential increments with mean 1 s, in whole microseconds.
  static func increments() -> [SimDuration] {
    var stream = RandomStreams(seed: 2026).stream(named: "bench.hold")
    return (0..<65_536).map { _ in
      SimDuration(microseconds: Int64(stream.exponential(mean: 1_000_000)))
    }
  }
}

/// Reschedules every event it receives after the next precomputed increment.
struct HoldHandler: EventHandler {
  let increments: [SimDuration]
  var index = 0

  init(increments: [SimDuration]) {
    self.increments = increments
  }

  mutating func handle(_ payload: UInt32, id: EventID, simulator: inout Simulator<UInt32>) {
    let delay = increments[index & (increments.count - 1)]
    index &+= 1
    simulator.schedule(payload, after: delay)
  }
}
