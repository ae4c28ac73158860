import KubeSimKernel
import KubeSimModel
import Testing

@testable import KubeSimAPIServer

@Suite("API server watches and timers")
struct WatchTests {
  @Test("deliveries come watchDelay (10ms) after the write, in write order, in registration order")
  func deliveryOrder() throws {
    let api = APIServer(seed: 1)
    let first = Recorder("first", [WatchFilter(kind: .pod)])
    let second = Recorder("second", [WatchFilter(kind: .pod)])
    api.register(first)
    api.register(second)
    try api.create(Fixture.pod("a"))
    try api.create(Fixture.pod("b"))
    #expect(try api.run(until: .zero + .milliseconds(5)) == .reachedTime(.zero + .milliseconds(5)))
    #expect(first.log.isEmpty)
    // A write at 5ms is delivered at 15ms.
    let b = try #require(api.get(.pod, "default", "b"))
    var labelled = b
    labelled.metadata.labels["x"] = "y"
    try api.update(labelled)
    #expect(try api.run(until: .zero + .seconds(1)) == .idle)
    #expect(first.log == ["10000 added a", "10000 added b", "15000 modified b"])
    #expect(second.log == first.log)
    #expect(api.now == .zero + .seconds(1))
  }

  @Test(
    "a pod write reaches only its node's kubelet; binding arrives as added, unbinding as deleted")
  func nodeFilter() throws {
    let api = APIServer(seed: 1)
    try api.create(Fixture.node("n1"))
    try api.create(Fixture.node("n2"))
    let k1 = Recorder("kubelet/n1", [WatchFilter(kind: .pod, nodeName: "n1")])
    let k2 = Recorder("kubelet/n2", [WatchFilter(kind: .pod, nodeName: "n2")])
    let sched = Recorder("scheduler", [WatchFilter(kind: .pod)])
    api.register(sched)
    api.register(k1)
    api.register(k2)
    try api.create(Fixture.pod("a"))
    try api.run(until: .zero + .milliseconds(20))
    try api.bind("default", "a", to: "n2")
    try api.run(until: .zero + .milliseconds(40))
    try api.delete(.pod, "default", "a")  // graceful: stays, Terminating
    try api.run(until: .zero + .milliseconds(60))
    try api.delete(.pod, "default", "a", gracePeriodSeconds: 0)
    try api.run(until: .zero + .seconds(1))
    #expect(k1.log.isEmpty)
    #expect(k2.log == ["30000 added a", "50000 modified a", "70000 deleted a"])
    #expect(
      sched.log == ["10000 added a", "30000 modified a", "50000 modified a", "70000 deleted a"])
  }

  @Test("a component registered later first gets the current objects as added")
  func initialList() throws {
    let api = APIServer(seed: 1)
    try api.create(Fixture.node("n1"))
    try api.create(Fixture.pod("a", node: "n1"))
    try api.create(Fixture.pod("b"))
    try api.run(until: .zero + .seconds(1))
    let kubelet = Recorder("kubelet/n1", [WatchFilter(kind: .pod, nodeName: "n1")])
    api.register(kubelet)
    try api.run(until: .zero + .seconds(2))
    #expect(kubelet.log == ["1010000 added a"])
  }

  @Test("timers fire in (time, order set); cancelled timers never fire; start runs at registration")
  func timers() throws {
    let api = APIServer(seed: 1)
    let c = Recorder("c", [])
    var cancelled: TimerID?
    c.onStart = { ctx in
      ctx.setTimer(after: .seconds(2), token: 1)
      ctx.setTimer(after: .seconds(1), token: 2)
      ctx.setTimer(after: .seconds(1), token: 3)
      cancelled = ctx.setTimer(after: .seconds(1), token: 4)
    }
    c.onTimer = { token, ctx in
      if token == 2, let id = cancelled { ctx.cancelTimer(id) }
      if token == 1 { ctx.setTimer(after: .zero, token: 5) }
    }
    api.register(c)
    #expect(try api.run(until: .zero + .seconds(10)) == .idle)
    #expect(c.log == ["1000000 timer 2", "1000000 timer 3", "2000000 timer 1", "2000000 timer 5"])
  }

  @Test("run(until:) calls afterEach once per instant, and a throw stops the run")
  func afterEach() throws {
    struct Stop: Error {}
    let api = APIServer(seed: 1)
    let c = Recorder("c", [])
    c.onStart = { ctx in
      for s in [1, 1, 2, 3] { ctx.setTimer(after: .seconds(Int64(s)), token: UInt64(s)) }
    }
    api.register(c)
    var instants: [Int64] = []
    #expect(throws: Stop.self) {
      try api.run(until: .zero + .seconds(10)) { t in
        instants.append(t.microseconds)
        if t == .zero + .seconds(2) { throw Stop() }
      }
    }
    #expect(instants == [0, 1_000_000, 2_000_000])
    #expect(api.now == .zero + .seconds(2))
    #expect(try api.run(until: .zero + .seconds(10)) == .idle)
    #expect(c.log.last == "3000000 timer 3")
  }

  @Test("binding a pod beyond the node's allocatable stops the run naming the seed")
  func invariant() throws {
    let api = APIServer(seed: 42)
    try api.create(Fixture.node("n1", cpu: "1"))
    try api.create(Fixture.pod("a", cpu: "600m"))
    try api.create(Fixture.pod("b", cpu: "600m"))
    let c = Recorder("bad-scheduler", [])
    c.onStart = { ctx in
      _ = try? ctx.api.bind("default", "a", to: "n1")
      _ = try? ctx.api.bind("default", "b", to: "n1")
    }
    api.register(c)
    #expect(
      throws: InvariantViolation(
        message: "node n1: requested cpu 1200m > allocatable 1000m", time: .zero, eventIndex: 1,
        seed: 42)
    ) {
      try api.run(until: .zero + .seconds(1))
    }
    let text = "\(InvariantViolation(message: "m", time: .zero, eventIndex: 1, seed: 42))"
    #expect(text.hasSuffix("(seed 42; replay with --seed 42)"))
  }

  @Test("bind errors name pods/binding")
  func bindErrors() throws {
    let api = APIServer(seed: 1)
    try api.create(Fixture.node("n1"))
    try api.create(Fixture.pod("a"))
    try api.bind("default", "a", to: "n1", profile: "default-scheduler", attempts: 2)
    #expect(
      throws: APIError(
        .conflict,
        "Operation cannot be fulfilled on pods/binding \"a\": pod a is already assigned to node \"n1\""
      )
    ) {
      try api.bind("default", "a", to: "n1")
    }
    #expect(api.bindings.map { "\($0.pod) \($0.node) \($0.attempts)" } == ["a n1 2"])
    guard case .pod(let pod)? = api.get(.pod, "default", "a") else { return }
    #expect(
      pod.status.conditions.map { "\($0.type)=\($0.status.rawValue)" } == ["PodScheduled=True"])
  }
}

extension WatchTests {
  @Test("a pod indexed on two nodes is reported after the instant, and by the full check")
  func corruptedIndex() throws {
    let api = APIServer(seed: 3)
    try api.create(Fixture.node("n1"))
    try api.create(Fixture.node("n2"))
    try api.create(Fixture.pod("a"))
    try api.bind("default", "a", to: "n1")
    try api.run(until: .zero + .seconds(1))
    let id = try #require(api.podsByNode["n1"]?.first)
    api.podsByNode["n2", default: []].append(id)  // simulate a bug: the pod is on two nodes
    #expect(
      api.checkIndexes() == "node index of n2 holds pod id \(id), which is not a pod on that node")
    api.touchedIndexNodes.append("n2")
    let c = Recorder("c", [])
    c.onStart = { ctx in ctx.setTimer(after: .seconds(1), token: 1) }
    api.register(c)
    #expect(
      throws: InvariantViolation(
        message: "the pod index of node n2 holds pod id \(id), which is not stored on it",
        time: .zero + .seconds(1), eventIndex: api.processedEvents + 1, seed: 3)
    ) {
      try api.run(until: .zero + .seconds(5))
    }
  }
}

extension WatchTests {
  @Test("the maxEvents limit stops the run with eventsMaxReached")
  func eventLimit() throws {
    var settings = SimulationSettings()
    settings.maxEvents = 3
    let api = APIServer(settings: settings, seed: 1)
    let c = Recorder("c", [])
    c.onStart = { ctx in
      for s in 1...5 { ctx.setTimer(after: .seconds(Int64(s)), token: UInt64(s)) }
    }
    api.register(c)
    #expect(
      try api.run(until: .zero + .minutes(1)) == .eventsMaxReached(limit: 3, at: .zero + .seconds(2)))
    #expect(c.log == ["1000000 timer 1", "2000000 timer 2"])
    #expect(api.now == .zero + .seconds(2))
  }
}
