import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel
import KubeSimScenario
import KubeSimTestSupport
import KubeSimYAML
import Testing

@testable import KubeSimNodeAgent

/// Node-pressure eviction (pkg/kubelet/eviction) with exact times: the 10 s housekeeping grid,
/// one pod per pass, the 5 m pressure transition period, the taints added from the conditions.
@Suite(.serialized) struct NodePressureEvictionTests {
  static func run(_ manifests: String, settings: String = "", until: String = "10m") throws
    -> ScenarioRunner
  {
    let dir = TemporaryDirectory()
    defer { dir.remove() }
    let text = """
      apiVersion: v1
      kind: Node
      metadata: {name: worker-1}
      status:
        capacity: {cpu: "4", memory: 4Gi, pods: "110", ephemeral-storage: 20Gi}
        allocatable: {cpu: "4", memory: 4Gi, pods: "110", ephemeral-storage: 20Gi}
      ---
      \(manifests)
      ---
      apiVersion: kubesim.io/v1alpha1
      kind: Scenario
      metadata: {name: pressure}
      spec:
        duration: \(until)
        settings: {\(settings)}

      """
    let file = dir.write("s.yaml", text)
    let input = try ScenarioLoader.load([file], requireScenario: true).get()
    let runner = try ScenarioRunner(input, options: RunOptions())
    _ = runner.run()
    return runner
  }

  static func pod(
    _ name: String, memoryRequest: String, usage: String, priority: Int? = nil,
    extra: String = ""
  ) -> String {
    """
    apiVersion: v1
    kind: Pod
    metadata:
      name: \(name)
      annotations: {sim.kubesim.io/memory: "\(usage)"\(extra)}
    spec:
      nodeName: worker-1
      \(priority.map { _ in "priorityClassName: high" } ?? "")
      containers:
      - {name: app, image: "busybox:1.36", resources: {requests: {cpu: 100m, memory: \(memoryRequest)}}}
    """
  }

  static func events(_ r: ScenarioRunner, _ reasons: Set<String>) -> [String] {
    r.world.recordedEvents.filter { reasons.contains($0.reason) }.map {
      "\($0.time) \($0.type.rawValue) \($0.reason) \($0.object.kind ?? "")/\($0.object.name ?? "") \($0.message)"
    }
  }

  static func taintKeys(_ r: ScenarioRunner) -> [String] {
    (r.world.api.get(.node, nil, "worker-1")?.asNode?.spec.taints ?? []).map {
      "\($0.key):\($0.effect.rawValue)"
    }
  }

  @Test func memoryPressureEvictsThePodAboveItsRequestFirstWithUpstreamMessage() throws {
    // 3 pods: leaky grows from 400Mi to 3400Mi at 2m (request 512Mi); steady uses 300Mi of
    // 256Mi requested; quiet 100Mi of 256Mi. At 2m: 4096Mi − 3800Mi = 296Mi available: no
    // pressure. At 3m leaky reaches 3700Mi: available 4096 − 4100 = −4Mi < 100Mi.
    let r = try Self.run(
      [
        Self.pod("leaky", memoryRequest: "512Mi", usage: "steps(0s=400Mi, 2m=3400Mi, 3m=3700Mi)"),
        Self.pod("steady", memoryRequest: "256Mi", usage: "300Mi"),
        Self.pod("quiet", memoryRequest: "256Mi", usage: "100Mi"),
      ].joined(separator: "\n---\n"), until: "9m")
    #expect(
      Self.events(r, ["EvictionThresholdMet", "Evicted", "Killing"]) == [
        "3m0s Warning EvictionThresholdMet Node/worker-1 Attempting to reclaim memory",
        "3m0s Warning Evicted Pod/leaky The node was low on resource: memory. Threshold quantity: 100Mi, available: -4Mi. Container app was using 3700Mi, request is 512Mi, has larger consumption of memory. ",
        "3m0s Normal Killing Pod/leaky Stopping container app",
      ])
    let leaky = try #require(r.world.api.get(.pod, "default", "leaky")?.asPod)
    #expect(leaky.status.phase == .failed)
    #expect(leaky.status.reason == "Evicted")
    let disruption = leaky.status.conditions.first { $0.type == "DisruptionTarget" }
    #expect(disruption?.reason == "TerminationByKubelet")
    #expect(disruption?.lastTransitionTime == .zero + .seconds(181))
    // MemoryPressure: True at 3m, False again 5m after the last observation (8m0s).
    let node = try #require(r.world.api.get(.node, nil, "worker-1")?.asNode)
    let memory = try #require(node.status.conditions.first { $0.type == "MemoryPressure" })
    #expect(memory.status == .false)
    #expect(memory.lastTransitionTime == .zero + .minutes(8))
    #expect(Self.taintKeys(r) == [])
  }

  @Test func pressureConditionAndTaintFollowTheTransitionPeriod() throws {
    let r = try Self.run(
      Self.pod("leaky", memoryRequest: "512Mi", usage: "steps(0s=400Mi, 1m=4000Mi)"),
      until: "5m")
    // Evicted at 1m; condition True from 1m, the taint 10ms later (node-update worker).
    let node = try #require(r.world.api.get(.node, nil, "worker-1")?.asNode)
    let memory = try #require(node.status.conditions.first { $0.type == "MemoryPressure" })
    #expect(memory.status == .true)
    #expect(memory.reason == "KubeletHasInsufficientMemory")
    #expect(memory.lastTransitionTime == .zero + .minutes(1))
    #expect(Self.taintKeys(r) == ["node.kubernetes.io/memory-pressure:NoSchedule"])
  }

  @Test func rankingIsExceedsRequestThenPriorityThenUsageAboveRequest() throws {
    // None exceeds its request except "big" and "small"; "big" has priority 1000.
    let r = try Self.run(
      [
        "apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata: {name: high}\nvalue: 1000",
        Self.pod(
          "big", memoryRequest: "100Mi", usage: "steps(0s=100Mi, 1m=2000Mi)", priority: 1000),
        Self.pod("small", memoryRequest: "100Mi", usage: "steps(0s=100Mi, 1m=1200Mi)"),
        Self.pod("under", memoryRequest: "2Gi", usage: "steps(0s=100Mi, 1m=1000Mi)"),
      ].joined(separator: "\n---\n"), until: "1m30s")
    // 1m: 4200Mi used → small (priority 0, exceeds) first; 1m1s (cleanup poll): 3000Mi used,
    // 1096Mi available: no more pressure.
    #expect(
      Self.events(r, ["Evicted"]).map { String($0.prefix(28)) } == [
        "1m0s Warning Evicted Pod/sma"
      ])
    #expect(
      KubeletTestRanking.rank(
        ["b", "a", "c", "d"],
        [
          "a": (exceeds: true, priority: 0, over: 10), "b": (exceeds: true, priority: 0, over: 50),
          "c": (exceeds: false, priority: 0, over: -5),
          "d": (exceeds: true, priority: 5, over: 900),
        ]) == ["b", "a", "d", "c"])
  }

  @Test func underMemoryPressureOnlyBestEffortPodsAreRejected() throws {
    let k = Kubelet(
      node: Node(metadata: ObjectMeta(name: "worker-1")), settings: .init(), images: [])
    var bestEffort = Pod(metadata: ObjectMeta(name: "be", namespace: "default"))
    bestEffort.spec.containers = [Container(name: "c", image: "busybox:1.36")]
    var burstable = bestEffort
    burstable.spec.containers[0].resources.requests = ["memory": Quantity(1 << 20)]
    #expect(k.evictionAdmissionFailure(bestEffort) == nil)
    k.eviction.conditions = ["MemoryPressure"]
    #expect(
      k.evictionAdmissionFailure(bestEffort)?.1 == "The node had condition: [MemoryPressure]. ")
    #expect(k.evictionAdmissionFailure(burstable) == nil)
    var tolerant = bestEffort
    tolerant.spec.tolerations = [
      Toleration(key: "node.kubernetes.io/memory-pressure", operator: .exists, effect: .noSchedule)
    ]
    #expect(k.evictionAdmissionFailure(tolerant) == nil)
    k.eviction.conditions = ["MemoryPressure", "DiskPressure"]
    #expect(
      k.evictionAdmissionFailure(burstable)?.1
        == "The node had condition: [MemoryPressure DiskPressure]. ")
  }

  @Test func diskPressureUsesImagesAndContainerWritesAndUpstreamFloatPercentages() throws {
    // 20Gi ephemeral-storage; imagefs.available<15% = int64(21474836480 × float32(0.15)) =
    // 3221225600 bytes (not exactly 3Gi: upstream keeps percentages as float32).
    let r = try Self.run(
      """
      apiVersion: v1
      kind: Pod
      metadata:
        name: writer
        annotations: {sim.kubesim.io/disk: 17Gi}
      spec:
        nodeName: worker-1
        containers: [{name: app, image: "busybox:1.36", resources: {requests: {cpu: 100m}}}]
      """, until: "30s")
    // busybox (default size 100Mi) + 17Gi: 20480 − 17508 = 2972Mi available at 10s.
    #expect(
      Self.events(r, ["EvictionThresholdMet", "Evicted"]) == [
        "10s Warning EvictionThresholdMet Node/worker-1 Attempting to reclaim ephemeral-storage",
        "10s Warning Evicted Pod/writer The node was low on resource: ephemeral-storage. Threshold quantity: 3221225600, available: 2972Mi. Container app was using 17Gi, request is 0, has larger consumption of ephemeral-storage. ",
      ])
    let node = try #require(r.world.api.get(.node, nil, "worker-1")?.asNode)
    #expect(node.status.conditions.first { $0.type == "DiskPressure" }?.status == .true)
    #expect(Self.taintKeys(r) == ["node.kubernetes.io/disk-pressure:NoSchedule"])
  }

  @Test func aSoftThresholdWaitsForItsGracePeriodAndUsesThePodsGrace() throws {
    // 3500Mi of 4Gi from 1m: 596Mi available, under the soft 1Gi but above the hard 100Mi.
    let r = try Self.run(
      Self.pod("leaky", memoryRequest: "512Mi", usage: "steps(0s=400Mi, 1m=3500Mi)"),
      settings:
        "evictionSoft: {memory.available: 1Gi}, evictionSoftGracePeriod: {memory.available: 30s}",
      until: "3m")
    // MemoryPressure at once (1m0s), eviction once the threshold has been met for 30s (1m30s),
    // the pod's own 30s grace (evictionMaxPodGracePeriod 0), Failed at 2m0s.
    let node = try #require(r.world.api.get(.node, nil, "worker-1")?.asNode)
    #expect(
      node.status.conditions.first { $0.type == "MemoryPressure" }?.lastTransitionTime
        == .zero + .minutes(1))
    #expect(
      Self.events(r, ["Evicted"]).map { String($0.prefix(60)) } == [
        "1m30s Warning Evicted Pod/leaky The node was low on resource"
      ])
    let leaky = try #require(r.world.api.get(.pod, "default", "leaky")?.asPod)
    #expect(
      leaky.status.conditions.first { $0.type == "DisruptionTarget" }?.lastTransitionTime
        == .zero + .minutes(2))
  }

  @Test func settingsParseThresholdsAndRejectUnknownSignals() throws {
    var s = SimulationSettings()
    let node = try #require(
      try? KubeSimYAMLTestParse.node("{memory.available: 500Mi, nodefs.available: 7.5%}"))
    try s.set("evictionHard", node)
    #expect(
      s.evictionHard == [
        EvictionThreshold(signal: .memoryAvailable, bytes: 500 * 1024 * 1024),
        EvictionThreshold(signal: .nodefsAvailable, percentage: Float(7.5) / 100),
      ])
    let bad = try #require(try? KubeSimYAMLTestParse.node("{memory.free: 1Gi}"))
    #expect(throws: ManifestError.self) { try s.set("evictionHard", bad) }
    let soft = try #require(try? KubeSimYAMLTestParse.node("{memory.available: 1Gi}"))
    let graces = try #require(try? KubeSimYAMLTestParse.node("{memory.available: 1m30s}"))
    try s.set("evictionSoft", soft)
    try s.set("evictionSoftGracePeriod", graces)
    #expect(s.evictionSoft.first?.gracePeriod == .seconds(90))
  }
}

/// The ranking comparator on plain entries (the kubelet's `rank` reads pods).
enum KubeletTestRanking {
  static func rank(
    _ keys: [String], _ e: [String: (exceeds: Bool, priority: Int32, over: Int64)]
  ) -> [String] {
    var pods: [String: PodRun] = [:]
    var usage: [String: (memory: Int64, disk: Int64)] = [:]
    for key in keys {
      guard let x = e[key] else { continue }
      var p = Pod(metadata: ObjectMeta(name: key, namespace: "default"))
      p.spec.priority = x.priority
      let request: Int64 = 1000
      p.spec.containers = [
        Container(
          name: "c", resources: ResourceRequirements(requests: ["memory": Quantity(request)]))
      ]
      pods[key] = PodRun(pod: p, admittedAt: .zero)
      let use = x.exceeds ? request + max(1, x.over) : request + min(0, x.over)
      usage[key] = (use, 0)
    }
    return Kubelet.rank(keys, pods: pods, usage: usage, memory: true)
  }
}

enum KubeSimYAMLTestParse {
  static func node(_ text: String) throws -> YAMLNode {
    try YAMLParser.parseStream(text, file: "t.yaml")[0]
  }
}
