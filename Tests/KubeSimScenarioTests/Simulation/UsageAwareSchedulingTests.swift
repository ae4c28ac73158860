import KubeSimKernel
import KubeSimModel
import KubeSimScheduler
import KubeSimTestSupport
import Testing

@testable import KubeSimScenario

/// Request-based vs usage-based scheduling on a skewed cluster: worker-1 runs three pods that
/// use 1200m each (90 % of its 4 CPUs), worker-2 three that use 50m, all requesting 500m. At 5m
/// four more pods (500m requested, 400m used) arrive.
@Suite(.serialized) struct UsageAwareSchedulingTests {
  static let cluster = """
    apiVersion: kubesim.io/v1alpha1
    kind: NodePool
    metadata: {name: worker}
    spec:
      count: 2
      capacity: {cpu: "4", memory: 8Gi, pods: "110"}
    ---
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: hot}
    spec:
      replicas: 3
      selector: {matchLabels: {app: hot}}
      template:
        metadata:
          labels: {app: hot}
          annotations: {sim.kubesim.io/cpu: "1200m"}
        spec:
          nodeSelector: {kubernetes.io/hostname: worker-1}
          containers:
            - {name: app, image: "app:1", resources: {requests: {cpu: 500m, memory: 256Mi}}}
    ---
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: cold}
    spec:
      replicas: 3
      selector: {matchLabels: {app: cold}}
      template:
        metadata:
          labels: {app: cold}
          annotations: {sim.kubesim.io/cpu: "50m"}
        spec:
          nodeSelector: {kubernetes.io/hostname: worker-2}
          containers:
            - {name: app, image: "app:1", resources: {requests: {cpu: 500m, memory: 256Mi}}}
    ---
    apiVersion: kubesim.io/v1alpha1
    kind: Scenario
    metadata: {name: usage}
    spec:
      seed: 1
      duration: 10m
      timeline:
        - {at: 5m, kubectl: apply -f web.yaml}

    """
  static let web = """
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: web}
    spec:
      replicas: 4
      selector: {matchLabels: {app: web}}
      template:
        metadata:
          labels: {app: web}
          annotations: {sim.kubesim.io/cpu: "400m"}
        spec:
          containers:
            - {name: app, image: "web:1", resources: {requests: {cpu: 500m, memory: 256Mi}}}

    """

  static func run(profile: String) throws -> ScenarioRunner {
    let dir = TemporaryDirectory()
    defer { dir.remove() }
    _ = dir.write("web.yaml", web)
    let file = dir.write("s.yaml", cluster)
    let input = try ScenarioLoader.load([file], requireScenario: true).get()
    var options = RunOptions()
    options.profile = profile
    let runner = try ScenarioRunner(input, options: options)
    _ = runner.run()
    return runner
  }

  static func webNodes(_ runner: ScenarioRunner) -> [String] {
    runner.world.bindings.filter { $0.pod.hasPrefix("web-") }.map(\.node)
  }

  /// Requests are equal (1500m on each node), so the default profile splits the new pods 2/2
  /// and worker-1 ends at 4400m used of 4000m; both usage-aware policies put all four on
  /// worker-2. TargetLoadPacking counts the just-bound pods (750m predicted each) until the
  /// metrics show them.
  @Test(arguments: [
    ("default", ["worker-1", "worker-2", "worker-1", "worker-2"]),
    ("usage-aware", ["worker-2", "worker-2", "worker-2", "worker-2"]),
    ("target-load-packing", ["worker-2", "worker-2", "worker-2", "worker-2"]),
  ])
  func placesTheNewPodsByPolicy(profile: String, expected: [String]) throws {
    let runner = try Self.run(profile: profile)
    #expect(Self.webNodes(runner) == expected)
  }

  /// TargetLoadPacking's raw scores per new pod (worker-1, worker-2), as targetloadpacking.go
  /// computes them: predicted 750m per pod (500m × 1.5); worker-1 at its 2400m window average
  /// + 750m = 79% → 14; worker-2 at 100m + 750m → 72, then + 750m per just-bound pod → 100,
  /// 28, 15.
  @Test func targetLoadPackingScoresCountRecentlyBoundPods() throws {
    let dir = TemporaryDirectory()
    defer { dir.remove() }
    _ = dir.write("web.yaml", Self.web)
    let file = dir.write("s.yaml", Self.cluster)
    let input = try ScenarioLoader.load([file], requireScenario: true).get()
    var options = RunOptions()
    options.profile = "target-load-packing"
    let runner = try ScenarioRunner(input, options: options)
    let scheduler = try #require(
      runner.world.api.components.compactMap { $0 as? DefaultScheduler }.first)
    scheduler.recordAttempts = true
    _ = runner.run()
    let web = scheduler.attempts.filter { $0.pod.hasPrefix("default/web-") }
    let raw = web.map { a in a.scores.map { $0.plugins.first?.raw ?? -1 } }
    #expect(raw == [[14, 72], [14, 100], [14, 28], [14, 15]])
  }

  /// The watcher's window: metrics-server scrapes every 60 s from 0 to 10m (11 samples); a pod
  /// is reported from its second scrape after its start (at 2m for pods started at ~2 s, so
  /// 0m and 1m count 0).
  @Test func loadWatcherAveragesTheScrapesOfItsWindow() throws {
    let runner = try Self.run(profile: "usage-aware")
    let watcher = try #require(
      runner.world.api.components.compactMap { $0 as? LoadWatcher }.first)
    let w1 = try #require(watcher.load("worker-1"))
    let end: SimTime = SimTime.zero + SimDuration.minutes(10)
    #expect(w1.windowEnd == end)
    let hot: Double = 3600.0 * 9.0 / 11.0
    #expect(w1.cpuAverageMillis == hot)
    let w2 = try #require(watcher.load("worker-2"))
    // 150m from 2m, plus 1600m from the web pods from 7m (started 5m, second scrape 7m).
    let cold: Double = (150.0 * 9.0 + 1600.0 * 4.0) / 11.0
    #expect(w2.cpuAverageMillis == cold)
  }
}
