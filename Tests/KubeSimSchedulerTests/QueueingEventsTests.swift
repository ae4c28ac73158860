import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel
import Testing

@testable import KubeSimScheduler

/// Requeueing on the events the rejecting plugins registered for, and SchedulingGates removal.
@Suite struct QueueingEventsTests {
  typealias T = DefaultSchedulerTests

  @Test func fitRejectionIgnoresLabelChangeButRetriesOnPodDelete() throws {
    let api = APIServer(seed: 1)
    try api.create(T.node("worker-1", cpu: "2"))
    api.register(DefaultScheduler(settings: api.settings))
    try api.create(T.pod("a", cpu: "2"))
    try api.create(T.pod("b", cpu: "1"))
    try api.run(until: SimTime(microseconds: 2_000_000))
    #expect(api.bindings.map(\.pod) == ["a"])
    // A label change is not an event NodeResourcesFit registered for: b stays pooled.
    guard case .node(var n)? = api.get(.node, "", "worker-1") else { return }
    n.metadata.labels = ["tier": "gold"]
    _ = try api.update(.node(n))
    try api.run(until: SimTime(microseconds: 20_000_000))
    #expect(api.bindings.map(\.pod) == ["a"])
    #expect(api.recordedEvents.filter { $0.reason == "FailedScheduling" }.count == 1)
    // Deleting a (AssignedPod Delete) requeues b, which binds on its second attempt.
    try api.delete(.pod, "default", "a", gracePeriodSeconds: 0)
    try api.run(until: SimTime(microseconds: 60_000_000))
    #expect(api.bindings.map(\.pod) == ["a", "b"])
    #expect(api.bindings.last?.attempts == 2)
  }

  @Test func removingSchedulingGatesQueuesThePod() throws {
    let api = APIServer(seed: 1)
    try api.create(T.node("worker-1", cpu: "2"))
    api.register(DefaultScheduler(settings: api.settings))
    guard case .pod(var p) = T.pod("gated", cpu: "1") else { return }
    p.spec.schedulingGates = [
      PodSchedulingGate(name: "example.com/a"), PodSchedulingGate(name: "example.com/b"),
    ]
    try api.create(.pod(p))
    try api.run(until: SimTime(microseconds: 1_000_000))
    #expect(api.bindings.isEmpty)
    // Adding a gate is forbidden; removing one is allowed.
    guard case .pod(var cur)? = api.get(.pod, "default", "gated") else { return }
    var added = cur
    added.spec.schedulingGates.append(PodSchedulingGate(name: "example.com/c"))
    #expect(throws: APIError.self) { try api.update(.pod(added)) }
    cur.spec.schedulingGates = [PodSchedulingGate(name: "example.com/b")]
    cur = try #require(try api.update(.pod(cur)).asPod)
    try api.run(until: SimTime(microseconds: 2_000_000))
    #expect(api.bindings.isEmpty)
    cur.spec.schedulingGates = []
    _ = try api.update(.pod(cur))
    try api.run(until: SimTime(microseconds: 3_000_000))
    #expect(api.bindings.map(\.pod) == ["gated"])
    #expect(api.bindings.first?.time.microseconds == 2_015_000)
  }

  @Test func podNamingUnknownSchedulerStaysPending() throws {
    let api = APIServer(seed: 1)
    try api.create(T.node("worker-1", cpu: "2"))
    api.register(DefaultScheduler(settings: api.settings))
    guard case .pod(var p) = T.pod("other", cpu: "1") else { return }
    p.spec.schedulerName = "my-scheduler"
    try api.create(.pod(p))
    try api.run(until: SimTime(microseconds: 5_000_000))
    #expect(api.bindings.isEmpty)
    #expect(api.recordedEvents.filter { $0.reason == "FailedScheduling" }.isEmpty)
  }
}
