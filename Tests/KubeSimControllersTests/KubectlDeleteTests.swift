import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel
import KubeSimScenario
import Testing

@testable import KubeSimControllers

/// `kubectl delete` with `--grace-period`, `--now`, `--force` and `--cascade` against a running
/// cluster, with exact times.
@Suite struct KubectlDeleteTests {
  static func world(_ rec: DeletionRecorder) throws -> World {
    try GarbageCollectorTests.world(
      [GarbageCollectorTests.deployment("web", replicas: 3)], recorder: rec)
  }

  @Test func gracePeriodNowAndForce() throws {
    let rec = DeletionRecorder()
    let w = try Self.world(rec)
    try w.run(until: .zero + .seconds(30))
    let pods = w.api.list(.pod).map(\.metadata.name)
    #expect(
      try AdoptionTests.kubectl(w, "delete pod \(pods[0]) --grace-period=5")
        == ["pod \"\(pods[0])\" deleted"])
    #expect(
      try AdoptionTests.kubectl(w, "delete pod \(pods[1]) --now") == ["pod \"\(pods[1])\" deleted"])
    #expect(
      try AdoptionTests.kubectl(w, "delete pod \(pods[2]) --force")
        == ["pod \"\(pods[2])\" force deleted"])
    try w.run(until: .zero + .seconds(60))
    // (The recorder sees each removal 10 ms after it.) --force: grace 0, removed at once;
    // --now: grace 1, the kubelet confirms at 31s; --grace-period=5: at 35s.
    #expect(rec.lines == ["30.01s Pod", "31.01s Pod", "35.01s Pod"])
  }

  @Test func cascadeForegroundDeletesDependentsFirst() throws {
    let rec = DeletionRecorder()
    let w = try Self.world(rec)
    try w.run(until: .zero + .seconds(30))
    #expect(
      try AdoptionTests.kubectl(w, "delete deployment web --cascade=foreground")
        == ["deployment.apps \"web\" deleted"])
    try w.run(until: .zero + .seconds(120))
    #expect(
      rec.lines == [
        "1m0.03s Pod", "1m0.03s Pod", "1m0.03s Pod", "1m0.04s ReplicaSet", "1m0.05s Deployment",
      ])
  }
}
