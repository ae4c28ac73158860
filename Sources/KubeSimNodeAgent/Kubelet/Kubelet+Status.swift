import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel

extension Kubelet {
  /// Writes the pod's status as the kubelet's status manager would (pkg/kubelet/status,
  /// kubelet_pods.go `generateAPIPodStatus`): phase, startTime, conditions with transition
  /// times, containerStatuses. Skipped when nothing changed.
  func writeStatus(_ key: String, _ ctx: inout ComponentContext) {
    guard let run = pods[key], health == .running else { return }
    guard
      case .pod(var cur)? = ctx.api.get(.pod, run.pod.metadata.namespace, run.pod.metadata.name),
      cur.metadata.uid == run.pod.metadata.uid
    else { return }
    var s = cur.status
    s.phase = Self.phase(run)
    if let f = run.failure {
      // eviction_manager.go `evictPod`: phase Failed, reason Evicted, the message, and the
      // DisruptionTarget condition with reason TerminationByKubelet.
      s.phase = .failed
      s.reason = f.reason
      s.message = f.message
      s.setCondition(
        type: "DisruptionTarget", status: .true, at: ctx.now, reason: "TerminationByKubelet",
        message: f.message)
    }
    s.startTime = run.admittedAt
    if let ip = hostIP { s.hostIP = ip }
    s.initContainerStatuses = run.containers.filter(\.isInit).map {
      Self.status($0, initPending: false)
    }
    let initPending = run.containers.contains(where: \.blocksInit)
    s.containerStatuses = run.containers.filter { !$0.isInit }.map {
      Self.status($0, initPending: initPending)
    }
    let now = ctx.now
    // PodReadyToStartContainers (KEP-3085, on by default since v1.29): the sandbox is up.
    s.setCondition(type: "PodReadyToStartContainers", status: .true, at: now)
    let pendingInit = run.containers.filter(\.blocksInit).map(\.name)
    if pendingInit.isEmpty {
      s.setCondition(type: "Initialized", status: .true, at: now)
    } else {
      // status/generate.go `GeneratePodInitializedCondition`.
      s.setCondition(
        type: "Initialized", status: .false, at: now, reason: "ContainersNotInitialized",
        message: "containers with incomplete status: [\(pendingInit.joined(separator: " "))]")
    }
    let regular = run.containers.filter { !$0.isInit }
    let unready = regular.filter { !$0.ready }.map(\.name)
    if s.phase == .succeeded || s.phase == .failed {
      // GeneratePodReadyCondition: terminal pods are not ready, reason PodCompleted.
      s.setCondition(type: "ContainersReady", status: .false, at: now, reason: "PodCompleted")
      s.setCondition(type: "Ready", status: .false, at: now, reason: "PodCompleted")
    } else if unready.isEmpty {
      s.setCondition(type: "ContainersReady", status: .true, at: now)
      s.setCondition(type: "Ready", status: .true, at: now)
    } else {
      let msg = "containers with unready status: [\(unready.joined(separator: " "))]"
      s.setCondition(
        type: "ContainersReady", status: .false, at: now, reason: "ContainersNotReady",
        message: msg)
      s.setCondition(
        type: "Ready", status: .false, at: now, reason: "ContainersNotReady", message: msg)
    }
    if s == cur.status { return }
    cur.status = s
    _ = try? ctx.api.updateStatus(.pod(cur))
  }

  /// kubelet_pods.go `getPhase` over the kubelet's containers.
  static func phase(_ run: PodRun) -> PodPhase {
    let policy = run.pod.spec.restartPolicy ?? .always
    for c in run.containers where c.blocksInit {
      if let t = c.terminated, t.exitCode != 0, policy == .never { return .failed }
      return .pending
    }
    var waiting = 0
    var running = 0
    var stopped = 0
    var succeeded = 0
    for c in run.containers where !c.isInit {
      if c.running {
        running += 1
      } else if let t = c.terminated {
        stopped += 1
        if c.done && t.exitCode == 0 { succeeded += 1 }
      } else {
        waiting += 1
      }
    }
    if waiting > 0 { return .pending }
    if running > 0 { return .running }
    if stopped > 0 {
      switch policy {
      case .always: return .running
      case .onFailure: return stopped == succeeded ? .succeeded : .running
      case .never: return stopped == succeeded ? .succeeded : .failed
      }
    }
    return .pending
  }

  static func status(_ c: ContainerRun, initPending: Bool) -> ContainerStatus {
    var state = ContainerState()
    var last = ContainerState()
    if c.running {
      state.running = ContainerStateRunning(startedAt: c.startedAt)
    } else if c.done, let t = c.terminated {
      state.terminated = termination(t)
    } else {
      let reason =
        c.waitingReason ?? (c.isInit || !initPending ? "ContainerCreating" : "PodInitializing")
      state.waiting = ContainerStateWaiting(reason: reason, message: c.waitingMessage)
    }
    if !c.done, let t = c.terminated { last.terminated = termination(t) }
    return ContainerStatus(
      name: c.name, state: state, lastState: last, ready: c.ready, restartCount: c.restartCount,
      image: c.image, imageID: "", containerID: nil, started: c.running && c.started)
  }

  static func termination(_ t: ContainerRun.Termination) -> ContainerStateTerminated {
    ContainerStateTerminated(
      exitCode: t.exitCode, signal: nil, reason: t.reason, message: nil, startedAt: t.startedAt,
      finishedAt: t.finishedAt, containerID: nil)
  }
}
