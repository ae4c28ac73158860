import KubeSimControllers
import KubeSimKernel
import KubeSimModel
import KubeSimScenario

/// `kubesim bench controllers`: a Deployment scaled from 0 to 10,000 replicas across 1,000
/// nodes, then rolled to a new image (25%/25%), with the full control plane (scheduler,
/// controllers, a kubelet per node) and the World's invariant checks after every instant.
///
/// Reports, per phase, the CPU seconds of the run (see `BenchTiming`) and the simulation
/// events processed per CPU second. Each phase runs until the Deployment reports every replica
/// updated and available.
public enum ControllerBenchmarks {
  /// One measured run.
  public struct Figures: Sendable {
    /// CPU seconds of the scale-up and of the rolling update.
    public var scaleSeconds: Double
    public var rolloutSeconds: Double
    /// Events processed by each phase.
    public var scaleEvents: Int
    public var rolloutEvents: Int
    /// Simulated time each phase took to converge.
    public var scaleSimTime: SimDuration
    public var rolloutSimTime: SimDuration
  }

  /// The registry entry's runner: the 10,000 × 1,000 case, median of `repetitions`.
  @Sendable public static func run(_ repetitions: Int) -> [BenchResult] {
    var runs: [Figures] = []
    for _ in 0..<max(repetitions, 1) {
      guard let f = try? measure(nodes: 1_000, replicas: 10_000) else { return [] }
      runs.append(f)
    }
    let median = { (f: (Figures) -> Double) in BenchTiming.median(runs.map(f)) }
    return [
      BenchResult(name: "controllers.scale-0-10k.seconds", value: median { $0.scaleSeconds }, unit: "s"),
      BenchResult(
        name: "controllers.scale-0-10k.events", value: median { Double($0.scaleEvents) / $0.scaleSeconds },
        unit: "events/s"),
      BenchResult(name: "controllers.rollout-10k.seconds", value: median { $0.rolloutSeconds }, unit: "s"),
      BenchResult(
        name: "controllers.rollout-10k.events",
        value: median { Double($0.rolloutEvents) / $0.rolloutSeconds }, unit: "events/s"),
    ]
  }

  /// Builds the cluster, scales to `replicas`, then rolls the image; throws on an invariant
  /// violation or when a phase does not converge within an hour of simulated time.
  public static func measure(nodes: Int, replicas: Int32) throws -> Figures {
    var objects: [APIObject] = []
    for i in 0..<nodes {
      var n = Node(metadata: ObjectMeta(name: "node-\(i)"))
      let q = { (s: String) in (try? Quantity(parsing: s)) ?? .zero }
      n.status.capacity = ["cpu": q("16"), "memory": q("64Gi"), "pods": q("110")]
      n.status.allocatable = n.status.capacity
      objects.append(.node(n))
    }
    var d = Deployment(metadata: ObjectMeta(name: "web", namespace: "default"))
    d.spec.replicas = 0
    d.spec.selector = LabelSelector(matchLabels: ["app": "web"])
    d.spec.template.metadata.labels = ["app": "web"]
    d.spec.template.spec.containers = [
      Container(
        name: "web", image: "nginx:1.27",
        resources: ResourceRequirements(requests: [
          "cpu": (try? Quantity(parsing: "100m")) ?? .zero,
          "memory": (try? Quantity(parsing: "64Mi")) ?? .zero,
        ]))
    ]
    objects.append(.deployment(d))
    let world = try World(WorldInput(seed: 1, objects: objects))
    try world.run(until: .zero + .seconds(10))

    func change(_ body: (inout Deployment) -> Void) throws {
      guard var cur = world.api.get(.deployment, "default", "web")?.asDeployment else { return }
      body(&cur)
      cur.metadata.resourceVersion = nil
      try world.api.update(.deployment(cur))
    }
    func converge() throws -> SimDuration {
      let start = world.now
      let deadline = start + .minutes(60)
      while world.now < deadline {
        try world.run(until: world.now + .seconds(1))
        guard let cur = world.api.get(.deployment, "default", "web")?.asDeployment else { break }
        let s = cur.status
        if s.observedGeneration == cur.metadata.generation && s.updatedReplicas == replicas
          && s.availableReplicas == replicas && s.replicas == replicas
        {
          return world.now - start
        }
      }
      throw BenchmarkError("the deployment did not converge within an hour of simulated time")
    }

    var events = world.api.processedEvents
    try change { $0.spec.replicas = replicas }
    var mark = BenchTiming.start()
    let scaleSim = try converge()
    let scaleSeconds = BenchTiming.seconds(since: mark)
    let scaleEvents = world.api.processedEvents - events

    events = world.api.processedEvents
    try change { $0.spec.template.spec.containers[0].image = "nginx:1.28" }
    mark = BenchTiming.start()
    let rolloutSim = try converge()
    let rolloutSeconds = BenchTiming.seconds(since: mark)
    return Figures(
      scaleSeconds: scaleSeconds, rolloutSeconds: rolloutSeconds, scaleEvents: scaleEvents,
      rolloutEvents: world.api.processedEvents - events, scaleSimTime: scaleSim,
      rolloutSimTime: rolloutSim)
  }
}

/// A benchmark that could not complete.
struct BenchmarkError: Error, CustomStringConvertible {
  var description: String
  init(_ d: String) { description = d }
}
