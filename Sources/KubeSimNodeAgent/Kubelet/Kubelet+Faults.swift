import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel

extension Kubelet {
  /// The machine dies (fault `node-crash`): the kubelet stops reporting, every container
  /// dies with it, pending steps are dropped. The pods' objects stay as they were (nobody
  /// updates them) until the node lifecycle controller notices.
  public func crash(_ ctx: inout ComponentContext) {
    health = .crashed
    stopHeartbeats(&ctx)
    actions.removeAll()
    pods.removeAll()
    // A restarted kubelet starts its eviction manager afresh.
    eviction = EvictionManager()
    rejected.removeAll()
  }

  /// The kubelet process stops (fault `kubelet-stop`): no reports, no reactions to the API
  /// server; containers keep running. KubeSim keeps running their timers (exits, restarts) but
  /// writes nothing until the kubelet comes back.
  public func stop(_ ctx: inout ComponentContext) {
    health = .stopped
    stopHeartbeats(&ctx)
  }

  /// The node is cut off from the control plane (fault `node-partition`): its pods keep
  /// running; nothing the kubelet does reaches the API server and it hears nothing.
  public func partition(_ ctx: inout ComponentContext) {
    health = .partitioned
    stopHeartbeats(&ctx)
  }

  /// The node comes back (`node-recover`, `node-heal`, or the kubelet restarted): heartbeats
  /// restart at once and the kubelet resyncs with the API server, as after a relist: pods
  /// deleted meanwhile are forgotten, pods being deleted are stopped, new pods are admitted,
  /// and every known pod's status is written again. After a crash every pod bound here is
  /// started from scratch (images already pulled are still on disk).
  public func recover(_ ctx: inout ComponentContext) {
    guard health != .running else { return }
    health = .running
    startHeartbeats(&ctx)
    let stored = ctx.api.pods(onNode: nodeName)
    var storedKeys = Set<String>()
    for p in stored { storedKeys.insert(Self.key(p)) }
    for key in pods.keys.sorted() where !storedKeys.contains(key) {
      pods[key] = nil
    }
    for p in stored {
      let key = Self.key(p)
      if var run = pods[key], run.pod.metadata.uid == p.metadata.uid {
        run.pod = p
        pods[key] = run
        if p.metadata.deletionTimestamp != nil && !run.deleting {
          beginDelete(key, &ctx)
        } else if run.deleting {
          if let deadline = p.metadata.deletionTimestamp, deadline <= ctx.now {
            confirmDelete(run, &ctx)
          }
        } else {
          writeStatus(key, &ctx)
        }
      } else {
        pods[key] = nil
        admit(p, &ctx)
      }
    }
    wakeHeartbeatIfChanged(&ctx)
  }
}

extension Kubelet {
  /// Every running container of `pod` exits now with `exitCode` (faults `pod-crash`, `oom`);
  /// it restarts per the pod's restartPolicy after the CrashLoopBackOff delay. With reason
  /// `OOMKilled` the node also gets a Warning `OOMKilling` event, as the kubelet's OOM watcher
  /// records it (pkg/kubelet/oom/oom_watcher_linux.go: "Memory cgroup out of memory: Killed
  /// process …"; KubeSim names the container instead of a process id).
  public func killContainers(
    of pod: Pod, exitCode: Int32, reason: String, _ ctx: inout ComponentContext
  ) {
    let key = Self.key(pod)
    guard health != .crashed, let run = pods[key], !run.deleting else { return }
    for i in run.containers.indices where pods[key]?.containers[i].running == true {
      if reason == "OOMKilled" {
        oomKill(key, i, &ctx)
        continue
      }
      pods[key]?.containers[i].nextExitCode = exitCode
      containerExited(key, i, &ctx, reason: reason)
    }
    wakeHeartbeatIfChanged(&ctx)
  }
}

extension Kubelet {
  /// The kernel's OOM killer kills container `i` (memory above its limit, or the `oom`
  /// fault): a Warning `OOMKilling` event on the node, then the container exits 137 with
  /// reason `OOMKilled` and restarts per the pod's restartPolicy.
  func oomKill(_ key: String, _ i: Int, _ ctx: inout ComponentContext) {
    guard let run = pods[key], case .node(let n)? = ctx.api.get(.node, nil, nodeName) else {
      return
    }
    ctx.recordEvent(
      type: .warning, reason: "OOMKilling", object: ObjectReference.to(.node(n)), node: nodeName,
      message:
        "Memory cgroup out of memory: Killed process (\(run.containers[i].name)) of pod \(key)")
    pods[key]?.containers[i].nextExitCode = 137
    containerExited(key, i, &ctx, reason: "OOMKilled")
  }
}

extension Kubelet {
  /// A pull that fails (`registry-outage`, or an image declared `unpullable`): `Failed` events
  /// (kuberuntime image puller: `Failed to pull image "%s": %v`, then `Error: ErrImagePull`),
  /// the container waits with `ErrImagePull` (first failure) or `ImagePullBackOff` (later
  /// ones), and the pull is retried after the image back-off (10s doubling to 300s, pkg/kubelet
  /// images `backOff`, the same `flowcontrol.Backoff` as container restarts). `cause` is the
  /// `%v` part of the message.
  func pullFailed(_ key: String, _ i: Int, cause: String, _ ctx: inout ComponentContext) {
    guard let run = pods[key] else { return }
    let c = run.containers[i]
    let message = "Failed to pull image \"\(c.image)\": \(cause)"
    event(run, .warning, "Failed", message, &ctx)
    event(run, .warning, "Failed", "Error: ErrImagePull", &ctx)
    let delay = CrashLoopBackOff.next(previous: c.pullBackoff, at: c.pullBackoffAt, now: ctx.now)
    pods[key]?.containers[i].waitingReason =
      c.pullBackoff == nil ? "ErrImagePull" : "ImagePullBackOff"
    pods[key]?.containers[i].waitingMessage =
      c.pullBackoff == nil ? message : "Back-off pulling image \"\(c.image)\""
    pods[key]?.containers[i].pullBackoff = delay
    pods[key]?.containers[i].pullBackoffAt = ctx.now
    event(run, .normal, "BackOff", "Back-off pulling image \"\(c.image)\"", &ctx)
    writeStatus(key, &ctx)
    schedule(.restart(pod: key, gen: run.gen, container: i), at: ctx.now + delay, &ctx)
  }
}

extension Kubelet {
  /// The error of a pull of an `unpullable` image: containerd's wording for a reference the
  /// registry does not know (containerd `remotes/docker/resolver.go` `ErrNotFound`, wrapped by
  /// the CRI as "rpc error: code = NotFound desc = failed to pull and unpack image …").
  static func unpullableCause(_ image: String) -> String {
    let ref = ImageName.withDefaultTag(image)
    return "rpc error: code = NotFound desc = failed to pull and unpack image \"\(ref)\": "
      + "failed to resolve reference \"\(ref)\": \(ref): not found"
  }
}

extension Kubelet {
  /// The first heartbeat after an API-server outage: the status manager's periodic sync
  /// (pkg/kubelet/status/status_manager.go `syncBatch`, every 10 s) writes every pod status that
  /// failed meanwhile, and deletions whose confirmation failed are confirmed now. Containers kept
  /// running throughout; the kubelet did not stop.
  func resyncAfterAPIOutage(_ ctx: inout ComponentContext) {
    for key in pods.keys.sorted() {
      guard let run = pods[key] else { continue }
      if run.deleting && run.failure == nil {
        if let deadline = run.pod.metadata.deletionTimestamp, deadline <= ctx.now {
          confirmDelete(run, &ctx)
        }
      } else {
        writeStatus(key, &ctx)
      }
    }
  }
}
