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

extension DefaultSchedulerTests {
  @Test func recordedAttemptsExplainVerdictsAndScores() throws {
    let api = APIServer(seed: 1)
    try api.create(Self.node("worker-1", cpu: "2"))
    guard case .node(var tainted) = Self.node("worker-2", cpu: "2") else { return }
    tainted.spec.taints = [Taint(key: "dedicated", value: "gpu", effect: .noSchedule)]
    try api.create(.node(tainted))
    try api.create(Self.node("worker-3", cpu: "4"))
    let sched = DefaultScheduler(settings: api.settings)
    sched.recordAttempts = true
    api.register(sched)
    try api.create(Self.pod("web", cpu: "1"))
    try api.run(until: SimTime(microseconds: 1_000_000))
    let a = try #require(sched.attempts.first)
    #expect(a.pod == "default/web" && a.attempt == 1)
    let verdicts = a.verdicts.map { "\(a.nodeNames[$0.slot]):\($0.status?.description ?? "ok")" }
    #expect(
      verdicts == [
        "worker-1:ok",
        "worker-2:UnschedulableAndUnresolvable: node(s) had untolerated taint {dedicated: gpu}",
        "worker-3:ok",
      ])
    // LeastAllocated: cpu (2000−1000)·100/2000 = 50 on worker-1, 75 on worker-3; memory uses
    // the 200Mi non-zero default: (8Gi − 200Mi)·100/8Gi = 97; (50+97)/2 = 73, (75+97)/2 = 86.
    // TaintToleration: no PreferNoSchedule taints → raw 0, reversed to 100, weight 3.
    // NodeAffinity: no preferred terms → PreScore Skip (absent). BalancedAllocation (v1.36):
    // cpu fraction 0.5 and memory 0 → S = 75, without the pod S = 100: 50 + (50+75−100)/2 = 62;
    // worker-3: 0.25 → S = 87: 50 + (50+87−100)/2 = 68. ImageLocality: no images → 0.
    let scores = a.scores.map { s in
      "\(a.nodeNames[s.slot]) "
        + s.plugins.map { "\($0.plugin)=\($0.raw)/\($0.normalized)x\($0.weight)" }
        .joined(separator: " ") + " total=\(s.total)"
    }
    #expect(
      scores == [
        "worker-1 TaintToleration=0/100x3 NodeResourcesFit=73/73x1"
          + " NodeResourcesBalancedAllocation=62/62x1 ImageLocality=0/0x1 total=435",
        "worker-3 TaintToleration=0/100x3 NodeResourcesFit=86/86x1"
          + " NodeResourcesBalancedAllocation=68/68x1 ImageLocality=0/0x1 total=454",
      ])
    guard case .scheduled(let slot, let evaluated, let feasible) = a.outcome else {
      Issue.record("not scheduled")
      return
    }
    #expect(a.nodeNames[slot] == "worker-3" && evaluated == 3 && feasible == 2)
  }
}
