import KubeSimKernel
import KubeSimModel
import Testing

@testable import KubeSimAPIServer

/// Heartbeat trains in the event loop, spec write counts and node and pod change trackers.
@Suite struct HeartbeatTrainLoopTests {
  @Test func membersStartingTogetherShareATrainAndAreCalledInJoinOrderWhenDue() throws {
    let api = APIServer(seed: 1)
    let a = Recorder("a", [])
    let b = Recorder("b", [])
    var ma: HeartbeatMembership?
    var mb: HeartbeatMembership?
    a.onStart = { ctx in ma = ctx.joinHeartbeatTrain(period: .seconds(10), token: 7) }
    b.onStart = { ctx in mb = ctx.joinHeartbeatTrain(period: .seconds(10), token: 8) }
    a.onTimer = { _, ctx in if let m = ma { ctx.setHeartbeatDue(m, at: ctx.now + .seconds(30)) } }
    api.register(a)
    api.register(b)
    try api.run(until: .zero + .seconds(45))
    #expect(api.loop.trains.count == 1)
    // Both due at the first fire; then `a` asks for 30 s later, `b` stays due at every fire.
    #expect(a.log == ["10000000 timer 7", "40000000 timer 7"])
    #expect(b.log == ["10000000 timer 8", "20000000 timer 8", "30000000 timer 8", "40000000 timer 8"])
    // One kernel event per fire for both (2 starts + 4 fires).
    #expect(api.processedEvents == 6)
    _ = mb
  }

  @Test func somethingScheduledForTheFireTimeBetweenTwoJoinsStartsANewTrain() throws {
    let api = APIServer(seed: 1)
    let a = Recorder("a", [])
    let other = Recorder("other", [])
    let b = Recorder("b", [])
    a.onStart = { ctx in _ = ctx.joinHeartbeatTrain(period: .seconds(10), token: 1) }
    // A timer for the very instant of the first fire, scheduled after `a` joined: in a timer
    // per member it would sit between `a`'s and `b`'s, so `b` may not join `a`'s train.
    other.onStart = { ctx in ctx.setTimer(at: .zero + .seconds(10), token: 5) }
    b.onStart = { ctx in _ = ctx.joinHeartbeatTrain(period: .seconds(10), token: 2) }
    var order: [String] = []
    a.onTimer = { _, _ in order.append("a") }
    other.onTimer = { _, _ in order.append("other") }
    b.onTimer = { _, _ in order.append("b") }
    api.register(a)
    api.register(other)
    api.register(b)
    try api.run(until: .zero + .seconds(10))
    #expect(api.loop.trains.count == 2)
    #expect(order == ["a", "other", "b"])
  }

  @Test func leaseRenewalsFollowTheTrainAndStopWhileTheAPIServerIsDown() throws {
    let api = APIServer(seed: 1)
    let k = Recorder("kubelet", [])
    k.onStart = { ctx in
      ctx.api.renewNodeLease("n1")
      let m = ctx.joinHeartbeatTrain(period: .seconds(10), token: 1)
      ctx.api.attachNodeLease("n1", to: m)
    }
    api.register(k)
    try api.run(until: .zero + .seconds(25))
    #expect(api.nodeLeaseRenewTime("n1") == .zero + .seconds(20))
    #expect(api.nodeLeaseIsLive("n1"))
    api.makeUnavailable(until: .zero + .seconds(45))
    try api.run(until: .zero + .seconds(44))
    #expect(api.nodeLeaseRenewTime("n1") == .zero + .seconds(20))
    #expect(!api.nodeLeaseIsLive("n1"))
    try api.run(until: .zero + .seconds(50))
    #expect(api.nodeLeaseRenewTime("n1") == .zero + .seconds(50))
    api.detachNodeLease("n1")
    try api.run(until: .zero + .seconds(90))
    #expect(api.nodeLeaseRenewTime("n1") == .zero + .seconds(50))
    #expect(!api.nodeLeaseIsLive("n1"))
  }

  @Test func nodeChangeTrackersCollectWrittenNodesInNameOrder() throws {
    let api = APIServer(seed: 1)
    let t = api.registerNodeChangeTracker()
    try api.create(Fixture.node("n2"))
    try api.create(Fixture.node("n1"))
    #expect(api.takeNodeChanges(t) == ["n1", "n2"])
    #expect(api.takeNodeChanges(t) == [])
    var n = try #require(api.get(.node, nil, "n2"))
    n.metadata.labels["zone"] = "a"
    try api.update(n)
    #expect(api.takeNodeChanges(t) == ["n2"])
  }

  @Test func specWriteCountsIgnoreStatusOnlyWrites() throws {
    let api = APIServer(seed: 1)
    var rs = ReplicaSet(metadata: ObjectMeta(name: "web"))
    rs.spec.selector = LabelSelector(matchLabels: ["app": "web"])
    rs.spec.template.metadata.labels = ["app": "web"]
    guard case .replicaSet(var stored) = try api.create(.replicaSet(rs)) else {
      Issue.record("not created")
      return
    }
    #expect(api.specWriteCount(of: .replicaSet) == 1)
    stored.status.replicas = 3
    guard case .replicaSet(var after) = try api.updateStatus(.replicaSet(stored)) else { return }
    #expect(api.specWriteCount(of: .replicaSet) == 1)
    after.spec.replicas = 5
    try api.update(.replicaSet(after))
    #expect(api.specWriteCount(of: .replicaSet) == 2)
    #expect(api.specWriteCount(of: .pod) == 0)
  }

  @Test func podChangeTrackersCollectEveryPodWrite() throws {
    let api = APIServer(seed: 1)
    let t = api.registerPodChangeTracker()
    #expect(!api.hasPodChanges(t))
    try api.create(Fixture.pod("a"))
    try api.create(Fixture.pod("b"))
    #expect(api.hasPodChanges(t))
    #expect(api.takePodChanges(t) == ["default/a", "default/b"])
    #expect(!api.hasPodChanges(t))
    _ = try api.delete(.pod, "default", "a", gracePeriodSeconds: 0)
    #expect(api.takePodChanges(t) == ["default/a"])
  }
}
