import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel
import KubeSimScenario
import Testing

@testable import KubeSimControllers

/// Records when objects leave the store.
final class DeletionRecorder: Component {
  let componentName = "deletion-recorder"
  var watches: [WatchFilter] {
    [WatchFilter(kind: .deployment), WatchFilter(kind: .replicaSet), WatchFilter(kind: .pod)]
  }
  var lines: [String] = []
  func observe(_ change: WatchChange, _ ctx: inout ComponentContext) {
    if case .deleted(let o) = change { lines.append("\(ctx.now) \(o.kind.rawValue)") }
  }
  func timerFired(_ token: UInt64, _ ctx: inout ComponentContext) {}
}

@Suite struct GarbageCollectorTests {
  static func deployment(_ name: String, replicas: Int32) -> APIObject {
    var d = Deployment(metadata: ObjectMeta(name: name, namespace: "default"))
    d.spec.replicas = replicas
    d.spec.selector = LabelSelector(matchLabels: ["app": name])
    d.spec.template.metadata.labels = ["app": name]
    d.spec.template.spec.containers = [Container(name: "nginx", image: "nginx:1.27")]
    return .deployment(d)
  }

  static func world(_ objects: [APIObject], recorder: DeletionRecorder) throws -> World {
    let std = ComponentSet.standard
    return try World(
      WorldInput(seed: 1, objects: [JW.node("n1")] + objects),
      components: ComponentSet(
        controlPlane: { std.controlPlane($0) + [recorder] }, kubelet: std.kubelet))
  }

  @Test func foregroundDeletesPodsThenReplicaSetThenDeployment() throws {
    let rec = DeletionRecorder()
    let w = try Self.world([Self.deployment("web", replicas: 2)], recorder: rec)
    try w.run(until: .zero + .seconds(30))
    try w.api.delete(.deployment, "default", "web", propagation: .foreground)
    #expect(w.api.get(.deployment, "default", "web")?.metadata.deletionTimestamp != nil)
    try w.run(until: .zero + .seconds(120))
    // The pods stop gracefully (30 s), then the ReplicaSet goes, then the Deployment.
    #expect(rec.lines == ["1m0.03s Pod", "1m0.03s Pod", "1m0.04s ReplicaSet", "1m0.05s Deployment"])
    #expect(w.api.count(.pod) == 0 && w.api.count(.replicaSet) == 0)
  }

  @Test func backgroundDeletesTheDeploymentAtOnceAndThenItsDependents() throws {
    let rec = DeletionRecorder()
    let w = try Self.world([Self.deployment("web", replicas: 2)], recorder: rec)
    try w.run(until: .zero + .seconds(30))
    try w.api.delete(.deployment, "default", "web")
    try w.run(until: .zero + .seconds(120))
    #expect(rec.lines == ["30.01s Deployment", "30.02s ReplicaSet", "1m0.03s Pod", "1m0.03s Pod"])
  }

  @Test func orphanKeepsTheReplicaSetWithoutItsOwner() throws {
    let rec = DeletionRecorder()
    let w = try Self.world([Self.deployment("web", replicas: 2)], recorder: rec)
    try w.run(until: .zero + .seconds(30))
    try w.api.delete(.deployment, "default", "web", propagation: .orphan)
    try w.run(until: .zero + .seconds(60))
    #expect(rec.lines == ["30.02s Deployment"])
    let rs = try #require(w.api.list(.replicaSet).first)
    #expect(rs.metadata.ownerReferences.isEmpty)
    #expect(w.api.count(.pod) == 2)
  }
}

@Suite struct PodGCTests {
  @Test func orphanedPodsGoAfterTheQuarantine() throws {
    let w = try JW.world([GarbageCollectorTests.deployment("web", replicas: 1)])
    try w.run(until: .zero + .seconds(30))
    try w.api.delete(.node, nil, "n1")
    try w.run(until: .zero + .seconds(45))
    #expect(w.api.list(.pod).filter { $0.asPod?.spec.nodeName == "n1" }.count == 1)
    // Noticed at the 40 s tick, deleted at the first tick 40 s later (80 s).
    try w.run(until: .zero + .seconds(79))
    #expect(w.api.list(.pod).filter { $0.asPod?.spec.nodeName == "n1" }.count == 1)
    try w.run(until: .zero + .seconds(81))
    #expect(w.api.list(.pod).filter { $0.asPod?.spec.nodeName == "n1" }.count == 0)
  }

  @Test func terminatedPodsAboveTheThresholdGoOldestFirst() throws {
    let w = try World(
      WorldInput(seed: 1, objects: [JW.node("n1"), JW.job("many", completions: 5, parallelism: 5,
        annotations: ["sim.kubesim.io/duration": "1s"])]),
      components: ComponentSet(
        controlPlane: { input in
          ComponentSet.standard.controlPlane(input).filter { !($0 is PodGCController) }
            + [PodGCController(terminatedPodThreshold: 3)]
        }, kubelet: ComponentSet.standard.kubelet))
    try w.run(until: .zero + .seconds(60))
    #expect(w.api.count(.pod) == 3)
  }
}
