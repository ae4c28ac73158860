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
      periodic(pending: 150_000, name: "kernel.periodic.150k", repetitions: repetitions),
      randomDraws(name: "kernel.rng.exponential", repetitions: repetitions) { rng in
        rng.exponential(mean: 1.0)
      },
      randomDraws(name: "kernel.rng.uniform-below", repetitions: repetitions) { rng in
        Double(rng.uniform(below: UInt64(5_000)))
      },
    ]
  }

  /// Draws per second of one `RandomStream` distribution (xoshiro256** plus the mapping; for
  /// the exponential, `DeterministicMath.ln`).
  static func randomDraws(
    name: String, repetitions: Int, _ draw: (inout RandomStream) -> Double
  ) -> BenchResult {
    let draws = 4_000_000
    var rates: [Double] = []
    var sink = 0.0
    for _ in 0..<max(1, repetitions) {
      var rng = RandomStreams(seed: 7).stream(named: "bench.rng")
      let start = BenchTiming.start()
      for _ in 0..<draws { sink += draw(&rng) }
      let seconds = BenchTiming.seconds(since: start)
      rates.append(seconds > 0 ? Double(draws) / seconds : 0)
    }
    // Keep the draws observable so the optimizer cannot drop them.
    if sink.isNaN { print("") }
    return BenchResult(name: name, value: BenchTiming.median(rates), unit: "draws/s")
  }

  /// Kubernetes-like periodic timers: 150k timers with periods 1s, 10s, 15s and 60s (metrics,
  /// heartbeats, HPA sync, resyncs), started on whole seconds, so thousands of events share each
  /// instant and the (time, sequence) tie-break does real work.
  static func periodic(pending: Int, name: String, repetitions: Int) -> BenchResult {
    let periods: [SimDuration] = [.seconds(1), .seconds(10), .seconds(15), .seconds(60)]
    var rates: [Double] = []
    for _ in 0..<max(1, repetitions) {
      var simulator = Simulator<UInt32>(seed: 1)
      for i in 0..<pending {
        simulator.schedule(UInt32(i % periods.count), at: SimTime.zero + .seconds(Int64(i % 60)))
      }
      var handler = PeriodicHandler(periods: periods)
      simulator.eventsMax = pending * 2
      _ = try? simulator.run(handler: &handler)
      let before = simulator.eventsProcessed
      simulator.eventsMax = before + eventsPerRepetition
      let start = BenchTiming.start()
      _ = try? simulator.run(handler: &handler)
      let seconds = BenchTiming.seconds(since: start)
      rates.append(seconds > 0 ? Double(simulator.eventsProcessed - before) / seconds : 0)
    }
    return BenchResult(
      name: name, value: BenchTiming.median(rates), unit: "events/s",
      reference: (name: "G1 goal (perf-anchors)", value: 10_000_000))
  }

  /// The design comparison behind Reports/benchmarks.md: the bare queue (no run loop) as a radix
  /// heap (`EventQueue`) and as an 8-ary heap (`HeapBaseline`), same hold model.
  @Sendable static func runBaselines(_ repetitions: Int) -> [BenchResult] {
    var results: [BenchResult] = []
    for (pending, label) in [(1_000, "1k"), (150_000, "150k"), (1_000_000, "1m")] {
      results.append(
        BenchResult(
          name: "kernel-baselines.radix-queue.\(label)",
          value: queueOnly(pending: pending, repetitions: repetitions), unit: "events/s"))
      results.append(
        BenchResult(
          name: "kernel-baselines.8ary-heap.\(label)",
          value: heapOnly(pending: pending, repetitions: repetitions), unit: "events/s"))
    }
    return results
  }

  /// Hold model on a bare `EventQueue`.
  static func queueOnly(pending: Int, repetitions: Int) -> Double {
    let increments = Self.increments()
    let mask = increments.count - 1
    var rates: [Double] = []
    for _ in 0..<max(1, repetitions) {
      var queue = EventQueue<UInt32>()
      var time = SimTime.zero
      for i in 0..<pending {
        time += increments[i & mask]
        queue.schedule(UInt32(truncatingIfNeeded: i), at: time)
      }
      var index = 0
      var seconds = 0.0
      for phase in 0..<2 {  // warm-up (every initial event replaced twice), then timed
        let steps = phase == 0 ? pending * 2 : eventsPerRepetition
        let start = BenchTiming.start()
        for _ in 0..<steps {
          guard let event = queue.popNext() else { break }
          queue.schedule(event.payload, at: event.time + increments[index & mask])
          index &+= 1
        }
        let elapsed = BenchTiming.seconds(since: start)
        if phase == 1 { seconds = elapsed }
      }
      rates.append(seconds > 0 ? Double(eventsPerRepetition) / seconds : 0)
    }
    return BenchTiming.median(rates)
  }

  /// Hold model on the 8-ary heap baseline (key = time, tag = sequence << 32 | payload).
  static func heapOnly(pending: Int, repetitions: Int) -> Double {
    let increments = Self.increments()
    let mask = increments.count - 1
    var rates: [Double] = []
    for _ in 0..<max(1, repetitions) {
      var heap = HeapBaseline(capacity: pending + 1)
      var time: UInt64 = 0
      var sequence: UInt64 = 0
      for i in 0..<pending {
        time += UInt64(increments[i & mask].microseconds)
        heap.push(key: time, tag: sequence << 32 | UInt64(i))
        sequence += 1
      }
      var index = 0
      var seconds = 0.0
      for phase in 0..<2 {
        let steps = phase == 0 ? pending * 2 : eventsPerRepetition
        let start = BenchTiming.start()
        for _ in 0..<steps {
          guard let top = heap.pop() else { break }
          let next = top.key + UInt64(increments[index & mask].microseconds)
          heap.push(key: next, tag: sequence << 32 | (top.tag & 0xFFFF_FFFF))
          sequence += 1
          index &+= 1
        }
        let elapsed = BenchTiming.seconds(since: start)
        if phase == 1 { seconds = elapsed }
      }
      rates.append(seconds > 0 ? Double(eventsPerRepetition) / seconds : 0)
    }
    return BenchTiming.median(rates)
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
      let before = simulator.eventsProcessed
      simulator.eventsMax = before + eventsPerRepetition
      let start = BenchTiming.start()
      _ = try? simulator.run(handler: &handler)
      let seconds = BenchTiming.seconds(since: start)
      let processed = simulator.eventsProcessed - before
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

/// Reschedules every timer after its own period (the payload indexes `periods`).
struct PeriodicHandler: EventHandler {
  let periods: [SimDuration]

  mutating func handle(_ payload: UInt32, id: EventID, simulator: inout Simulator<UInt32>) {
    simulator.schedule(payload, after: periods[Int(payload)])
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
