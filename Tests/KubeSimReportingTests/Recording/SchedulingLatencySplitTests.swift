import KubeSimKernel
import KubeSimReporting
import KubeSimScenario
import KubeSimScheduler
import KubeSimTestSupport
import Testing

/// The scheduler's timing hook and the recorder's split of scheduling latency into queue wait,
/// cycle and binding.
@Suite struct SchedulingLatencySplitTests {
  final class Collector: SchedulingTimingObserver {
    var timings: [SchedulingAttemptTiming] = []
    func attemptFinished(_ timing: SchedulingAttemptTiming) { timings.append(timing) }
  }

  static func run(_ file: String) throws -> (RunMetrics, [SchedulingAttemptTiming]) {
    let path = RepositoryPaths.root().appendingPathComponent(file).path
    let input = try ScenarioLoader.load([path], requireScenario: true).get()
    let runner = try ScenarioRunner(input, options: RunOptions())
    let recorder = MetricsRecorder(intervalMicros: 1_000_000)
    runner.world.api.register(recorder)
    let scheduler = try #require(runner.world.component(DefaultScheduler.self))
    let collector = Collector()
    scheduler.timingObserver = collector
    let report = runner.run()
    recorder.finish(api: runner.world.api, at: report.endTime)
    return (recorder.snapshot(endMicros: report.endTime.microseconds), collector.timings)
  }

  static func ms(_ v: Int64) -> SimTime { SimTime(microseconds: v * 1000) }

  @Test func helloClusterAttemptsHaveExactTimestamps() throws {
    let (_, timings) = try Self.run("Scenarios/hello-cluster.yaml")
    // The Deployment controller makes the ReplicaSet at 10ms, the ReplicaSet controller the
    // three pods at 20ms; the scheduler sees them at 30ms (10 ms watch delay each) and pops them
    // one per 5 ms cycle (settings.schedulerCycleCost): each decides and binds 5 ms after its
    // pop. Queue waits 0, 5, 10 ms; creation to bind 15, 20, 25 ms.
    #expect(timings.map(\.attempt) == [1, 1, 1])
    #expect(timings.map(\.queuedAt) == [Self.ms(30), Self.ms(30), Self.ms(30)])
    #expect(timings.map(\.poppedAt) == [Self.ms(30), Self.ms(35), Self.ms(40)])
    #expect(timings.map(\.decidedAt) == [Self.ms(35), Self.ms(40), Self.ms(45)])
    #expect(timings.map(\.boundAt) == [Self.ms(35), Self.ms(40), Self.ms(45)])
    #expect(timings.allSatisfy { $0.profile == "default-scheduler" && $0.firstQueuedAt == $0.queuedAt })
  }

  @Test func recorderSplitsWaitCycleAndBinding() throws {
    let path = RepositoryPaths.root().appendingPathComponent("Scenarios/scheduling/priority-preemption.yaml").path
    let input = try ScenarioLoader.load([path], requireScenario: true).get()
    let runner = try ScenarioRunner(input, options: RunOptions())
    let recorder = MetricsRecorder(intervalMicros: 1_000_000)
    runner.world.api.register(recorder)
    let scheduler = try #require(runner.world.component(DefaultScheduler.self))
    scheduler.timingObserver = recorder
    let report = runner.run()
    recorder.finish(api: runner.world.api, at: report.endTime)
    let m = recorder.snapshot(endMicros: report.endTime.microseconds)
    let reg = m.registry
    let cycle = reg.mergedHistogram(named: StandardMetric.schedulingAttemptDuration.name)
    let perAttempt = reg.mergedHistogram(named: StandardMetric.attemptQueueWait.name)
    let toBind = reg.mergedHistogram(named: StandardMetric.queueWait.name)
    let binding = reg.mergedHistogram(named: StandardMetric.schedulingBindingDuration.name)
    // 5 pods bound, 10 attempts in all (the rest unschedulable), each cycle exactly 5 ms.
    #expect(toBind.count == 5)
    #expect(binding.count == 5 && binding.max == 0)
    #expect(perAttempt.count == 10)
    #expect(cycle.count == 10 && cycle.min == 5_000 && cycle.max == 5_000)
    #expect(reg.histogram(StandardMetric.schedulingAttemptDuration.key("default-scheduler", "scheduled")).count == 5)
    #expect(reg.histogram(StandardMetric.schedulingAttemptDuration.key("default-scheduler", "unschedulable")).count == 5)
    // The summary shows the split with p50/p90/p99.
    let json = GoldenOutputs.flatten(m.json)
    #expect(json.contains("latency.scheduling_cycle.p99_us\t5000\n"))
    #expect(json.contains("latency.scheduling_binding.max_us\t0\n"))
    #expect(m.markdown.contains("| Scheduling cycle per attempt (pop to decision) | 10 | 5ms | 5ms | 5ms | 5ms |\n"))
  }
}
