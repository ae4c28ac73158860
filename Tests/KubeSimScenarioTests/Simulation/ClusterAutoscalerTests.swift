import KubeSimAPIServer
import KubeSimControllers
import KubeSimKernel
import KubeSimModel
import KubeSimTestSupport
import Testing

@testable import KubeSimScenario

/// The cluster autoscaler end to end, with the real scheduler's filters: exact times,
/// placements and event messages.
@Suite(.serialized) struct ClusterAutoscalerTests {
  static func pools(smallCount: Int = 1, smallMax: Int = 4, bigPriority: Int = 0) -> String {
    """
    apiVersion: kubesim.io/v1alpha1
    kind: NodePool
    metadata: {name: small}
    spec:
      count: \(smallCount)
      min: 1
      max: \(smallMax)
      capacity: {cpu: "2", memory: 4Gi, pods: "110"}
      costPerHour: "0.096"
    ---
    apiVersion: kubesim.io/v1alpha1
    kind: NodePool
    metadata: {name: big}
    spec:
      count: 0
      min: 0
      max: 2
      priority: \(bigPriority)
      capacity: {cpu: "8", memory: 16Gi, pods: "110"}
      costPerHour: "0.384"
    ---

    """
  }

  static func web(replicas: Int = 2, cpu: String = "900m", extra: String = "") -> String {
    """
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: web}
    spec:
      replicas: \(replicas)
      selector: {matchLabels: {app: web}}
      template:
        metadata: {labels: {app: web}\(extra)}
        spec:
          containers:
            - {name: app, image: "web:1.0", resources: {requests: {cpu: \(cpu), memory: 512Mi}}}
    ---

    """
  }

  static func scenario(_ body: String) -> String {
    """
    apiVersion: kubesim.io/v1alpha1
    kind: Scenario
    metadata: {name: ca}
    spec:
      seed: 1
    \(body)

    """
  }

  static func run(_ text: String) throws -> ScenarioRunner {
    let dir = TemporaryDirectory()
    defer { dir.remove() }
    let file = dir.write("s.yaml", text)
    let input = try ScenarioLoader.load([file], requireScenario: true).get()
    let runner = try ScenarioRunner(input, options: RunOptions())
    _ = runner.run()
    return runner
  }

  static let reasons: Set<String> = [
    "TriggeredScaleUp", "NotTriggerScaleUp", "ScaleDown", "ScaleDownEmpty", "ScaleDownFailed",
  ]

  static func lines(_ runner: ScenarioRunner, extra: Set<String> = []) -> [String] {
    runner.world.recordedEvents.filter { reasons.union(extra).contains($0.reason) }.map {
      "\($0.time) \($0.reason) \($0.object.kind ?? "")/\($0.object.name ?? "") \($0.message)"
    }
  }

  static func nodes(_ runner: ScenarioRunner) -> [String] {
    runner.world.api.list(.node).map(\.metadata.name)
  }

  static func placements(_ runner: ScenarioRunner) -> [String] {
    runner.world.bindings.map { "\($0.time) \($0.node)" }
  }

  static func autoscaler(_ runner: ScenarioRunner) -> ClusterAutoscaler? {
    runner.world.api.components.compactMap { $0 as? ClusterAutoscaler }.first
  }

  /// 4 pending pods of 900m: least-waste (the default) prefers two 2-CPU nodes (waste 0.1 + 0.75)
  /// to one 8-CPU node (0.4375 + 0.84375). Nodes appear 1m (provisioningDelay) after the 1m10s loop.
  /// After the scale-down to 1 replica at 10m the terminating pods leave at 10m30s, the nodes
  /// are unneeded from the 10m40s loop, and removed 10m later (scale-down-unneeded-time), which
  /// is also past scale-down-delay-after-add (1m10s + 10m); empty nodes go without a drain,
  /// 5s after their taint (node-delete-delay-after-taint). small-1 stays: min 1.
  @Test func scalesUpOnPendingPodsAndDownAfterTheUnneededTime() throws {
    let runner = try Self.run(
      Self.pools() + Self.web()
        + Self.scenario(
          """
            duration: 40m
            timeline:
              - {at: 1m, kubectl: scale deployment/web --replicas=6}
              - {at: 10m, kubectl: scale deployment/web --replicas=1}
          """))
    let up = "pod triggered scale-up: [{small 1->3 (max: 4)}]"
    #expect(
      Self.lines(runner, extra: ["ScaledUpGroup"]) == [
        "1m10s ScaledUpGroup ConfigMap/cluster-autoscaler-status Scale-up: setting group small "
          + "size to 3 instead of 1 (max: 4)",
        "1m10s TriggeredScaleUp Pod/web-7d4b949595-ddzsz \(up)",
        "1m10s TriggeredScaleUp Pod/web-7d4b949595-t9p67 \(up)",
        "1m10s TriggeredScaleUp Pod/web-7d4b949595-vwx9z \(up)",
        "1m10s TriggeredScaleUp Pod/web-7d4b949595-xf77r \(up)",
        "20m40s ScaleDown Node/small-2 marked the node as toBeDeleted/unschedulable",
        "20m40s ScaleDown Node/small-3 marked the node as toBeDeleted/unschedulable",
        "20m45s ScaleDownEmpty ConfigMap/cluster-autoscaler-status Scale-down: removing empty node small-2",
        "20m45s ScaleDownEmpty ConfigMap/cluster-autoscaler-status Scale-down: removing empty node small-3",
      ])
    #expect(
      Self.placements(runner) == [
        "35ms small-1", "40ms small-1", "2m10.015s small-2", "2m10.02s small-3",
        "2m10.025s small-3", "2m10.03s small-2",
      ])
    #expect(Self.nodes(runner) == ["small-1"])
    // Cost: small-1 for 40m, small-2 and small-3 from 2m10s to 20m45s (1115 s), at 0.096/h:
    // 0.064 + 2 × 0.0297333… = 0.1234666… (summed exactly, rounded once to micro-units).
    let end = SimTime.zero + SimDuration.minutes(40)
    #expect(runner.costMeter.costMicros(at: end) == 123_467)
    #expect(runner.costMeter.costMicros(at: end, pool: "small") == 123_467)
    #expect(runner.costMeter.costMicros(at: end, pool: "big") == 0)
    #expect(runner.costMeter.nodeMicroseconds(at: end) == (2400 + 2 * 1115) * 1_000_000)
    #expect(runner.costMeter.poolNames == ["small"])
  }

  /// `cost()` and `cpu_usage(node/…)` in expectations, and their argument checks.
  @Test func costAndUsageExpectations() throws {
    let dir = TemporaryDirectory()
    defer { dir.remove() }
    let file = dir.write(
      "s.yaml",
      Self.pools() + Self.web()
        + Self.scenario(
          """
            duration: 30m
            expect:
              - that: cost() == 0.048 and cost(pool/small) == 0.048 and cost(pool/big) == 0
              - that: cost() < 12.5
              - at: 5m
                that: cpu_usage(node/small-1) == 1.8
              - that: cost(pool/smol) == 0
          """))
    let input = try ScenarioLoader.load([file], requireScenario: true).get()
    let report = try ScenarioRunner(input, options: RunOptions()).run()
    #expect(report.expectations.map(\.passed) == [true, true, true, false])
    #expect(report.expectations[3].found == "cost(pool/smol) is not known (yet)")
    for bad in ["cost(small)", "cpu_usage(small-1)", "cpu_usage()"] {
      #expect(throws: ExpressionError.self) { try ExpressionParser.parse(bad) }
    }
  }

  /// Same pods, other expanders: most-pods and priority (big has priority 10) both take the
  /// 8-CPU pool, which holds all 4 pods on one node.
  @Test(arguments: [("most-pods", 0), ("priority", 10)])
  func expandersChooseThePoolTheyPrefer(expander: String, priority: Int) throws {
    let runner = try Self.run(
      Self.pools(bigPriority: priority) + Self.web()
        + Self.scenario(
          """
            duration: 5m
            settings: {clusterAutoscaler: {expander: \(expander)}}
            timeline:
              - {at: 1m, kubectl: scale deployment/web --replicas=6}
          """))
    let up = "pod triggered scale-up: [{big 0->1 (max: 2)}]"
    #expect(
      Self.lines(runner) == [
        "1m10s TriggeredScaleUp Pod/web-7d4b949595-ddzsz \(up)",
        "1m10s TriggeredScaleUp Pod/web-7d4b949595-t9p67 \(up)",
        "1m10s TriggeredScaleUp Pod/web-7d4b949595-vwx9z \(up)",
        "1m10s TriggeredScaleUp Pod/web-7d4b949595-xf77r \(up)",
      ])
    #expect(
      Self.placements(runner) == [
        "35ms small-1", "40ms small-1", "2m10.015s big-1", "2m10.02s big-1", "2m10.025s big-1",
        "2m10.03s big-1",
      ])
    // Nodes the autoscaler adds carry the pool's cost like the initial ones.
    #expect(
      runner.world.api.get(.node, nil, "big-1")?.metadata.annotations[NodePool.costAnnotation]
        == "0.384")
    // big-1 is under 50% (3.6 of 8 CPU) but its pods fit nowhere else.
    #expect(Self.autoscaler(runner)?.unremovableReasons["big-1"] == "NoPlaceToMovePods")
    #expect(Self.autoscaler(runner)?.unremovableReasons["small-1"] == "NotUnderutilized")
  }

  /// Two identical pools tie under least-waste; the tie (and the `random` expander) draws from
  /// the run's `autoscaler` stream: the same seed picks the same pool, seeds differ.
  @Test func tiesDrawFromTheSeededAutoscalerStream() throws {
    func chosen(seed: Int, expander: String) throws -> String {
      let twin = Self.pools().replacingOccurrences(of: "name: big", with: "name: twin")
        .replacingOccurrences(of: "cpu: \"8\", memory: 16Gi", with: "cpu: \"2\", memory: 4Gi")
      let runner = try Self.run(
        twin + Self.web()
          + """
          apiVersion: kubesim.io/v1alpha1
          kind: Scenario
          metadata: {name: ca}
          spec:
            seed: \(seed)
            duration: 3m
            settings: {clusterAutoscaler: {expander: \(expander)}}
            timeline:
              - {at: 1m, kubectl: scale deployment/web --replicas=4}

          """)
      let up = runner.world.recordedEvents.first { $0.reason == "TriggeredScaleUp" }
      return String(up?.message.split(separator: "{").last?.split(separator: " ").first ?? "")
    }
    let leastWaste = try (1...6).map { try chosen(seed: $0, expander: "least-waste") }
    #expect(leastWaste == (try (1...6).map { try chosen(seed: $0, expander: "least-waste") }))
    #expect(leastWaste == ["small", "small", "small", "small", "twin", "small"])
    let random = try (1...6).map { try chosen(seed: $0, expander: "random") }
    #expect(random == leastWaste)  // the same single draw per run
  }

  /// A 9-CPU pod: small is at its max, big's template lacks CPU. One event, upstream wording.
  @Test func podThatNoPoolCanHoldGetsNotTriggerScaleUp() throws {
    let runner = try Self.run(
      Self.pools(smallCount: 4, smallMax: 4) + Self.web(replicas: 1, cpu: "9")
        + Self.scenario("  duration: 5m"))
    #expect(
      Self.lines(runner) == [
        "10s NotTriggerScaleUp Pod/web-d456588c8-l8mrg pod didn't trigger scale-up: "
          + "1 Insufficient cpu, 1 max node group size reached"
      ])
    #expect(Self.nodes(runner) == ["small-1", "small-2", "small-3", "small-4"])
  }

  /// Two nodes at 15%: small-1's pod fits on small-2, so small-1 is drained through the
  /// Eviction API at 10m10s (unneeded since the first loop at 10s) and deleted once its pod
  /// has terminated (30s grace, polled every 5s); small-2 is kept by min 1.
  @Test func drainsAnUnderutilizedNodeWhosePodsFitElsewhere() throws {
    let runner = try Self.run(
      Self.pools(smallCount: 2, smallMax: 2) + Self.web(replicas: 2, cpu: "300m")
        + Self.scenario("  duration: 15m"))
    #expect(
      Self.lines(runner, extra: ["Killing", "SuccessfulCreate"]).dropFirst(2) == [
        "10m10s ScaleDown Node/small-1 marked the node as toBeDeleted/unschedulable",
        "10m10s ScaleDown Pod/web-674d46d869-l8mrg deleting pod for node scale down",
        "10m10.01s Killing Pod/web-674d46d869-l8mrg Stopping container app",
        "10m10.01s SuccessfulCreate ReplicaSet/web-674d46d869 Created pod: web-674d46d869-xf77r",
        "10m40s ScaleDown ConfigMap/cluster-autoscaler-status Scale-down: node small-1 removed with drain",
      ])
    #expect(Self.placements(runner) == ["35ms small-1", "40ms small-2", "10m10.025s small-2"])
    #expect(Self.nodes(runner) == ["small-2"])
    #expect(Self.autoscaler(runner)?.unremovableReasons == ["small-2": "NodeGroupMinSizeReached"])
  }

  /// A node annotated `cluster-autoscaler.kubernetes.io/scale-down-disabled: "true"` stays.
  @Test func scaleDownDisabledAnnotationKeepsTheNode() throws {
    let pools = Self.pools(smallCount: 2, smallMax: 2).replacingOccurrences(
      of: "  costPerHour: \"0.096\"",
      with: "  costPerHour: \"0.096\"\n  annotations: {cluster-autoscaler.kubernetes.io/scale-down-disabled: \"true\"}")
    let runner = try Self.run(
      pools + Self.web(replicas: 2, cpu: "300m") + Self.scenario("  duration: 15m"))
    #expect(Self.lines(runner).isEmpty)
    #expect(
      Self.autoscaler(runner)?.unremovableReasons == [
        "small-1": "ScaleDownDisabledAnnotation", "small-2": "ScaleDownDisabledAnnotation",
      ])
  }

  /// The same cluster with a PodDisruptionBudget that allows no disruption: nothing moves.
  @Test func podDisruptionBudgetKeepsTheNode() throws {
    let runner = try Self.run(
      Self.pools(smallCount: 2, smallMax: 2) + Self.web(replicas: 2, cpu: "300m")
        + """
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: web}
        spec: {minAvailable: 2, selector: {matchLabels: {app: web}}}
        ---

        """ + Self.scenario("  duration: 15m"))
    #expect(Self.lines(runner).isEmpty)
    #expect(Self.nodes(runner) == ["small-1", "small-2"])
    #expect(
      Self.autoscaler(runner)?.unremovableReasons == [
        "small-1": "not enough pod disruption budget to move default/web-674d46d869-l8mrg",
        "small-2": "not enough pod disruption budget to move default/web-674d46d869-r9tlx",
      ])
  }

  /// A node that never becomes Ready (no kubelet for it here) is deleted
  /// `maxNodeProvisionTime` after its scale-up and its pool backs off for 5 minutes, during
  /// which the pending pods get "in backoff after failed scale-up".
  @Test func nodeNotReadyWithinMaxNodeProvisionTimeIsDeletedAndThePoolBacksOff() throws {
    let dir = TemporaryDirectory()
    defer { dir.remove() }
    let file = dir.write(
      "s.yaml",
      Self.pools(smallCount: 1, smallMax: 2).replacingOccurrences(
        of: "max: 2\n  priority", with: "max: 0\n  priority")
        + Self.web(replicas: 3) + Self.scenario("  duration: 30m"))
    let input = try ScenarioLoader.load([file], requireScenario: true).get()
    var world = WorldInput(
      seed: 1, settings: SimulationSettings(), objects: input.objects, images: input.images)
    world.nodePools = input.nodePools
    world.settings.clusterAutoscaler.maxNodeProvisionTime = .minutes(5)
    let standard = ComponentSet.standard
    let w = try World(
      world,
      components: ComponentSet(
        controlPlane: standard.controlPlane,
        kubelet: { node, input in
          node.metadata.name == "small-1" ? standard.kubelet(node, input) : nil
        }))
    try w.run(until: SimTime.zero + SimDuration.minutes(30))
    let lines = w.recordedEvents.filter { Self.reasons.contains($0.reason) }.map {
      "\($0.time) \($0.reason) \($0.object.name ?? "") \($0.message)"
    }
    // small-2 exists from 1m10s and the pending pod is bound to it, but it never reports
    // Ready: deleted at the 5m10s loop (PodGC and the ReplicaSet replace the orphaned pod),
    // then 5 minutes of backoff; the same again with small-3 and small-4.
    let up = "pod triggered scale-up: [{small 1->2 (max: 2)}]"
    let backoff =
      "pod didn't trigger scale-up: 1 in backoff after failed scale-up, 1 max node group size reached"
    #expect(
      lines == [
        "10s TriggeredScaleUp web-7d4b949595-xf77r \(up)",
        "6m10s NotTriggerScaleUp web-7d4b949595-vwx9z \(backoff)",
        "10m10s TriggeredScaleUp web-7d4b949595-vwx9z \(up)",
        "16m10s NotTriggerScaleUp web-7d4b949595-ddzsz \(backoff)",
        "20m10s TriggeredScaleUp web-7d4b949595-ddzsz \(up)",
        "26m10s NotTriggerScaleUp web-7d4b949595-t9p67 \(backoff)",
      ])
    #expect(w.api.list(.node).map(\.metadata.name) == ["small-1"])
  }

  /// Pool bounds and autoscaler settings are checked at load, with positions.
  @Test func badBoundsAndSettingsAreErrorsWithPositions() throws {
    func errors(_ text: String) -> [String] {
      let dir = TemporaryDirectory()
      defer { dir.remove() }
      let file = dir.write("s.yaml", text)
      do {
        let input = try ScenarioLoader.load([file], requireScenario: true).get()
        _ = try ScenarioRunner(input, options: RunOptions())
        return []
      } catch let e as ScenarioLoadError {
        return e.diagnostics.map { $0.description.replacingOccurrences(of: file, with: "s.yaml") }
      } catch {
        return ["\(error)"]
      }
    }
    let scenario = """
      apiVersion: kubesim.io/v1alpha1
      kind: Scenario
      metadata: {name: ca}
      spec:
        settings: {clusterAutoscaler: {expander: cheapest}}

      """
    #expect(
      errors(
        """
        apiVersion: kubesim.io/v1alpha1
        kind: NodePool
        metadata: {name: small}
        spec: {count: 3, max: 2, capacity: {cpu: "2"}}
        ---

        """ + scenario) == [
          "s.yaml:4:23: spec.max: Invalid value: 2: must be greater than or equal to count (3)"
        ])
    #expect(
      errors(scenario) == [
        "s.yaml:5:44: spec.settings.clusterAutoscaler.expander: expected one of least-waste, "
          + "most-pods, priority, random"
      ])
  }
}
