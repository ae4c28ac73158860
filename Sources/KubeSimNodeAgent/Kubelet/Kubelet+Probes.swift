import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel

/// Probe outcomes, computed when a container starts (one event per outcome, not per probe run).
///
/// Upstream defaults (pkg/apis/core/v1/defaults.go `SetDefaults_Probe`): periodSeconds 10,
/// failureThreshold 3, successThreshold 1, initialDelaySeconds 0. Probe runs are at
/// `start + initialDelaySeconds + k × periodSeconds` (prober `worker.go`, without its random
/// initial jitter). The container's behaviour decides the results:
/// - **startup probe**: fails until `sim.kubesim.io/startup` has passed, then succeeds; the
///   container is `started` at the first successful run. If `failureThreshold` runs fail first,
///   the container is killed (events `Unhealthy` "Startup probe failed: …" and `Killing`
///   "Container X failed startup probe, will be restarted"). Liveness and readiness wait for it
///   (prober_manager.go: they do not run before the container has started).
/// - **readiness probe**: ready at the first run at or after both the startup time and the
///   startup probe's success; not ready before. Without one, ready once started.
/// - **liveness probe**: succeeds until `sim.kubesim.io/liveness-fail-after` has passed since
///   the start, then fails; at the `failureThreshold`-th consecutive failure the container is
///   killed with the probe's terminationGracePeriodSeconds (else the pod's): it ignores SIGTERM
///   and exits 137 at the end of the grace period, then restarts per the pod's restartPolicy.
extension Kubelet {
  func scheduleProbes(
    _ run: inout PodRun, _ key: String, _ i: Int, _ ctx: inout ComponentContext
  ) {
    let c = run.containers[i]
    let start = ctx.now
    var startedAt = start
    if let sp = c.startupProbe {
      let (ok, t) = Self.firstSuccess(start: start, from: start + c.behavior.startup, probe: sp)
      if !ok {
        schedule(
          .probeKill(pod: key, gen: run.gen, container: i, run: c.runs, probe: "startup"), at: t,
          &ctx)
        return
      }
      startedAt = t
      if t == start {
        run.containers[i].started = true
      } else {
        schedule(.started(pod: key, gen: run.gen, container: i, run: c.runs), at: t, &ctx)
      }
    } else {
      run.containers[i].started = true
    }
    if let rp = c.readinessProbe {
      let want = max(start + c.behavior.startup, startedAt)
      let at = Self.tick(atOrAfter: want, start: start, probe: rp)
      schedule(.ready(pod: key, gen: run.gen, container: i), at: at, &ctx)
    } else if startedAt == start {
      run.containers[i].ready = true
    } else {
      schedule(.ready(pod: key, gen: run.gen, container: i), at: startedAt, &ctx)
    }
    if let lp = c.livenessProbe, let fail = c.behavior.livenessFailAfter {
      let first = Self.tick(atOrAfter: max(start + fail, startedAt), start: start, probe: lp)
      let at = first + Self.period(lp) * Int64(max(Self.threshold(lp), 1) - 1)
      schedule(
        .probeKill(pod: key, gen: run.gen, container: i, run: c.runs, probe: "liveness"), at: at,
        &ctx)
    }
  }

  /// A failed startup or liveness probe kills container `i` (kuberuntime_manager.go
  /// `computePodActions`: "Container %s failed %s probe, will be restarted").
  func probeKill(_ key: String, _ i: Int, probe: String, _ ctx: inout ComponentContext) {
    guard var run = pods[key] else { return }
    let c = run.containers[i]
    let title = probe == "startup" ? "Startup" : "Liveness"
    // prober.go records Warning "Unhealthy" "<Probe> probe failed: <output>".
    event(
      run, .warning, "Unhealthy",
      "\(title) probe failed: simulated failure (\(ContainerBehavior.prefix)"
        + (probe == "startup" ? "startup" : "liveness-fail-after") + ")", &ctx)
    event(
      run, .normal, "Killing", "Container \(c.name) failed \(probe) probe, will be restarted",
      &ctx)
    run.containers[i].killing = true
    run.containers[i].ready = false
    run.containers[i].nextExitCode = 137
    pods[key] = run
    writeStatus(key, &ctx)
    let p = probe == "startup" ? c.startupProbe : c.livenessProbe
    let grace = p?.terminationGracePeriodSeconds ?? c.graceSeconds
    schedule(
      .exit(pod: key, gen: run.gen, container: i, run: c.runs), at: ctx.now + .seconds(grace),
      &ctx)
  }

  static func period(_ p: Probe) -> SimDuration { .seconds(Int64(max(p.periodSeconds ?? 10, 1))) }
  static func threshold(_ p: Probe) -> Int64 { Int64(p.failureThreshold ?? 3) }

  /// The first probe run at or after `t`.
  static func tick(atOrAfter t: SimTime, start: SimTime, probe: Probe) -> SimTime {
    readyTime(start: start, startup: t - start, probe: probe)
  }

  /// The startup probe: (true, first success) or (false, the run of the last allowed failure).
  static func firstSuccess(start: SimTime, from t: SimTime, probe: Probe) -> (Bool, SimTime) {
    let first = start + .seconds(Int64(probe.initialDelaySeconds ?? 0))
    let success = tick(atOrAfter: t, start: start, probe: probe)
    let failures = (success - first).microseconds / period(probe).microseconds
    if failures >= threshold(probe) {
      return (false, first + period(probe) * (threshold(probe) - 1))
    }
    return (true, success)
  }
}
