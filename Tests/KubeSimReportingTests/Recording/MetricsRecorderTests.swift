import KubeSimKernel
import KubeSimReporting
import KubeSimScenario
import KubeSimTestSupport
import Testing

/// The recorder on a bundled scenario: counts and gauges checked against what the scenario's
/// own expectations establish.
@Suite struct MetricsRecorderTests {
  static func record(_ file: String) throws -> (RunReport, RunMetrics) {
    let path = RepositoryPaths.root().appendingPathComponent(file).path
    let input = try ScenarioLoader.load([path], requireScenario: true).get()
    let runner = try ScenarioRunner(input, options: RunOptions())
    let recorder = MetricsRecorder(intervalMicros: 1_000_000)
    runner.world.api.register(recorder)
    let report = runner.run()
    recorder.finish(api: runner.world.api, at: report.endTime)
    return (report, recorder.snapshot(endMicros: report.endTime.microseconds))
  }

  @Test func cordonAndTaintCountsEveryBindAndStart() throws {
    let (report, m) = try Self.record("Scenarios/basics/cordon-and-taint.yaml")
    #expect(report.succeeded)
    let reg = m.registry
    #expect(reg.mergedHistogram(named: StandardMetric.podSchedulingDuration.name).count == 6)
    #expect(reg.mergedHistogram(named: StandardMetric.podStartupTotalLatency.name).count == 6)
    #expect(m.total(StandardMetric.scheduleAttempts.name) == 6 + 2)
    // At the end: 3 pods on each worker (expectation `end`), nothing pending.
    #expect(reg.value(StandardMetric.nodePods.key("worker-1")) == 3)
    #expect(reg.value(StandardMetric.pendingPods.key("unbound")) == 0)
    // One sample a second from 1s (the nodes arrive one watch delay after 0) to 5m inclusive.
    #expect(reg.series(MetricsRecorder.nodesReady).points.count == 300)
    #expect(reg.series(MetricsRecorder.nodesReady).points.first?.startMicros == 1_000_000)
    #expect(m.evictionsAndNotReadyAreEmpty)
  }

  @Test func podsPerNodeFragmentationAndRollouts() throws {
    let (_, m) = try Self.record("Scenarios/basics/cordon-and-taint.yaml")
    // Two workers with 3 pods each at the end; nothing pending, so nothing is fragmented.
    #expect(m.podsPerNode == (3, 3, 3, 2))
    #expect(m.fragmentedCPUMeanMillis == 0)
    let (_, hello) = try Self.record("Scenarios/hello-cluster.yaml")
    // One scale step: the Deployment controller's at 10ms.
    #expect(hello.scalings.map(\.timeMicros) == [10_000])
    #expect(hello.scalings.map(\.deployment) == ["web"])
    #expect(hello.scalings.first?.message.hasPrefix("Scaled up replica set web-") == true)
    #expect(hello.scalings.first?.message.hasSuffix(" from 0 to 3") == true)
  }

  @Test func samplingIsDeterministic() throws {
    let (_, a) = try Self.record("Scenarios/basics/scale-up.yaml")
    let (_, b) = try Self.record("Scenarios/basics/scale-up.yaml")
    #expect(a.registry.csv() == b.registry.csv())
    #expect(a.json.compactString == b.json.compactString)
  }

  @Test func intervalIsAboutFourHundredSamplesOfWholeSeconds() {
    #expect(MetricsRecorder.interval(forDurationMicros: 300_000_000) == 1_000_000)
    #expect(MetricsRecorder.interval(forDurationMicros: 3_600_000_000) == 9_000_000)
  }
}

extension RunMetrics {
  fileprivate var evictionsAndNotReadyAreEmpty: Bool {
    disruptions.isEmpty && notReadyPeriods.isEmpty
  }
}
