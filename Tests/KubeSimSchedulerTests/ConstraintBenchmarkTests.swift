import Testing

@testable import KubeSimScheduler

/// The constraint workloads at a small scale: every pod is placed, and placements obey the
/// constraints (anti-affinity: at most one green pod per node).
@Suite struct ConstraintBenchmarkTests {
  @Test(arguments: ConstraintBenchmark.workloads.map(\.name))
  func smallWorkloadPlacesEveryPod(_ name: String) throws {
    var w = try #require(ConstraintBenchmark.workloads.first { $0.name == name })
    w.nodes = 60
    w.initPods = 20
    w.measurePods = 30
    var p = ConstraintBenchmark.prepare(w)
    #expect(p.scheduleMeasured() == 30)
    if name.hasPrefix("SchedulingPodAntiAffinity") {
      #expect(p.snapshot.pods.bySlot.allSatisfy { $0.count <= 1 })
    }
  }

  @Test func antiAffinityLeavesNoRoomBeyondOnePerNode() {
    var w = ConstraintBenchmark.workloads[1]
    w.nodes = 10
    w.initPods = 5
    w.measurePods = 10
    var p = ConstraintBenchmark.prepare(w)
    #expect(p.scheduleMeasured() == 5)
  }
}
