import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel
import KubeSimTestSupport
import Testing

@testable import KubeSimScenario

/// Control-plane outages with exact times: the leader-election gap (lease 15 s, renew deadline
/// 10 s, retry 2 s), missed changes handled on return, and no mass eviction after an API-server
/// outage.
@Suite(.serialized) struct ControlPlaneOutageTests {
  static func run(_ timeline: String, duration: String = "6m") throws -> ScenarioRunner {
    let text = """
      apiVersion: kubesim.io/v1alpha1
      kind: NodePool
      metadata: {name: worker}
      spec: {count: 3, capacity: {cpu: "4", memory: 8Gi, pods: "110"}}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web}
      spec:
        replicas: 3
        selector: {matchLabels: {app: web}}
        template:
          metadata: {labels: {app: web}}
          spec:
            containers:
            - {name: nginx, image: "nginx:1.27", resources: {requests: {cpu: 100m, memory: 128Mi}}}
      ---
      apiVersion: kubesim.io/v1alpha1
      kind: Scenario
      metadata: {name: outage}
      spec:
        duration: \(duration)
        timeline:
      \(timeline)

      """
    let dir = TemporaryDirectory()
    defer { dir.remove() }
    let file = dir.write("s.yaml", text)
    let input = try ScenarioLoader.load([file], requireScenario: true).get()
    let runner = try ScenarioRunner(input, options: RunOptions())
    let report = runner.run()
    lastFailures = report.actionFailures
    return runner
  }

  nonisolated(unsafe) static var lastFailures: [String] = []

  static func times(_ r: ScenarioRunner, _ reason: String, after: SimDuration = .seconds(10))
    -> [String]
  {
    r.world.recordedEvents.filter { $0.reason == reason && $0.time > .zero + after }.map {
      "\($0.time)"
    }
  }

  @Test func leaderElectionTiming() {
    // Renewals every 2 s: at 65 s the last one was at 64 s; the Lease expires at 79 s.
    #expect(LeaderElection.lastRenewal(atOrBefore: .zero + .seconds(65)) == .zero + .seconds(64))
    // Back at 95 s, after the expiry: acquires at once.
    #expect(
      LeaderElection.acquireTime(start: .zero + .seconds(95), lastRenewed: .zero + .seconds(64))
        == .zero + .seconds(95))
    // Back at 70 s: tries at 70, 72, …, 78 fail, 80 succeeds.
    #expect(
      LeaderElection.acquireTime(start: .zero + .seconds(70), lastRenewed: .zero + .seconds(64))
        == .zero + .seconds(80))
    // API server down 65 s → 73 s: back before the renew deadline (74 s): the leader stays.
    #expect(
      LeaderElection.reacquireAfterAPIOutage(
        start: .zero + .seconds(65), back: .zero + .seconds(73))
        == nil)
    // Down 65 s → 185 s: leadership lost at 74 s, the restarted process retries every 2 s from
    // there and acquires at the first try at or after 185 s: 74 + 2·56 = 186 s.
    #expect(
      LeaderElection.reacquireAfterAPIOutage(
        start: .zero + .seconds(65), back: .zero + .seconds(185))
        == .zero + .seconds(186))
  }

  @Test func schedulerOutageHoldsNewPodsUntilTheNewLeaderAcquires() throws {
    let r = try Self.run(
      """
          - {at: 65s, fault: scheduler-outage 5s}
          - {at: 66s, kubectl: scale deployment/web --replicas=5}
      """)
    #expect(Self.lastFailures == [])
    // The ReplicaSet creates the two pods at 66.02s; the scheduler is back at 80s (lease expiry
    // 79s, tries every 2s from 70s) and binds them one cycle (5ms) apart.
    #expect(Self.times(r, "SuccessfulCreate") == ["1m6.02s", "1m6.02s"])
    #expect(Self.times(r, "Scheduled") == ["1m20.005s", "1m20.01s"])
    #expect(
      r.world.recordedEvents.first { $0.reason == "FaultInjected" }.map {
        "\($0.time) \($0.object.kind ?? "")/\($0.object.name ?? "") \($0.message)"
      } == "1m5s Component/kube-scheduler Fault injected: scheduler-outage 5s")
    #expect(
      r.world.recordedEvents.filter { $0.reason == "LeaderElection" }.map {
        "\($0.time) \($0.object.name ?? "") \($0.message)"
      } == ["1m20s kube-scheduler kube-scheduler-2 became leader"])
  }

  @Test func controllerManagerOutageDelaysTheReplicaSet() throws {
    let r = try Self.run(
      """
          - {at: 65s, fault: {type: controller-manager-outage, duration: 30s}}
          - {at: 66s, kubectl: scale deployment/web --replicas=5}
      """)
    #expect(Self.lastFailures == [])
    // Back at 95s (after the 79s expiry): the Deployment controller sees the scale, then the
    // ReplicaSet controller creates the pods.
    #expect(Self.times(r, "SuccessfulCreate") == ["1m35.01s", "1m35.01s"])
  }

  @Test func apiServerOutageDoesNotMassEvictAfterwards() throws {
    let r = try Self.run(
      """
          - {at: 65s, fault: api-server-outage 2m}
          - {at: 70s, kubectl: scale deployment/web --replicas=5}
      """)
    // kubectl cannot connect during the outage.
    #expect(
      Self.lastFailures.map {
        $0.contains("The connection to the server kube-apiserver:6443 was refused")
      }
        == [true])
    // Leases were last renewed at 60s; the kubelets renew again at 3m10s. The node lifecycle
    // controller leads again at 3m6s with fresh health data (probe = 3m6s): no node goes
    // NotReady, nothing is evicted.
    #expect(Self.times(r, "NodeNotReady") == [])
    #expect(Self.times(r, "TaintManagerEviction") == [])
    #expect(r.world.api.nodeLeaseRenewTime("worker-1") == .zero + .minutes(6))
    #expect(r.world.api.get(.deployment, "default", "web")?.asDeployment?.status.readyReplicas == 3)
  }

  @Test func aNewTaintEvictionControllerStartsTheTolerationOver() throws {
    // worker-2 crashes at 65s and is tainted at 2m0.1s: its pod would be deleted at 7m0.11s.
    // The controller-manager is down 3m → 3m30s (Lease renewed at 3m0s, expired at 3m15s): the
    // new taint eviction controller lists the pods at 3m30s and gives them 300s from then.
    let r = try Self.run(
      """
          - {at: 65s, fault: node-crash worker-2}
          - {at: 3m, fault: controller-manager-outage 30s}
      """, duration: "10m")
    #expect(Self.lastFailures == [])
    #expect(Self.times(r, "TaintManagerEviction") == ["8m30s"])
  }

  @Test func aLongerControllerManagerOutageWithoutTheRestartWouldEvict() throws {
    // Contrast: a kubelet stopped for the same 2 minutes is noticed (its Lease stops while the
    // controller runs): NotReady at 1m55s as in node-crash.
    let r = try Self.run(
      """
          - {at: 65s, fault: kubelet-stop worker-2}
          - {at: 3m5s, fault: node-recover worker-2}
      """)
    #expect(Self.times(r, "NodeNotReady").first == "1m55s")
  }
}
