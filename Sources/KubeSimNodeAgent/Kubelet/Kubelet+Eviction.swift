import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel

/// Node-pressure eviction (pkg/kubelet/eviction; docs "Node-pressure Eviction").
///
/// Signals, observed at each pass from the usage model:
/// - `memory.available` = the node's memory capacity − the working set of every running
///   container (its `sim.kubesim.io/memory` curve at the last 10s cAdvisor sample, else its
///   request; a `traffic(...)` curve at its Service's load in the traffic ledger at that sample,
///   as `kubesim top` sees it; KubeSim has no system daemons, so the node's working set is the
///   pods');
/// - `nodefs.available` and `imagefs.available` = the node's `ephemeral-storage` capacity − (the
///   images present + every running container's `sim.kubesim.io/disk`, which stands for its
///   writable layer, logs and emptyDir volumes). One filesystem, as on a node without a
///   dedicated imagefs, so imagefs.available<15% is met before nodefs.available<10%. A node
///   without an ephemeral-storage capacity has no disk signals; inodes are not modelled.
///
/// Each pass (every 10 s, the `evictionMonitoringPeriod` housekeeping, on the node-status grid)
/// updates the pressure conditions (`MemoryPressure`, `DiskPressure`, True while a threshold was
/// met within `evictionPressureTransitionPeriod`) and, when a threshold's grace period has
/// passed, records `EvictionThresholdMet` "Attempting to reclaim memory" on the node, ranks the
/// active pods and evicts the first that is not critical: usage above requests first, then
/// lower priority, then larger usage − request (`rankMemoryPressure`,
/// `rankDiskPressureFunc`; KubeSim breaks Go's unstable-sort ties by namespace/name). The pod
/// gets a Warning `Evicted` event with upstream's message, its containers are killed with a
/// grace period of 1 s (hard) or `evictionMaxPodGracePeriod` (soft; the pod's own when 0), and it
/// becomes `Failed`, reason `Evicted`, with a `DisruptionTarget` condition (reason
/// `TerminationByKubelet`). At most one pod per pass; the next pass runs once the pod is
/// cleaned up (`waitForPodsCleanup`, polled every 1 s: max(1 s, grace) later).
///
/// A pass that could not do anything is skipped (`evictionIsQuiet`: nothing remembered and no
/// threshold reachable even at every container's largest possible usage, traffic-driven memory
/// at its Service's latest load); the kubelet's heartbeat then does not run it
/// (`Kubelet+NodeStatus.swift`), with the same results: wake levels registered in the traffic
/// ledger make it run again when the load could reach a threshold
/// (`Kubelet+TrafficMemory.swift`).
///
/// KubeSim differences: no node-level reclaim first (image and container
/// garbage collection), no `minReclaim`, no memcg notifications, no allocatable (`pods` cgroup)
/// signal; the pass rides on the node-status heartbeat, so a stopped, crashed or partitioned kubelet does not evict
/// (upstream, a partitioned kubelet keeps evicting locally).
extension Kubelet {
  /// pkg/kubelet/types `IsCriticalPod`: priority ≥ SystemCriticalPriority (2000000000).
  static func isCritical(_ p: Pod) -> Bool { (p.spec.priority ?? 0) >= 2_000_000_000 }

  /// The working set of container `c` of `run` at `now` (bytes; 0 when not running).
  func memoryWorkingSet(_ run: PodRun, _ c: ContainerRun, now: SimTime) -> Int64 {
    memoryWorkingSet(
      namespace: run.pod.metadata.namespace, pod: run.pod.metadata.name, c, now: now)
  }

  /// `memoryWorkingSet` from the pod's namespace and name only (no copy of the whole `PodRun`
  /// in the eviction manager's per-pass sum).
  func memoryWorkingSet(namespace: String?, pod: String, _ c: ContainerRun, now: SimTime) -> Int64 {
    guard c.running else { return 0 }
    if let b = c.behavior.memoryBytes { return b }
    guard let model = c.behavior.memoryUsage else { return c.memoryRequestBytes }
    let seed = UsageSeed.container(
      runSeed: runSeed, namespace: namespace ?? "default", pod: pod, container: c.name)
    // Same per-container seed and cAdvisor grid as `MetricsPipeline` (memory uses seed ^ 1).
    let t = MetricsPipeline().housekeepingTime(at: now)
    var input = UsageInput(time: t, request: c.memoryRequestBytes, seed: seed ^ 1)
    if case .traffic = model, let ledger = trafficLedger {
      // The rate kube-proxy recorded for the pod's Service at that sample (as `kubesim top`).
      let s = ledger.sample((namespace ?? "default") + "/" + pod, at: t)
      input.servedMilliRPS = s.servedMilliRPS
      input.inFlightMilli = s.inFlightMilli
    }
    return model.value(input)
  }

  /// A pod's usage at `now`: the working set and disk bytes of its running containers.
  func podUsage(_ run: PodRun, now: SimTime) -> (memory: Int64, disk: Int64) {
    var m: Int64 = 0
    var d: Int64 = 0
    for c in run.containers where c.running {
      m += memoryWorkingSet(run, c, now: now)
      d += c.behavior.diskBytes ?? 0
    }
    return (m, d)
  }

  /// The signal observations at `now` (integer sums: the dictionary's order does not matter).
  func evictionObservations(_ node: Node, now: SimTime) -> EvictionManager.Observations {
    var memory: Int64 = 0
    var disk: Int64 = 0
    if let cache = usageCache, cache.version == podsVersion {
      (memory, disk) = (cache.memory, cache.disk)
    } else {
      var varying = false
      // By index, reading only the fields needed: binding each `PodRun` would copy its pod.
      let runs = pods.values
      for i in runs.indices where !runs[i].deleting {
        for c in runs[i].containers where c.running {
          memory += memoryWorkingSet(
            namespace: runs[i].pod.metadata.namespace, pod: runs[i].pod.metadata.name, c, now: now)
          disk += c.behavior.diskBytes ?? 0
          if c.behavior.memoryBytes == nil, let m = c.behavior.memoryUsage,
            !m.isConstantWithoutTraffic || m.readsTraffic
          {
            varying = true
          }
        }
      }
      usageCache = varying ? nil : (podsVersion, memory, disk)
    }
    var o = EvictionManager.Observations()
    if let cap = node.status.capacity["memory"]?.value {
      o.memory = (cap - memory, cap)
    }
    if let cap = node.status.capacity["ephemeral-storage"]?.value {
      o.fs = (cap - disk - images.presentBytes(at: now), cap)
    }
    return o
  }

  /// One eviction-manager pass (`synchronize`); returns true when a pod was evicted.
  @discardableResult
  func evictionPass(node given: Node? = nil, _ ctx: inout ComponentContext) -> Bool {
    let thresholds = evictionThresholds
    guard !thresholds.isEmpty else { return false }
    trafficLedger = ctx.api.traffic
    let node: Node
    if let given {
      node = given
    } else if case .node(let stored)? = ctx.api.get(.node, nil, nodeName) {
      node = stored
    } else {
      return false
    }
    let observations = evictionObservations(node, now: ctx.now)
    let due = eviction.synchronize(
      thresholds: thresholds, observations: observations, now: ctx.now,
      transitionPeriod: settings.evictionPressureTransitionPeriod)
    guard let threshold = due.first(where: { $0.signal.resource != "inodes" }),
      let observed = observations.of(threshold.signal)
    else { return false }
    let resource = threshold.signal.resource
    // eviction_manager.go: "Attempting to reclaim %s".
    ctx.recordEvent(
      type: .warning, reason: "EvictionThresholdMet", object: ObjectReference.to(.node(node)),
      node: nodeName, message: "Attempting to reclaim \(resource)")
    var usage: [String: (memory: Int64, disk: Int64)] = [:]
    for (key, run) in pods where !run.deleting && !run.pod.isTerminal {
      usage[key] = podUsage(run, now: ctx.now)
    }
    let ranked = Self.rank(
      Array(usage.keys), pods: pods, usage: usage, memory: resource == "memory")
    for key in ranked {
      guard let run = pods[key], !Self.isCritical(run.pod) else { continue }
      let message = evictionMessage(
        run, resource: resource, threshold: threshold.quantity(capacity: observed.capacity),
        available: observed.available, now: ctx.now)
      let grace: Int64 =
        threshold.gracePeriod == .zero
        ? 1
        : max(
          1,
          settings.evictionMaxPodGracePeriod > 0
            ? min(
              settings.evictionMaxPodGracePeriod, run.pod.spec.terminationGracePeriodSeconds ?? 30)
            : (run.pod.spec.terminationGracePeriodSeconds ?? 30))
      evict(key, message: message, graceSeconds: grace, &ctx)
      return true
    }
    return false
  }

  /// `rankMemoryPressure` / `rankDiskPressureFunc`: usage above the request first, then lower
  /// priority, then larger usage − request; ties by key (namespace/name).
  static func rank(
    _ keys: [String], pods: [String: PodRun], usage: [String: (memory: Int64, disk: Int64)],
    memory: Bool
  ) -> [String] {
    struct Entry {
      var key: String
      var exceeds: Bool
      var priority: Int32
      var over: Int64
    }
    let entries = keys.compactMap { key -> Entry? in
      guard let run = pods[key] else { return nil }
      let use = memory ? (usage[key]?.memory ?? 0) : (usage[key]?.disk ?? 0)
      let request =
        memory
        ? PodResources.requests(of: run.pod).memoryBytes
        : run.pod.spec.containers.reduce(Int64(0)) {
          $0 + ($1.resources.requests["ephemeral-storage"]?.value ?? 0)
        }
      return Entry(
        key: key, exceeds: use > request, priority: run.pod.spec.priority ?? 0,
        over: use - request)
    }
    return entries.sorted { a, b in
      if a.exceeds != b.exceeds { return a.exceeds }
      if a.priority != b.priority { return a.priority < b.priority }
      if a.over != b.over { return a.over > b.over }
      return a.key < b.key
    }.map(\.key)
  }

  /// helpers.go `evictionMessage`: "The node was low on resource: %v. " + "Threshold quantity:
  /// %v, available: %v. " + per container above its request "Container %s was using %s,
  /// request is %s, has larger consumption of %v. " (quantities printed as BinarySI).
  func evictionMessage(
    _ run: PodRun, resource: String, threshold: Int64, available: Int64, now: SimTime
  ) -> String {
    var m = "The node was low on resource: \(resource). "
    m +=
      "Threshold quantity: \(Quantity(threshold, format: .binarySI)), "
      + "available: \(Quantity(available, format: .binarySI)). "
    let specs = run.pod.spec.containers + run.pod.spec.initContainers
    for c in run.containers where c.running {
      guard let spec = specs.first(where: { $0.name == c.name }) else { continue }
      let request = spec.resources.requests[resource]
      let use =
        resource == "memory" ? memoryWorkingSet(run, c, now: now) : (c.behavior.diskBytes ?? 0)
      guard use > (request?.value ?? 0) else { continue }
      m +=
        "Container \(c.name) was using \(Quantity(use, format: .binarySI)), request is "
        + "\(request?.description ?? "0"), has larger consumption of \(resource). "
    }
    return m
  }

  /// `evictPod` → `TerminatePodAbnormallyAndWait`: Warning `Evicted` event, containers killed
  /// (`Killing`), the pod `Failed`/`Evicted` once the grace period is over, and the next pass
  /// once it is cleaned up.
  func evict(_ key: String, message: String, graceSeconds: Int64, _ ctx: inout ComponentContext) {
    guard var run = pods[key] else { return }
    event(run, .warning, "Evicted", message, &ctx)
    for c in run.containers where c.running {
      event(run, .normal, "Killing", "Stopping container \(c.name)", &ctx)
    }
    run.gen += 1
    run.deleting = true
    run.failure = (reason: "Evicted", message: message)
    let done = ctx.now + .seconds(graceSeconds)
    for j in run.containers.indices {
      if run.containers[j].running {
        run.containers[j].terminated = ContainerRun.Termination(
          exitCode: 137, reason: "Error", startedAt: run.containers[j].startedAt ?? ctx.now,
          finishedAt: done)
      }
      run.containers[j].running = false
      run.containers[j].ready = false
      run.containers[j].done = true
    }
    pods[key] = run
    schedule(.evicted(pod: key, gen: run.gen), at: done, &ctx)
    // waitForPodsCleanup polls every second: the first poll at or after the kill.
    schedule(.evictionSync, at: ctx.now + .seconds(max(1, graceSeconds)), &ctx)
  }

  /// The eviction manager's `Admit`: under node pressure only critical pods, and under memory
  /// pressure alone also pods that are not BestEffort or tolerate the memory-pressure taint;
  /// others get reason `Evicted`, "The node had condition: [MemoryPressure]. ".
  func evictionAdmissionFailure(_ p: Pod) -> (String, String)? {
    let conditions = eviction.conditions
    if conditions.isEmpty || Self.isCritical(p) { return nil }
    if conditions == ["MemoryPressure"] {
      if p.computedQOSClass != .bestEffort { return nil }
      let taint = Taint(key: "node.kubernetes.io/memory-pressure", effect: .noSchedule)
      if p.spec.tolerations.contains(where: { $0.tolerates(taint) }) { return nil }
    }
    return ("Evicted", "The node had condition: [\(conditions.joined(separator: " "))]. ")
  }
}

extension Kubelet {
  /// Whether an eviction pass could do anything before the pods or images change: the manager
  /// remembers nothing (no threshold observed, no pressure condition) and no threshold can be
  /// met even if every running container used the most its memory model allows
  /// (`UsageModel.upperBoundWithoutTraffic`) and every image being pulled were present. A pass
  /// then returns at its fast path without changing anything (`EvictionManager.synchronize`).
  func evictionIsQuiet(_ node: Node, now: SimTime) -> Bool {
    if !evictionThresholds.isEmpty {
      guard eviction.firstObservedAt.isEmpty, eviction.conditionLastObservedAt.isEmpty else {
        return false
      }
    }
    let (memory, disk) = usageUpperBound()
    var o = EvictionManager.Observations()
    if let cap = node.status.capacity["ephemeral-storage"]?.value {
      o.fs = (cap - disk.saturatingAdd(images.allLayerBytes), cap)
    }
    for t in evictionThresholds where t.signal != .memoryAvailable {
      guard let observed = o.of(t.signal) else { continue }
      if t.isMet(available: observed.available, capacity: observed.capacity) { return false }
    }
    // Memory thresholds, and memory limits of traffic-driven containers.
    return trafficIsQuiet(node, memory: memory, now: now)
  }

  /// The largest working set and disk use the running containers can reach (cached per
  /// `podsVersion`).
  func usageUpperBound() -> (memory: Int64, disk: Int64) {
    if let b = boundCache, b.version == podsVersion { return (b.memory, b.disk) }
    var memory: Int64 = 0
    var disk: Int64 = 0
    let runs = pods.values
    for i in runs.indices where !runs[i].deleting {
      let cs = runs[i].containers
      for j in cs.indices where cs[j].running {
        let b = cs[j].behavior
        let m =
          b.memoryBytes
          ?? b.memoryUsage?.upperBoundWithoutTraffic(request: cs[j].memoryRequestBytes)
          ?? cs[j].memoryRequestBytes
        memory = memory.saturatingAdd(m)
        disk = disk.saturatingAdd(b.diskBytes ?? 0)
      }
    }
    boundCache = (podsVersion, memory, disk)
    return (memory, disk)
  }
}
