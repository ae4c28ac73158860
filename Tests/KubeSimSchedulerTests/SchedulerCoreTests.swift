import KubeSimKernel
import KubeSimModel
import Testing

@testable import KubeSimScheduler

@Suite struct NumFeasibleNodesTests {
  // k8s-semantics §2.1 examples and upstream schedule_one_test.go TestNumFeasibleNodesToFind.
  @Test(arguments: [
    (nil as Int32?, 10, 10), (nil, 99, 99), (nil, 100, 100), (nil, 500, 230), (nil, 1000, 420),
    (nil, 5000, 500), (nil, 5625, 281), (nil, 6000, 300), (40, 10, 10), (40, 1000, 400),
    (40, 100, 100), (1, 1000, 100), (100, 1000, 1000),
  ])
  func table(_ pct: Int32?, _ n: Int, _ want: Int) {
    #expect(NumFeasibleNodes.toFind(percentage: pct, numAllNodes: n) == want)
  }
}

@Suite struct NodeTreeTests {
  @Test func roundRobinAcrossZonesInFirstSeenOrder() {
    var t = NodeTree()
    // zone a: 0, 3, 5; zone b: 1, 4; zone c: 2
    for (slot, zone) in [(0, "a"), (1, "b"), (2, "c"), (3, "a"), (4, "b"), (5, "a")] {
      t.add(slot: slot, zone: zone)
    }
    #expect(t.order == [0, 1, 2, 3, 4, 5])
    t.add(slot: 6, zone: "a")
    #expect(t.order == [0, 1, 2, 3, 4, 5, 6])
    t.remove(slot: 2, zone: "c")
    #expect(t.order == [0, 1, 3, 4, 5, 6])
    t.remove(slot: 0, zone: "a")
    #expect(t.order == [3, 1, 5, 4, 6])
  }

  @Test func zoneKeyJoinsRegionAndZone() {
    #expect(NodeSnapshot.zoneKey(["topology.kubernetes.io/zone": "a"]) == ":\u{0}:a")
    #expect(NodeSnapshot.zoneKey([:]) == "")
  }
}

@Suite struct SchedulingQueueTests {
  typealias Q = SchedulingQueue<Int>
  static func t(_ ms: Int64) -> SimTime { SimTime(microseconds: ms * 1000) }

  @Test func popsByPriorityThenTimestamp() {
    var q = Q()
    q.add(1, key: "a", priority: 0, now: Self.t(0))
    q.add(2, key: "b", priority: 10, now: Self.t(5))
    q.add(3, key: "c", priority: 0, now: Self.t(1))
    q.add(4, key: "d", priority: 10, now: Self.t(5))
    var popped: [String?] = []
    for _ in 0..<5 { popped.append(q.pop()?.key) }
    #expect(popped == ["b", "d", "a", "c", nil])
  }

  @Test func backoffDoublesFromOneToTenSeconds() {
    let q = Q()
    let secs = (0...7).map { q.backoffDuration(attempts: $0).microseconds / 1_000_000 }
    #expect(secs == [0, 1, 2, 4, 8, 10, 10, 10])
  }

  @Test func backoffEndsAtTheWindowAfterTimestampPlusBackoff() throws {
    var q = Q()
    q.add(1, key: "a", priority: 0, now: Self.t(0))
    _ = q.pop()  // attempt 1
    q.addUnschedulable("a", now: Self.t(300))
    let e = try #require(q.entry("a"))
    // 0.3s + 1s = 1.3s → window 1s → backoff over at 2s.
    #expect(q.backoffEnd(e) == Self.t(2000))
    // A cluster event at 1.5s moves it to backoffQ; the 2s flush moves it to activeQ.
    q.moveAllToActiveOrBackoff(now: Self.t(1500))
    #expect(q.backoffCount == 1 && q.activeCount == 0)
    q.flushBackoffCompleted(now: Self.t(1999))
    #expect(q.backoffCount == 1)
    q.flushBackoffCompleted(now: Self.t(2000))
    #expect(q.activeCount == 1)
    let again = q.pop()
    #expect(again?.attempts == 2)
  }

  @Test func popTakesBackoffHeadWhenActiveIsEmpty() {
    var q = Q()
    q.add(1, key: "a", priority: 0, now: Self.t(0))
    _ = q.pop()
    q.addUnschedulable("a", now: Self.t(0))
    q.moveAllToActiveOrBackoff(now: Self.t(100))
    let head = q.pop()
    #expect(head?.key == "a")
  }

  @Test func leftoverFlushMovesPodsPooledOverFiveMinutes() {
    var q = Q()
    q.add(1, key: "a", priority: 0, now: Self.t(0))
    _ = q.pop()
    q.addUnschedulable("a", now: Self.t(0))
    q.flushUnschedulableLeftover(now: Self.t(300_000))
    #expect(q.unschedulableCount == 1)
    q.flushUnschedulableLeftover(now: Self.t(300_001))
    #expect(q.unschedulableCount == 0 && q.activeCount == 1)
  }
}

@Suite struct FitErrorTests {
  @Test func messageMatchesUpstreamFormat() {
    let st = Status(.unschedulable, ["Insufficient cpu"], plugin: "NodeResourcesFit")
    let statuses = [("worker-1", st), ("worker-2", st), ("worker-3", st)].map {
      (node: $0.0, status: $0.1)
    }
    let post = FitError.noVictimsPostFilterMessage(
      numAllNodes: 3, statuses: statuses.map(\.status), preemptionNever: false)
    let e = FitError(numAllNodes: 3, nodeStatuses: statuses, postFilterMessage: post)
    #expect(
      e.message
        == "0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: "
        + "3 No preemption victims found for incoming pod.")
  }

  @Test func histogramSortsAndUnresolvableIsNotHelpful() {
    let taint = Status(
      .unschedulableAndUnresolvable, ["node(s) had untolerated taint {dedicated: gpu}"])
    let cpu = Status(.unschedulable, ["Insufficient cpu", "Insufficient memory"])
    let statuses = [taint, cpu, cpu]
    let post = FitError.noVictimsPostFilterMessage(
      numAllNodes: 3, statuses: statuses, preemptionNever: false)
    let e = FitError(
      numAllNodes: 3, nodeStatuses: statuses.map { (node: "n", status: $0) },
      postFilterMessage: post)
    #expect(
      e.message
        == "0/3 nodes are available: 1 node(s) had untolerated taint {dedicated: gpu}, "
        + "2 Insufficient cpu, 2 Insufficient memory. preemption: 0/3 nodes are available: "
        + "1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod."
    )
  }
}

@Suite struct SchedulingAlgorithmTests {
  static func node(_ name: String, cpu: String, zone: String? = nil) -> Node {
    var n = Node(metadata: ObjectMeta(name: name))
    if let zone { n.metadata.labels = ["topology.kubernetes.io/zone": zone] }
    n.status.allocatable = [
      "cpu": try! Quantity(parsing: cpu), "memory": try! Quantity(parsing: "8Gi"),
      "pods": Quantity(110),
    ]
    return n
  }

  static func pod(_ name: String, cpu: String) -> PodInfo {
    var p = Pod(metadata: ObjectMeta(name: name, namespace: "default"))
    p.spec.containers = [Container(name: "c")]
    p.spec.containers[0].resources.requests = ["cpu": try! Quantity(parsing: cpu)]
    return PodInfo(p)
  }

  @Test func picksLeastAllocatedNode() {
    var snap = NodeSnapshot()
    var tree = NodeTree()
    for n in [Self.node("a", cpu: "4"), Self.node("b", cpu: "8")] {
      let r = snap.upsert(n)
      tree.add(slot: r.slot, zone: "")
    }
    var alg = SchedulingAlgorithm()
    var rng = RandomStream(seed: 1)
    let out = alg.schedule(
      Self.pod("p", cpu: "1"), profile: .defaultProfile(), snapshot: snap, order: tree.order,
      random: &rng)
    guard case .scheduled(let slot, let evaluated, let feasible) = out else {
      Issue.record("not scheduled: \(out)")
      return
    }
    #expect(snap.table.names[slot] == "b" && evaluated == 2 && feasible == 2)
    #expect(alg.nextStartNodeIndex == 0)
  }

  @Test func tiesAreBrokenBySeededStreamAndReproducible() {
    var snap = NodeSnapshot()
    var tree = NodeTree()
    for i in 1...5 {
      let r = snap.upsert(Self.node("n\(i)", cpu: "4"))
      tree.add(slot: r.slot, zone: "")
    }
    func run(_ seed: UInt64) -> [Int] {
      var alg = SchedulingAlgorithm()
      var rng = RandomStream(seed: seed)
      return (0..<8).map { _ in
        if case .scheduled(let s, _, _) = alg.schedule(
          Self.pod("p", cpu: "1"), profile: .defaultProfile(), snapshot: snap,
          order: tree.order, random: &rng)
        {
          return s
        }
        return -1
      }
    }
    #expect(run(7) == run(7))
    #expect(Set(run(7)).count > 1)
  }

  @Test func unschedulableReportsFitError() {
    var snap = NodeSnapshot()
    var tree = NodeTree()
    for i in 1...3 {
      let r = snap.upsert(Self.node("worker-\(i)", cpu: "1"))
      tree.add(slot: r.slot, zone: "")
      snap.table.addPod(
        slot: r.slot, requests: Self.pod("x", cpu: "800m").requests,
        nonZero: Self.pod("x", cpu: "800m").nonZeroRequests)
    }
    var alg = SchedulingAlgorithm()
    var rng = RandomStream(seed: 1)
    let out = alg.schedule(
      Self.pod("p", cpu: "500m"), profile: .defaultProfile(), snapshot: snap, order: tree.order,
      random: &rng)
    guard case .unschedulable(let e) = out else {
      Issue.record("scheduled")
      return
    }
    #expect(
      e.message
        == "0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: "
        + "3 No preemption victims found for incoming pod.")
  }

  @Test func cordonedAndTaintedNodesAreFiltered() {
    var snap = NodeSnapshot()
    var tree = NodeTree()
    var cordoned = Self.node("cordoned", cpu: "4")
    cordoned.spec.unschedulable = true
    var tainted = Self.node("tainted", cpu: "4")
    tainted.spec.taints = [Taint(key: "dedicated", value: "gpu", effect: .noSchedule)]
    for n in [cordoned, tainted] {
      let r = snap.upsert(n)
      tree.add(slot: r.slot, zone: "")
    }
    var alg = SchedulingAlgorithm()
    var rng = RandomStream(seed: 1)
    let out = alg.schedule(
      Self.pod("p", cpu: "1"), profile: .defaultProfile(), snapshot: snap, order: tree.order,
      random: &rng)
    guard case .unschedulable(let e) = out else {
      Issue.record("scheduled")
      return
    }
    #expect(
      e.message
        == "0/2 nodes are available: 1 node(s) had untolerated taint {dedicated: gpu}, "
        + "1 node(s) were unschedulable. preemption: 0/2 nodes are available: "
        + "2 Preemption is not helpful for scheduling.")
  }

  @Test func sidecarRequestsAddToTheSum() {
    var p = Pod(metadata: ObjectMeta(name: "p", namespace: "default"))
    p.spec.containers = [Container(name: "app")]
    p.spec.containers[0].resources.requests = ["cpu": try! Quantity(parsing: "1")]
    p.spec.initContainers = [Container(name: "sidecar"), Container(name: "init")]
    p.spec.initContainers[0].restartPolicy = .always
    p.spec.initContainers[0].resources.requests = ["cpu": try! Quantity(parsing: "500m")]
    p.spec.initContainers[1].resources.requests = ["cpu": try! Quantity(parsing: "2")]
    p.spec.overhead = ["cpu": try! Quantity(parsing: "100m")]
    // reqs = 1 + 0.5 = 1.5; initMax = max(0.5, 2 + 0.5) = 2.5 → 2.5 + 0.1 overhead.
    #expect(PodInfo(p).requests.milliCPU == 2600)
    // Non-zero: cpu stays (all set); memory gets 200Mi per container: max(2·200Mi, 2·200Mi).
    #expect(PodInfo(p).nonZeroRequests.memory == 2 * 200 * 1024 * 1024)
  }
}
