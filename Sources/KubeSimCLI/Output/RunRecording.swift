import KubeSimReporting
import KubeSimScenario

/// Attaches the metrics recorder to a run and turns what it saw into the summary.
enum RunRecording {
  /// Registers a `MetricsRecorder` sampling about 400 times over the run.
  static func attach(to runner: ScenarioRunner) -> MetricsRecorder {
    let recorder = MetricsRecorder(
      intervalMicros: MetricsRecorder.interval(forDurationMicros: runner.end.microseconds))
    recorder.sampleHooks.append { [weak runner] registry in
      for t in runner?.serviceTraffic ?? [] {
        for (metric, value) in [
          (StandardMetric.serviceRequestsOffered, t.offered),
          (StandardMetric.serviceRequestsServed, t.served),
          (StandardMetric.serviceRequestsFailed, t.failed),
        ] {
          let key = metric.key(t.service)
          registry.increment(key, by: value - registry.value(key))
        }
      }
    }
    runner.world.api.register(recorder)
    return recorder
  }

  /// The run's summary with its metrics.
  static func summary(_ runner: ScenarioRunner, _ report: RunReport, _ recorder: MetricsRecorder)
    -> RunSummary
  {
    recorder.finish(api: runner.world.api, at: report.endTime)
    return RunSummary(
      scenario: runner.scenario.name, report: report,
      metrics: recorder.snapshot(endMicros: report.endTime.microseconds))
  }

  /// The scenario's timeline actions up to the end of the run, for the report.
  static func actions(_ runner: ScenarioRunner) -> [RunReportPage.Action] {
    runner.scenario.timeline.filter { $0.at <= runner.world.now }.map {
      (timeMicros: $0.at.microseconds, text: "kubectl " + $0.text)
    }
  }
}
