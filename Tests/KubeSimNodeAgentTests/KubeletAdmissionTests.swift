import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel
import KubeSimScenario
import Testing

@testable import KubeSimNodeAgent

/// The kubelet re-checks what the scheduler checked (pods bound by nodeName skip the scheduler).
@Suite struct KubeletAdmissionTests {
  static func pod(_ name: String, cpu: String, selector: StringMap = [:]) -> APIObject {
    var p = Pod(metadata: ObjectMeta(name: name, namespace: "default"))
    p.spec.nodeName = "worker-1"
    p.spec.nodeSelector = selector
    p.spec.containers = [
      Container(
        name: "c", image: "busybox:1.36",
        resources: ResourceRequirements(requests: ["cpu": (try? Quantity(parsing: cpu)) ?? .zero]))
    ]
    return .pod(p)
  }

  @Test func podsThatDoNotFitAreRejectedWithUpstreamReasons() throws {
    let w = try KubeletWorld.run(
      [
        Self.pod("a", cpu: "3"), Self.pod("b", cpu: "2"),
        Self.pod("c", cpu: "100m", selector: ["disk": "ssd"]),
      ], until: .seconds(10))
    let b = try #require(KubeletWorld.pod(w, "b"))
    #expect(b.status.phase == .failed)
    #expect(b.status.reason == "OutOfcpu")
    #expect(
      b.status.message
        == "Pod was rejected: Node didn't have enough resource: cpu, requested: 2000, used: 3000, capacity: 4000"
    )
    let c = try #require(KubeletWorld.pod(w, "c"))
    #expect(c.status.reason == "NodeAffinity")
    #expect(KubeletWorld.pod(w, "a")?.status.phase == .running)
  }
}
