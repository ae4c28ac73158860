import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel
import KubeSimScenario
import KubeSimScheduler
import Testing

@testable import KubeSimControllers
@testable import KubeSimNodeAgent

/// Builders for the end-to-end tests.
enum E2E {
  static func q(_ s: String) -> Quantity { (try? Quantity(parsing: s)) ?? .zero }

  static func node(_ name: String, zone: String? = nil) -> APIObject {
    var n = Node(metadata: ObjectMeta(name: name))
    if let zone { n.metadata.labels = ["topology.kubernetes.io/zone": zone] }
    n.status.capacity = ["cpu": q("4"), "memory": q("8Gi"), "pods": q("110")]
    n.status.allocatable = n.status.capacity
    return .node(n)
  }

  static func deployment(
    _ name: String, replicas: Int32, image: String = "nginx:1.27", annotations: StringMap = [:]
  ) -> APIObject {
    var d = Deployment(metadata: ObjectMeta(name: name, namespace: "default"))
    d.spec.replicas = replicas
    d.spec.selector = LabelSelector(matchLabels: ["app": name])
    d.spec.template.metadata.labels = ["app": name]
    d.spec.template.metadata.annotations = annotations
    d.spec.template.spec.containers = [
      Container(
        name: "nginx", image: image,
        resources: ResourceRequirements(requests: ["cpu": q("100m"), "memory": q("128Mi")]))
    ]
    return .deployment(d)
  }

  /// The standard control plane plus a kubelet per node.
  static var components: ComponentSet {
    ComponentSet(
      controlPlane: { input in
        [
          DefaultScheduler(settings: input.settings, configurations: input.schedulerConfigurations),
          ReplicaSetController(),
          DeploymentController(),
        ]
      },
      kubelet: { node, input in Kubelet(node: node, settings: input.settings, images: input.images)
      })
  }

  static func lines(_ w: World, _ reasons: Set<String>) -> [String] {
    w.recordedEvents.filter { reasons.contains($0.reason) }.map {
      "\($0.time) \($0.reason) \($0.object.name ?? "") \($0.node ?? "-") \($0.message)"
    }
  }
}

@Suite struct EndToEndTests {
  @Test func deploymentOfThreeRunsOnThreeNodesWithExactEventTimes() throws {
    let input = WorldInput(
      seed: 7,
      objects: [
        E2E.node("worker-1"), E2E.node("worker-2"), E2E.node("worker-3"),
        E2E.deployment("web", replicas: 3),
      ])
    let world = try World(input, components: E2E.components)
    try world.run(until: .zero + .minutes(1))
    // The hash is of the template as stored (after API defaulting), so it is computed here.
    let stored = try #require(world.api.get(.deployment, "default", "web")?.asDeployment)
    let h = PodTemplateHash.compute(stored.spec.template, collisionCount: nil)
    let all = E2E.lines(
      world,
      [
        "ScalingReplicaSet", "SuccessfulCreate", "Scheduled", "Pulling",
        "Pulled", "Created", "Started",
      ])
    // Timeline: Deployment delivered at 10ms (watch delay) → RS; RS delivered at 20ms → pods;
    // pods delivered at 30ms → one 5ms scheduling cycle each; binds delivered to kubelets 10ms
    // later; 100 MiB default image at 50 MiB/s = 2s; container start 1s after the pull.
    #expect(
      all == [
        "10ms ScalingReplicaSet web - Scaled up replica set web-\(h) from 0 to 3",
        "20ms SuccessfulCreate web-\(h) - Created pod: web-\(h)-pn6ll",
        "20ms SuccessfulCreate web-\(h) - Created pod: web-\(h)-zgkbd",
        "20ms SuccessfulCreate web-\(h) - Created pod: web-\(h)-dnkxh",
        "35ms Scheduled web-\(h)-pn6ll worker-1 Successfully assigned default/web-\(h)-pn6ll to worker-1",
        "40ms Scheduled web-\(h)-zgkbd worker-3 Successfully assigned default/web-\(h)-zgkbd to worker-3",
        "45ms Pulling web-\(h)-pn6ll worker-1 Pulling image \"nginx:1.27\"",
        "45ms Scheduled web-\(h)-dnkxh worker-2 Successfully assigned default/web-\(h)-dnkxh to worker-2",
        "50ms Pulling web-\(h)-zgkbd worker-3 Pulling image \"nginx:1.27\"",
        "55ms Pulling web-\(h)-dnkxh worker-2 Pulling image \"nginx:1.27\"",
        "2.045s Pulled web-\(h)-pn6ll worker-1 Successfully pulled image \"nginx:1.27\" in 2s (2s including waiting). Image size: 104857600 bytes.",
        "2.05s Pulled web-\(h)-zgkbd worker-3 Successfully pulled image \"nginx:1.27\" in 2s (2s including waiting). Image size: 104857600 bytes.",
        "2.055s Pulled web-\(h)-dnkxh worker-2 Successfully pulled image \"nginx:1.27\" in 2s (2s including waiting). Image size: 104857600 bytes.",
        "3.045s Created web-\(h)-pn6ll worker-1 Created container: nginx",
        "3.045s Started web-\(h)-pn6ll worker-1 Started container nginx",
        "3.05s Created web-\(h)-zgkbd worker-3 Created container: nginx",
        "3.05s Started web-\(h)-zgkbd worker-3 Started container nginx",
        "3.055s Created web-\(h)-dnkxh worker-2 Created container: nginx",
        "3.055s Started web-\(h)-dnkxh worker-2 Started container nginx",
      ])
    let again = try World(input, components: E2E.components)
    try again.run(until: .zero + .minutes(1))
    #expect(again.eventsJSONL() == world.eventsJSONL())
    #expect(again.placementsCSV() == world.placementsCSV())
    let pods = world.api.list(.pod).compactMap(\.asPod)
    #expect(pods.count == 3)
    #expect(pods.allSatisfy { $0.status.phase == .running })
    #expect(Set(pods.compactMap(\.spec.nodeName)) == ["worker-1", "worker-2", "worker-3"])
    guard case .deployment(let d)? = world.api.get(.deployment, "default", "web") else {
      Issue.record("no deployment")
      return
    }
    #expect(d.status.readyReplicas == 3 && d.status.availableReplicas == 3)
    #expect(d.status.updatedReplicas == 3 && d.status.unavailableReplicas == 0)
    #expect(
      d.status.conditions.map { "\($0.type)=\($0.status.rawValue)/\($0.reason ?? "")" } == [
        "Available=True/MinimumReplicasAvailable", "Progressing=True/NewReplicaSetAvailable",
      ])
  }
}

extension EndToEndTests {
  @Test func imageChangeRollsOverToTheNewReplicaSet() throws {
    let input = WorldInput(
      seed: 11,
      objects: [
        E2E.node("worker-1"), E2E.node("worker-2"), E2E.node("worker-3"),
        E2E.deployment("web", replicas: 4),
      ])
    let world = try World(input, components: E2E.components)
    try world.run(until: .zero + .minutes(1))
    var d = try #require(world.api.get(.deployment, "default", "web")?.asDeployment)
    d.spec.template.spec.containers[0].image = "nginx:1.28"
    d.metadata.resourceVersion = nil
    try world.api.update(.deployment(d))
    try world.run(until: .zero + .minutes(10))
    let pods = world.api.list(.pod).compactMap(\.asPod)
    #expect(pods.count == 4)
    #expect(
      pods.allSatisfy { $0.spec.containers[0].image == "nginx:1.28" && $0.status.phase == .running }
    )
    let sets = world.api.list(.replicaSet).compactMap(\.asReplicaSet)
    #expect(sets.map { $0.spec.replicas ?? -1 }.sorted() == [0, 4])
    let done = try #require(world.api.get(.deployment, "default", "web")?.asDeployment)
    #expect(done.status.updatedReplicas == 4 && done.status.availableReplicas == 4)
    #expect(done.status.replicas == 4 && done.status.unavailableReplicas == 0)
    #expect(
      done.status.conditions.first { $0.type == "Progressing" }?.reason == "NewReplicaSetAvailable")
    // The rollout respected maxUnavailable 1 / maxSurge 1 at every scale step.
    let scaling = world.recordedEvents.filter { $0.reason == "ScalingReplicaSet" }.map(\.message)
    // Old (o) and new (n) ReplicaSets, in event order: surge one, drop one, … (a scale-down
    // waits while the old ReplicaSet's status still counts more available pods than its spec,
    // as rolling.go's cleanupUnhealthyReplicas refuses it.)
    let oldName = try #require(sets.first { $0.spec.replicas == 0 }?.metadata.name)
    let steps = scaling.map {
      $0.replacingOccurrences(of: "replica set \(oldName) ", with: "o ")
        .replacingOccurrences(of: "Scaled ", with: "")
        .split(separator: " ").filter { !$0.hasPrefix("web-") }.joined(separator: " ")
    }
    #expect(
      steps == [
        "up o from 0 to 4", "up replica set from 0 to 1", "down o from 4 to 3",
        "up replica set from 1 to 2", "down o from 3 to 2", "up replica set from 2 to 3",
        "down o from 2 to 1", "up replica set from 3 to 4", "down o from 1 to 0",
      ])
    #expect(world.recordedEvents.contains { $0.reason == "Killing" })
  }
}

extension EndToEndTests {
  /// The scheduler's incremental node table must agree with the API server's view after a run
  /// with creations, a rollout (graceful deletions) and a scale-down.
  @Test func schedulerCacheMatchesTheStore() throws {
    let box = SchedulerBox()
    let components = ComponentSet(
      controlPlane: { input in
        let s = DefaultScheduler(settings: input.settings)
        box.scheduler = s
        return [s, ReplicaSetController(), DeploymentController()]
      },
      kubelet: { node, input in Kubelet(node: node, settings: input.settings, images: input.images)
      })
    let world = try World(
      WorldInput(
        seed: 5,
        objects: [
          E2E.node("worker-1", zone: "a"), E2E.node("worker-2", zone: "b"),
          E2E.node("worker-3", zone: "c"), E2E.deployment("web", replicas: 6),
        ]),
      components: components)
    try world.run(until: .zero + .minutes(1))
    var d = try #require(world.api.get(.deployment, "default", "web")?.asDeployment)
    d.spec.template.spec.containers[0].image = "nginx:1.28"
    d.spec.replicas = 4
    d.metadata.resourceVersion = nil
    try world.api.update(.deployment(d))
    try world.run(until: .zero + .minutes(10))
    let s = try #require(box.scheduler)
    #expect(s.snapshot.table._checkInvariants() == nil)
    for node in ["worker-1", "worker-2", "worker-3"] {
      let slot = try #require(s.snapshot.table.slot(of: node))
      let pods = world.api.pods(onNode: node).filter { !$0.isTerminal }
      #expect(Int(s.snapshot.table.podCount[slot]) == pods.count, "\(node)")
      let cpu = pods.reduce(Int64(0)) { $0 + PodInfo($1).requests.milliCPU }
      #expect(s.snapshot.table.requestedMilliCPU[slot] == cpu, "\(node)")
    }
    #expect(world.api.list(.pod).count == 4)
  }
}

final class SchedulerBox: @unchecked Sendable {
  var scheduler: DefaultScheduler?
}
