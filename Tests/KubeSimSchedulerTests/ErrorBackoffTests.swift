import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel
import Testing

@testable import KubeSimScheduler

/// Pods whose attempt hit an error go to the error backoffQ (upstream backoff_queue.go
/// `podErrorBackoffQ`); pods rejected by plugins are pooled and requeued on events, or at once
/// when a relevant event arrived during their attempt (`determineSchedulingHintForInFlightPod`).
@Suite struct ErrorBackoffTests {
  typealias Q = SchedulingQueue<Int>
  static func t(_ ms: Int64) -> SimTime { SimTime(microseconds: ms * 1000) }

  @Test func errorBackoffIsNotMovedByEventsNorPoppedEarly() throws {
    var q = Q()
    q.add(1, key: "a", priority: 0, now: Self.t(0))
    _ = q.pop()  // attempt 1
    q.addAfterError("a", now: Self.t(300))
    #expect(q.entry("a")?.location == .errorBackoff)
    #expect(q.backoffCount == 1 && q.errorBackoffCount == 1 && q.unschedulableCount == 0)
    // activeQ is empty, but the error backoffQ is never popped early.
    #expect(!q.hasPoppable && q.pop() == nil)
    // Cluster events move only pooled pods.
    #expect(q.moveAllToActiveOrBackoff(now: Self.t(500)) == 0)
    // 0.3s + 1s = 1.3s → window 1s → over at 2s.
    q.flushBackoffCompleted(now: Self.t(1999))
    #expect(q.errorBackoffCount == 1)
    q.flushBackoffCompleted(now: Self.t(2000))
    #expect(q.activeCount == 1 && q.backoffCount == 0 && q.errorBackoffCount == 0)
    let again = q.pop()
    #expect(again?.attempts == 2)
    // Second error at 2s: 2s backoff → 4s → window 4 → over at 5s.
    q.addAfterError("a", now: Self.t(2000))
    let e = try #require(q.entry("a"))
    #expect(q.backoffEnd(e) == Self.t(5000))
  }

  @Test func eventDuringTheAttemptRequeuesInsteadOfPooling() {
    var q = Q()
    let registered: (String) -> ClusterEvents = { $0 == "NodeResourcesFit" ? .nodeAdd : [] }
    q.add(1, key: "a", priority: 0, now: Self.t(0))
    q.add(2, key: "b", priority: 0, now: Self.t(0))
    _ = q.pop()
    q.noteEvent(.nodeAdd)  // a node arrives while "a" is in flight
    q.addUnschedulable("a", now: Self.t(500), rejectors: ["NodeResourcesFit"], registered: registered)
    #expect(q.entry("a")?.location == .backoff && q.unschedulableCount == 0)
    // "b" sees no event during its attempt: pooled.
    _ = q.pop()
    q.addUnschedulable("b", now: Self.t(600), rejectors: ["NodeResourcesFit"], registered: registered)
    #expect(q.entry("b")?.location == .unschedulable)
    // An event the rejector did not register for does not requeue.
    q.requeueIfPooled("b", now: Self.t(700))
    _ = q.pop()
    _ = q.pop()
    q.noteEvent(.assignedPodDelete)
    q.addUnschedulable("a", now: Self.t(800), rejectors: ["NodeResourcesFit"], registered: registered)
    #expect(q.entry("a")?.location == .unschedulable)
  }

  /// Fails PreBind with an error on the first `failures` attempts.
  final class Flaky: PreBindPlugin, @unchecked Sendable {
    static let pluginName = "Flaky"
    var name: String { Self.pluginName }
    var failures: Int
    init(failures: Int) { self.failures = failures }
    func preBind(_ state: inout CycleState, _ pod: PodInfo, node: String) -> Status {
      if failures == 0 { return .success }
      failures -= 1
      return Status(.error, ["volume attach timed out"])
    }
  }

  /// A PreBind error: retried after 1s then 2s of error backoff (upstream's initial 1s doubling),
  /// each expiry aligned to the 1s window and flushed on whole seconds.
  @Test func preBindErrorsAreRetriedAfterErrorBackoffWithExactTimes() throws {
    let flaky = Flaky(failures: 2)
    var registry = PluginRegistry.inTree
    registry.register(PluginRegistration(name: Flaky.pluginName, points: [.preBind]) { _ in flaky })
    let config = KubeSchedulerConfiguration(profiles: [
      KubeSchedulerProfile(
        plugins: Plugins(multiPoint: PluginSet(enabled: [Plugin(name: Flaky.pluginName)])))
    ])
    let api = APIServer(seed: 1)
    try api.create(DefaultSchedulerTests.node("worker-1", cpu: "4"))
    let sched = DefaultScheduler(
      settings: api.settings, configurations: [config], registry: registry)
    api.register(sched)
    try api.create(DefaultSchedulerTests.pod("web", cpu: "1"))
    try api.run(until: SimTime(microseconds: 10_000_000))
    // Attempt 1 ends at 15ms → backoff over at trunc(1.015s)+1s = 2s; attempt 2 ends at 2.005s
    // → trunc(4.005s)+1s = 5s; attempt 3 binds at 5.005s.
    #expect(api.bindings.map { "\($0.pod)@\($0.time.microseconds)#\($0.attempts)" } == [
      "web@5005000#3"
    ])
  }

  /// No nodes at all is an error (ErrNoNodesAvailable): a node that appears does not move the
  /// pod; it is retried when its error backoff ends.
  @Test func noNodesWaitsForItsErrorBackoffNotForTheNode() throws {
    let api = APIServer(seed: 1)
    api.register(DefaultScheduler(settings: api.settings))
    try api.create(DefaultSchedulerTests.pod("lonely", cpu: "1"))
    try api.run(until: SimTime(microseconds: 500_000))
    try api.create(DefaultSchedulerTests.node("worker-1", cpu: "4"))
    try api.run(until: SimTime(microseconds: 5_000_000))
    // Attempt 1 at 10–15ms fails; backoff over at 2s; bound at 2.005s.
    #expect(api.bindings.map { "\($0.pod)@\($0.time.microseconds)#\($0.attempts)" } == [
      "lonely@2005000#2"
    ])
  }
}
