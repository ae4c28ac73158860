import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel

/// The kubelet of one node, with its container runtime, as a `Component`: runs the pods bound to
/// its node (it watches only those, field selector `spec.nodeName`).
///
/// Per pod: admission writes `Pending` with `startTime` and the conditions; then the containers
/// are started one after another in spec order, init containers first (each must exit 0 before
/// the next; one without `sim.kubesim.io/duration` exits 0 at once): ensure the image
/// (pkg/kubelet/images/image_manager.go `EnsureImageExists` with the pull policy, events
/// `Pulling`, `Pulled`, `ErrImageNeverPull`), then `containerStartDelay`
/// later create and start it (events `Created`, `Started`). A container is ready at start, or,
/// with a readinessProbe, at the first probe (initialDelaySeconds, then every periodSeconds) at
/// or after its `sim.kubesim.io/startup` time; the pod is `Running` once every container has
/// started, and `Ready` when all are ready. A container with `sim.kubesim.io/duration` exits
/// after that long with `exit-code`; restartPolicy Always/OnFailure restarts it after the
/// CrashLoopBackOff delay (event `BackOff`), Never leaves it terminated; the pod becomes
/// `Succeeded`/`Failed` when all containers have terminated for good.
///
/// Deletion: when the pod gets a deletionTimestamp the kubelet stops its containers (event
/// `Killing` "Stopping container …") and confirms the deletion (a delete with grace 0) at the end
/// of the grace period, or at once when no container runs. KubeSim simplification: containers
/// never exit early on SIGTERM. Probes: `Kubelet+Probes.swift`; heartbeats (node status and
/// Lease): `Kubelet+NodeStatus.swift`; faults and OOM kills: `Kubelet+Faults.swift`.
///
/// World wiring: `Kubelet(node: node, settings: api.settings, images: input.images)`,
/// registered when the Node is created.
public final class Kubelet: Component {
  public let nodeName: String
  public let componentName: String
  public var watches: [WatchFilter] { [WatchFilter(kind: .pod, nodeName: nodeName)] }

  let settings: SimulationSettings
  /// The node's InternalIP, reported as the pods' `status.hostIP` (kubelet_pods.go).
  let hostIP: String?
  /// The node's image store.
  public private(set) var images: ImageLayerCache
  var pods: [String: PodRun] = [:] {
    // Without `oldValue`, mutations stay in place (SE-0268); the eviction manager reuses its
    // sums while nothing changed (`Kubelet+Eviction.swift`).
    didSet { podsVersion &+= 1 }
  }
  /// Bumped on every change of `pods`.
  var podsVersion = 0
  /// The eviction manager's usage sums at `podsVersion`, reusable when no running container
  /// has a time-varying memory model.
  var usageCache: (version: Int, memory: Int64, disk: Int64)?
  /// `usageUpperBound()` at `podsVersion`.
  var boundCache: (version: Int, memory: Int64, disk: Int64)?
  /// The API server's traffic ledger (set at the first status update): what traffic-driven
  /// memory is evaluated against (`Kubelet+TrafficMemory.swift`).
  var trafficLedger: TrafficLedger?
  /// `trafficMemory()` at `podsVersion`.
  var trafficCache: (version: Int, containers: [TrafficMemory])?
  /// `podsVersion` when this node's traffic wake levels were last found valid (nil: none).
  var trafficLevelsVersion: Int?
  /// What the registered wake levels cover (`Kubelet+TrafficMemory.swift`).
  var trafficRegistration: TrafficRegistration?
  /// The last quiet `quietAtGlobalLevel`: at this `podsVersion`, ledger global level generation
  /// and memory capacity it holds (and the node is among the level's watchers).
  var globalQuiet: (version: Int, generation: Int, capacity: Int64?)?
  /// Test hook: every status update runs the eviction pass and the OOM check, and the next one
  /// is due at the next fire (the results the lazy heartbeat must reproduce).
  var eagerHeartbeats = false
  /// `podsVersion` at the last quiet status update that did not register levels (they are
  /// registered when the next one sees the same pods).
  var trafficPendingVersion: Int?
  /// Uids of pods rejected at admission (Failed, never run); only looked up.
  var rejected: Set<String> = []
  var actions: [UInt64: Action] = [:]
  var nextToken: UInt64 = 1
  /// Whether the kubelet runs and can reach the API server (faults change it).
  public internal(set) var health: KubeletHealth = .running
  /// Bumped when heartbeats stop (crash, stop, partition): older heartbeat timers are dropped.
  var heartbeatGen = 0
  /// The image registry is unreachable until then (fault `registry-outage`).
  public var registryDownUntil: SimTime?
  /// Pulls run at 1/`slowPullFactor` of the bandwidth until then (fault `slow-pulls`).
  public var slowPullsUntil: SimTime?
  public var slowPullFactor: Int64 = 1
  /// When the node status was last posted (nodeStatusReportFrequency counts from here).
  var lastStatusReport: SimTime?
  /// Node-pressure eviction state (`Kubelet+Eviction.swift`).
  var eviction = EvictionManager()
  /// `evictionHard` then `evictionSoft`.
  let evictionThresholds: [EvictionThreshold]
  /// The run's root seed (per-container usage seeds derive from it).
  var runSeed: UInt64 = 0
  /// The last heartbeat found the API server down (fault `api-server-outage`).
  var apiUnreachable = false
  /// The kubelet's place in its heartbeat train while heartbeats run with the default periods
  /// (`Kubelet+NodeStatus.swift`).
  var heartbeat: HeartbeatMembership?
  /// `podsVersion` at the last status update (later changes wake the next heartbeat).
  var heartbeatCheckedVersion = -1

  /// The kubelet of `node`; images listed in `node.status.images` are present from the start.
  public init(node: Node, settings: SimulationSettings, images: [ImageSpec]) {
    nodeName = node.metadata.name
    componentName = "kubelet/\(node.metadata.name)"
    self.settings = settings
    self.evictionThresholds = settings.evictionHard + settings.evictionSoft
    self.hostIP = node.status.addresses.first { $0.type == "InternalIP" }?.address
    self.images = ImageLayerCache(
      images: images, bandwidthBytesPerSecond: settings.imagePullBandwidthBytesPerSecond,
      defaultImageSizeBytes: settings.defaultImageSizeBytes,
      serialize: settings.serializeImagePulls && settings.maxParallelImagePulls < 2)
    self.images.maxParallel = settings.maxParallelImagePulls
    for img in node.status.images {
      for name in img.names { self.images.markPresent(name) }
    }
  }

  /// A pending step of one pod.
  enum Action {
    case imageReady(pod: String, gen: Int, container: Int, pull: ImageLayerCache.Pull)
    case start(pod: String, gen: Int, container: Int)
    case ready(pod: String, gen: Int, container: Int)
    /// The startup probe of run `run` succeeds.
    case started(pod: String, gen: Int, container: Int, run: Int)
    /// The startup or liveness probe of run `run` reaches its failureThreshold.
    case probeKill(pod: String, gen: Int, container: Int, run: Int, probe: String)
    case exit(pod: String, gen: Int, container: Int, run: Int)
    /// The container's memory curve crosses its limit (usage issue, Workload/Kubelet+Usage.swift).
    case oom(pod: String, gen: Int, container: Int, run: Int)
    /// No crossing within a day of this run: scan the next day (background).
    case usageCheck(pod: String, gen: Int, container: Int, run: Int)
    case restart(pod: String, gen: Int, container: Int)
    case confirmDelete(pod: String, gen: Int)
    /// Node status computation (every nodeStatusUpdateFrequency); also renews the Lease when
    /// the two periods are equal (the default, 10 s), so a node costs one event per period.
    case statusUpdate(gen: Int)
    /// Lease renewal, when its period differs from nodeStatusUpdateFrequency.
    case renewLease(gen: Int)
    /// The kill of an evicted pod is complete: write its Failed/Evicted status.
    case evicted(pod: String, gen: Int)
    /// The eviction manager's pass after an evicted pod was cleaned up.
    case evictionSync
  }

  /// Starts the heartbeats: the first node status post and Lease renewal happen at once (the
  /// kubelet registers its node on start).
  public func start(_ ctx: inout ComponentContext) {
    runSeed = ctx.api.seed
    startHeartbeats(&ctx)
  }

  // MARK: Watch

  public func observe(_ change: WatchChange, _ ctx: inout ComponentContext) {
    // A stopped, crashed or partitioned kubelet hears nothing; it resyncs when it comes back.
    guard health == .running else { return }
    switch change {
    case .added(.pod(let p)), .modified(_, .pod(let p)):
      let key = Self.key(p)
      if var run = pods[key] {
        run.pod = p
        pods[key] = run
        if p.metadata.deletionTimestamp != nil && !run.deleting { beginDelete(key, &ctx) }
        if p.metadata.deletionTimestamp != nil && run.failure != nil && p.isTerminal {
          // An evicted pod has nothing left to stop: the deletion is confirmed at once.
          confirmDelete(run, &ctx)
        }
      } else if rejected.contains(p.metadata.uid) {
        // A rejected pod runs nothing: once deleted, the kubelet confirms at once (status
        // manager `canBeDeleted`: terminal, and no container left to stop).
        if p.metadata.deletionTimestamp != nil {
          _ = try? ctx.api.delete(
            .pod, p.metadata.namespace, p.metadata.name, gracePeriodSeconds: 0)
        }
      } else {
        admit(p, &ctx)
      }
    case .deleted(.pod(let p)):
      pods[Self.key(p)] = nil
      rejected.remove(p.metadata.uid)
    default: break
    }
    wakeHeartbeatIfChanged(&ctx)
  }

  public func timerFired(_ token: UInt64, _ ctx: inout ComponentContext) {
    if token == Self.heartbeatToken {
      statusUpdate(&ctx)
      return
    }
    defer { wakeHeartbeatIfChanged(&ctx) }
    guard let action = actions.removeValue(forKey: token) else { return }
    switch action {
    case .imageReady(let key, let gen, let i, let pull):
      guard let run = live(key, gen) else { return }
      let image = run.containers[i].image
      let inPull = SimDuration.microseconds(
        Self.truncMillis(pull.finished.microseconds - pull.started.microseconds))
      let total = SimDuration.microseconds(
        Self.truncMillis(pull.finished.microseconds - pull.requested.microseconds))
      // image_manager.go: "Successfully pulled image %q in %v (%v including waiting). Image
      // size: %v bytes." (durations truncated to the millisecond).
      event(
        run, .normal, "Pulled",
        "Successfully pulled image \"\(image)\" in \(inPull) (\(total) including waiting). "
          + "Image size: \(pull.imageSizeBytes) bytes.", &ctx)
      schedule(
        .start(pod: key, gen: gen, container: i), at: ctx.now + settings.containerStartDelay, &ctx)
    case .start(let key, let gen, let i):
      guard live(key, gen) != nil else { return }
      startContainer(key, i, &ctx)
    case .ready(let key, let gen, let i):
      guard var run = live(key, gen), run.containers[i].running, !run.containers[i].killing
      else { return }
      run.containers[i].ready = true
      pods[key] = run
      writeStatus(key, &ctx)
    case .started(let key, let gen, let i, let runNumber):
      guard var run = live(key, gen), run.containers[i].runs == runNumber,
        run.containers[i].running
      else { return }
      run.containers[i].started = true
      pods[key] = run
      writeStatus(key, &ctx)
    case .probeKill(let key, let gen, let i, let runNumber, let probe):
      guard let run = live(key, gen), run.containers[i].runs == runNumber,
        run.containers[i].running
      else { return }
      probeKill(key, i, probe: probe, &ctx)
    case .exit(let key, let gen, let i, let runNumber):
      guard let run = live(key, gen), run.containers[i].runs == runNumber,
        run.containers[i].running
      else { return }
      containerExited(key, i, &ctx)
    case .oom(let key, let gen, let i, let runNumber):
      guard let run = live(key, gen), run.containers[i].runs == runNumber,
        run.containers[i].running
      else { return }
      oomKill(key, i, &ctx)
    case .usageCheck(let key, let gen, let i, let runNumber):
      guard let run = live(key, gen), run.containers[i].runs == runNumber,
        run.containers[i].running
      else { return }
      scheduleMemoryCrossing(key, i, &ctx)
    case .restart(let key, let gen, let i):
      guard live(key, gen) != nil else { return }
      ensureImage(key, i, &ctx)
    case .confirmDelete(let key, let gen):
      guard let run = pods[key], run.gen == gen, health == .running else { return }
      confirmDelete(run, &ctx)
    case .statusUpdate(let gen):
      guard gen == heartbeatGen else { return }
      statusUpdate(&ctx)
    case .renewLease(let gen):
      guard gen == heartbeatGen else { return }
      renewLease(&ctx)
    case .evicted(let key, let gen):
      guard let run = pods[key], run.gen == gen else { return }
      writeStatus(key, &ctx)
    case .evictionSync:
      guard health == .running else { return }
      evictionPass(&ctx)
    }
  }

  // MARK: Lifecycle

  func admit(_ p: Pod, _ ctx: inout ComponentContext) {
    if p.isTerminal { return }
    let key = Self.key(p)
    if p.metadata.deletionTimestamp == nil,
      let (reason, message) = evictionAdmissionFailure(p) ?? admissionFailure(p, &ctx)
    {
      rejected.insert(p.metadata.uid)
      reject(p, reason: reason, message: message, &ctx)
      return
    }
    var run = PodRun(pod: p, admittedAt: ctx.now)
    for (isInit, list) in [(true, p.spec.initContainers), (false, p.spec.containers)] {
      for c in list {
        let (b, problems) = ContainerBehavior.parse(p.metadata.annotations, container: c.name)
        for pr in problems {
          ctx.recordEvent(
            type: .warning, reason: "InvalidAnnotation", object: ObjectReference.to(.pod(p)),
            node: nodeName, message: pr.message)
        }
        run.containers.append(
          ContainerRun(
            name: c.name, image: c.image ?? "", isInit: isInit, pullPolicy: Self.pullPolicy(c),
            readinessProbe: c.readinessProbe, behavior: b))
        let j = run.containers.count - 1
        run.containers[j].isSidecar = isInit && c.restartPolicy == .always
        run.containers[j].memoryLimitBytes = c.resources.limits["memory"]?.value
        run.containers[j].memoryRequestBytes = c.resources.requests["memory"]?.value ?? 0
        run.containers[j].startupProbe = c.startupProbe
        run.containers[j].livenessProbe = c.livenessProbe
        run.containers[j].graceSeconds = p.spec.terminationGracePeriodSeconds ?? 30
      }
    }
    pods[key] = run
    if p.metadata.deletionTimestamp != nil {
      beginDelete(key, &ctx)
      return
    }
    writeStatus(key, &ctx)
    startNext(key, &ctx)
  }

  /// Starts the next container in sequence, if any.
  private func startNext(_ key: String, _ ctx: inout ComponentContext) {
    guard var run = pods[key] else { return }
    guard run.next < run.containers.count else { return }
    let i = run.next
    run.next += 1
    pods[key] = run
    ensureImage(key, i, &ctx)
  }

  /// `EnsureImageExists` for container `i`, then schedules its start.
  private func ensureImage(_ key: String, _ i: Int, _ ctx: inout ComponentContext) {
    guard let run = pods[key] else { return }
    let c = run.containers[i]
    let present = images.isPresent(c.image, at: ctx.now)
    switch c.pullPolicy {
    case .never where !present:
      event(
        run, .warning, "ErrImageNeverPull",
        "Container image \"\(c.image)\" is not present with pull policy of Never", &ctx)
      pods[key]?.containers[i].waitingReason = "ErrImageNeverPull"
      pods[key]?.containers[i].waitingMessage =
        "Container image \"\(c.image)\" is not present with pull policy of Never"
      writeStatus(key, &ctx)
    case .never,
      .ifNotPresent where present:
      event(
        run, .normal, "Pulled", "Container image \"\(c.image)\" already present on machine", &ctx)
      schedule(
        .start(pod: key, gen: run.gen, container: i), at: ctx.now + settings.containerStartDelay,
        &ctx)
    default:
      event(run, .normal, "Pulling", "Pulling image \"\(c.image)\"", &ctx)
      if let until = registryDownUntil, ctx.now < until {
        pullFailed(key, i, cause: "registry unavailable (simulated outage)", &ctx)
        return
      }
      if images.isUnpullable(c.image) {
        pullFailed(key, i, cause: Self.unpullableCause(c.image), &ctx)
        return
      }
      images.bandwidthBytesPerSecond =
        slowPullsUntil.map { ctx.now < $0 } == true
        ? max(1, settings.imagePullBandwidthBytesPerSecond / max(1, slowPullFactor))
        : settings.imagePullBandwidthBytesPerSecond
      let pull = images.pull(c.image, now: ctx.now)
      schedule(
        .imageReady(pod: key, gen: run.gen, container: i, pull: pull), at: pull.finished, &ctx)
    }
  }

  private func startContainer(_ key: String, _ i: Int, _ ctx: inout ComponentContext) {
    guard var run = pods[key] else { return }
    let name = run.containers[i].name
    // pkg/kubelet/kuberuntime/kuberuntime_container.go `startContainer`:
    // "Created container: %s", then "Started container %s".
    event(run, .normal, "Created", "Created container: \(name)", &ctx)
    event(run, .normal, "Started", "Started container \(name)", &ctx)
    run.containers[i].running = true
    run.containers[i].killing = false
    run.containers[i].started = false
    run.containers[i].runs += 1
    run.containers[i].startedAt = ctx.now
    run.containers[i].waitingReason = nil
    run.containers[i].waitingMessage = nil
    let c = run.containers[i]
    if !c.isInit || c.isSidecar {
      scheduleProbes(&run, key, i, &ctx)
    } else {
      run.containers[i].started = true
    }
    // Memory above the limit: the cgroup OOM killer kills it as soon as it runs (KubeSim's
    // usage is constant from the start), exit 137, reason OOMKilled.
    if let use = c.behavior.memoryBytes, let limit = c.memoryLimitBytes, use > limit {
      pods[key] = run
      writeStatus(key, &ctx)
      if (!c.isInit || c.isSidecar) && run.containers[i].restartCount == 0 { startNext(key, &ctx) }
      oomKill(key, i, &ctx)
      return
    }
    // An init container without a `duration` exits 0 at once (KubeSim's default: a "runs
    // forever" init container would block its pod for good).
    if let d = c.behavior.duration ?? (c.isInit && !c.isSidecar ? .zero : nil) {
      // fail-probability: this run exits 1 instead of its exit code, drawn per run.
      var code = c.behavior.exitCode
      if c.behavior.failPerMille > 0 {
        let fails = ctx.withRandom("workload") { $0.bernoulli(perMille: c.behavior.failPerMille) }
        if fails { code = 1 }
      }
      run.containers[i].nextExitCode = code
      schedule(
        .exit(pod: key, gen: run.gen, container: i, run: run.containers[i].runs), at: ctx.now + d,
        &ctx)
    }
    pods[key] = run
    scheduleMemoryCrossing(key, i, &ctx)
    writeStatus(key, &ctx)
    if (!c.isInit || c.isSidecar) && run.containers[i].restartCount == 0 {
      startNext(key, &ctx)
    }
  }

  func containerExited(
    _ key: String, _ i: Int, _ ctx: inout ComponentContext, reason: String? = nil
  ) {
    guard var run = pods[key] else { return }
    let code = run.containers[i].nextExitCode
    run.containers[i].running = false
    run.containers[i].ready = false
    run.containers[i].terminated = ContainerRun.Termination(
      exitCode: code, reason: reason ?? (code == 0 ? "Completed" : "Error"),
      startedAt: run.containers[i].startedAt ?? ctx.now, finishedAt: ctx.now)
    let policy = run.pod.spec.restartPolicy ?? .always
    let c = run.containers[i]
    let restart: Bool
    if c.isSidecar {
      // Always restarted, until every regular container has terminated for good (then the pod
      // is done and its sidecars are not brought back; KubeSim does not SIGTERM them earlier).
      restart = run.containers.contains { !$0.isInit && !$0.done }
    } else if c.isInit {
      restart = code != 0 && policy != .never
    } else {
      restart = policy == .always || (policy == .onFailure && code != 0)
    }
    if restart {
      run.containers[i].restartCount += 1
      run.containers[i].waitingReason = "CrashLoopBackOff"
      pods[key] = run
      // kuberuntime_manager.go `doBackOff`: "Back-off restarting failed container %s in pod %s"
      // with format.Pod = name_namespace(uid).
      let p = run.pod
      event(
        run, .warning, "BackOff",
        "Back-off restarting failed container \(c.name) in pod "
          + "\(p.metadata.name)_\(p.metadata.namespace ?? "default")(\(p.metadata.uid))", &ctx)
      let delay = CrashLoopBackOff.next(
        previous: run.containers[i].backoff, at: run.containers[i].backoffAt, now: ctx.now)
      pods[key]?.containers[i].backoff = delay
      pods[key]?.containers[i].backoffAt = ctx.now
      schedule(.restart(pod: key, gen: run.gen, container: i), at: ctx.now + delay, &ctx)
      writeStatus(key, &ctx)
      return
    }
    pods[key] = run
    if c.isInit && code == 0 {
      run.containers[i].done = true
      pods[key] = run
      writeStatus(key, &ctx)
      startNext(key, &ctx)
      return
    }
    run.containers[i].done = true
    pods[key] = run
    writeStatus(key, &ctx)
  }

  func beginDelete(_ key: String, _ ctx: inout ComponentContext) {
    guard var run = pods[key] else { return }
    run.deleting = true
    run.gen += 1
    let running = run.containers.filter(\.running)
    for c in running {
      // kuberuntime_container.go `killContainer`: "Stopping container %s".
      event(run, .normal, "Killing", "Stopping container \(c.name)", &ctx)
    }
    for j in run.containers.indices { run.containers[j].running = false }
    pods[key] = run
    var deadline = run.pod.metadata.deletionTimestamp ?? ctx.now
    // Graceful termination (kuberuntime_container.go `killContainer`): the preStop hook runs
    // first and counts against the grace period, then SIGTERM; a container that honours it
    // (`sim.kubesim.io/shutdown`) exits that long later, otherwise SIGKILL at the deadline.
    if !running.isEmpty, running.allSatisfy({ $0.behavior.shutdown != nil }) {
      var last = ctx.now
      for c in running {
        last = max(last, ctx.now + (c.behavior.preStop ?? .zero) + (c.behavior.shutdown ?? .zero))
      }
      deadline = min(deadline, last)
    }
    if running.isEmpty || deadline <= ctx.now {
      confirmDelete(run, &ctx)
    } else {
      schedule(.confirmDelete(pod: key, gen: run.gen), at: deadline, &ctx)
    }
  }

  func confirmDelete(_ run: PodRun, _ ctx: inout ComponentContext) {
    _ = try? ctx.api.delete(
      .pod, run.pod.metadata.namespace, run.pod.metadata.name, gracePeriodSeconds: 0)
  }

  // MARK: Helpers

  func live(_ key: String, _ gen: Int) -> PodRun? {
    guard let run = pods[key], run.gen == gen, !run.deleting else { return nil }
    return run
  }

  func schedule(
    _ a: Action, at t: SimTime, background: Bool = false, _ ctx: inout ComponentContext
  ) {
    let token = nextToken
    nextToken += 1
    actions[token] = a
    if background {
      ctx.setBackgroundTimer(at: t, token: token)
    } else {
      ctx.setTimer(at: t, token: token)
    }
  }

  func event(
    _ run: PodRun, _ type: EventType, _ reason: String, _ message: String,
    _ ctx: inout ComponentContext
  ) {
    ctx.recordEvent(
      type: type, reason: reason, object: ObjectReference.to(.pod(run.pod)), node: nodeName,
      message: message)
  }

  /// The pull policy as defaulted by the API server, or upstream's defaulting if unset
  /// (pkg/apis/core/v1/defaults.go `SetDefaults_Container`: Always for `:latest` or no tag).
  static func pullPolicy(_ c: Container) -> PullPolicy {
    if let p = c.imagePullPolicy { return p }
    let img = c.image ?? ""
    let ref = ImageName.withDefaultTag(img)
    return ref.hasSuffix(":latest") && !img.contains("@") ? .always : .ifNotPresent
  }

  /// When a container with a readinessProbe first reports ready: the first probe run
  /// (`initialDelaySeconds` after start, then every `periodSeconds`, default 10s) at or after
  /// `start + startup`. KubeSim's timing model of prober_manager.go (issue 5 adds failures).
  static func readyTime(start: SimTime, startup: SimDuration, probe: Probe) -> SimTime {
    let first = start + .seconds(Int64(probe.initialDelaySeconds ?? 0))
    let period = SimDuration.seconds(Int64(max(probe.periodSeconds ?? 10, 1)))
    let want = start + startup
    if want <= first { return first }
    let waited = (want - first).microseconds
    let n = (waited + period.microseconds - 1) / period.microseconds
    return first + .microseconds(n * period.microseconds)
  }

  static func truncMillis(_ us: Int64) -> Int64 { us / 1000 * 1000 }

  static func key(_ p: Pod) -> String { "\(p.metadata.namespace ?? "default")/\(p.metadata.name)" }
}
