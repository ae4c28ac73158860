import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel
import Testing

@testable import KubeSimScheduler

@Suite struct DefaultSchedulerTests {
  static func node(_ name: String, cpu: String) -> APIObject {
    var n = Node(metadata: ObjectMeta(name: name))
    n.status.allocatable = [
      "cpu": try! Quantity(parsing: cpu), "memory": try! Quantity(parsing: "8Gi"),
      "pods": Quantity(110),
    ]
    n.status.capacity = n.status.allocatable
    return .node(n)
  }

  static func pod(_ name: String, cpu: String) -> APIObject {
    var p = Pod(metadata: ObjectMeta(name: name, namespace: "default"))
    p.spec.containers = [Container(name: "c", image: "nginx:1.27")]
    p.spec.containers[0].resources.requests = ["cpu": try! Quantity(parsing: cpu)]
    return .pod(p)
  }

  @Test func bindsPodsAndRecordsEventsAtCycleCost() throws {
    let api = APIServer(seed: 1)
    for i in 1...3 { try api.create(Self.node("worker-\(i)", cpu: "2")) }
    let sched = DefaultScheduler(settings: api.settings)
    api.register(sched)
    for i in 1...3 { try api.create(Self.pod("web-\(i)", cpu: "1500m")) }
    try api.run(until: SimTime(microseconds: 1_000_000))
    // Pods are delivered at 10ms (watch delay); cycles cost 5ms each.
    let scheduled = api.recordedEvents.filter { $0.reason == "Scheduled" }
    #expect(scheduled.map(\.time.microseconds) == [15_000, 20_000, 25_000])
    #expect(Set(scheduled.compactMap(\.node)) == ["worker-1", "worker-2", "worker-3"])
    #expect(scheduled[0].message.hasPrefix("Successfully assigned default/web-1 to worker-"))
    #expect(api.bindings.map(\.attempts) == [1, 1, 1])
  }

  @Test func unschedulablePodGetsFailedSchedulingAndRetriesAfterNodeAdd() throws {
    let api = APIServer(seed: 1)
    for i in 1...3 { try api.create(Self.node("worker-\(i)", cpu: "1")) }
    let sched = DefaultScheduler(settings: api.settings)
    api.register(sched)
    try api.create(Self.pod("big", cpu: "2"))
    try api.run(until: SimTime(microseconds: 5_000_000))
    let failed = api.recordedEvents.filter { $0.reason == "FailedScheduling" }
    #expect(failed.count == 1)
    #expect(
      failed.first?.message
        == "0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: "
        + "3 Preemption is not helpful for scheduling.")
    #expect(failed.first?.time.microseconds == 15_000)
    // A bigger node arrives at 5s: the pod is requeued (its 1s backoff is over) and bound.
    try api.create(Self.node("worker-4", cpu: "4"))
    try api.run(until: SimTime(microseconds: 6_000_000))
    let bound = try #require(api.bindings.first)
    #expect(bound.node == "worker-4" && bound.attempts == 2)
    #expect(bound.time.microseconds == 5_015_000)
  }

  @Test func requestOverFreeButUnderAllocatableIsPreemptable() throws {
    let api = APIServer(seed: 1)
    try api.create(Self.node("worker-1", cpu: "2"))
    let sched = DefaultScheduler(settings: api.settings)
    api.register(sched)
    try api.create(Self.pod("a", cpu: "1500m"))
    try api.create(Self.pod("b", cpu: "1"))
    try api.run(until: SimTime(microseconds: 1_000_000))
    let failed = api.recordedEvents.filter { $0.reason == "FailedScheduling" }
    #expect(
      failed.map(\.message) == [
        "0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: "
          + "1 No preemption victims found for incoming pod."
      ])
  }

  @Test func gatedPodIsNotQueued() throws {
    let api = APIServer(seed: 1)
    try api.create(Self.node("worker-1", cpu: "2"))
    api.register(DefaultScheduler(settings: api.settings))
    guard case .pod(var p) = Self.pod("gated", cpu: "1") else { return }
    p.spec.schedulingGates = [PodSchedulingGate(name: "example.com/wait")]
    try api.create(.pod(p))
    try api.create(Self.pod("free", cpu: "1"))
    try api.run(until: SimTime(microseconds: 2_000_000))
    #expect(api.bindings.map(\.pod) == ["free"])
    #expect(!api.recordedEvents.contains { $0.reason == "FailedScheduling" })
  }
}

extension DefaultSchedulerTests {
  @Test func noNodesGivesErrNoNodesAvailable() throws {
    let api = APIServer(seed: 1)
    api.register(DefaultScheduler(settings: api.settings))
    try api.create(Self.pod("lonely", cpu: "1"))
    try api.run(until: SimTime(microseconds: 1_000_000))
    let failed = api.recordedEvents.filter { $0.reason == "FailedScheduling" }
    #expect(failed.map(\.message) == ["no nodes available to schedule pods"])
    let cond = api.get(.pod, "default", "lonely")?.asPod?.status.conditions.first {
      $0.type == "PodScheduled"
    }
    #expect(cond?.status == .false && cond?.reason == "SchedulerError")
  }
}
