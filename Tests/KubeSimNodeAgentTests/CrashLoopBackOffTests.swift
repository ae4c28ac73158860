import KubeSimKernel
import Testing

@testable import KubeSimNodeAgent

/// CrashLoopBackOff follows client-go's `flowcontrol.Backoff` as the kubelet uses it: 10s,
/// doubling, capped at 300s, and back to 10s when the last backoff is more than 10 minutes old.
@Suite struct CrashLoopBackOffTests {
  @Test func delaysDoubleToTheCapWhileCrashesComeQuickly() {
    var delays: [Int64] = []
    var previous: SimDuration?
    var at: SimTime?
    var now = SimTime.zero
    for _ in 0..<8 {
      let d = CrashLoopBackOff.next(previous: previous, at: at, now: now)
      delays.append(d.wholeSeconds)
      previous = d
      at = now
      now = now + d + .seconds(5)
    }
    #expect(delays == [10, 20, 40, 80, 160, 300, 300, 300])
  }

  @Test func resetsAfterTenMinutesWithoutBackoff() {
    let t0 = SimTime.zero
    // Exactly 10 minutes later: not expired yet (upstream: now - lastUpdate > 2 * max).
    #expect(
      CrashLoopBackOff.next(previous: .seconds(300), at: t0, now: t0 + .minutes(10)) == .seconds(300))
    #expect(
      CrashLoopBackOff.next(previous: .seconds(160), at: t0, now: t0 + .minutes(10) + .microseconds(1))
        == .seconds(10))
  }

  @Test func containerRunningElevenMinutesRestartsAfterTenSecondsEachTime() throws {
    let w = try KubeletWorld.run(
      [
        KubeletWorld.pod(
          "slow", images: ["busybox:1.36"], annotations: ["sim.kubesim.io/crash-after": "11m"])
      ], until: .minutes(35))
    // Start 3.01s; crash 11m3.01s, restart +10s, start +1s; crash 11m later, again +10s.
    #expect(
      KubeletWorld.events(w, ["Started"]).map { String($0.split(separator: " ")[0]) } == [
        "3.01s", "11m14.01s", "22m25.01s", "33m36.01s",
      ])
  }
}
