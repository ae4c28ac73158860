import KubeSimKernel
import KubeSimModel

/// The kubelet's record of one pod it runs.
struct PodRun {
  var pod: Pod
  var admittedAt: SimTime
  /// Bumped when the pod starts terminating: pending steps of an older generation are dropped.
  var gen = 0
  var deleting = false
  /// Init containers first, then regular containers, in spec order.
  var containers: [ContainerRun] = []
  /// Index of the next container to start.
  var next = 0

  init(pod: Pod, admittedAt: SimTime) {
    self.pod = pod
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
  var pullPolicy: PullPolicy
  var readinessProbe: Probe?
  var behavior: ContainerBehavior
  var startupProbe: Probe?
  var livenessProbe: Probe?
  /// The startup probe has succeeded (or there is none): `status.started`.
  var started = false
  /// Killed by a failed probe, waiting for the end of its grace period.
  var killing = false
  /// The pod's terminationGracePeriodSeconds (for a probe kill).
  var graceSeconds: Int64 = 30
  /// `resources.limits.memory` in bytes, if set.
  var memoryLimitBytes: Int64?
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
