import KubeSimKernel
import KubeSimModel
import Testing

@testable import KubeSimScheduler

/// The fast path (`recordScores == false`: the table-array filter pass, constant and memoized
/// scores) against the explained path (`recordScores == true`, every plugin through its own
/// code): over random clusters and pod streams, with the full default profile, other Fit
/// strategies and each constraint workload's pods, both must make every decision identically —
/// the chosen node, the evaluated and feasible counts, the FitError, every feasible node's total
/// score and the random draws (checked through the next start index and the streams' states).
@Suite struct SchedulingFastPathTests {
  /// A random cluster: varied capacity, a few cordoned, tainted and image-holding nodes, zones.
  static func nodes(_ rng: inout RandomStream, count: Int, taints: Bool, images: Bool) -> [Node] {
    (0..<count).map { i in
      let name = "node-\(i)"
      var n = Node(metadata: ObjectMeta(name: name))
      var labels: Labels = ["kubernetes.io/hostname": name]
      if rng.uniform(below: 5) > 0 {
        labels["topology.kubernetes.io/zone"] = "zone-\(rng.uniform(below: 3))"
      }
      n.metadata.labels = labels
      let cpu = Int64(1 + rng.uniform(below: 8)) * 500
      let memory = Int64(1 + rng.uniform(below: 16)) << 28
      n.status.allocatable = [
        "cpu": Quantity(milli: cpu), "memory": Quantity(memory),
        "pods": Quantity(Int64(2 + rng.uniform(below: 10))),
      ]
      if rng.uniform(below: 20) == 0 { n.spec.unschedulable = true }
      if taints && rng.uniform(below: 6) == 0 {
        let effect: TaintEffect = rng.uniform(below: 2) == 0 ? .noSchedule : .preferNoSchedule
        n.spec.taints = [Taint(key: "dedicated", value: "x", effect: effect)]
      }
      if images && rng.uniform(below: 4) == 0 {
        n.status.images = [
          ContainerImage(names: ["registry.k8s.io/pause:3.10"], sizeBytes: 300 << 20)
        ]
      }
      return n
    }
  }

  /// `green`: a pod without terms that existing anti-affinity pods repel.
  enum Kind: CaseIterable { case basic, affinity, antiAffinity, spread, green }

  /// A random pod of `kind`: requests (sometimes none), sometimes tolerations and a preferred
  /// node affinity; the constraint kinds carry the scheduler_perf templates' terms.
  static func pod(_ rng: inout RandomStream, _ i: Int, kind: Kind) -> Pod {
    var p: Pod
    switch kind {
    case .basic:
      p = Pod(metadata: ObjectMeta(name: "p\(i)", namespace: "default"))
      p.spec.containers = [Container(name: "c", image: "registry.k8s.io/pause:3.10")]
    case .affinity: p = ConstraintBenchmark.affinityPod(anti: false)
    case .antiAffinity: p = ConstraintBenchmark.affinityPod(anti: true)
    case .spread: p = ConstraintBenchmark.workloads[2].measurePod
    case .green: p = ConstraintBenchmark.template(["color": "green"])
    }
    p.metadata.name = "p\(i)"
    p.metadata.uid = "uid-\(i)"
    // Few distinct request shapes, so the memo both hits and misses.
    switch rng.uniform(below: 4) {
    case 0: p.spec.containers[0].resources.requests = [:]
    case 1:
      p.spec.containers[0].resources.requests = [
        "cpu": Quantity(milli: 100), "memory": Quantity(500 << 20),
      ]
    case 2: p.spec.containers[0].resources.requests = ["cpu": Quantity(milli: 250)]
    default:
      p.spec.containers[0].resources.requests = [
        "cpu": Quantity(milli: Int64(1 + rng.uniform(below: 20)) * 100),
        "memory": Quantity(Int64(1 + rng.uniform(below: 8)) << 28),
      ]
    }
    if rng.uniform(below: 5) == 0 {
      p.spec.tolerations = [Toleration(key: "dedicated", operator: .exists)]
    }
    if kind == .basic && rng.uniform(below: 6) == 0 {
      p.spec.affinity = Affinity(
        nodeAffinity: KubeSimModel.NodeAffinity(preferredDuringSchedulingIgnoredDuringExecution: [
          PreferredSchedulingTerm(
            weight: 5,
            preference: NodeSelectorTerm(matchExpressions: [
              NodeSelectorRequirement(
                key: "topology.kubernetes.io/zone", operator: .in, values: ["zone-1"])
            ]))
        ]))
    }
    return p
  }

  /// Runs one stream of pods through an explained and a fast scheduler on twin clusters and
  /// checks every decision. - Returns: how many cycles scored 2+ nodes (to prove coverage).
  static func compare(
    seed: UInt64, nodes count: Int, pods: Int, kinds: [Kind], profile: Profile,
    percentage: Int32, taints: Bool, images: Bool
  ) -> Int {
    var gen = RandomStream(seed: seed)
    var snapA = NodeSnapshot()
    var tree = NodeTree()
    for n in nodes(&gen, count: count, taints: taints, images: images) {
      let r = snapA.upsert(n)
      tree.add(slot: r.slot, zone: snapA.table.zoneKeys[r.slot])
    }
    var snapB = snapA
    var explained = SchedulingAlgorithm()
    explained.recordScores = true
    explained.percentageOfNodesToScore = percentage
    var fast = SchedulingAlgorithm()
    fast.percentageOfNodesToScore = percentage
    var rngA = RandomStream(seed: seed &+ 1)
    var rngB = RandomStream(seed: seed &+ 1)
    var bound: [(slot: Int, pod: Pod, info: PodInfo)] = []
    var scored = 0
    var unschedulable = 0
    defer { if count < 20 { #expect(unschedulable > 10, "seed \(seed): too few FitErrors") } }
    for i in 0..<pods {
      // Now and then a bound pod leaves (both clusters), so memo rows see removals too.
      if !bound.isEmpty && gen.uniform(below: 5) == 0 {
        let b = bound.remove(at: gen.uniform(below: bound.count))
        for k in 0..<2 {
          var s = k == 0 ? snapA : snapB
          s.removePod(
            slot: b.slot, requests: b.info.requests, nonZero: b.info.nonZeroRequests,
            hostPorts: b.info.hostPorts)
          s.pods.remove(key: b.info.key, slot: b.slot)
          if k == 0 { snapA = s } else { snapB = s }
        }
      }
      let kind = kinds[gen.uniform(below: kinds.count)]
      var p = pod(&gen, i, kind: kind)
      let info = PodInfo(p)
      let a = explained.schedule(
        info, profile: profile, snapshot: snapA, order: tree.order, random: &rngA)
      let b = fast.schedule(info, profile: profile, snapshot: snapB, order: tree.order, random: &rngB)
      #expect("\(a)" == "\(b)", "seed \(seed) pod \(i)")
      #expect(explained.nextStartNodeIndex == fast.nextStartNodeIndex)
      #expect(rngA == rngB, "seed \(seed) pod \(i): random draws differ")
      if case .scheduled(let slot, _, let feasible) = a {
        if feasible > 1 {
          scored += 1
          #expect(explained.lastScores.map(\.total) == fast.totals, "seed \(seed) pod \(i)")
          #expect(explained.totals == fast.totals)
        }
        p.spec.nodeName = snapA.table.names[slot]
        snapA.addPod(slot: slot, info)
        snapA.pods.add(AssignedPod(p), slot: slot)
        snapB.addPod(slot: slot, info)
        snapB.pods.add(AssignedPod(p), slot: slot)
        bound.append((slot, p, info))
      } else {
        unschedulable += 1
      }
    }
    return scored
  }

  @Test(arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
  func defaultProfileMatchesExplainedPath(seed: UInt64) {
    let percentage: Int32 = [0, 30, 100][Int(seed % 3)]
    let scored = Self.compare(
      seed: seed, nodes: 40 + Int(seed) * 25, pods: 150, kinds: [.basic], profile: .defaultProfile(),
      percentage: percentage, taints: seed % 2 == 0, images: seed % 3 != 0)
    #expect(scored > 50)
  }

  @Test(arguments: [NodeResourcesFit.Strategy.mostAllocated, .requestedToCapacityRatio])
  func otherFitStrategiesMatchExplainedPath(strategy: NodeResourcesFit.Strategy) {
    let profile = Profile.defaultProfile(fit: NodeResourcesFit(strategy: strategy))
    let scored = Self.compare(
      seed: 11, nodes: 80, pods: 150, kinds: [.basic], profile: profile, percentage: 100,
      taints: true, images: false)
    #expect(scored > 50)
  }

  @Test(arguments: [Kind.affinity, .antiAffinity, .spread])
  func constraintWorkloadsMatchExplainedPath(kind: Kind) {
    let scored = Self.compare(
      seed: 21, nodes: 120, pods: 150, kinds: [kind, .basic], profile: .defaultProfile(),
      percentage: 0, taints: false, images: false)
    #expect(scored > 30)
  }

  /// A crowded cluster: many pods find no node, so the FitErrors (every node's status, built by
  /// the fast pass's filter checks and InterPodAffinity's plan) are compared too.
  @Test func fitErrorsMatchExplainedPath() {
    let scored = Self.compare(
      seed: 31, nodes: 12, pods: 80, kinds: [.antiAffinity, .affinity, .green, .basic],
      profile: .defaultProfile(), percentage: 0, taints: true, images: false)
    #expect(scored > 5)
  }
}
