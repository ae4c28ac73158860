import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel
import KubeSimScheduler
import Testing

@testable import KubeSimScenario

@Suite("World with the standard components")
struct WorldStandardTests {
  @Test("the default scheduler binds every pod and records Scheduled")
  func schedules() throws {
    var objects = [
      WorldFixture.node("worker-1", cpu: "2"), WorldFixture.node("worker-2", cpu: "2"),
    ]
    for i in 1...3 { objects.append(WorldFixture.pod("web-\(i)", cpu: "1")) }
    let world = try World(WorldInput(seed: 42, objects: objects))
    try world.run(until: .zero + .minutes(1))
    let scheduled = world.recordedEvents.filter { $0.reason == "Scheduled" }
    #expect(scheduled.map(\.object.name) == ["web-1", "web-2", "web-3"])
    #expect(world.bindings.count == 3)
    // LeastAllocated spreads: each node gets at least one pod and none exceeds 2 CPUs.
    let perNode = ["worker-1", "worker-2"].map { world.api.pods(onNode: $0).count }
    #expect(perNode.sorted() == [1, 2])
    #expect(world.placementsCSV().hasPrefix("time_us,pod,node,profile,attempts\n"))
    #expect(world.api.checkIndexes() == nil)
  }
}

extension WorldStandardTests {
  @Test("a Deployment becomes a ReplicaSet and scheduled pods with generated names")
  func deployment() throws {
    var d = Deployment(metadata: ObjectMeta(name: "web", namespace: "default"))
    d.spec.replicas = 3
    d.spec.selector = LabelSelector(matchLabels: ["app": "web"])
    d.spec.template.metadata.labels = ["app": "web"]
    d.spec.template.spec.containers = [
      Container(
        name: "nginx", image: "nginx:1.27",
        resources: ResourceRequirements(requests: [ResourceList.cpu: WorldFixture.q("100m")]))
    ]
    let input = WorldInput(
      seed: 42,
      objects: [WorldFixture.node("worker-1"), WorldFixture.node("worker-2"), .deployment(d)])
    func run() throws -> (World, String) {
      let world = try World(input)
      try world.run(until: .zero + .minutes(1))
      return (world, world.eventsJSONL() + world.placementsCSV())
    }
    let (world, output) = try run()
    #expect(world.api.count(.replicaSet) == 1)
    let pods = world.api.list(.pod).map(\.metadata.name)
    #expect(pods.count == 3)
    #expect(pods.allSatisfy { $0.hasPrefix("web-") && $0.split(separator: "-").count == 3 })
    #expect(world.bindings.count == 3)
    #expect(output == (try run()).1)
  }
}

extension WorldStandardTests {
  @Test("each pod goes Scheduled, Pulling, Pulled, Created, Started and Running")
  func kubelet() throws {
    let input = WorldInput(
      seed: 42, objects: [WorldFixture.node("worker-1"), WorldFixture.pod("web-1", cpu: "100m")])
    let world = try World(input)
    try world.run(until: .zero + .minutes(5))
    let reasons = world.recordedEvents.filter { $0.object.name == "web-1" }.map(\.reason)
    #expect(reasons == ["Scheduled", "Pulling", "Pulled", "Created", "Started"])
    guard case .pod(let pod)? = world.api.get(.pod, "default", "web-1") else {
      Issue.record("pod missing"); return
    }
    #expect(pod.status.phase == .running)
    #expect(world.eventsJSONL().split(separator: "\n").count == world.recordedEvents.count)
  }
}

extension WorldStandardTests {
  @Test("components are registered scheduler, controllers, then one kubelet per node")
  func registrationOrder() throws {
    let world = try World(
      WorldInput(seed: 1, objects: [WorldFixture.node("b"), WorldFixture.node("a")]))
    #expect(
      world.components.map(\.componentName) == [
        "default-scheduler", "replicaset-controller", "deployment-controller", "daemonset-controller",
        "statefulset-controller", "job-controller", "cronjob-controller", "garbage-collector",
        "pod-garbage-collector", "disruption-controller", "node-lifecycle-controller",
        "taint-eviction-controller", "horizontal-pod-autoscaler", "namespace-controller",
        "endpointslice-controller", "kube-proxy", "kubelet/b", "kubelet/a",
      ])
    #expect(world.component(FakeScheduler.self) == nil)
    #expect(world.component(DefaultScheduler.self)?.componentName == "default-scheduler")
  }
}
