import KubeSimKernel
import KubeSimModel
import Testing

@testable import KubeSimScheduler

/// Filter verdicts (exact codes and upstream reasons) of InterPodAffinity and PodTopologySpread,
/// and DefaultPreemption's victim selection and tie-breaks.
@Suite struct ConstraintFilterTests {
  /// A snapshot of nodes `(name, labels, cpu)` and bound pods `(node, pod)`.
  static func snapshot(
    _ nodes: [(String, Labels)], cpu: String = "4", pods: [(String, Pod)] = []
  ) -> NodeSnapshot {
    var s = NodeSnapshot()
    for (name, labels) in nodes {
      var n = Node(metadata: ObjectMeta(name: name, labels: labels))
      n.status.allocatable = [ResourceList.cpu: q(cpu), "pods": q("110")]
      s.upsert(n)
    }
    for (node, p) in pods {
      var p = p
      p.spec.nodeName = node
      let slot = s.table.slot(of: node) ?? 0
      let a = AssignedPod(p)
      s.table.addPod(slot: slot, requests: a.requests, nonZero: a.nonZeroRequests)
      s.pods.add(a, slot: slot)
    }
    return s
  }

  static func q(_ s: String) -> Quantity { (try? Quantity(parsing: s)) ?? .zero }

  static func pod(
    _ name: String, ns: String = "default", labels: Labels = [:], cpu: String? = nil,
    priority: Int32? = nil, affinity: Affinity? = nil, spread: [TopologySpreadConstraint] = []
  ) -> Pod {
    var p = Pod(metadata: ObjectMeta(name: name, namespace: ns, labels: labels))
    var c = Container(name: "c", image: "x")
    if let cpu { c.resources.requests = [ResourceList.cpu: q(cpu)] }
    p.spec.containers = [c]
    p.spec.priority = priority
    p.spec.affinity = affinity
    p.spec.topologySpreadConstraints = spread
    return p
  }

  static let zones: [(String, Labels)] = [
    ("a1", ["zone": "a", "kubernetes.io/hostname": "a1"]),
    ("a2", ["zone": "a", "kubernetes.io/hostname": "a2"]),
    ("b1", ["zone": "b", "kubernetes.io/hostname": "b1"]),
  ]

  /// Runs the plugin's PreFilter then Filter on every node; nil status = PreFilter skipped.
  static func verdicts(
    _ plugin: some PreFilterPlugin & FilterPlugin, _ pod: Pod, _ s: NodeSnapshot
  ) -> [String] {
    var state = CycleState()
    let pre = plugin.preFilter(&state, PodInfo(pod), s)
    if pre.code == .skip { return ["Skip"] }
    return (0..<s.table.count).map {
      let st = plugin.filter(state, PodInfo(pod), s, slot: $0)
      return "\(s.table.names[$0]): \(st)"
    }
  }

  static func anti(_ key: String, _ sel: Labels, required: Bool = true) -> Affinity {
    let t = PodAffinityTerm(labelSelector: LabelSelector(matchLabels: sel), topologyKey: key)
    return Affinity(
      podAntiAffinity: PodAntiAffinity(requiredDuringSchedulingIgnoredDuringExecution: [t]))
  }

  @Test func existingPodsAntiAffinity() {
    let existing = Self.pod("e", labels: ["app": "db"], affinity: Self.anti("zone", ["app": "web"]))
    let s = Self.snapshot(Self.zones, pods: [("a1", existing)])
    #expect(
      Self.verdicts(InterPodAffinity(), Self.pod("w", labels: ["app": "web"]), s) == [
        "a1: Unschedulable: node(s) didn't satisfy existing pods anti-affinity rules",
        "a2: Unschedulable: node(s) didn't satisfy existing pods anti-affinity rules",
        "b1: Success",
      ])
    // A pod the term does not select, or in another namespace, is not affected (Skip).
    #expect(Self.verdicts(InterPodAffinity(), Self.pod("x", labels: ["app": "x"]), s) == ["Skip"])
    #expect(
      Self.verdicts(InterPodAffinity(), Self.pod("w", ns: "other", labels: ["app": "web"]), s)
        == ["Skip"])
  }

  @Test func incomingAntiAffinityAndAffinity() {
    let s = Self.snapshot(Self.zones, pods: [("b1", Self.pod("d", labels: ["app": "db"]))])
    let antiPod = Self.pod("w", affinity: Self.anti("zone", ["app": "db"]))
    #expect(
      Self.verdicts(InterPodAffinity(), antiPod, s) == [
        "a1: Success", "a2: Success",
        "b1: Unschedulable: node(s) didn't match pod anti-affinity rules",
      ])
    let t = PodAffinityTerm(
      labelSelector: LabelSelector(matchLabels: ["app": "db"]), topologyKey: "zone")
    let affPod = Self.pod(
      "w",
      affinity: Affinity(
        podAffinity: PodAffinity(requiredDuringSchedulingIgnoredDuringExecution: [t])))
    #expect(
      Self.verdicts(InterPodAffinity(), affPod, s) == [
        "a1: UnschedulableAndUnresolvable: node(s) didn't match pod affinity rules",
        "a2: UnschedulableAndUnresolvable: node(s) didn't match pod affinity rules",
        "b1: Success",
      ])
  }

  @Test func firstPodOfAGroup() {
    let t = PodAffinityTerm(
      labelSelector: LabelSelector(matchLabels: ["app": "web"]), topologyKey: "zone")
    let aff = Affinity(
      podAffinity: PodAffinity(requiredDuringSchedulingIgnoredDuringExecution: [t]))
    let s = Self.snapshot(Self.zones)
    // No pod matches anywhere and the pod matches its own term: allowed everywhere.
    #expect(
      Self.verdicts(InterPodAffinity(), Self.pod("w", labels: ["app": "web"], affinity: aff), s)
        == ["a1: Success", "a2: Success", "b1: Success"])
    // It does not match its own term: rejected everywhere.
    #expect(
      Self.verdicts(InterPodAffinity(), Self.pod("w", labels: ["app": "x"], affinity: aff), s)
        == [
          "a1: UnschedulableAndUnresolvable: node(s) didn't match pod affinity rules",
          "a2: UnschedulableAndUnresolvable: node(s) didn't match pod affinity rules",
          "b1: UnschedulableAndUnresolvable: node(s) didn't match pod affinity rules",
        ])
  }

  @Test func namespaceSelector() {
    var s = Self.snapshot(
      Self.zones, pods: [("a1", Self.pod("d", ns: "team-a", labels: ["app": "db"]))])
    s.pods.namespaceLabels = ["team-a": ["team": "a"], "default": [:]]
    var t = PodAffinityTerm(
      labelSelector: LabelSelector(matchLabels: ["app": "db"]), topologyKey: "zone")
    t.namespaceSelector = LabelSelector(matchLabels: ["team": "a"])
    let p = Self.pod(
      "w",
      affinity: Affinity(
        podAntiAffinity: PodAntiAffinity(requiredDuringSchedulingIgnoredDuringExecution: [t])))
    #expect(
      Self.verdicts(InterPodAffinity(), p, s) == [
        "a1: Unschedulable: node(s) didn't match pod anti-affinity rules",
        "a2: Unschedulable: node(s) didn't match pod anti-affinity rules", "b1: Success",
      ])
    // Without the selector the term means the pod's own namespace: team-a's pod does not count.
    t.namespaceSelector = nil
    let q = Self.pod(
      "w",
      affinity: Affinity(
        podAntiAffinity: PodAntiAffinity(requiredDuringSchedulingIgnoredDuringExecution: [t])))
    #expect(
      Self.verdicts(InterPodAffinity(), q, s) == ["a1: Success", "a2: Success", "b1: Success"])
  }

  @Test func hardPodAffinityWeightScores() {
    // An existing pod with required affinity to app=web in zone a: an incoming web pod scores
    // hardPodAffinityWeight in zone a.
    let t = PodAffinityTerm(
      labelSelector: LabelSelector(matchLabels: ["app": "web"]), topologyKey: "zone")
    let e = Self.pod(
      "e",
      affinity: Affinity(
        podAffinity: PodAffinity(requiredDuringSchedulingIgnoredDuringExecution: [t])))
    let s = Self.snapshot(Self.zones, pods: [("a1", e)])
    var state = CycleState()
    let plugin = InterPodAffinity(hardPodAffinityWeight: 5)
    let pod = PodInfo(Self.pod("w", labels: ["app": "web"]))
    #expect(plugin.preScore(&state, pod, s, feasible: [0, 1, 2]) == .success)
    var scores = [0, 1, 2].map { plugin.score(state, pod, s, slot: $0) }
    #expect(scores == [5, 5, 0])
    plugin.normalize(state, pod, &scores)
    #expect(scores == [100, 100, 0])
    var none = CycleState()
    #expect(
      InterPodAffinity(hardPodAffinityWeight: 0).preScore(&none, pod, s, feasible: [0, 1, 2]).code
        == .skip)
  }

  static func spread(
    _ key: String, skew: Int32 = 1, minDomains: Int32? = nil, honorTaints: Bool = false
  ) -> TopologySpreadConstraint {
    TopologySpreadConstraint(
      maxSkew: skew, topologyKey: key, whenUnsatisfiable: .doNotSchedule,
      labelSelector: LabelSelector(matchLabels: ["app": "web"]), minDomains: minDomains,
      nodeTaintsPolicy: honorTaints ? .honor : nil)
  }

  @Test func spreadFilter() {
    let nodes = Self.zones + [("x", ["kubernetes.io/hostname": "x"])]
    let web = { Self.pod($0, labels: ["app": "web"]) }
    let s = Self.snapshot(nodes, pods: [("a1", web("1")), ("a2", web("2")), ("b1", web("3"))])
    let p = Self.pod("w", labels: ["app": "web"], spread: [Self.spread("zone")])
    // zone a: 2, zone b: 1; min 1: a → 2+1−1 = 2 > 1.
    #expect(
      Self.verdicts(PodTopologySpread(), p, s) == [
        "a1: Unschedulable: node(s) didn't match pod topology spread constraints",
        "a2: Unschedulable: node(s) didn't match pod topology spread constraints",
        "b1: Success",
        "x: UnschedulableAndUnresolvable: node(s) didn't match pod topology spread constraints (missing required label)",
      ])
    // minDomains 3 > 2 zones: the minimum counts as 0, so b (1+1−0 = 2) fails too.
    let m = Self.pod("w", labels: ["app": "web"], spread: [Self.spread("zone", minDomains: 3)])
    #expect(
      Self.verdicts(PodTopologySpread(), m, s)[2]
        == "b1: Unschedulable: node(s) didn't match pod topology spread constraints")
    // ScheduleAnyway constraints do not filter.
    var soft = Self.spread("zone")
    soft.whenUnsatisfiable = .scheduleAnyway
    #expect(Self.verdicts(PodTopologySpread(), Self.pod("w", spread: [soft]), s) == ["Skip"])
  }

  @Test func spreadMatchLabelKeys() {
    let s = Self.snapshot(
      Self.zones,
      pods: [
        ("a1", Self.pod("1", labels: ["app": "web", "rev": "1"])),
        ("a2", Self.pod("2", labels: ["app": "web", "rev": "1"])),
      ])
    var c = Self.spread("zone")
    c.matchLabelKeys = ["rev"]
    // Revision 2 counts only revision-2 pods: zero everywhere, every node passes.
    let p = Self.pod("w", labels: ["app": "web", "rev": "2"], spread: [c])
    #expect(
      Self.verdicts(PodTopologySpread(), p, s) == ["a1: Success", "a2: Success", "b1: Success"])
  }

  // MARK: Preemption

  @Test func victimsAreReprievedByImportance() throws {
    // A 4-CPU node holds three 1-CPU pods of priorities 1, 2, 3; a 2-CPU pod of priority 10
    // needs one of them gone. All three are removed, then reprieved most important first:
    // p3 (1 CPU used), p2 (2 used), p1 (3 used + 2 > 4: a victim).
    let s0 = Self.snapshot(
      [("n", [:])],
      pods: [
        ("n", Self.pod("p1", cpu: "1", priority: 1)), ("n", Self.pod("p2", cpu: "1", priority: 2)),
        ("n", Self.pod("p3", cpu: "1", priority: 3)),
      ])
    var s = s0
    let pre = PodInfo(Self.pod("hi", cpu: "2", priority: 10))
    let profile = Profile.defaultProfile()
    guard
      case .success(let c) = DefaultPreemption().selectVictims(
        pre, profile: profile, snapshot: &s, slot: 0, pdbs: [])
    else {
      Issue.record("expected a candidate")
      return
    }
    #expect(c.victims.map(\.name) == ["p1"])
    #expect(c.numPDBViolations == 0)
    // The dry run leaves the snapshot as it was.
    #expect(s.table.requestedMilliCPU == s0.table.requestedMilliCPU)
    #expect(s.pods.pods(0).count == 3)
    // A PDB protecting p1 with no disruptions allowed: the PDB-violating pods are reprieved
    // first, so p1 stays and the least important non-violating pod, p2, goes.
    var s2 = Self.snapshot(
      [("n", [:])],
      pods: [
        ("n", Self.pod("p1", labels: ["pdb": "y"], cpu: "1", priority: 1)),
        ("n", Self.pod("p2", cpu: "1", priority: 2)), ("n", Self.pod("p3", cpu: "1", priority: 3)),
      ])
    let pdb = PodDisruptionBudgetInfo(
      namespace: "default", selector: LabelSelector(matchLabels: ["pdb": "y"]),
      disruptionsAllowed: 0)
    guard
      case .success(let c2) = DefaultPreemption().selectVictims(
        pre, profile: profile, snapshot: &s2, slot: 0, pdbs: [pdb])
    else {
      Issue.record("expected a candidate")
      return
    }
    #expect(c2.victims.map(\.name) == ["p2"])
    #expect(c2.numPDBViolations == 0)
  }

  @Test func noLowerPriorityPods() {
    var s = Self.snapshot([("n", [:])], pods: [("n", Self.pod("p", cpu: "4", priority: 10))])
    let r = DefaultPreemption().selectVictims(
      PodInfo(Self.pod("x", cpu: "1", priority: 10)), profile: .defaultProfile(), snapshot: &s,
      slot: 0, pdbs: [])
    guard case .failure(let st) = r else {
      Issue.record("expected no victims")
      return
    }
    #expect("\(st)" == "UnschedulableAndUnresolvable: No preemption victims found for incoming pod")
  }

  @Test func pickOneTieBreaks() {
    func v(_ prio: Int32, start: Int64?) -> AssignedPod {
      var p = Self.pod("v\(prio)-\(start ?? -1)", priority: prio)
      p.status.startTime = start.map { SimTime.zero + .seconds($0) }
      return AssignedPod(p)
    }
    let dp = DefaultPreemption()
    let now = SimTime.zero + .seconds(1000)
    func pick(_ cs: [PreemptionCandidate]) -> Int? { dp.pickOne(cs, now: now)?.slot }
    // 1. fewest PDB violations.
    #expect(
      pick([
        .init(slot: 0, victims: [v(1, start: 1)], numPDBViolations: 1),
        .init(slot: 1, victims: [v(5, start: 1)], numPDBViolations: 0),
      ]) == 1)
    // 2. lowest highest-priority victim.
    #expect(
      pick([
        .init(slot: 0, victims: [v(5, start: 1)], numPDBViolations: 0),
        .init(slot: 1, victims: [v(3, start: 1), v(3, start: 2)], numPDBViolations: 0),
      ]) == 1)
    // 3. smallest priority sum.
    #expect(
      pick([
        .init(slot: 0, victims: [v(3, start: 1), v(2, start: 1)], numPDBViolations: 0),
        .init(slot: 1, victims: [v(3, start: 1), v(1, start: 1)], numPDBViolations: 0),
      ]) == 1)
    // 4. fewest victims (negative priorities make the sums equal only with the 2^31 offset).
    #expect(
      pick([
        .init(slot: 0, victims: [v(0, start: 1), v(0, start: 1)], numPDBViolations: 0),
        .init(slot: 1, victims: [v(0, start: 1)], numPDBViolations: 0),
      ]) == 1)
    // 5. latest earliest start time of the highest-priority victims (unstarted = now).
    #expect(
      pick([
        .init(slot: 0, victims: [v(1, start: 5)], numPDBViolations: 0),
        .init(slot: 1, victims: [v(1, start: 9)], numPDBViolations: 0),
      ]) == 1)
    #expect(
      pick([
        .init(slot: 0, victims: [v(1, start: 5)], numPDBViolations: 0),
        .init(slot: 1, victims: [v(1, start: nil)], numPDBViolations: 0),
      ]) == 1)
    // 6. otherwise the first.
    #expect(
      pick([
        .init(slot: 7, victims: [v(1, start: 5)], numPDBViolations: 0),
        .init(slot: 1, victims: [v(1, start: 5)], numPDBViolations: 0),
      ]) == 7)
  }

  @Test func numCandidates() {
    let dp = DefaultPreemption()
    #expect(dp.numCandidates(50) == 50)
    #expect(dp.numCandidates(500) == 100)
    #expect(dp.numCandidates(5000) == 500)
  }

  @Test func preemptionPolicyNever() {
    var s = Self.snapshot([("n", [:])])
    var p = Self.pod("x", priority: 10)
    p.spec.preemptionPolicy = .never
    var rng = RandomStream(seed: 1)
    let out = DefaultPreemption().postFilter(
      PodInfo(p), profile: .defaultProfile(), snapshot: &s,
      statuses: [(0, Status(.unschedulable, ["Insufficient cpu"]))], order: [0], pdbs: [],
      now: .zero, random: &rng)
    guard case .none(let msg) = out else {
      Issue.record("expected no preemption")
      return
    }
    #expect(msg == "preemption: not eligible due to preemptionPolicy=Never.")
  }
}
