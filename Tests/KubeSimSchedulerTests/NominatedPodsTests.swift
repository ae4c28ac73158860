import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel
import Testing

@testable import KubeSimScheduler

/// Upstream `RunFilterPluginsWithNominatedPods`: a node's nominated pods of priority ≥ the pod's
/// count as running there while the filters decide.
@Suite struct NominatedPodsTests {
  static func pod(_ name: String, cpu: String, priority: Int32) -> APIObject {
    guard case .pod(var p) = DefaultSchedulerTests.pod(name, cpu: cpu) else { return .pod(Pod()) }
    p.spec.priority = priority
    return .pod(p)
  }

  /// The same pod asking for a PriorityClass (the API server's admission resolves its priority).
  static func pod(_ name: String, cpu: String, priorityClass: String) -> APIObject {
    guard case .pod(var p) = DefaultSchedulerTests.pod(name, cpu: cpu) else { return .pod(Pod()) }
    p.spec.priorityClassName = priorityClass
    return .pod(p)
  }

  /// One 4-CPU node holds a 3-CPU priority-0 "victim". A 3-CPU priority-1000 "preemptor"
  /// preempts it (the victim is deleted gracefully and stays until its deletion completes) and is
  /// nominated to the node. A 1-CPU priority-0 "small" pod would fit beside the terminating
  /// victim (1 CPU free) but not beside the victim plus the nominated preemptor: it stays off
  /// the node until the victim is gone, then both are bound.
  @Test func nominatedHigherPriorityPodKeepsLowerPriorityPodOffUntilVictimTerminates() throws {
    let api = APIServer(seed: 1)
    try api.create(DefaultSchedulerTests.node("worker-1", cpu: "4"))
    let sched = DefaultScheduler(settings: api.settings)
    api.register(sched)
    try api.create(.priorityClass(PriorityClass(metadata: ObjectMeta(name: "high"), value: 1000)))
    try api.create(DefaultSchedulerTests.pod("victim", cpu: "3"))
    try api.run(until: SimTime(microseconds: 1_000_000))
    try api.create(Self.pod("preemptor", cpu: "3", priorityClass: "high"))
    try api.run(until: SimTime(microseconds: 2_000_000))
    guard case .pod(let pre)? = api.get(.pod, "default", "preemptor") else {
      Issue.record("no preemptor")
      return
    }
    #expect(pre.status.nominatedNodeName == "worker-1")
    #expect(sched.nominatedPods.pods(on: "worker-1").map(\.key) == ["default/preemptor"])
    try api.create(DefaultSchedulerTests.pod("small", cpu: "1"))
    try api.run(until: SimTime(microseconds: 5_000_000))
    let failed = api.recordedEvents.filter { $0.reason == "FailedScheduling" }
    #expect(
      failed.map { "\($0.object.name ?? "")@\($0.time.microseconds): \($0.message)" } == [
        "preemptor@1015000: 0/1 nodes are available: 1 Insufficient cpu.",
        "small@2015000: 0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are "
          + "available: 1 No preemption victims found for incoming pod.",
      ])
    #expect(api.bindings.map(\.pod) == ["victim"])
    // The kubelet's confirmation: the victim's deletion completes at 5s.
    try api.delete(.pod, "default", "victim", gracePeriodSeconds: 0)
    try api.run(until: SimTime(microseconds: 10_000_000))
    #expect(
      api.bindings.map { "\($0.pod)@\($0.time.microseconds)->\($0.node)" } == [
        "victim@15000->worker-1", "preemptor@5015000->worker-1", "small@5020000->worker-1",
      ])
    #expect(sched.nominatedPods.isEmpty)
  }

  /// A nominated pod of lower priority does not reserve anything against a higher-priority pod
  /// (`addGENominatedPods` adds only priority ≥ the pod's).
  @Test func lowerPriorityNominationIsIgnored() {
    var snap = NodeSnapshot()
    var n = Node(metadata: ObjectMeta(name: "n"))
    n.status.allocatable = ["cpu": Quantity(milli: 2000), "pods": Quantity(110)]
    _ = snap.upsert(n)
    var nominated = NominatedPods()
    guard case .pod(let low) = Self.pod("low", cpu: "2", priority: 1),
      case .pod(let high) = Self.pod("high", cpu: "2", priority: 5),
      case .pod(let same) = Self.pod("same", cpu: "2", priority: 1)
    else { return }
    nominated.set(PodInfo(low), node: "n")
    let profile = Profile.defaultProfile()
    #expect(
      SchedulingAlgorithm.nominatedRejection(
        PodInfo(high), profile: profile, snapshot: snap, slot: 0, nominated: nominated) == nil)
    let st = SchedulingAlgorithm.nominatedRejection(
      PodInfo(same), profile: profile, snapshot: snap, slot: 0, nominated: nominated)
    #expect(st.map { "\($0)" } == "Unschedulable: Insufficient cpu")
    // The snapshot the caller holds is untouched.
    #expect(snap.table.count == 1)
    #expect(
      SchedulingAlgorithm.evaluate(PodInfo(same), profile: profile, snapshot: snap, slot: 0) == nil)
  }
}
