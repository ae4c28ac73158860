import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel
import KubeSimScenario
import Testing

@testable import KubeSimControllers

@Suite struct ReplicaFailureTests {
  @Test func failedCreationsSetReplicaFailureUntilASyncSucceeds() throws {
    var quota = ResourceQuota(metadata: ObjectMeta(name: "pods", namespace: "default"))
    quota.spec.hard = ["pods": CW.q("2")]
    let w = try CW.world([.resourceQuota(quota), CW.replicaSet("web", replicas: 5)])
    try w.run(until: .zero + .seconds(1))
    let rs = try #require(w.api.get(.replicaSet, "default", "web")?.asReplicaSet)
    let c = try #require(rs.status.conditions.first { $0.type == "ReplicaFailure" })
    #expect(c.status == .true && c.reason == "FailedCreate")
    #expect(c.lastTransitionTime == .zero + .milliseconds(10))
    let event = try #require(w.recordedEvents.first { $0.reason == "FailedCreate" })
    #expect(event.message == "Error creating: " + (c.message ?? ""))
    // Scaled to what the quota allows: the next sync has nothing to create, the condition goes.
    var scaled = rs
    scaled.spec.replicas = 2
    scaled.metadata.resourceVersion = nil
    try w.api.update(.replicaSet(scaled))
    try w.run(until: .zero + .seconds(2))
    let after = try #require(w.api.get(.replicaSet, "default", "web")?.asReplicaSet)
    #expect(after.status.conditions.isEmpty)
  }
}

@Suite struct VictimSelectionTests {
  /// `first(n:)` selects what a full sort puts first, in the same order.
  @Test func partialSelectionMatchesTheFullSort() {
    let now = SimTime(microseconds: 1000 * 1_000_000)
    var pods: [Pod] = []
    for i in 0..<40 {
      pods.append(
        ActivePodsRankingTests.pod(
          "p\(i)", node: i % 3 == 0 ? nil : "n\(i % 5)", phase: i % 7 == 0 ? .pending : .running,
          readySince: i % 4 == 0 ? nil : Int64(100 + 37 * i % 900), restarts: Int32(i % 2),
          created: Int64(i), uid: "u\((i * 17) % 40)"))
    }
    let ranks = ActivePodsRanking.ranks(pods, related: pods)
    let full = ActivePodsRanking.sorted(pods, ranks: ranks, now: now).map(\.metadata.name)
    for n in [1, 2, 5, 9] {
      let part = ActivePodsRanking.first(n, of: pods, ranks: ranks, now: now).map(\.metadata.name)
      #expect(part == Array(full.prefix(n)), "n = \(n)")
    }
  }
}

extension ReplicaFailureTests {
  /// progress.go `getReplicaFailures`: the new ReplicaSet's ReplicaFailure becomes the
  /// Deployment's condition (times from the ReplicaSet), and goes when the ReplicaSet's goes.
  @Test func aReplicaSetFailureIsCopiedToItsDeployment() throws {
    var quota = ResourceQuota(metadata: ObjectMeta(name: "pods", namespace: "default"))
    quota.spec.hard = ["pods": CW.q("2")]
    let w = try CW.world([
      .resourceQuota(quota), GarbageCollectorTests.deployment("web", replicas: 3),
    ])
    try w.run(until: .zero + .seconds(1))
    var d = try #require(w.api.get(.deployment, "default", "web")?.asDeployment)
    let c = try #require(d.status.conditions.first { $0.type == "ReplicaFailure" })
    let rs = try #require(w.api.list(.replicaSet).first?.asReplicaSet)
    let rc = try #require(rs.status.conditions.first { $0.type == "ReplicaFailure" })
    #expect(c.status == .true && c.reason == "FailedCreate" && c.message == rc.message)
    #expect(c.lastUpdateTime == rc.lastTransitionTime && c.lastTransitionTime == rc.lastTransitionTime)
    d.spec.replicas = 2
    d.metadata.resourceVersion = nil
    try w.api.update(.deployment(d))
    try w.run(until: .zero + .seconds(2))
    d = try #require(w.api.get(.deployment, "default", "web")?.asDeployment)
    #expect(d.status.conditions.map(\.type) == ["Available", "Progressing"])
  }
}
