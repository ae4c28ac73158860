import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel
import Testing

@testable import KubeSimScenario

@Suite("World with the standard components")
struct WorldStandardTests {
  @Test("the default scheduler binds every pod and records Scheduled")
  func schedules() throws {
    var objects = [WorldFixture.node("worker-1", cpu: "2"), WorldFixture.node("worker-2", cpu: "2")]
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
