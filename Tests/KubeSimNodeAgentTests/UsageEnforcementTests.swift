import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel
import KubeSimScenario
import Testing

@testable import KubeSimNodeAgent

@Suite struct UsageEnforcementTests {
  static func pod(_ memory: String) -> APIObject {
    guard case .pod(var p) = KubeletWorld.pod("hog", images: ["app:1"]) else {
      return KubeletWorld.pod("x", images: [])
    }
    p.metadata.annotations = ["sim.kubesim.io/memory": memory]
    p.spec.containers[0].resources.limits = ["memory": Quantity(256 << 20)]
    return .pod(p)
  }

  @Test func memoryCurveCrossingTheLimitIsOOMKilledAtTheCrossing() throws {
    let w = try KubeletWorld.run(
      [Self.pod("steps(0s=100Mi, 2m=300Mi, 10m=100Mi)")],
      images: [KubeletWorld.image("app:1", [("sha256:a", 50 << 20)])], until: .minutes(3))
    let e = KubeletWorld.events(w, ["Started", "OOMKilling"])
    // Started at 2.01s (the 50 MiB pull); the scan probes every 10s from the start, so the first
    // probe at or after 2m is 2m2.01s. Each restart (CrashLoopBackOff 10s, 20s, plus the
    // kubelet's restart path) starts above the limit and is killed at once.
    #expect(
      e == [
        "2.01s Started hog Started container c0",
        "2m2.01s OOMKilling worker-1 Memory cgroup out of memory: Killed process (c0) of pod default/hog",
        "2m13.01s Started hog Started container c0",
        "2m13.01s OOMKilling worker-1 Memory cgroup out of memory: Killed process (c0) of pod default/hog",
        "2m34.01s Started hog Started container c0",
        "2m34.01s OOMKilling worker-1 Memory cgroup out of memory: Killed process (c0) of pod default/hog",
      ])
    #expect(
      KubeletWorld.pod(w, "hog")?.status.containerStatuses.first?.lastState.terminated?.reason
        == "OOMKilled")
  }

  @Test func curveBelowTheLimitIsNeverKilled() throws {
    let w = try KubeletWorld.run(
      [Self.pod("diurnal(mean=150Mi, amplitude=100Mi, period=1h)")],
      images: [KubeletWorld.image("app:1", [("sha256:a", 50 << 20)])], until: .hours(3))
    #expect(KubeletWorld.events(w, ["OOMKilling"]) == [])
  }
}
