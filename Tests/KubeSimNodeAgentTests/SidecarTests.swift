import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel
import KubeSimScenario
import Testing

@testable import KubeSimNodeAgent

/// Restartable init containers (sidecars, KEP-753): they start in init order, let the next
/// container start once running, keep running, and always restart.
@Suite struct SidecarTests {
  @Test func sidecarStartsBeforeTheAppAndKeepsRunning() throws {
    var p = Pod(metadata: ObjectMeta(name: "web", namespace: "default"))
    p.spec.nodeName = "worker-1"
    p.spec.restartPolicy = .never
    p.metadata.annotations = [
      "sim.kubesim.io/duration.app": "20s", "sim.kubesim.io/crash-after.proxy": "10s",
    ]
    p.spec.initContainers = [
      Container(name: "proxy", image: "envoy:1.30", restartPolicy: .always)
    ]
    p.spec.containers = [Container(name: "app", image: "busybox:1.36")]
    let w = try KubeletWorld.run([.pod(p)], until: .seconds(40))
    // proxy: pull 2s, start 3.01s; app pulls after it (serialized), starts 6.01s and exits 0
    // at 26.01s. The proxy crashes at 13.01s and restarts after 10s (24.01s) although the pod's
    // restartPolicy is Never; with the app done the pod Succeeded, and the proxy's next crash
    // (34.01s) is not restarted.
    #expect(
      KubeletWorld.events(w, ["Started"]) == [
        "3.01s Started web Started container proxy", "6.01s Started web Started container app",
        "24.01s Started web Started container proxy",
      ])
    let end = try #require(KubeletWorld.pod(w, "web"))
    #expect(end.status.phase == .succeeded)
    #expect(end.status.initContainerStatuses.first?.restartCount == 1)
  }
}

/// Graceful termination with a preStop hook and a program that honours SIGTERM.
@Suite struct GracefulTerminationTests {
  @Test func preStopAndShutdownEndTheDeletionBeforeTheGracePeriod() throws {
    var p = Pod(metadata: ObjectMeta(name: "web", namespace: "default"))
    p.spec.nodeName = "worker-1"
    p.metadata.annotations = ["sim.kubesim.io/prestop": "5s", "sim.kubesim.io/shutdown": "2s"]
    p.spec.containers = [Container(name: "app", image: "busybox:1.36")]
    let w = try KubeletWorld.run([.pod(p)], until: .seconds(10))
    _ = try w.api.delete(.pod, "default", "web")
    // Deleted at 10s with the default 30s grace period: the kubelet hears it at 10.01s, the
    // hook runs 5s, the program exits 2s after SIGTERM: the deletion is confirmed at 17.01s.
    try w.run(until: .zero + .milliseconds(17_009))
    #expect(w.api.get(.pod, "default", "web") != nil)
    try w.run(until: .zero + .milliseconds(17_010))
    #expect(w.api.get(.pod, "default", "web") == nil)
    let killing = w.recordedEvents.first { $0.reason == "Killing" }
    #expect(killing?.time == .zero + .milliseconds(10_010))
  }
}
