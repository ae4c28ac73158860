import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel
import KubeSimScenario
import Testing

@testable import KubeSimNodeAgent

/// Kubelet-only worlds: pods name their node, so no scheduler is needed.
enum KubeletWorld {
  static var components: ComponentSet {
    ComponentSet(
      controlPlane: { _ in [] },
      kubelet: { node, input in Kubelet(node: node, settings: input.settings, images: input.images)
      })
  }

  static func pod(
    _ name: String, images: [String], node: String = "worker-1", annotations: StringMap = [:],
    restartPolicy: RestartPolicy? = nil, pullPolicy: PullPolicy? = nil, probe: Probe? = nil
  ) -> APIObject {
    var p = Pod(metadata: ObjectMeta(name: name, namespace: "default"))
    p.metadata.annotations = annotations
    p.spec.nodeName = node
    p.spec.restartPolicy = restartPolicy
    p.spec.containers = images.enumerated().map { i, img in
      Container(
        name: "c\(i)", image: img, readinessProbe: probe, imagePullPolicy: pullPolicy)
    }
    return .pod(p)
  }

  static func image(_ ref: String, _ layers: [(String, Int64)]) -> ImageSpec {
    ImageSpec(
      metadata: ObjectMeta(name: ref),
      spec: ImageSpecSpec(
        reference: ref, layers: layers.map { ImageLayer(digest: $0.0, size: Quantity($0.1)) }))
  }

  static func run(
    _ objects: [APIObject], images: [ImageSpec] = [], node: Node? = nil, until: SimDuration
  ) throws -> World {
    var n = node ?? Node(metadata: ObjectMeta(name: "worker-1"))
    if node == nil {
      n.status.capacity = ["cpu": Quantity(4), "memory": Quantity(8 << 30), "pods": Quantity(110)]
      n.status.allocatable = n.status.capacity
    }
    let w = try World(
      WorldInput(seed: 1, objects: [.node(n)] + objects, images: images), components: components)
    try w.run(until: .zero + until)
    return w
  }

  static func events(_ w: World, _ reasons: Set<String>) -> [String] {
    w.recordedEvents.filter { reasons.contains($0.reason) }.map {
      "\($0.time) \($0.reason) \($0.object.name ?? "") \($0.message)"
    }
  }

  static func pod(_ w: World, _ name: String) -> Pod? { w.api.get(.pod, "default", name)?.asPod }
}

@Suite struct KubeletTests {
  static let mib: Int64 = 1 << 20

  @Test func sharedLayersArePulledOnceAndPullsAreSerialized() throws {
    let images = [
      KubeletWorld.image("app-a:1", [("sha256:base", 50 * Self.mib), ("sha256:a", 25 * Self.mib)]),
      KubeletWorld.image("app-b:1", [("sha256:base", 50 * Self.mib), ("sha256:b", 50 * Self.mib)]),
    ]
    let w = try KubeletWorld.run(
      [KubeletWorld.pod("pa", images: ["app-a:1"]), KubeletWorld.pod("pb", images: ["app-b:1"])],
      images: images, until: .seconds(10))
    // Both pods arrive at 10ms. A: 75 MiB at 50 MiB/s = 1.5s. B waits for A, then fetches only
    // its own 50 MiB layer: 1s of pulling, 2.5s including the wait.
    #expect(
      KubeletWorld.events(w, ["Pulling", "Pulled", "Started"]) == [
        "10ms Pulling pa Pulling image \"app-a:1\"",
        "10ms Pulling pb Pulling image \"app-b:1\"",
        "1.51s Pulled pa Successfully pulled image \"app-a:1\" in 1.5s (1.5s including waiting). Image size: 78643200 bytes.",
        "2.51s Pulled pb Successfully pulled image \"app-b:1\" in 1s (2.5s including waiting). Image size: 104857600 bytes.",
        "2.51s Started pa Started container c0",
        "3.51s Started pb Started container c0",
      ])
  }

  @Test func prePulledImageIsAlreadyPresentAndPodBecomesReady() throws {
    var node = Node(metadata: ObjectMeta(name: "worker-1"))
    node.status.capacity = ["cpu": Quantity(4), "pods": Quantity(110)]
    node.status.allocatable = node.status.capacity
    node.status.images = [ContainerImage(names: ["nginx:1.27"], sizeBytes: 1000)]
    let w = try KubeletWorld.run(
      [KubeletWorld.pod("web", images: ["nginx:1.27"], pullPolicy: .ifNotPresent)], node: node,
      until: .seconds(5))
    #expect(
      KubeletWorld.events(w, ["Pulled", "Created", "Started"]) == [
        "10ms Pulled web Container image \"nginx:1.27\" already present on machine",
        "1.01s Created web Created container: c0",
        "1.01s Started web Started container c0",
      ])
    let p = try #require(KubeletWorld.pod(w, "web"))
    #expect(p.status.phase == .running)
    #expect(p.status.startTime == .zero + .milliseconds(10))
    let ready = p.status.conditions.first { $0.type == "Ready" }
    #expect(ready?.status == .true && ready?.lastTransitionTime == .zero + .milliseconds(1010))
    #expect(
      p.status.containerStatuses.first?.state.running?.startedAt == .zero + .milliseconds(1010))
  }

  @Test func neverPullPolicyWithoutImageFails() throws {
    let w = try KubeletWorld.run(
      [KubeletWorld.pod("web", images: ["nginx:1.27"], pullPolicy: .never)], until: .seconds(5))
    #expect(
      KubeletWorld.events(w, ["ErrImageNeverPull"]) == [
        "10ms ErrImageNeverPull web Container image \"nginx:1.27\" is not present with pull policy of Never"
      ])
    let p = try #require(KubeletWorld.pod(w, "web"))
    #expect(p.status.phase == .pending)
    #expect(p.status.containerStatuses.first?.state.waiting?.reason == "ErrImageNeverPull")
  }

  @Test func readinessProbeAlignsStartupToProbePeriod() throws {
    let probe = Probe(initialDelaySeconds: 5, periodSeconds: 10)
    let w = try KubeletWorld.run(
      [
        KubeletWorld.pod(
          "web", images: ["nginx:1.27"], annotations: ["sim.kubesim.io/startup": "8s"],
          probe: probe)
      ], until: .seconds(30))
    let p = try #require(KubeletWorld.pod(w, "web"))
    // Started at 3.01s (2s pull + 1s start); probes at +5s, +15s; startup 8s → ready at +15s.
    let ready = p.status.conditions.first { $0.type == "Ready" }
    #expect(ready?.status == .true && ready?.lastTransitionTime == .zero + .milliseconds(18_010))
  }

  @Test func neverRestartPolicyEndsFailedWithExitCode() throws {
    let w = try KubeletWorld.run(
      [
        KubeletWorld.pod(
          "job", images: ["busybox:1.36"],
          annotations: ["sim.kubesim.io/duration": "30s", "sim.kubesim.io/exit-code": "3"],
          restartPolicy: .never)
      ], until: .minutes(2))
    let p = try #require(KubeletWorld.pod(w, "job"))
    #expect(p.status.phase == .failed)
    let t = p.status.containerStatuses.first?.state.terminated
    #expect(t?.exitCode == 3 && t?.reason == "Error")
    #expect(t?.finishedAt == .zero + .milliseconds(33_010))
  }

  @Test func succeededWhenExitZeroWithOnFailure() throws {
    let w = try KubeletWorld.run(
      [
        KubeletWorld.pod(
          "job", images: ["busybox:1.36"], annotations: ["sim.kubesim.io/duration": "5s"],
          restartPolicy: .onFailure)
      ], until: .minutes(1))
    #expect(KubeletWorld.pod(w, "job")?.status.phase == .succeeded)
    #expect(
      KubeletWorld.pod(w, "job")?.status.conditions.first { $0.type == "Ready" }?.reason
        == "PodCompleted")
  }

  @Test func crashingContainerRestartsWithDoublingBackOff() throws {
    let w = try KubeletWorld.run(
      [
        KubeletWorld.pod(
          "crash", images: ["busybox:1.36"],
          annotations: ["sim.kubesim.io/duration": "1s", "sim.kubesim.io/exit-code": "1"])
      ],
      until: .seconds(60))
    // Start 3.01s; exits 4.01s; +10s → restart 14.01, start 15.01, exit 16.01; +20s → 36.01,
    // start 37.01, exit 38.01; +40s → 78.01 (after the run).
    #expect(
      KubeletWorld.events(w, ["Started", "BackOff"]).map {
        $0.split(separator: " ").prefix(2).joined(separator: " ")
      }
        == [
          "3.01s Started", "4.01s BackOff", "15.01s Started", "16.01s BackOff", "37.01s Started",
          "38.01s BackOff",
        ])
    let p = try #require(KubeletWorld.pod(w, "crash"))
    #expect(p.status.phase == .running)
    #expect(p.status.containerStatuses.first?.restartCount == 3)
    #expect(p.status.containerStatuses.first?.state.waiting?.reason == "CrashLoopBackOff")
    #expect(p.status.containerStatuses.first?.lastState.terminated?.exitCode == 1)
  }

  @Test func deletionKillsContainersAndConfirmsAfterGracePeriod() throws {
    let w = try KubeletWorld.run(
      [KubeletWorld.pod("web", images: ["nginx:1.27"])], until: .seconds(10))
    try w.api.delete(.pod, "default", "web")
    try w.run(until: .zero + .seconds(60))
    #expect(KubeletWorld.events(w, ["Killing"]) == ["10.01s Killing web Stopping container c0"])
    #expect(KubeletWorld.pod(w, "web") == nil)
  }
}

@Suite struct ContainerBehaviorTests {
  @Test func containerSuffixWinsOverPlainKey() {
    let a: StringMap = [
      "sim.kubesim.io/duration": "30s", "sim.kubesim.io/duration.sidecar": "1m",
      "sim.kubesim.io/exit-code": "2", "sim.kubesim.io/startup": "8s",
    ]
    let app = ContainerBehavior.parse(a, container: "app")
    #expect(
      app.behavior == ContainerBehavior(duration: .seconds(30), exitCode: 2, startup: .seconds(8)))
    #expect(ContainerBehavior.parse(a, container: "sidecar").behavior.duration == .minutes(1))
    #expect(app.problems.isEmpty)
  }

  @Test func badValuesAreReportedAndDefaulted() {
    let a: StringMap = ["sim.kubesim.io/duration": "soon", "sim.kubesim.io/exit-code": "x"]
    let r = ContainerBehavior.parse(a, container: "app")
    #expect(r.behavior == ContainerBehavior())
    #expect(
      r.problems.map(\.message) == [
        "sim.kubesim.io/duration: expected a duration such as 30s, found \"soon\"",
        "sim.kubesim.io/exit-code: expected an integer 0-255, found \"x\"",
      ])
  }

  @Test func crashAfterExitsWith137() {
    let r = ContainerBehavior.parse(["sim.kubesim.io/crash-after": "5m"], container: "app")
    #expect(r.behavior.duration == .minutes(5) && r.behavior.exitCode == 137)
  }

  @Test func backOffDoublesToFiveMinutes() {
    #expect(
      (1...7).map { CrashLoopBackOff.delay(restart: $0).wholeSeconds } == [
        10, 20, 40, 80, 160, 300, 300,
      ])
  }

  @Test func defaultTagIsLatest() {
    #expect(ImageName.withDefaultTag("nginx") == "nginx:latest")
    #expect(ImageName.withDefaultTag("localhost:5000/app") == "localhost:5000/app:latest")
    #expect(ImageName.withDefaultTag("nginx:1.27") == "nginx:1.27")
    #expect(ImageName.withDefaultTag("nginx@sha256:abc") == "nginx@sha256:abc")
  }
}

extension KubeletTests {
  @Test func initContainersRunToCompletionBeforeTheApp() throws {
    var p = Pod(metadata: ObjectMeta(name: "web", namespace: "default"))
    p.metadata.annotations = ["sim.kubesim.io/duration.init": "5s"]
    p.spec.nodeName = "worker-1"
    p.spec.initContainers = [Container(name: "init", image: "busybox:1.36")]
    p.spec.containers = [Container(name: "app", image: "nginx:1.27")]
    let w = try KubeletWorld.run([.pod(p)], until: .seconds(5))
    // init: pull 2s, start 3.01s. At 5s it still runs: the pod is Pending, not Initialized.
    let mid = try #require(KubeletWorld.pod(w, "web"))
    #expect(mid.status.phase == .pending)
    let initialized = mid.status.conditions.first { $0.type == "Initialized" }
    #expect(initialized?.status == .false && initialized?.reason == "ContainersNotInitialized")
    #expect(initialized?.message == "containers with incomplete status: [init]")
    #expect(mid.status.containerStatuses.first?.state.waiting?.reason == "PodInitializing")
    try w.run(until: .zero + .seconds(20))
    // init exits 8.01s; app pull 2s (10.01s), start 11.01s.
    #expect(
      KubeletWorld.events(w, ["Started"]) == [
        "3.01s Started web Started container init", "11.01s Started web Started container app",
      ])
    let end = try #require(KubeletWorld.pod(w, "web"))
    #expect(end.status.phase == .running)
    #expect(end.status.initContainerStatuses.first?.state.terminated?.reason == "Completed")
    #expect(
      end.status.conditions.first { $0.type == "Initialized" }?.lastTransitionTime == .zero
        + .milliseconds(8010))
  }

  @Test func parallelPullsShareInFlightLayers() throws {
    var settings = SimulationSettings.default
    settings.serializeImagePulls = false
    let images = [
      KubeletWorld.image("app-a:1", [("sha256:base", 50 * Self.mib), ("sha256:a", 25 * Self.mib)]),
      KubeletWorld.image("app-b:1", [("sha256:base", 50 * Self.mib), ("sha256:b", 50 * Self.mib)]),
    ]
    var n = Node(metadata: ObjectMeta(name: "worker-1"))
    n.status.capacity = ["cpu": Quantity(4), "pods": Quantity(110)]
    n.status.allocatable = n.status.capacity
    let w = try World(
      WorldInput(
        seed: 1, settings: settings,
        objects: [
          .node(n), KubeletWorld.pod("pa", images: ["app-a:1"]),
          KubeletWorld.pod("pb", images: ["app-b:1"]),
        ], images: images),
      components: KubeletWorld.components)
    try w.run(until: .zero + .seconds(10))
    // Both start at 10ms: A fetches 75 MiB (1.5s); B fetches its 50 MiB (1s) but waits for the
    // shared base layer A is fetching, so it is present at 1.51s too.
    #expect(
      KubeletWorld.events(w, ["Pulled"]) == [
        "1.51s Pulled pa Successfully pulled image \"app-a:1\" in 1.5s (1.5s including waiting). Image size: 78643200 bytes.",
        "1.51s Pulled pb Successfully pulled image \"app-b:1\" in 1.5s (1.5s including waiting). Image size: 104857600 bytes.",
      ])
  }
}

extension KubeletTests {
  @Test func failProbabilityIsDrawnPerRunFromTheSeed() throws {
    let pods = (1...20).map {
      KubeletWorld.pod(
        "job-\($0)", images: ["busybox:1.36"],
        annotations: ["sim.kubesim.io/duration": "1s", "sim.kubesim.io/fail-probability": "0.5"],
        restartPolicy: .never)
    }
    let w = try KubeletWorld.run(pods, until: .minutes(1))
    let phases = (1...20).compactMap { KubeletWorld.pod(w, "job-\($0)")?.status.phase }
    let failed = phases.filter { $0 == .failed }.count
    #expect(phases.count == 20 && failed > 0 && failed < 20)
    let again = try KubeletWorld.run(pods, until: .minutes(1))
    #expect((1...20).compactMap { KubeletWorld.pod(again, "job-\($0)")?.status.phase } == phases)
  }
}

extension ContainerBehaviorTests {
  @Test func failProbabilityParsesToPerMille() {
    #expect(
      ContainerBehavior.parse(["sim.kubesim.io/fail-probability": "0.2"], container: "a").behavior
        .failPerMille == 200)
    #expect(
      ContainerBehavior.parse(["sim.kubesim.io/fail-probability": "2"], container: "a").problems
        .map(\.message) == [
          "sim.kubesim.io/fail-probability: expected a probability between 0 and 1, found \"2\""
        ])
  }
}

extension KubeletTests {
  @Test func initContainerWithoutDurationExitsAtOnce() throws {
    var p = Pod(metadata: ObjectMeta(name: "web", namespace: "default"))
    p.spec.nodeName = "worker-1"
    p.spec.initContainers = [Container(name: "init", image: "nginx:1.27")]
    p.spec.containers = [Container(name: "app", image: "nginx:1.27")]
    let w = try KubeletWorld.run([.pod(p)], until: .seconds(10))
    // init: pull 2s, start and exit 2.01+1 = 3.01s; app: image present, start 4.01s.
    #expect(
      KubeletWorld.events(w, ["Started", "Pulled"]).map {
        $0.split(separator: " ").prefix(3).joined(separator: " ")
      }
        == ["2.01s Pulled web", "3.01s Started web", "3.01s Pulled web", "4.01s Started web"])
    #expect(KubeletWorld.pod(w, "web")?.status.phase == .running)
  }
}
