import Foundation
import Testing

@testable import KubeSimScheduler

@Suite struct SchedulerBenchmarkTests {
  @Test func schedulesEveryPodOfASmallWorkload() {
    #expect(SchedulerBenchmark.run(nodes: 150, pods: 300) == 300)
  }

  /// Opt-in throughput figure: `KUBESIM_SCHED_BENCH=1 swift test -c release --filter
  /// SchedulerBenchmarkTests` (wall-clock time is measured here, outside the simulation).
  @Test(.enabled(if: ProcessInfo.processInfo.environment["KUBESIM_SCHED_BENCH"] == "1"))
  func throughput() {
    let clock = ContinuousClock()
    var n = 0
    let d = clock.measure { n = SchedulerBenchmark.run(nodes: 5000, pods: 50_000) }
    let secs = Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    print("scheduler: 5000 nodes, \(n) pods in \(secs)s = \(Int(Double(n) / secs)) pods/s")
  }
}

@Suite struct SchedulerPerfTests {
  @Test func smallSchedulingBasicSchedulesEveryPod() {
    let w = SchedulerPerfWorkload(
      name: "SchedulingBasic/small", nodes: 200, initPods: 100, measuredPods: 500,
      percentageOfNodesToScore: 0, threshold: 0, goal: 0)
    var r = SchedulerPerfRun(w)
    #expect(r.scheduleMeasured() == 500)
    #expect(r.pluginNames.prefix(4) == ["NodeAffinity", "NodePorts", "VolumeRestrictions", "NodeVolumeLimits"])
  }

  @Test func boundStateAccountsEveryPod() {
    let s = SchedulerPerfRun.boundState(nodes: 10, pods: 35)
    #expect(s.snapshot.table.podCount.reduce(0, +) == 35)
  }
}
