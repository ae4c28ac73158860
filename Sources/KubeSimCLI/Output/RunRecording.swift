import KubeSimKernel
import KubeSimNodeAgent
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
    let proxy = runner.world.component(KubeProxy.self)
    proxy?.historyStep = .microseconds(recorder.registry.intervalMicros)
    recorder.sampleHooks.append { [weak runner] registry in
      // The sample being taken may be for an earlier time than now (the recorder samples when
      // it next hears of something): read the counts as they were then.
      let at = SimTime(microseconds: registry.nextSampleMicros)
      for t in runner?.serviceTraffic ?? [] {
        let totals =
          proxy?.trafficTotals(t.service, at: at) ?? (offered: t.offered, served: t.served, failed: t.failed)
        for (metric, value) in [
          (StandardMetric.serviceRequestsOffered, totals.offered),
          (StandardMetric.serviceRequestsServed, totals.served),
          (StandardMetric.serviceRequestsFailed, totals.failed),
        ] {
          let key = metric.key(t.service)
          registry.increment(key, by: value - registry.value(key))
        }
      }
    }
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
    if case .kubectl = entry.action { return "kubectl " + entry.text }
    if case .fault = entry.action { return "fault " + entry.text }
    if case .load = entry.action { return "load " + entry.text }
    return entry.text
  }

  /// The scenario's timeline actions up to the end of the run, for the report.
  static func actions(_ runner: ScenarioRunner) -> [RunReportPage.Action] {
    runner.scenario.timeline.filter { $0.at <= runner.world.now }.map {
      (timeMicros: $0.at.microseconds, text: Self.label($0))
    }
  }
}
