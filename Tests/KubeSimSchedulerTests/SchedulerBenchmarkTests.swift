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
