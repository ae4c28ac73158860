import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel
import KubeSimScenario
import Testing

@testable import KubeSimNodeAgent

/// `maxParallelImagePulls`: at most N pulls at once on a node (and it turns serialization off).
@Suite struct ParallelPullTests {
  @Test func maxParallelTwoRunsTwoPullsAtOnceAndQueuesTheThird() throws {
    var settings = SimulationSettings.default
    settings.maxParallelImagePulls = 2
    var n = Node(metadata: ObjectMeta(name: "worker-1"))
    n.status.capacity = ["cpu": Quantity(4), "pods": Quantity(110)]
    n.status.allocatable = n.status.capacity
    let w = try World(
      WorldInput(
        seed: 1, settings: settings,
        objects: [
          .node(n), KubeletWorld.pod("a", images: ["img-a:1"]),
          KubeletWorld.pod("b", images: ["img-b:1"]), KubeletWorld.pod("c", images: ["img-c:1"]),
        ]),
      components: KubeletWorld.components)
    try w.run(until: .zero + .seconds(10))
    // 100 MiB default images at 50 MiB/s: a and b pull 10ms..2.01s side by side, c waits for a
    // free slot and pulls 2.01s..4.01s.
    #expect(
      KubeletWorld.events(w, ["Pulled"]).map { String($0.split(separator: " ")[0]) } == [
        "2.01s", "2.01s", "4.01s",
      ])
  }
}
