import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel

/// The kubelet's record of one pod it runs.
struct PodRun {
  var pod: Pod {
    didSet {
      requests = PodResources.requests(of: pod)
      terminal = pod.isTerminal
    }
  }
  /// `PodResources.requests(of: pod)` and `pod.isTerminal`, kept with the pod: the kubelet's
  /// admission sums the requests of every active pod without reading (copying) the pods.
  private(set) var requests: ResourceSums
  private(set) var terminal: Bool
  var admittedAt: SimTime
  /// Bumped when the pod starts terminating: pending steps of an older generation are dropped.
  var gen = 0
  var deleting = false
  /// Init containers first, then regular containers, in spec order.
  var containers: [ContainerRun] = []
  /// Index of the next container to start.
  var next = 0
  /// Set when the kubelet failed the pod itself (node-pressure eviction): the status reason and
  /// message it writes with phase Failed.
  var failure: (reason: String, message: String)?

  init(pod: Pod, admittedAt: SimTime) {
    self.pod = pod
    self.requests = PodResources.requests(of: pod)
    self.terminal = pod.isTerminal
    self.admittedAt = admittedAt
  }
}

/// The kubelet's record of one container.
struct ContainerRun {
  struct Termination {
    var exitCode: Int32
    var reason: String
    var startedAt: SimTime
    var finishedAt: SimTime
  }
  var name: String
  var image: String
  var isInit: Bool
  /// A restartable init container (`restartPolicy: Always`, KEP-753 sidecar): started in init
  /// order, the next container starts once it runs, it keeps running and always restarts.
  var isSidecar = false
  /// An init container that still blocks the pod's initialization.
  var blocksInit: Bool { isInit && !done && !(isSidecar && runs > 0) }
  var pullPolicy: PullPolicy
  var readinessProbe: Probe?
  var behavior: ContainerBehavior
  var startupProbe: Probe?
  var livenessProbe: Probe?
  /// The startup probe has succeeded (or there is none): `status.started`.
  var started = false
  /// Killed by a failed probe, waiting for the end of its grace period.
  var killing = false
  /// Image pull back-off (same 10s..300s `flowcontrol.Backoff` as CrashLoopBackOff).
  var pullBackoff: SimDuration?
  var pullBackoffAt: SimTime?
  /// The pod's terminationGracePeriodSeconds (for a probe kill).
  var graceSeconds: Int64 = 30
  /// `resources.limits.memory` in bytes, if set.
  var memoryLimitBytes: Int64?
  /// `resources.requests.memory` in bytes (0 if unset): the working set without a usage model.
  var memoryRequestBytes: Int64 = 0
  var running = false
  var ready = false
  /// Terminated for good (no restart pending).
  var done = false
  var startedAt: SimTime?
  var restartCount: Int32 = 0
  /// How many times it was started (a pending exit of an earlier run is dropped).
  var runs = 0
  /// The last CrashLoopBackOff delay and when it was taken (client-go `flowcontrol.Backoff`
  /// entry: `backoff`, `lastUpdate`).
  var backoff: SimDuration?
  var backoffAt: SimTime?
  /// Exit code of the current run (the behaviour's, or 1 when fail-probability struck).
  var nextExitCode: Int32 = 0
  var terminated: Termination?
  var waitingReason: String?
  var waitingMessage: String?

  init(
    name: String, image: String, isInit: Bool, pullPolicy: PullPolicy, readinessProbe: Probe?,
    behavior: ContainerBehavior
  ) {
    self.name = name
    self.image = image
    self.isInit = isInit
    self.pullPolicy = pullPolicy
    self.readinessProbe = readinessProbe
    self.behavior = behavior
  }
}
