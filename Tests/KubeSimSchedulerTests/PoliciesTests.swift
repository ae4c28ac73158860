import KubeSimKernel
import KubeSimModel
import KubeSimTestSupport
import KubeSimYAML
import Testing

@testable import KubeSimScheduler

/// The named policies choose the nodes their definitions say.
@Suite struct PoliciesTests {
  /// Nodes a (4 cpu, 1 pod of 2 cpu), b (8 cpu, empty), c (4 cpu, empty), in this order.
  static func cluster() -> (NodeSnapshot, [Int]) {
    var snap = NodeSnapshot()
    var tree = NodeTree()
    for (name, cpu) in [("a", "4"), ("b", "8"), ("c", "4")] {
      let r = snap.upsert(SchedulingAlgorithmTests.node(name, cpu: cpu))
      tree.add(slot: r.slot, zone: "")
    }
    let used = SchedulingAlgorithmTests.pod("x", cpu: "2")
    snap.table.addPod(slot: 0, requests: used.requests, nonZero: used.nonZeroRequests)
    return (snap, tree.order)
  }

  static func choose(_ policy: String, times: Int = 1, seed: UInt64 = 1) throws -> [String] {
    var (snap, order) = cluster()
    let profile = try #require(Policies.profile(named: policy))
    var alg = SchedulingAlgorithm()
    var rng = RandomStream(seed: seed)
    var out: [String] = []
    for i in 0..<times {
      let pod = SchedulingAlgorithmTests.pod("p\(i)", cpu: "1")
      guard
        case .scheduled(let slot, _, _) = alg.schedule(
          pod, profile: profile, snapshot: snap, order: order, random: &rng)
      else { return out }
      snap.table.addPod(slot: slot, requests: pod.requests, nonZero: pod.nonZeroRequests)
      out.append(snap.table.names[slot])
    }
    return out
  }

  @Test func everyNameBuilds() {
    for n in Policies.names { #expect(Policies.profile(named: n)?.policy == n) }
    #expect(Policies.profile(named: "nope") == nil)
  }

  @Test func firstFitAlwaysStartsAtTheFirstNode() throws {
    #expect(try Self.choose("first-fit", times: 3) == ["a", "a", "b"])
  }

  @Test func roundRobinRotates() throws {
    #expect(try Self.choose("round-robin", times: 4) == ["a", "b", "c", "a"])
  }

  @Test func bestFitPacksTheFullestNode() throws {
    // a has 1 of 4 cpu free after p0 → least free.
    #expect(try Self.choose("best-fit", times: 2) == ["a", "a"])
  }

  @Test func worstFitPicksTheEmptiest() throws {
    #expect(try Self.choose("worst-fit", times: 1) == ["b"])
  }

  @Test func spreadPicksFewestPods() throws {
    // b and c are empty; the tie is drawn, then the other empty node follows.
    let got = try Self.choose("spread", times: 2)
    #expect(Set(got) == ["b", "c"])
  }

  @Test func swarmSpreadAndBinpack() throws {
    // Swarm weights for a 1-cpu pod (memory not requested: 100): a (2+1)/4 → 75, b 1/8 → 12,
    // c 1/4 → 25. Spread takes the lowest, binpack the highest.
    #expect(try Self.choose("swarm-spread") == ["b"])
    #expect(try Self.choose("swarm-binpack") == ["a"])
  }

  @Test func randomIsSeeded() throws {
    let a = try Self.choose("random", times: 6, seed: 7)
    #expect(a == (try Self.choose("random", times: 6, seed: 7)))
    #expect(a.count == 6)
  }

  @Test func binPackingUsesMostAllocated() throws {
    #expect(try Self.choose("bin-packing") == ["a"])
  }
}

/// A researcher's plugin (Tests/KubeSimTestSupport/ExamplePlugins/PodCap.swift) registered by
/// name and enabled from a configuration.
@Suite struct ExamplePluginTests {
  @Test func podCapFiltersAndScoresFromConfiguration() throws {
    var registry = PluginRegistry.inTree
    registry.register(PodCap.registration)
    let c = try ProfileBuilderTests.config(
      """
      apiVersion: kubescheduler.config.k8s.io/v1
      kind: KubeSchedulerConfiguration
      profiles:
        - plugins:
            multiPoint:
              enabled:
                - name: PodCap
                  weight: 5
          pluginConfig:
            - name: PodCap
              args:
                maxPods: 1
      """)
    let profile = try ProfileBuilder.build(c, registry: registry)[0]
    #expect(profile.filters.map(\.name).last == "PodCap")
    #expect(profile.scores.map { "\($0.plugin.name):\($0.weight)" }.last == "PodCap:5")
    var (snap, order) = PoliciesTests.cluster()
    var alg = SchedulingAlgorithm()
    alg.recordScores = true
    var rng = RandomStream(seed: 1)
    let pod = SchedulingAlgorithmTests.pod("p", cpu: "1")
    let out = alg.schedule(pod, profile: profile, snapshot: snap, order: order, random: &rng)
    guard case .scheduled(let slot, _, let feasible) = out else {
      Issue.record("\(out)")
      return
    }
    // a already holds one pod: rejected by the cap.
    #expect(feasible == 2 && snap.table.names[slot] != "a")
    #expect(alg.lastVerdicts.first?.status?.reasons == [PodCap.reason])
    snap.table.addPod(slot: slot, requests: pod.requests, nonZero: pod.nonZeroRequests)
    // Unknown arg field through the same registry.
    var bad = c
    bad.profiles[0].pluginConfig[0].args = try #require(
      try YAMLParserHelper.node("maxPod: 1"))
    #expect(throws: ConfigurationIssue.self) { try ProfileBuilder.build(bad, registry: registry) }
    // Without the registration the name is unknown.
    #expect(throws: ConfigurationIssue.self) { try ProfileBuilder.build(c) }
  }
}

enum YAMLParserHelper {
  static func node(_ text: String) throws -> YAMLNode? {
    try YAMLParser.parseStream(text, file: "args.yaml").first
  }
}
