import KubeSimKernel
import KubeSimModel
import Testing

@testable import KubeSimScheduler

/// PodTopologySpread's incremental counts (`SpreadCountCache` per domain, `SpreadNodeCounts` per
/// node) against a brute-force scan, after every step of random histories: pods placed, removed,
/// relabelled and marked terminating across namespaces; nodes relabelled (zone moved, dropped,
/// set to "", hostname dropped), removed (their pods leaving later) and added. And PreScore +
/// Score against the plain scan (`SpreadScanReference`) on the same states, per node and in one
/// batch.
@Suite struct SpreadIncrementalCountsTests {
  static let namespaces = ["default", "team"]
  static let apps = ["web", "db", "api"]
  /// The selectors the checks count with: anchored on matchLabels, on a one-value In, on
  /// nothing (several values, Exists, empty selector matching everything).
  static let selectors: [LabelSelector] = [
    LabelSelector(matchLabels: ["app": "web"]),
    LabelSelector(matchLabels: ["app": "db", "tier": "front"]),
    LabelSelector(matchExpressions: [
      LabelSelectorRequirement(key: "app", operator: .in, values: ["api"])
    ]),
    LabelSelector(matchExpressions: [
      LabelSelectorRequirement(key: "app", operator: .in, values: ["web", "api"])
    ]),
    LabelSelector(matchExpressions: [LabelSelectorRequirement(key: "tier", operator: .exists)]),
    LabelSelector(),
  ]
  static let zoneKey = PodTopologySpread.zoneKey
  static let hostKey = PodTopologySpread.hostnameKey

  /// A random world and its history.
  struct World {
    var rng: RandomStream
    var snapshot = NodeSnapshot()
    var nodeSerial = 0
    var podSerial = 0
    /// Placed pods: (slot, pod).
    var placed: [(Int, Pod)] = []

    init(seed: UInt64, nodes: Int) {
      rng = RandomStream(seed: seed)
      for _ in 0..<nodes { addNode() }
    }

    mutating func nodeLabels(_ name: String) -> Labels {
      var l: Labels = ["pool": "p"]
      if rng.uniform(below: 8) != 0 { l[SpreadIncrementalCountsTests.hostKey] = name }
      switch rng.uniform(below: 10) {
      case 0: break  // no zone label
      case 1: l[SpreadIncrementalCountsTests.zoneKey] = ""
      default:
        l[SpreadIncrementalCountsTests.zoneKey] = ["z1", "z2", "z3"][rng.uniform(below: 3)]
      }
      return l
    }

    mutating func upsertNode(_ name: String) {
      var n = Node(metadata: ObjectMeta(name: name, labels: nodeLabels(name)))
      let q = ConstraintFilterTests.q
      n.status.allocatable = [ResourceList.cpu: q("64"), "pods": q("110")]
      if rng.uniform(below: 6) == 0 {
        n.spec.taints = [Taint(key: "dedicated", effect: .noSchedule)]
      }
      snapshot.upsert(n)
    }

    mutating func addNode() {
      upsertNode("n\(nodeSerial)")
      nodeSerial += 1
    }

    var liveSlots: [Int] { (0..<snapshot.table.count).filter { snapshot.table.isLive[$0] } }

    mutating func randomPod(_ name: String) -> Pod {
      var labels: Labels = ["app": SpreadIncrementalCountsTests.apps[rng.uniform(below: 3)]]
      if rng.uniform(below: 2) == 0 {
        labels["tier"] = rng.uniform(below: 2) == 0 ? "front" : "back"
      }
      let ns = SpreadIncrementalCountsTests.namespaces[rng.uniform(below: 2)]
      var p = ConstraintFilterTests.pod(name, ns: ns, labels: labels)
      if rng.uniform(below: 8) == 0 { p.metadata.deletionTimestamp = SimTime(microseconds: 1) }
      return p
    }

    /// One random step; returns what it did (for the failure trace).
    mutating func step() -> String {
      let live = liveSlots
      switch rng.uniform(below: 20) {
      case 0..<9 where !live.isEmpty:
        let slot = live[rng.uniform(below: live.count)]
        var p = randomPod("p\(podSerial)")
        podSerial += 1
        p.spec.nodeName = snapshot.table.names[slot]
        snapshot.pods.add(AssignedPod(p), slot: slot)
        placed.append((slot, p))
        return "add \(p.metadata.name) to slot \(slot)"
      case 9..<13 where !placed.isEmpty:
        let (slot, p) = placed.remove(at: rng.uniform(below: placed.count))
        snapshot.pods.remove(key: AssignedPod(p).key, slot: slot)
        return "remove \(p.metadata.name) from slot \(slot)"
      case 13..<16 where !placed.isEmpty:
        let i = rng.uniform(below: placed.count)
        var p = randomPod(placed[i].1.metadata.name)
        p.metadata.namespace = placed[i].1.metadata.namespace
        placed[i].1 = p
        snapshot.pods.update(AssignedPod(p), slot: placed[i].0)
        return "update \(p.metadata.name) on slot \(placed[i].0)"
      case 16 where !live.isEmpty:
        let slot = live[rng.uniform(below: live.count)]
        upsertNode(snapshot.table.names[slot])
        return "relabel slot \(slot)"
      case 17 where live.count > 1:
        let slot = live[rng.uniform(below: live.count)]
        snapshot.removeNode(name: snapshot.table.names[slot])
        return "remove node slot \(slot)"
      case 18:
        addNode()
        return "add node slot \(snapshot.table.count - 1)"
      default:
        return "nothing"
      }
    }
  }

  /// Per-node and per-domain counts (both PreFilter's and PreScore's required keys) from the
  /// caches against the scan; returns the first mismatch.
  static func countMismatch(_ s: NodeSnapshot) -> String? {
    let live = { (slot: Int) in slot < s.table.count && s.table.isLive[slot] }
    for ns in namespaces {
      for (k, sel) in selectors.enumerated() {
        let c = SpreadConstraint(
          maxSkew: 1, topologyKey: zoneKey, minDomains: 1, selector: sel, honorNodeAffinity: true,
          honorNodeTaints: false)
        let perNode = s.pods.spreadNodeCounts(c, namespace: ns)
        for slot in 0..<s.table.count {
          let got = slot < perNode.count ? Int64(perNode[slot]) : 0
          let want = SpreadScanReference.count(s, ns, sel, slot: slot)
          if got != want { return "\(ns) selector \(k) slot \(slot): node count \(got) != \(want)" }
        }
        for required in [[], [hostKey, zoneKey]] {
          let got = s.pods.spreadCounts(c, namespace: ns, requiredKeys: required, live: live)
          let want = SpreadScanReference.domains(s, ns, sel, key: zoneKey, required: required)
          if got != want { return "\(ns) selector \(k) \(required): \(got) != \(want)" }
        }
      }
    }
    return nil
  }

  /// PreFilter's `matchNum` for DoNotSchedule constraints (zone and hostname) against the
  /// scan: from the per-domain counts, or with a nodeSelector or taint policy to honor, from a
  /// visit of every node reading the per-node counts; returns the first mismatch.
  static func filterMismatch(_ w: inout World) -> String? {
    for k in 0..<6 {
      let sel = selectors[k % selectors.count]
      var p = ConstraintFilterTests.pod("f\(k)", ns: namespaces[k % 2], labels: ["app": "web"])
      p.spec.topologySpreadConstraints = [zoneKey, hostKey].map {
        TopologySpreadConstraint(
          maxSkew: 1, topologyKey: $0, whenUnsatisfiable: .doNotSchedule, labelSelector: sel)
      }
      if k % 3 == 1 { p.spec.nodeSelector = [zoneKey: "z2"] }
      if k % 3 == 2 { p.spec.topologySpreadConstraints[1].nodeTaintsPolicy = .honor }
      var state = CycleState()
      _ = PodTopologySpread().preFilter(&state, PodInfo(p), w.snapshot)
      let got = state.spreadFilter?.matchNum ?? []
      let want = SpreadScanReference.matchNum(
        p, SpreadConstraint.of(p, action: .doNotSchedule), w.snapshot)
      if got != want { return "prefilter \(k): \(got) != \(want)" }
    }
    return nil
  }

  /// Incoming pods covering each PreScore path: system defaults (requireAll false: a node
  /// without the zone label makes "" a candidate and forces the scan), explicit ScheduleAnyway
  /// constraints (requireAll), a nodeSelector or taint policy to honor (scan), a nil selector.
  static func incoming(_ w: inout World, _ k: Int) -> PodInfo {
    let ns = namespaces[k % 2]
    var p = ConstraintFilterTests.pod("in\(k)", ns: ns, labels: ["app": apps[k % 3]])
    let sel = selectors[k % selectors.count]
    func tsc(_ key: String, _ skew: Int32, _ sel: LabelSelector?) -> TopologySpreadConstraint {
      TopologySpreadConstraint(
        maxSkew: skew, topologyKey: key, whenUnsatisfiable: .scheduleAnyway, labelSelector: sel)
    }
    var info: PodInfo
    switch k % 5 {
    case 0, 1:
      info = PodInfo(p)
      info.defaultSpreadSelector = sel.isEmpty ? selectors[0] : sel
      return info
    case 2:
      p.spec.topologySpreadConstraints = [tsc(zoneKey, 2, sel), tsc(hostKey, 1, sel)]
    case 3:
      p.spec.topologySpreadConstraints = [tsc(zoneKey, 1, sel), tsc(hostKey, 3, nil)]
      if w.rng.uniform(below: 2) == 0 {
        p.spec.nodeSelector = [zoneKey: "z1"]
      } else {
        p.spec.topologySpreadConstraints[0].nodeTaintsPolicy = .honor
      }
    default:
      p.spec.topologySpreadConstraints = [tsc(zoneKey, 1, nil), tsc(hostKey, 2, sel)]
    }
    return PodInfo(p)
  }

  /// PreScore + Score + NormalizeScore of the plugin against the scan, over a random subset
  /// of the live nodes; returns the first mismatch.
  static func scoreMismatch(_ w: inout World) -> String? {
    let plugin = PodTopologySpread()
    var feasible = w.liveSlots.filter { _ in w.rng.uniform(below: 4) != 0 }
    w.rng.shuffle(&feasible)
    for k in 0..<10 {
      let pod = incoming(&w, k)
      let want = SpreadScanReference.scores(plugin, pod, w.snapshot, feasible: feasible)
      var state = CycleState()
      var got: [Int64]?
      var batch: [Int64]?
      if plugin.preScore(&state, pod, w.snapshot, feasible: feasible) == .success {
        // Per node (`score`, the explained path) and in one batch (PreScore's raw scores).
        var raw = feasible.map { plugin.score(state, pod, w.snapshot, slot: $0) }
        plugin.normalize(state, pod, &raw)
        got = raw
        var column: [Int64] = []
        ScoreStep(plugin).appendRawScores(state, pod, w.snapshot, feasible, to: &column)
        plugin.normalize(state, pod, &column)
        batch = column
      }
      if got != want { return "incoming \(k) on \(feasible): \(got ?? []) != \(want ?? [])" }
      if batch != want {
        return "incoming \(k) on \(feasible), batch: \(batch ?? []) != \(want ?? [])"
      }
    }
    return nil
  }

  @Test("cached counts equal a scan after every step", arguments: 0..<12)
  func countsMatchScan(seed: Int) {
    var w = World(seed: UInt64(seed), nodes: 6)
    // Small capacities on some seeds: entries are evicted and rebuilt.
    if seed % 3 == 2 {
      w.snapshot.pods.spreadCache.capacity = 3
      w.snapshot.pods.spreadNodeCounts.capacity = 2
    }
    var trace: [String] = []
    for step in 0..<120 {
      trace.append(w.step())
      // Some seeds look first after 40 steps: the caches start with many pods present.
      if seed % 4 == 3 && step < 40 { continue }
      if let m = Self.countMismatch(w.snapshot) ?? Self.filterMismatch(&w) {
        Issue.record("--seed \(seed): \(m) after \(trace.suffix(8))")
        return
      }
    }
    #expect(w.placed.count > 10)
  }

  @Test("PreScore and Score equal the scan's", arguments: 0..<12)
  func scoresMatchScan(seed: Int) {
    var w = World(seed: UInt64(1_000 + seed), nodes: 7)
    var trace: [String] = []
    for i in 0..<100 {
      trace.append(w.step())
      if i % 4 != 3 { continue }
      if let m = Self.scoreMismatch(&w) {
        Issue.record("--seed \(seed): \(m) after \(trace.suffix(8))")
        return
      }
    }
    #expect(w.placed.count > 10)
  }
}
