import KubeSimReporting
import KubeSimScenario
import KubeSimScheduler

/// Attaches the metrics recorder to a run and turns what it saw into the summary.
enum RunRecording {
  /// Registers a `MetricsRecorder` sampling about 400 times over the run.
  static func attach(to runner: ScenarioRunner) -> MetricsRecorder {
    let recorder = MetricsRecorder(
      intervalMicros: MetricsRecorder.interval(forDurationMicros: runner.end.microseconds),
      cost: runner.costMeter)
    runner.world.api.register(recorder)
    runner.world.component(DefaultScheduler.self)?.timingObserver = recorder
    return recorder
  }

  /// The run's summary with its metrics.
  static func summary(_ runner: ScenarioRunner, _ report: RunReport, _ recorder: MetricsRecorder)
    -> RunSummary
  {
    recorder.finish(api: runner.world.api, at: report.endTime)
    return RunSummary(
      scenario: runner.scenario.name, report: report,
      metrics: recorder.snapshot(endMicros: report.endTime.microseconds)
        .withAvailability(report.availability))
  }

  /// `kubectl scale …` or `fault node-crash worker-2`, as the timeline shows an entry.
  static func label(_ entry: TimelineEntry) -> String {
    // if-case rather than a switch: other lanes add actions (load) without touching this.
    if case .kubectl = entry.action { return "kubectl " + entry.text }
    if case .fault = entry.action { return "fault " + entry.text }
    return entry.text
  }

  /// The scenario's timeline actions up to the end of the run, for the report.
  static func actions(_ runner: ScenarioRunner) -> [RunReportPage.Action] {
    runner.scenario.timeline.filter { $0.at <= runner.world.now }.map {
      (timeMicros: $0.at.microseconds, text: Self.label($0))
    }
  }
}
