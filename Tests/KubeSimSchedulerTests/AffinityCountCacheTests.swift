import KubeSimModel
import Testing

@testable import KubeSimScheduler

/// The incremental counts agree with a fresh scan after pods come and go.
@Suite struct AffinityCountCacheTests {
  typealias F = ConstraintFilterTests

  static func states(_ s: NodeSnapshot, _ pod: Pod) -> (
    TopologyCounts, TopologyCounts, TopologyCounts, TopologyCounts?
  ) {
    var st = CycleState()
    _ = InterPodAffinity().preFilter(&st, PodInfo(pod), s)
    _ = InterPodAffinity().preScore(&st, PodInfo(pod), s, feasible: Array(0..<s.table.count))
    let f = st.affinityFilter
    return (
      f?.existingAntiAffinity ?? [:], f?.affinity ?? [:], f?.antiAffinity ?? [:], st.affinityScore
    )
  }

  @Test func incrementalEqualsFresh() {
    let term = PodAffinityTerm(
      labelSelector: LabelSelector(matchLabels: ["app": "web"]), topologyKey: "zone")
    let pref = WeightedPodAffinityTerm(weight: 7, podAffinityTerm: term)
    let aff = Affinity(
      podAffinity: PodAffinity(
        requiredDuringSchedulingIgnoredDuringExecution: [term],
        preferredDuringSchedulingIgnoredDuringExecution: [pref]),
      podAntiAffinity: PodAntiAffinity(requiredDuringSchedulingIgnoredDuringExecution: [
        PodAffinityTerm(
          labelSelector: LabelSelector(matchLabels: ["app": "web"]),
          topologyKey: "kubernetes.io/hostname")
      ]))
    let incoming = F.pod("in", labels: ["app": "web"], affinity: aff)
    var pods: [(String, Pod)] = []
    for i in 0..<6 {
      pods.append(
        (
          ["a1", "a2", "b1"][i % 3],
          F.pod(
            "p\(i)", labels: ["app": i % 2 == 0 ? "web" : "db"], affinity: i % 3 == 0 ? aff : nil)
        ))
    }
    var live = F.snapshot(F.zones, pods: Array(pods.prefix(3)))
    _ = Self.states(live, incoming)  // fills the cache
    for (node, p) in pods.dropFirst(3) {
      var p = p
      p.spec.nodeName = node
      live.pods.add(AssignedPod(p), slot: live.table.slot(of: node) ?? 0)
    }
    live.pods.remove(key: "default/p1", slot: live.table.slot(of: "a2") ?? 0)
    let fresh = F.snapshot(F.zones, pods: pods.filter { $0.1.metadata.name != "p1" })
    let a = Self.states(live, incoming)
    let b = Self.states(fresh, incoming)
    #expect(a.0 == b.0)
    #expect(a.1 == b.1)
    #expect(a.2 == b.2)
    #expect(a.3 == b.3)
    #expect(!a.1.isEmpty && !a.0.isEmpty)
  }
}

/// PodTopologySpread's incremental domain counts agree with a fresh scan.
@Suite struct SpreadCountCacheTests {
  typealias F = ConstraintFilterTests

  static func filterState(_ s: NodeSnapshot, _ pod: Pod) -> [[String: Int64]] {
    var st = CycleState()
    _ = PodTopologySpread().preFilter(&st, PodInfo(pod), s)
    return st.spreadFilter?.matchNum ?? []
  }

  @Test func incrementalEqualsFresh() {
    let pod = F.pod("in", labels: ["app": "web"], spread: [F.spread("zone")])
    var pods: [(String, Pod)] = []
    for i in 0..<7 {
      pods.append(
        (["a1", "a2", "b1"][i % 3], F.pod("p\(i)", labels: ["app": i % 2 == 0 ? "web" : "db"])))
    }
    var live = F.snapshot(F.zones, pods: Array(pods.prefix(2)))
    _ = Self.filterState(live, pod)
    for (node, p) in pods.dropFirst(2) {
      var p = p
      p.spec.nodeName = node
      live.pods.add(AssignedPod(p), slot: live.table.slot(of: node) ?? 0)
    }
    live.pods.remove(key: "default/p2", slot: live.table.slot(of: "b1") ?? 0)
    let fresh = F.snapshot(F.zones, pods: pods.filter { $0.1.metadata.name != "p2" })
    #expect(Self.filterState(live, pod) == Self.filterState(fresh, pod))
    #expect(Self.filterState(fresh, pod) == [["a": 3, "b": 0]])
  }
}
