import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel

/// Whether a kubelet runs and can reach the API server.
public enum KubeletHealth: String, Sendable, Hashable {
  /// Runs and reports.
  case running
  /// The machine is down: no kubelet, no containers (fault `node-crash`).
  case crashed
  /// The kubelet process is stopped; containers keep running unsupervised (`kubelet-stop`).
  case stopped
  /// The kubelet runs its pods but cannot reach the API server (`node-partition`).
  case partitioned
}

extension Kubelet {
  /// The Lease renew interval: `nodeLeaseDurationSeconds` (40, kubelet
  /// `v1beta1/defaults.go`) × `nodeLeaseRenewIntervalFraction` (0.25, pkg/kubelet/kubelet.go)
  /// = 10 s.
  public static let leaseRenewInterval = SimDuration.seconds(10)
  /// `nodeStatusReportFrequency`: an unchanged status is still posted this often (kubelet
  /// `v1beta1/defaults.go`, 5m).
  public static let nodeStatusReportFrequency = SimDuration.minutes(5)

  /// Posts the first node status and renews the Lease now, then every period.
  func startHeartbeats(_ ctx: inout ComponentContext) {
    heartbeatGen += 1
    lastStatusReport = nil
    statusUpdate(&ctx)
    if settings.nodeStatusUpdateFrequency != Self.leaseRenewInterval {
      renewLease(&ctx)
    }
  }

  /// Stops the heartbeats (pending heartbeat timers are dropped; the Lease stays at its last
  /// renewal).
  func stopHeartbeats(_ ctx: inout ComponentContext) {
    heartbeatGen += 1
    if let m = heartbeat {
      // The Lease keeps the train's last renewal: detach before leaving.
      ctx.api.detachNodeLease(nodeName)
      ctx.leaveHeartbeatTrain(m)
      heartbeat = nil
    }
  }

  /// Renews the Lease and schedules the next renewal.
  func renewLease(_ ctx: inout ComponentContext) {
    ctx.api.renewNodeLease(nodeName)
    schedule(
      .renewLease(gen: heartbeatGen), at: ctx.now + Self.leaseRenewInterval, background: true,
      &ctx)
  }

  /// pkg/kubelet/kubelet_node_status.go `tryUpdateNodeStatus`: computes the status, and posts
  /// it when it differs from the stored one or `nodeStatusReportFrequency` has passed since the
  /// last post. Renews the Lease in the same event when the periods are equal.
  ///
  /// With equal periods (the default, 10 s) the kubelet rides a heartbeat train
  /// (`ComponentContext.joinHeartbeatTrain`): the train renews the Lease at every fire and
  /// calls this only when it can do something: the API server is down or was, the eviction
  /// manager is not quiet (`evictionIsQuiet`), the pods changed since the last call
  /// (`wakeHeartbeatIfChanged`), or the periodic report is due. A skipped call would have
  /// computed the same conditions, met no threshold and posted nothing, so what anyone sees is
  /// the same as calling it every period.
  func statusUpdate(_ ctx: inout ComponentContext) {
    let period = settings.nodeStatusUpdateFrequency
    if !ctx.api.isAvailable {
      apiUnreachable = true
    } else if apiUnreachable {
      apiUnreachable = false
      resyncAfterAPIOutage(&ctx)
    }
    var capacityNode: Node?
    var quiet = false
    if period == Self.leaseRenewInterval {
      if heartbeat == nil {
        ctx.api.renewNodeLease(nodeName)
        let m = ctx.joinHeartbeatTrain(period: period, token: Self.heartbeatToken)
        ctx.api.attachNodeLease(nodeName, to: m)
        heartbeat = m
      }
    } else {
      schedule(.statusUpdate(gen: heartbeatGen), at: ctx.now + period, background: true, &ctx)
    }
    defer { planNextHeartbeat(capacityNode, quiet: quiet, &ctx) }
    // The eviction manager's 10 s housekeeping pass runs on the same grid (one event per node
    // per period), before the status is computed, so pressure conditions post at once.
    guard case .node(var node)? = ctx.api.get(.node, nil, nodeName) else { return }
    capacityNode = node
    // A quiet eviction manager's pass changes nothing (`evictionIsQuiet`): skip its sums. It is
    // still quiet afterwards; after a pass it is asked again (`planNextHeartbeat`).
    trafficLedger = ctx.api.traffic
    quiet = !eagerHeartbeats && evictionIsQuiet(node, now: ctx.now)
    if !quiet {
      // Housekeeping's OOM check of traffic-driven memory (quiet: nothing is over its limit).
      killTrafficOverLimit(&ctx)
      evictionPass(node: node, &ctx)
    }
    let now = ctx.now
    let wanted = Self.conditions(now: now, pressure: eviction.conditions)
    var changed = false
    var conditions = node.status.conditions
    for want in wanted {
      if let i = conditions.firstIndex(where: { $0.type == want.type }) {
        let old = conditions[i]
        if old.status != want.status || old.reason != want.reason || old.message != want.message {
          changed = true
          conditions[i] = want
        } else {
          conditions[i].lastHeartbeatTime = now
        }
      } else {
        changed = true
        conditions.append(want)
      }
    }
    if !changed, let last = lastStatusReport, now < last + Self.nodeStatusReportFrequency {
      return
    }
    node.status.conditions = conditions
    if (try? ctx.api.updateStatus(.node(node))) != nil { lastStatusReport = now }
  }

  /// The train token of the heartbeat (`Action` tokens count up from 1).
  static let heartbeatToken = UInt64.max

  /// After a status update on the train: when the next one is needed. At the next fire while
  /// the API server is unreachable, the eviction manager is busy or could meet a threshold, or
  /// the node is unknown; otherwise when the periodic report is due.
  func planNextHeartbeat(_ node: Node?, quiet: Bool, _ ctx: inout ComponentContext) {
    guard let m = heartbeat else { return }
    heartbeatCheckedVersion = podsVersion
    let next = ctx.now + settings.nodeStatusUpdateFrequency
    guard !apiUnreachable, !eagerHeartbeats, let node, quiet || evictionIsQuiet(node, now: ctx.now),
      trafficStaysQuiet(node, now: ctx.now), let last = lastStatusReport
    else {
      ctx.setHeartbeatDue(m, at: next)
      return
    }
    ctx.setHeartbeatDue(m, at: last + Self.nodeStatusReportFrequency)
  }

  /// A change to the pods since the last status update makes the next fire run one (the
  /// eviction manager must see it then, as it would have every period). Any write to the node
  /// object does too (the API server sets the member due: a condition someone else changed is
  /// posted back at the next period, as before).
  func wakeHeartbeatIfChanged(_ ctx: inout ComponentContext) {
    guard let m = heartbeat, podsVersion != heartbeatCheckedVersion else { return }
    heartbeatCheckedVersion = podsVersion
    ctx.setHeartbeatDue(m, at: ctx.now)
  }

  /// The conditions a healthy kubelet reports (pkg/kubelet/nodestatus/setters.go
  /// `MemoryPressureCondition`, `DiskPressureCondition`, `PIDPressureCondition`,
  /// `ReadyCondition`; reasons and messages verbatim).
  static func conditions(now: SimTime, pressure: [String] = []) -> [NodeCondition] {
    func c(_ type: String, _ status: ConditionStatus, _ reason: String, _ message: String)
      -> NodeCondition
    {
      NodeCondition(
        type: type, status: status, lastHeartbeatTime: now, lastTransitionTime: now,
        reason: reason, message: message)
    }
    let memory =
      pressure.contains("MemoryPressure")
      ? c(
        "MemoryPressure", .true, "KubeletHasInsufficientMemory",
        "kubelet has insufficient memory available")
      : c(
        "MemoryPressure", .false, "KubeletHasSufficientMemory",
        "kubelet has sufficient memory available")
    let disk =
      pressure.contains("DiskPressure")
      ? c("DiskPressure", .true, "KubeletHasDiskPressure", "kubelet has disk pressure")
      : c("DiskPressure", .false, "KubeletHasNoDiskPressure", "kubelet has no disk pressure")
    return [
      memory,
      disk,
      c("PIDPressure", .false, "KubeletHasSufficientPID", "kubelet has sufficient PID available"),
      c("Ready", .true, "KubeletReady", "kubelet is posting ready status"),
    ]
  }
}
