import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel
import KubeSimScenario
import Testing

@testable import KubeSimNodeAgent

/// Startup and liveness probes with upstream defaults (period 10s, failureThreshold 3).
@Suite struct ProbeTests {
  static func pod(
    annotations: StringMap, liveness: Probe? = nil, startup: Probe? = nil,
    readiness: Probe? = nil, grace: Int64? = nil
  ) -> APIObject {
    var p = Pod(metadata: ObjectMeta(name: "app", namespace: "default"))
    p.metadata.annotations = annotations
    p.spec.nodeName = "worker-1"
    p.spec.terminationGracePeriodSeconds = grace
    p.spec.containers = [
      Container(
        name: "app", image: "busybox:1.36", livenessProbe: liveness, readinessProbe: readiness,
        startupProbe: startup)
    ]
    return .pod(p)
  }

  @Test func livenessFailsAfterFailureThresholdTimesPeriod() throws {
    // Started at 3.01s; probe runs at +0, +10s, …; failing from +25s: failures at +30s, +40s,
    // +50s; the third (failureThreshold) kills it at 53.01s; it ignores SIGTERM and exits 5s
    // later (grace 5), restarts after 10s of back-off and starts 1s later.
    let w = try KubeletWorld.run(
      [
        Self.pod(
          annotations: ["sim.kubesim.io/liveness-fail-after": "25s"], liveness: Probe(),
          grace: 5)
      ], until: .seconds(75))
    #expect(
      KubeletWorld.events(w, ["Started", "Unhealthy", "Killing", "BackOff"]) == [
        "3.01s Started app Started container app",
        "53.01s Unhealthy app Liveness probe failed: simulated failure (sim.kubesim.io/liveness-fail-after)",
        "53.01s Killing app Container app failed liveness probe, will be restarted",
        "58.01s BackOff app Back-off restarting failed container app in pod app_default(\(try #require(KubeletWorld.pod(w, "app")).metadata.uid))",
        "1m9.01s Started app Started container app",
      ])
    let p = try #require(KubeletWorld.pod(w, "app"))
    #expect(p.status.containerStatuses.first?.restartCount == 1)
    #expect(p.status.containerStatuses.first?.lastState.terminated?.exitCode == 137)
  }

  @Test func startupProbeGatesReadinessAndKillsWhenTooSlow() throws {
    // Startup 25s with a startup probe of period 10s: runs at +0 and +10s and +20s fail, so with
    // failureThreshold 3 the container is killed at +20s (23.01s).
    let slow = try KubeletWorld.run(
      [Self.pod(annotations: ["sim.kubesim.io/startup": "25s"], startup: Probe(), grace: 0)],
      until: .seconds(30))
    #expect(
      KubeletWorld.events(slow, ["Killing"]) == [
        "23.01s Killing app Container app failed startup probe, will be restarted"
      ])
    // With failureThreshold 5 it succeeds at +30s (33.01s): started and, without a readiness
    // probe, ready then.
    let ok = try KubeletWorld.run(
      [
        Self.pod(
          annotations: ["sim.kubesim.io/startup": "25s"], startup: Probe(failureThreshold: 5))
      ], until: .seconds(40))
    let p = try #require(KubeletWorld.pod(ok, "app"))
    #expect(p.status.containerStatuses.first?.started == true)
    let ready = p.status.conditions.first { $0.type == "Ready" }
    #expect(ready?.status == .true && ready?.lastTransitionTime == .zero + .milliseconds(33_010))
  }
}
