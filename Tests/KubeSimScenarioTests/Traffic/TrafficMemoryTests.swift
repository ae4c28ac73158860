import KubeSimKernel
import KubeSimModel
import KubeSimTestSupport
import Testing

@testable import KubeSimAPIServer
@testable import KubeSimNodeAgent
@testable import KubeSimScenario

/// Traffic-driven memory reaches the kubelet (`Kubelet+TrafficMemory.swift`): the OOM killer and
/// the eviction manager read the ledger at the cAdvisor sample, and a lazy kubelet is woken when
/// the load could matter, with the results of an eager one.
///
/// The scenario (`ServiceTrafficTests.scenario`): two pods of 100 rps capacity, one per node
/// (8Gi), memory `traffic(base=64Mi, per-inflight=1Mi)`. 1,000 rps from 1m clearly overloads
/// them (iptables: each pod serves exactly 100 rps), so 3,000 requests per endpoint are in
/// flight (100 rps × the 30 s timeout): 64Mi + 3,000Mi. Before, 100 rps (50 per pod, M/M/1 mean
/// in flight 50/(100 − 50) = 1): 65Mi. kube-proxy's 1m0s sample still holds the old load (it
/// closes the interval before 1m); its 1m10s sample, recorded after the kubelets' 1m10s status
/// updates (same instant, later in its order), is the first with 3,000 in flight, so the
/// kubelets act on it at 1m20s.
@Suite(.serialized) struct TrafficMemoryTests {
  static let memory = ", sim.kubesim.io/memory: \"traffic(base=64Mi, per-inflight=1Mi)\""
  static let timeline = """
        - {at: 10s, load: service/web 100rps}
        - {at: 1m, load: service/web 1000rps}
    """

  static func events(_ r: ScenarioRunner, _ reasons: Set<String>) -> [String] {
    r.world.recordedEvents.filter { reasons.contains($0.reason) }.map {
      "\($0.time) \($0.reason) \($0.object.kind ?? "")/\($0.object.name ?? "") \($0.message)"
    }
  }

  /// Every event and the nodes' conditions, for comparing runs.
  static func outcome(_ r: ScenarioRunner) -> [String] {
    r.world.recordedEvents.map {
      "\($0.time) \($0.reason) \($0.object.kind ?? "")/\($0.object.name ?? "") \($0.message)"
    }
      + r.world.api.list(.node).compactMap(\.asNode).flatMap { n in
        n.status.conditions.map {
          "\(n.metadata.name) \($0.type) \($0.status) \($0.lastTransitionTime) \($0.reason)"
        }
      }
  }

  static func run(
    _ text: String, eager: Bool = false, until: SimDuration? = nil,
    globalLevel: TrafficLedger.WakeLevel? = nil
  ) throws -> ScenarioRunner {
    let dir = TemporaryDirectory()
    defer { dir.remove() }
    let input = try ScenarioLoader.load([dir.write("s.yaml", text)], requireScenario: true).get()
    let r = try ScenarioRunner(input, options: RunOptions(until: until))
    for k in r.world.components.compactMap({ $0 as? Kubelet }) { k.eagerHeartbeats = eager }
    if let globalLevel { r.world.api.traffic.globalWakeLevel = globalLevel }
    _ = r.run()
    return r
  }

  static func limited(_ limit: String) -> String {
    ServiceTrafficTests.scenario(timeline: timeline, annotations: memory)
      .replacingOccurrences(
        of: "requests: {cpu: 100m, memory: 64Mi}",
        with: "requests: {cpu: 100m, memory: 64Mi}, limits: {memory: \(limit)}")
  }

  static func pressured(_ available: String) -> String {
    ServiceTrafficTests.scenario(
      settings: "evictionHard: {memory.available: \(available)}", timeline: timeline,
      annotations: memory)
  }

  @Test func overloadedPodsAreOOMKilledAtTheFirstHousekeepingAfterTheRecord() throws {
    let r = try Self.run(Self.limited("1Gi"))
    // Killed at 1m20s; restarted after the 10 s back-off (1m31s), killed again at the next
    // housekeeping (the load is still there).
    #expect(
      Self.events(r, ["OOMKilling"]) == [
        "1m20s OOMKilling Node/worker-1 Memory cgroup out of memory: Killed process (app) of pod default/web-2",
        "1m20s OOMKilling Node/worker-2 Memory cgroup out of memory: Killed process (app) of pod default/web-1",
        "1m40s OOMKilling Node/worker-1 Memory cgroup out of memory: Killed process (app) of pod default/web-2",
        "1m40s OOMKilling Node/worker-2 Memory cgroup out of memory: Killed process (app) of pod default/web-1",
      ])
    let pod = try #require(r.world.api.get(.pod, "default", "web-1")?.asPod)
    let status = try #require(pod.status.containerStatuses.first)
    #expect(status.restartCount == 2)
    #expect(status.lastState.terminated?.reason == "OOMKilled")
    #expect(status.lastState.terminated?.exitCode == 137)
    #expect(status.lastState.terminated?.finishedAt == .zero + .seconds(100))
  }

  @Test func aLimitAboveTheTrafficMemoryIsNeverReached() throws {
    // 64Mi + 3,000Mi fits in 3,100Mi: the level holds, nothing is killed.
    let r = try Self.run(Self.limited("3100Mi"))
    #expect(Self.events(r, ["OOMKilling"]) == [])
  }

  @Test func trafficMemoryMeetsTheMemoryThreshold() throws {
    // memory.available<6Gi: 8,192Mi − 65Mi is far above; 8,192Mi − 3,064Mi = 5,128Mi is below.
    let r = try Self.run(Self.pressured("6Gi"))
    #expect(
      Self.events(r, ["EvictionThresholdMet", "Evicted"]).map { String($0.prefix(90)) } == [
        "1m20s EvictionThresholdMet Node/worker-1 Attempting to reclaim memory",
        "1m20s Evicted Pod/web-2 The node was low on resource: memory. Threshold quantity: 6Gi, ava",
        "1m20s EvictionThresholdMet Node/worker-2 Attempting to reclaim memory",
        "1m20s Evicted Pod/web-1 The node was low on resource: memory. Threshold quantity: 6Gi, ava",
      ])
    #expect(
      Self.events(r, ["Evicted"]).first?.hasSuffix(
        "available: 5128Mi. Container app was using 3064Mi, request is 64Mi, has larger "
          + "consumption of memory. ") == true)
    let node = try #require(r.world.api.get(.node, nil, "worker-1")?.asNode)
    let pressure = try #require(node.status.conditions.first { $0.type == "MemoryPressure" })
    #expect(pressure.status == .true)
    #expect(pressure.lastTransitionTime == .zero + .seconds(80))
    let pod = try #require(r.world.api.get(.pod, "default", "web-1")?.asPod)
    #expect(pod.status.reason == "Evicted")
  }

  @Test func lazyHeartbeatsMatchEagerOnes() throws {
    // Both laziness paths: the global level, and per-Service levels (a global level too high).
    let high = TrafficLedger.WakeLevel(servedMilliRPS: 100_000, inFlightMilli: 3_000_000)
    for text in [Self.limited("1Gi"), Self.limited("3100Mi"), Self.pressured("6Gi")] {
      let eager = try Self.run(text, eager: true)
      #expect(!Self.outcome(eager).isEmpty)
      for level in [nil, high] {
        let lazy = try Self.run(text, globalLevel: level)
        #expect(Self.outcome(lazy) == Self.outcome(eager))
      }
    }
  }

  /// With room for every Service at the global level (1 request in flight per endpoint at
  /// first), a quiet node only watches that level; the 1m10s record (3,000 in flight) raises it
  /// to 4,096 (doubling) and wakes both nodes, which act at the 1m20s fire.
  @Test func aQuietNodeWatchesTheGlobalLevelUntilItRises() throws {
    let before = try Self.run(Self.pressured("6Gi"), until: .seconds(69))
    let ledger = before.world.api.traffic
    #expect(ledger.globalWatchers == ["worker-1", "worker-2"])
    #expect(
      ledger.globalLevel == TrafficLedger.WakeLevel(servedMilliRPS: 100_000, inFlightMilli: 1_000))
    #expect(!ledger.isRegistered("worker-1"))
    let after = try Self.run(Self.pressured("6Gi"), until: .seconds(71))
    #expect(after.world.api.traffic.globalWatchers.isEmpty)
    #expect(after.world.api.traffic.globalLevel.inFlightMilli == 4_096_000)
    #expect(after.world.api.traffic.globalLevelGeneration == 1)
    #expect(Self.events(after, ["EvictionThresholdMet"]) == [])
    let full = try Self.run(Self.pressured("6Gi"))
    #expect(Self.events(full, ["EvictionThresholdMet"]).first?.hasPrefix("1m20s ") == true)
  }

  /// A global level already too high for the node's room (as after another Service's overload):
  /// the node registers per-Service levels instead.
  @Test func aQuietNodeRegistersLevelsAndIsWokenWhenTheLoadCrossesThem() throws {
    let high = TrafficLedger.WakeLevel(servedMilliRPS: 100_000, inFlightMilli: 3_000_000)
    // Until 1m10s (the 1m10s record not made yet): quiet, both nodes registered levels for the
    // Service at its load then (1 request in flight per endpoint).
    let before = try Self.run(Self.pressured("6Gi"), until: .seconds(69), globalLevel: high)
    let ledger = before.world.api.traffic
    #expect(ledger.sample("default/web-1", at: .zero + .seconds(60)).inFlightMilli == 1_000)
    #expect(ledger.isRegistered("worker-1"))
    #expect(ledger.isRegistered("worker-2"))
    let level = try #require(ledger.wakeLevels["default/web"]?["worker-1"])
    // 1 in flight + half the slack (8,192Mi − 6,144Mi − 65Mi = 1,983Mi) split over the node's
    // 110 pod slots, at 1Mi per request in flight: 1,983 × 2²⁰ / 2 / 110 bytes = 9.013 more.
    #expect(level.inFlightMilli == 1_000 + 9_013)
    #expect(level.servedMilliRPS == Int64.max)
    // After it: the 1m10s record (3,000 in flight) woke both and dropped their levels; they run
    // at the 1m20s fire.
    #expect(ledger.globalWatchers.isEmpty)
    let after = try Self.run(Self.pressured("6Gi"), until: .seconds(71), globalLevel: high)
    let sample = after.world.api.traffic.sample("default/web-1", at: .zero + .seconds(70))
    #expect(sample.inFlightMilli == 3_000_000)
    #expect(!after.world.api.traffic.isRegistered("worker-1"))
    #expect(!after.world.api.traffic.isRegistered("worker-2"))
    #expect(after.world.api.traffic.wakeLevels.isEmpty)
    #expect(Self.events(after, ["EvictionThresholdMet"]) == [])
  }

  /// One node: a Deployment scaled from 1 to 4 pods while the load is on (levels kept and
  /// extended as pods join, woken as they join the Service), then overloaded.
  static let growing = """
    apiVersion: kubesim.io/v1alpha1
    kind: NodePool
    metadata: {name: worker}
    spec: {count: 1, capacity: {cpu: "8", memory: 16Gi, pods: "110"}}
    ---
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: web}
    spec:
      replicas: 1
      selector:
        matchLabels: {app: web}
      template:
        metadata:
          labels: {app: web}
          annotations:
            sim.kubesim.io/cpu: "traffic(base=10m, per-request=1m, capacity=100rps)"
            sim.kubesim.io/memory: "traffic(base=64Mi, per-inflight=1Mi)"
        spec:
          containers:
          - {name: app, image: "web:1", resources: {requests: {cpu: 100m, memory: 64Mi}}}
    ---
    apiVersion: v1
    kind: Service
    metadata: {name: web}
    spec:
      selector: {app: web}
      ports: [{port: 80, targetPort: 8080}]
    ---
    apiVersion: kubesim.io/v1alpha1
    kind: Scenario
    metadata: {name: growing}
    spec:
      seed: 5
      duration: 4m
      settings: {evictionHard: {memory.available: 10Gi}}
      timeline:
        - {at: 10s, load: service/web 150rps}
        - {at: 40s, kubectl: scale deployment/web --replicas=2}
        - {at: 1m10s, kubectl: scale deployment/web --replicas=4}
        - {at: 2m30s, load: service/web 2000rps}

    """

  @Test func lazyHeartbeatsMatchEagerOnesWhilePodsJoin() throws {
    let high = TrafficLedger.WakeLevel(servedMilliRPS: 100_000, inFlightMilli: 3_000_000)
    let lazy = try Self.run(Self.growing, globalLevel: high)
    let eager = try Self.run(Self.growing, eager: true)
    #expect(Self.outcome(lazy) == Self.outcome(eager))
    #expect(Self.outcome(try Self.run(Self.growing)) == Self.outcome(eager))
    // The overload (from the 2m40s record, acted on at 2m50s) meets the threshold:
    // 16,384Mi − 4 × (64Mi + 3,000Mi) = 4,128Mi available < 10Gi.
    let evicted = Self.events(lazy, ["Evicted"])
    #expect(
      evicted.first?.hasPrefix(
        "2m50s Evicted Pod/web-869f8c8bf6-4hzsh The node was low on resource: memory. "
          + "Threshold quantity: 10Gi, available: 4128Mi") == true)
    // Before it, quiet: the node holds levels for the Service and watches all four pods (with
    // the global level too high to rely on).
    let before = try Self.run(Self.growing, until: .seconds(150), globalLevel: high)
    #expect(before.world.api.traffic.isRegistered("worker-1"))
    #expect(Set(before.world.api.traffic.registrations["worker-1"]?.keys ?? []).count == 4)
  }
}
