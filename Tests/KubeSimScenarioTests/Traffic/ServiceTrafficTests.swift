import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel
import KubeSimNodeAgent
import KubeSimTestSupport
import Testing

@testable import KubeSimScenario

/// EndpointSlices, kube-proxy's propagation delay and load routing, end to end with the standard
/// components (watch delay 10ms, batch period 0, iptables min sync 1s).
@Suite(.serialized) struct ServiceTrafficTests {
  static func scenario(settings: String = "", timeline: String = "", annotations: String = "")
    -> String
  {
    func pod(_ name: String) -> String {
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: \(name)
        labels: {app: web}
        annotations: {sim.kubesim.io/cpu: "traffic(base=10m, per-request=1m, capacity=100rps)"\(annotations)}
      spec:
        containers:
        - {name: app, image: "web:1", resources: {requests: {cpu: 100m, memory: 64Mi}}}
      ---
      """
    }
    return """
      apiVersion: kubesim.io/v1alpha1
      kind: NodePool
      metadata: {name: worker}
      spec: {count: 2, capacity: {cpu: "4", memory: 8Gi, pods: "110"}}
      ---
      \(pod("web-1"))
      \(pod("web-2"))
      apiVersion: v1
      kind: Service
      metadata: {name: web}
      spec:
        selector: {app: web}
        ports: [{port: 80, targetPort: 8080}]
      ---
      apiVersion: kubesim.io/v1alpha1
      kind: Scenario
      metadata: {name: traffic}
      spec:
        seed: 3
        duration: 2m
        settings: {\(settings)}
        timeline:
      \(timeline)

      """
  }

  static func runner(_ text: String) throws -> (ScenarioRunner, TemporaryDirectory) {
    let dir = TemporaryDirectory()
    let file = dir.write("s.yaml", text)
    let input = try ScenarioLoader.load([file], requireScenario: true).get()
    return (try ScenarioRunner(input, options: RunOptions()), dir)
  }

  static func slice(_ r: ScenarioRunner) -> EndpointSlice? {
    for case .endpointSlice(let s) in r.world.api.list(.endpointSlice) { return s }
    return nil
  }

  static func routed(_ r: ScenarioRunner) -> [String] {
    r.world.component(KubeProxy.self)?.routedEndpoints("default/web").compactMap(\.targetRef?.name)
      ?? []
  }

  @Test func sliceListsPodsWithConditionsLabelsAndOwner() throws {
    let (r, dir) = try Self.runner(
      Self.scenario(timeline: "    - {at: 1m, kubectl: scale deployment/none --replicas=1}"))
    defer { dir.remove() }
    try r.world.run(until: .zero + .seconds(30))
    let s = try #require(Self.slice(r))
    #expect(s.metadata.name.hasPrefix("web-"))
    #expect(s.metadata.labels["kubernetes.io/service-name"] == "web")
    #expect(
      s.metadata.labels["endpointslice.kubernetes.io/managed-by"]
        == "endpointslice-controller.k8s.io")
    #expect(s.metadata.ownerReferences.map(\.kind) == ["Service"])
    #expect(s.endpoints.map { $0.targetRef?.name ?? "" } == ["web-1", "web-2"])
    #expect(
      s.endpoints.allSatisfy {
        $0.conditions == EndpointConditions(ready: true, serving: true, terminating: false)
      })
    #expect(s.ports.map(\.port) == [8080])
    #expect(Self.routed(r) == ["web-1", "web-2"])
  }

  /// Delete web-1 at 30s: the controller sees it at 30.01s and marks it terminating at once
  /// (batch period 0); kube-proxy sees the slice at 30.02s and, its last sync being long ago,
  /// installs the rule at 30.02s.
  @Test func deletionReachesKubeProxyAfterTwoWatchDelays() throws {
    let (r, dir) = try Self.runner(Self.scenario())
    defer { dir.remove() }
    let api = r.world.api
    try r.world.run(until: .zero + .seconds(30))
    _ = try api.delete(.pod, "default", "web-1")
    try r.world.run(until: .zero + .milliseconds(30_009))
    #expect(Self.slice(r)?.endpoints.first?.conditions.terminating == false)
    try r.world.run(until: .zero + .milliseconds(30_010))
    #expect(
      Self.slice(r)?.endpoints.first?.conditions
        == EndpointConditions(ready: false, serving: true, terminating: true))
    #expect(Self.routed(r) == ["web-1", "web-2"])
    try r.world.run(until: .zero + .milliseconds(30_019))
    #expect(Self.routed(r) == ["web-1", "web-2"])
    try r.world.run(until: .zero + .milliseconds(30_020))
    #expect(Self.routed(r) == ["web-2"])
  }

  /// With `endpointSliceUpdatesBatchPeriod: 500ms` the slice changes at 30.51s, the rule at
  /// 30.52s; a second change 300ms after a sync waits for the 1s minimum sync period; with no
  /// ready endpoint left, the serving terminating ones are routed to.
  @Test func batchPeriodAndMinSyncPeriodDelayRules() throws {
    let (r, dir) = try Self.runner(
      Self.scenario(settings: "endpointSliceUpdatesBatchPeriod: 500ms"))
    defer { dir.remove() }
    let api = r.world.api
    let proxy = try #require(r.world.component(KubeProxy.self))
    try r.world.run(until: .zero + .seconds(30))
    _ = try api.delete(.pod, "default", "web-1")
    try r.world.run(until: .zero + .milliseconds(30_519))
    #expect(Self.routed(r) == ["web-1", "web-2"])
    try r.world.run(until: .zero + .milliseconds(30_520))
    #expect(Self.routed(r) == ["web-2"])
    #expect(proxy.syncTimes.last == .zero + .milliseconds(30_520))
    try r.world.run(until: .zero + .milliseconds(30_800))
    _ = try api.delete(.pod, "default", "web-2")
    // Slice at 31.31s, seen at 31.32s; last sync 30.52s → next at 31.52s.
    try r.world.run(until: .zero + .milliseconds(31_519))
    #expect(Self.routed(r) == ["web-2"])
    try r.world.run(until: .zero + .milliseconds(31_520))
    // No ready endpoint left: kube-proxy falls back to the serving terminating ones.
    #expect(Self.routed(r) == ["web-1", "web-2"])
    #expect(proxy.syncTimes.last == .zero + .milliseconds(31_520))
  }

  /// 100 rps from 10s on; web-1 is deleted at 30s without a preStop hook: it stops serving at
  /// 30.01s (its kubelet sends SIGTERM) while kube-proxy routes to it until 30.02s — half of
  /// 10ms of 100 rps is lost, rounded in the carried request count. With a 1s kube-proxy sync
  /// the window is 1.01s.
  @Test func staleRulesTurnIntoFailedRequestsForExactlyTheLag() throws {
    let timeline = """
          - {at: 10s, load: service/web 100rps}
          - {at: 30s, kubectl: delete pod web-1}
      """
    let (r, dir) = try Self.runner(
      Self.scenario(settings: "kubeProxySyncDuration: 1s", timeline: timeline))
    defer { dir.remove() }
    _ = r.run()
    let t = try #require(r.serviceTraffic.first)
    #expect(t.service == "default/web")
    #expect(t.offered == 11_000)
    #expect(t.failedNoEndpoints == 0)
    #expect(t.failedOverload == 0)
    // web-1 gets about half of 1.01s × 100 rps.
    // Half of the 1.01s window on average; the iptables split is drawn from the seed.
    #expect(t.failedStale == 54)
    #expect(t.served + t.failed == t.offered)
  }

  /// A 5s preStop sleep keeps web-1 serving until kube-proxy has dropped it: no failures.
  @Test func preStopSleepRemovesTheFailures() throws {
    let timeline = """
          - {at: 10s, load: service/web 100rps}
          - {at: 30s, kubectl: delete pod web-1}
      """
    let (r, dir) = try Self.runner(
      Self.scenario(
        settings: "kubeProxySyncDuration: 1s", timeline: timeline,
        annotations: ", sim.kubesim.io/prestop: 5s"))
    defer { dir.remove() }
    _ = r.run()
    let t = try #require(r.serviceTraffic.first)
    #expect(t.offered == 11_000)
    #expect(t.failed == 0)
  }

  /// IPVS round-robin splits 100 rps over two pods exactly; past capacity the excess fails and
  /// latency is the timeout.
  @Test func ipvsRoundRobinSplitsEvenlyAndOverloadFails() throws {
    let timeline = "    - {at: 10s, load: service/web 300rps}"
    let (r, dir) = try Self.runner(
      Self.scenario(settings: "kubeProxyMode: ipvs, ipvsScheduler: rr", timeline: timeline))
    defer { dir.remove() }
    _ = r.run()
    let t = try #require(r.serviceTraffic.first)
    #expect(t.offered == 33_000)
    #expect(t.served == 22_000)
    #expect(t.failedOverload == 11_000)
    #expect(t.latency.quantile(0.5, timeout: .seconds(30)) == 30_000_000)
  }

  /// iptables, far past capacity: 1,000 rps over two 100 rps pods is 500 ± 95 (6 sd) per pod
  /// per interval, clearly past 100 whatever the random split, so the aggregate path takes it
  /// without a draw and each pod serves exactly its capacity in each of the 110 intervals,
  /// whatever the seed.
  @Test func iptablesClearlyOverloadedServesExactlyTheCapacity() throws {
    for seed in [3, 4] {
      let text = Self.scenario(timeline: "    - {at: 10s, load: service/web 1000rps}")
        .replacingOccurrences(of: "seed: 3", with: "seed: \(seed)")
      let (r, dir) = try Self.runner(text)
      defer { dir.remove() }
      _ = r.run()
      let t = try #require(r.serviceTraffic.first)
      #expect(t.offered == 110_000)
      #expect(t.served == 22_000)
      #expect(t.failedOverload == 88_000)
      #expect(t.failedStale == 0)
    }
  }

  /// A CPU limit caps what a pod serves (CFS quota, `CPUThrottling.maxServedMilliRPS`):
  /// (60m − 10m base) / 1m per request = 50 rps per pod, below the model's 100 rps capacity, so
  /// two pods serve 100 of the 300 rps offered from 10s to 2m and the rest fails as overload.
  @Test func cpuLimitCapsWhatAPodServes() throws {
    let timeline = "    - {at: 10s, load: service/web 300rps}"
    let text = Self.scenario(settings: "kubeProxyMode: ipvs, ipvsScheduler: rr", timeline: timeline)
      .replacingOccurrences(
        of: "requests: {cpu: 100m, memory: 64Mi}",
        with: "requests: {cpu: 50m, memory: 64Mi}, limits: {cpu: 60m}")
    let (r, dir) = try Self.runner(text)
    defer { dir.remove() }
    _ = r.run()
    let t = try #require(r.serviceTraffic.first)
    #expect(t.offered == 33_000)
    #expect(t.served == 11_000)
    #expect(t.failedOverload == 22_000)
  }

  /// Traffic-driven CPU follows the served rate: 50 rps per pod × 1m + 10m base = 60m.
  @Test func trafficDrivenUsageFollowsServedRate() throws {
    let timeline = "    - {at: 10s, load: service/web 100rps}"
    let (r, dir) = try Self.runner(
      Self.scenario(settings: "kubeProxyMode: ipvs", timeline: timeline))
    defer { dir.remove() }
    _ = r.run()
    guard case .pod(let pod)? = r.world.api.get(.pod, "default", "web-1") else {
      Issue.record("no pod")
      return
    }
    let m = MetricsPipeline().podMetrics(
      pod, at: .zero + .seconds(120), runSeed: r.world.seed, traffic: r.world.api.traffic)
    #expect(m?.cpuMillis == 60)
  }
}

extension ServiceTrafficTests {
  /// Network follows the served rate (50 rps per pod × 2 KiB in, × 4 KiB out by default);
  /// filesystem = writable layer + logs at 1 KiB/s since the start + emptyDir.
  @Test func networkAndFilesystemUsage() throws {
    let timeline = "    - {at: 10s, load: service/web 100rps}"
    let extra =
      ", sim.kubesim.io/request-bytes: 2Ki, sim.kubesim.io/rootfs: 10Mi, sim.kubesim.io/log-rate: 1Ki, sim.kubesim.io/emptydir: 5Mi"
    let (r, dir) = try Self.runner(
      Self.scenario(settings: "kubeProxyMode: ipvs", timeline: timeline, annotations: extra))
    defer { dir.remove() }
    _ = r.run()
    guard case .pod(let pod)? = r.world.api.get(.pod, "default", "web-1") else {
      Issue.record("no pod")
      return
    }
    let started = try #require(pod.status.startTime)
    let e = try #require(
      MetricsPipeline().podExtras(pod, at: .zero + .seconds(120), traffic: r.world.api.traffic))
    #expect(e.rxBytesPerSecond == 50 * 2048)
    #expect(e.txBytesPerSecond == 50 * 4096)
    let running = (SimTime.zero + .seconds(120) - started).microseconds / 1_000_000
    #expect(e.containers.map(\.rootfsBytes) == [10 * 1_048_576])
    #expect(e.containers.map(\.logsBytes) == [running * 1024])
    #expect(e.filesystemBytes == 15 * 1_048_576 + running * 1024)
  }
}

extension ServiceTrafficTests {
  /// A crashed node's pod stays in the rules until the node lifecycle controller marks it not
  /// ready (50s grace, then a 5s monitor pass) and the slice and rules follow: about 55s of its
  /// half of 100 rps (IPVS rr) fails.
  @Test func crashedNodeBlackholesItsShareUntilThePodIsMarkedNotReady() throws {
    let (r, dir) = try Self.runner(Self.crashScenario)
    defer { dir.remove() }
    _ = r.run()
    let t = try #require(r.serviceTraffic.first)
    #expect(t.offered == 16_000)
    #expect(t.failedStale == 2751)
    #expect(t.failed == 2751)
  }

  static let crashScenario = """
    apiVersion: kubesim.io/v1alpha1
    kind: NodePool
    metadata: {name: worker}
    spec: {count: 2, capacity: {cpu: "4", memory: 8Gi, pods: "110"}}
    ---
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: web}
    spec:
      replicas: 2
      selector: {matchLabels: {app: web}}
      template:
        metadata:
          labels: {app: web}
          annotations: {sim.kubesim.io/cpu: "traffic(base=10m, per-request=1m, capacity=200rps)"}
        spec:
          affinity:
            podAntiAffinity:
              requiredDuringSchedulingIgnoredDuringExecution:
              - {labelSelector: {matchLabels: {app: web}}, topologyKey: kubernetes.io/hostname}
          containers:
          - {name: app, image: "web:1", resources: {requests: {cpu: 100m, memory: 64Mi}}}
    ---
    apiVersion: v1
    kind: Service
    metadata: {name: web}
    spec: {selector: {app: web}, ports: [{port: 80}]}
    ---
    apiVersion: kubesim.io/v1alpha1
    kind: Scenario
    metadata: {name: crash}
    spec:
      seed: 1
      duration: 3m
      settings: {kubeProxyMode: ipvs}
      timeline:
        - {at: 20s, load: service/web 100rps}
        - {at: 30s, fault: node-crash worker-1}

    """
}

/// Slices of a large Service: 100 endpoints per slice, new endpoints fill slices with room,
/// removed ones leave gaps, an emptied slice goes.
@Suite(.serialized) struct EndpointSlicePackingTests {
  static let text = """
    apiVersion: kubesim.io/v1alpha1
    kind: NodePool
    metadata: {name: worker}
    spec: {count: 2, capacity: {cpu: "64", memory: 256Gi, pods: "200"}}
    ---
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: web}
    spec:
      replicas: 150
      selector: {matchLabels: {app: web}}
      template:
        metadata: {labels: {app: web}}
        spec:
          containers:
          - {name: app, image: "web:1", resources: {requests: {cpu: 10m, memory: 16Mi}}}
    ---
    apiVersion: v1
    kind: Service
    metadata: {name: web}
    spec: {selector: {app: web}, ports: [{port: 80}]}
    ---
    apiVersion: kubesim.io/v1alpha1
    kind: Scenario
    metadata: {name: packing}
    spec:
      duration: 5m
      timeline:
        - {at: 1m, kubectl: scale deployment/web --replicas=30}

    """

  static func sizes(_ r: ScenarioRunner) -> [Int] {
    r.world.api.list(.endpointSlice).compactMap {
      if case .endpointSlice(let s) = $0 { return s.endpoints.count } else { return nil }
    }.sorted()
  }

  @Test func packsAHundredPerSliceAndDropsEmptiedSlices() throws {
    let (r, dir) = try ServiceTrafficTests.runner(Self.text)
    defer { dir.remove() }
    try r.world.run(until: .zero + .seconds(50))
    #expect(Self.sizes(r) == [50, 100])
    for case .endpointSlice(let s) in r.world.api.list(.endpointSlice) {
      let names = s.endpoints.compactMap(\.targetRef?.name)
      #expect(names == names.sorted())
    }
    _ = r.run()
    // 120 pods went (the ReplicaSet picks which); what is left stays in its slice: 19 of the
    // first 100 and 11 of the other 50, no repacking.
    #expect(Self.sizes(r).reduce(0, +) == 30)
    #expect(Self.sizes(r) == [11, 19])
  }
}
