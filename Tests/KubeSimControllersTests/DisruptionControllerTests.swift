import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel
import KubeSimScenario
import Testing

@testable import KubeSimControllers

@Suite struct DisruptionControllerTests {
  static func pdb(_ spec: PodDisruptionBudgetSpec) -> APIObject {
    var s = spec
    s.selector = LabelSelector(matchLabels: ["app": "web"])
    return .podDisruptionBudget(
      PodDisruptionBudget(metadata: ObjectMeta(name: "web", namespace: "default"), spec: s))
  }

  static func status(_ w: World) throws -> PodDisruptionBudgetStatus {
    try #require(w.api.get(.podDisruptionBudget, "default", "web")?.asPodDisruptionBudget).status
  }

  @Test func maxUnavailablePercentUsesTheDeploymentScale() throws {
    let w = try JW.world([
      GarbageCollectorTests.deployment("web", replicas: 4),
      Self.pdb(PodDisruptionBudgetSpec(maxUnavailable: .string("30%"))),
    ])
    try w.run(until: .zero + .seconds(30))
    let s = try Self.status(w)
    // ⌈30% · 4⌉ = 2 may be unavailable: desired 2 of 4 expected.
    #expect(s.expectedPods == 4 && s.desiredHealthy == 2 && s.currentHealthy == 4)
    #expect(s.disruptionsAllowed == 2 && s.observedGeneration == 1)
    #expect(s.conditions.map(\.reason) == ["SufficientPods"])
  }

  @Test func disruptedPodsExpireAfterTwoMinutes() throws {
    let w = try JW.world([
      GarbageCollectorTests.deployment("web", replicas: 2),
      Self.pdb(PodDisruptionBudgetSpec(minAvailable: .int(1))),
    ])
    try w.run(until: .zero + .seconds(30))
    // An eviction recorded in the budget whose delete never happened (as when the delete
    // failed after the status write): the pod is not counted healthy for 2 minutes.
    var pdb = try #require(w.api.get(.podDisruptionBudget, "default", "web")?.asPodDisruptionBudget)
    let victim = try #require(w.api.list(.pod).first?.metadata.name)
    pdb.status.disruptedPods = [(victim, w.api.now)]
    pdb.status.disruptionsAllowed = 0
    try w.api.updateStatus(.podDisruptionBudget(pdb))
    try w.run(until: .zero + .seconds(31))
    var s = try Self.status(w)
    #expect(s.currentHealthy == 1 && s.disruptionsAllowed == 0 && s.disruptedPods.count == 1)
    #expect(s.conditions.map(\.reason) == ["InsufficientPods"])
    try w.run(until: .zero + .seconds(151))
    s = try Self.status(w)
    #expect(s.currentHealthy == 2 && s.disruptionsAllowed == 1 && s.disruptedPods.isEmpty)
  }

  @Test func evictionDecrementsTheBudgetAndMarksThePod() throws {
    let w = try JW.world([
      GarbageCollectorTests.deployment("web", replicas: 3),
      Self.pdb(PodDisruptionBudgetSpec(minAvailable: .int(2))),
    ])
    try w.run(until: .zero + .seconds(30))
    let names = w.api.list(.pod).map(\.metadata.name)
    let evicted = try w.api.evict("default", names[0])
    #expect(evicted.metadata.deletionTimestamp == .zero + .seconds(60))
    let cond = evicted.asPod?.status.conditions.first { $0.type == "DisruptionTarget" }
    #expect(cond?.reason == "EvictionByEvictionAPI" && cond?.message == "Eviction API: evicting")
    let s = try Self.status(w)
    #expect(s.disruptionsAllowed == 0 && s.disruptedPods.map(\.name) == [names[0]])
    #expect(
      throws: APIError(
        .tooManyRequests, "Cannot evict pod as it would violate the pod's disruption budget.")
    ) { try w.api.evict("default", names[1]) }
  }
}
