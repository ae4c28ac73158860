import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel
import KubeSimScheduler
import KubeSimYAML

/// Runs a loaded scenario: builds the World, drives it through the timeline, checks the
/// expectations, and reports.
///
/// Order at one instant T: the World processes every event at or before T, then the timeline
/// actions at T run (in file order), then the `at: T` expectations are checked; `during:`
/// expectations are checked after every processed instant inside their interval and also at
/// both ends. Actions at T write through the API server, so their effects reach components after
/// the watch delay like any write.
public final class ScenarioRunner {
  /// What the run was loaded from.
  public let input: LoadedInput
  /// The scenario being run or summarised.
  public let scenario: Scenario
  /// The timeline actually run: the scenario's, plus the faults drawn for `spec.faults`.
  public private(set) var timeline: [TimelineEntry] = []
  /// The simulation (its API server holds the cluster state).
  public let world: World
  /// The simulated time the run stops at, at the latest.
  public let end: SimTime
  /// True when neither `spec.duration` nor `--until` was given: the run stops when nothing is
  /// pending (at the last event), or at `end` (`Scenario.defaultDurationLimit`) at the latest.
  public let stopsWhenIdle: Bool
  /// The wall-clock instant of simulated time zero, for rendered timestamps.
  public let timeBase: TimeBase
  private let options: RunOptions
  /// Receives each timeline line (events, actions, verdicts) as it happens; nil prints nothing.
  public var timelineSink: ((String) -> Void)?
  /// Called after each processed instant (the CLI's progress line).
  public var progressSink: ((SimTime) -> Void)?
  private let counter = PodCounter()
  /// Self-healing measurements (faults, Service availability).
  public let selfHealing = SelfHealingRecorder()
  /// Node cost (`sim.kubesim.io/cost-per-hour` × node-hours), for `cost()` and the summary;
  /// registered only when an initial node or a NodePool is priced (`CostMeter.isPriced`; nodes
  /// priced by a later action on an otherwise unpriced cluster are not counted).
  public private(set) var costMeter = CostMeter()
  private var printedEvents = 0

  /// Builds the World for `input` (with no Scenario document: seed 0, default settings, no
  /// timeline or expectations, and `Scenario.defaultDurationLimit` unless `options.until`).
  /// - Throws: `ScenarioLoadError` for bad settings and objects the API server rejects.
  public init(_ input: LoadedInput, options: RunOptions) throws(ScenarioLoadError) {
    // Plain manifests (no Scenario document, e.g. for `kubesim get`) run with the defaults.
    let scenario =
      input.scenario
      ?? Scenario(
        name: "manifests",
        location: SourceLocation(file: input.files.first ?? "", line: 1, column: 1))
    self.input = input
    self.scenario = scenario
    self.options = options
    var settings = SimulationSettings.default
    var errors: [ScenarioDiagnostic] = []
    for pair in scenario.settings {
      guard case .scalar(let key) = pair.key.content else { continue }
      do {
        try settings.set(key.text, pair.value)
      } catch {
        errors.append(ScenarioDiagnostic(at: error.location, path: error.path, error.message))
      }
    }
    if let profile = options.profile { settings.schedulerProfile = profile }
    if Policies.profile(named: settings.schedulerProfile) == nil {
      let pair = scenario.settings.first {
        if case .scalar(let k) = $0.key.content { return k.text == "schedulerProfile" }
        return false
      }
      errors.append(
        ScenarioDiagnostic(
          at: pair?.value.location ?? scenario.location,
          path: pair == nil ? "--profile" : "spec.settings.schedulerProfile",
          "unknown scheduling policy \"\(settings.schedulerProfile)\" (known: \(Policies.names.joined(separator: ", ")))"
        ))
    }
    if !errors.isEmpty { throw ScenarioLoadError(errors) }
    timeBase = settings.timeBase
    let duration = options.until ?? scenario.duration ?? Scenario.defaultDurationLimit
    stopsWhenIdle = options.until == nil && scenario.duration == nil
    end = SimTime(microseconds: duration.microseconds)
    var worldInput = WorldInput(
      seed: options.seed ?? scenario.seed ?? 0, settings: settings, objects: input.objects,
      images: input.images, schedulerConfigurations: input.schedulerConfigurations)
    worldInput.nodePools = input.nodePools
    do {
      world = try World(worldInput)
    } catch let error as WorldInputError {
      let location =
        error.index < input.objectLocations.count
        ? input.objectLocations[error.index] : scenario.location
      throw ScenarioLoadError([
        ScenarioDiagnostic(at: location, "\(error.object): \(error.error.message)")
      ])
    } catch {
      throw ScenarioLoadError([ScenarioDiagnostic(at: scenario.location, "\(error)")])
    }
    world.api.register(counter)
    world.api.register(selfHealing)
    // Only runs with priced nodes watch them, so other runs' event counts stay as they were.
    costMeter = CostMeter(pools: input.nodePools)
    if CostMeter.isPriced(input.objects, pools: input.nodePools) {
      world.api.register(costMeter)
    }
    timeline = Self.timeline(scenario, world: world, input: input.objects, end: end)
  }

  /// The scenario's timeline merged (stable, by time) with the faults its stochastic processes
  /// draw from the `faults` stream before `end`.
  static func timeline(
    _ scenario: Scenario, world: World, input: [APIObject], end: SimTime
  ) -> [TimelineEntry] {
    guard !scenario.faultProcesses.isEmpty else { return scenario.timeline }
    let nodes = input.compactMap(\.asNode)
    let drawn = world.api.loop.withRandom("faults") { rng in
      FaultProcess.schedule(scenario.faultProcesses, nodes: nodes, end: end, rng: &rng)
    }
    var entries = scenario.timeline
    for (t, fault, index) in drawn {
      entries.append(
        TimelineEntry(
          at: t, action: .fault(fault), location: scenario.location,
          text: "\(fault.text) (faults[\(index)])"))
    }
    return entries.enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }
      .map(\.element)
  }

  /// Runs to the end and returns the report. An invariant violation ends the run early and is
  /// reported as an action failure naming the seed.
  public func run() -> RunReport {
    var report = RunReport()
    report.seed = world.seed
    var source = APIServerDataSource(
      api: world.api, timeBase: timeBase, selfHealing: selfHealing, costMeter: costMeter)
    source.traffic = { [weak self] in self?.serviceTraffic ?? [] }
    source.requestTimeout = world.api.settings.requestTimeout
    let evaluator = ExpressionEvaluator(source)
    var results = scenario.expectations.map {
      ExpectationResult(
        text: $0.text, timing: $0.timingText, location: $0.location.description, passed: true,
        failedAt: nil, found: "")
    }
    let during = scenario.expectations.indices.filter {
      if case .during = scenario.expectations[$0].timing { return true }
      return false
    }

    // Whether each verdict is final (failed, or held at its time / over its whole interval).
    var decided = [Bool](repeating: false, count: results.count)
    func check(_ i: Int, at now: SimTime) {
      guard !decided[i] else { return }
      let outcome = evaluator.evaluate(scenario.expectations[i].expression)
      results[i].found = outcome.found
      if !outcome.holds {
        decided[i] = true
        results[i].passed = false
        results[i].failedAt = now
        if let message = results[i].failureMessage { timelineSink?(line(now, "FAIL", message)) }
      } else if case .during(_, let to) = scenario.expectations[i].timing, now < to {
        // A during: expectation is decided when its interval ends.
      } else {
        decided[i] = true
        timelineSink?(line(now, "PASS", "\(results[i].text) (found \(outcome.found))"))
      }
    }
    func checkDuring(_ now: SimTime) {
      for i in during {
        guard case .during(let from, let to) = scenario.expectations[i].timing,
          from <= now, now <= to, results[i].passed
        else { continue }
        check(i, at: now)
      }
    }
    // At an instant with timeline actions, during: expectations are checked after the actions
    // (in the checkpoint loop below), not after the events that precede them (heartbeats).
    let actionTimes = Set(timeline.map(\.at))
    let afterEach: (SimTime) throws -> Void = { [self] now in
      flushEvents()
      if !actionTimes.contains(now) { checkDuring(now) }
      progressSink?(now)
    }

    // Checkpoints: timeline times, at: times and the ends of during: intervals, up to the end.
    var checkpoints = timeline.map(\.at)
    for e in scenario.expectations {
      switch e.timing {
      case .at(let t): checkpoints.append(t)
      case .during(let a, let b): checkpoints += [a, b]
      case .end: break
      }
    }
    checkpoints = Array(Set(checkpoints.filter { $0 <= end })).sorted()
    var nextAction = 0
    var stopped = false
    do {
      for t in checkpoints {
        try world.run(until: t, afterEach: afterEach)
        while nextAction < timeline.count, timeline[nextAction].at <= t {
          perform(timeline[nextAction], &report)
          nextAction += 1
        }
        for (i, e) in scenario.expectations.enumerated() {
          if case .at(let at) = e.timing, at == t { check(i, at: t) }
        }
        checkDuring(t)
      }
      if stopsWhenIdle {
        // Instant by instant, so the clock stops at the last event rather than at the limit.
        // Background timers (heartbeats, monitor passes) alone do not keep the run going.
        var outcome = "idle"
        while world.hasForegroundEvents, let next = world.nextEventTime {
          guard next <= end else {
            outcome = "\(try world.run(until: end, afterEach: afterEach))"
            break
          }
          _ = try world.run(until: next, afterEach: afterEach)
        }
        report.outcome = outcome
      } else {
        let outcome = try world.run(until: end, afterEach: afterEach)
        report.outcome = "\(outcome)"
      }
    } catch {
      stopped = true
      report.actionFailures.append(
        "run stopped at \(DurationFormat.compact(microseconds: world.now.microseconds)): \(error)")
      timelineSink?(line(world.now, "ERROR", "\(error)"))
    }
    flushEvents()
    if !stopped {
      for (i, e) in scenario.expectations.enumerated() where e.timing == .end {
        check(i, at: world.now)
      }
    }
    // Entries after the end of the run never ran: say so rather than pass silently.
    for entry in timeline[nextAction...] where entry.at > end {
      report.actionFailures.append(
        "timeline action at \(DurationFormat.compact(microseconds: entry.at.microseconds)) (\(entry.location)) is after the end of the run (\(DurationFormat.compact(microseconds: end.microseconds))): kubectl \(entry.text)"
      )
    }
    // Expectations whose time never came (after the end, or after an early stop) did not hold.
    let endedAt = DurationFormat.compact(microseconds: world.now.microseconds)
    for i in results.indices where !decided[i] {
      let how = stopped ? "stopped" : "ended"
      results[i].passed = false
      if case .during = scenario.expectations[i].timing, results[i].failedAt == nil,
        !results[i].found.isEmpty
      {
        results[i].found =
          "\(results[i].found) until the run \(how) at \(endedAt), before the interval's end"
      } else {
        results[i].found = "nothing: the run \(how) at \(endedAt)"
      }
    }
    report.expectations = results
    report.endTime = world.now
    report.processedEvents = world.api.processedEvents
    report.podsCreated = counter.created
    report.podsEverRunning = counter.everRunning
    report.podsSucceeded = counter.succeeded
    report.podsFailed = counter.failed
    report.podsDeleted = counter.deleted
    report.faults = selfHealing.outcomes()
    report.availability = selfHealing.availability(now: world.now)
    report.traffic = trafficResults()
    report.podsScheduled = world.bindings.count
    report.failedSchedulingEvents =
      world.recordedEvents.filter { $0.reason == "FailedScheduling" }.count
    for object in world.api.list(.pod) {
      guard case .pod(let pod) = object else { continue }
      if pod.status.phase == .running { report.podsRunningAtEnd += 1 }
      if (pod.spec.nodeName ?? "").isEmpty { report.podsPendingAtEnd += 1 }
    }
    return report
  }

  /// The JSON form of `object` (as `kubectl get -o json` and expectations see it).
  public func objectJSON(_ object: APIObject) -> JSONValue {
    ObjectJSON.render(object, timeBase: timeBase)
  }

  private func perform(_ entry: TimelineEntry, _ report: inout RunReport) {
    let now = world.now
    if case .fault(let fault) = entry.action {
      performFault(fault, entry, &report)
      return
    }
    if case .load(let service, let profile) = entry.action {
      performLoad(service, profile, entry, &report)
      return
    }
    do {
      let output = try KubectlExecutor(api: world.api).run(entry)
      timelineSink?(line(now, "kubectl", entry.text + "  →  " + output.joined(separator: "; ")))
    } catch {
      let message =
        "timeline action failed at \(DurationFormat.compact(microseconds: now.microseconds)) (\(entry.location)): kubectl \(entry.text): \(error.message)"
      report.actionFailures.append(message)
      timelineSink?(line(now, "FAIL", message))
    }
  }

  /// Prints the events recorded since the last call.
  private func flushEvents() {
    guard let sink = timelineSink else {
      printedEvents = world.recordedEvents.count
      return
    }
    let events = world.recordedEvents
    while printedEvents < events.count {
      let e = events[printedEvents]
      printedEvents += 1
      let type = e.type.rawValue == "Normal" ? "" : e.type.rawValue + " "
      sink(line(e.time, type + e.reason, e.object.eventPath + ": " + e.message))
    }
  }

  /// `   2m40s  Scheduled          Pod/default/web-1: Successfully assigned …`.
  func line(_ t: SimTime, _ what: String, _ text: String) -> String {
    let time = DurationFormat.compact(microseconds: t.microseconds)
    let pad = String(repeating: " ", count: max(0, 9 - time.count))
    let wpad = String(repeating: " ", count: max(1, 19 - what.count))
    return pad + time + "  " + what + wpad + text
  }
}
