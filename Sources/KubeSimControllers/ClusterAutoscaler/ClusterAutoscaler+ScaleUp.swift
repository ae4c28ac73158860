import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel

extension ClusterAutoscaler {
  /// Whether the scheduler has given up on the pod for now: not bound, not terminal, not being
  /// deleted, `PodScheduled=False` with reason `Unschedulable` (upstream's unschedulable pod
  /// lister), and not expendable (priority ≥ `--expendable-pods-priority-cutoff`).
  static func isUnschedulable(_ p: Pod) -> Bool {
    guard (p.spec.nodeName ?? "").isEmpty, !p.isTerminal, p.metadata.deletionTimestamp == nil,
      (p.spec.priority ?? 0) >= expendablePodsPriorityCutoff
    else { return false }
    return p.status.conditions.contains {
      $0.type == "PodScheduled" && $0.status == .false && $0.reason == "Unschedulable"
    }
  }

  /// Whether the pod occupies its node (bound and not terminal).
  static func occupiesNode(_ p: Pod) -> Bool {
    !(p.spec.nodeName ?? "").isEmpty && !p.isTerminal
  }

  /// One scale-up attempt (upstream `core/scaleup/orchestrator` `ScaleUp`); true when a pool
  /// was grown.
  func scaleUp(nodes: [Node], pods: [Pod], _ ctx: inout ComponentContext) -> Bool {
    var pending = pods.filter(Self.isUnschedulable)
    if pending.isEmpty { return false }
    pending = filterOutSchedulable(pending, nodes: nodes, pods: pods)
    if pending.isEmpty { return false }
    var reasons: [String: [String: Int]] = [:]
    func note(_ p: Pod, _ reason: String) {
      reasons[PodUtil.key(p.metadata), default: [:]][reason, default: 0] += 1
    }
    var options: [ScaleUpOption] = []
    for i in pools.indices {
      let current = targetSize(i, nodes)
      let maxSize = Int(pools[i].spec.max ?? Int32(current))
      if let until = backoffUntil[i], ctx.now < until {
        // orchestrator.go skippedReasons: "in backoff after failed scale-up".
        for p in pending { note(p, "in backoff after failed scale-up") }
        continue
      }
      if current >= maxSize {
        // orchestrator.go `MaxLimitReachedReason`: "max node group size reached".
        for p in pending { note(p, "max node group size reached") }
        continue
      }
      if let option = binpack(pool: i, pending, room: maxSize - current, note: note) {
        options.append(option)
      }
    }
    let helpedByAny = Set(options.flatMap(\.pods))
    let chosen =
      options.isEmpty
      ? nil
      : ctx.withRandom("autoscaler") { Expander.choose(settings.expander, options, random: &$0) }
    for p in pending where !helpedByAny.contains(PodUtil.key(p.metadata)) {
      reportNotTriggered(p, reasons[PodUtil.key(p.metadata)] ?? [:], &ctx)
    }
    guard let chosen, let i = pools.firstIndex(where: { $0.metadata.name == chosen.pool })
    else { return false }
    let from = targetSize(i, nodes)
    let to = from + chosen.nodeCount
    for _ in 0..<chosen.nodeCount {
      upcoming.append(
        Upcoming(
          pool: i, index: nextIndex[i], createAt: ctx.now + settings.provisioningDelay,
          scaleUpAt: ctx.now))
      nextIndex[i] += 1
    }
    setProvisionTimer(ctx.now + settings.provisioningDelay, &ctx)
    lastScaleUp = ctx.now
    let maxSize = pools[i].spec.max ?? Int32(to)
    // orchestrator.go executeScaleUp, on the status ConfigMap.
    ctx.recordEvent(
      type: .normal, reason: "ScaledUpGroup", object: Self.statusConfigMap, node: nil,
      message:
        "Scale-up: setting group \(chosen.pool) size to \(to) instead of \(from) (max: \(maxSize))")
    let helped = Set(chosen.pods)
    for p in pending where helped.contains(PodUtil.key(p.metadata)) {
      reported[PodUtil.key(p.metadata)] = nil
      // orchestrator.go / executor.go: "pod triggered scale-up: %v" over
      // `{group current->new (max: max)}` entries.
      ctx.recordEvent(
        type: .normal, reason: "TriggeredScaleUp", object: ObjectReference.to(.pod(p)),
        node: nil,
        message: "pod triggered scale-up: [{\(chosen.pool) \(from)->\(to) (max: \(maxSize))}]")
    }
    return true
  }

  /// Upstream `filterOutSchedulable` plus upcoming nodes: the pending pods that fit neither an
  /// existing node (the scheduler may simply not have retried yet) nor a node already being
  /// provisioned.
  func filterOutSchedulable(_ pending: [Pod], nodes: [Node], pods: [Pod]) -> [Pod] {
    var snap = makeSnapshot()
    var names: [String] = []
    for n in nodes where deleting[n.metadata.name] == nil {
      snap.addNode(n)
      names.append(n.metadata.name)
    }
    let live = Set(names)
    for p in pods where Self.occupiesNode(p) {
      if let n = p.spec.nodeName, live.contains(n) { snap.addPod(p, toNode: n) }
    }
    for (k, u) in upcoming.enumerated() {
      let name = "upcoming-\(k)"
      snap.addNode(template(u.pool, name: name))
      names.append(name)
    }
    return pending.filter { p in
      guard let n = snap.firstFit(p, among: names) else { return true }
      snap.addPod(p, toNode: n)
      return false
    }
  }

  /// The binpacking estimator (`estimator/binpacking_estimator.go`): pods that fit an empty
  /// template node of the pool, largest first (by cpu/allocatable + memory/allocatable), first
  /// fit over the new nodes, opening a new node when none fits, at most `room` nodes.
  func binpack(
    pool i: Int, _ pending: [Pod], room: Int, note: (Pod, String) -> Void
  ) -> ScaleUpOption? {
    let probeName = "template-\(pools[i].metadata.name)"
    let probeNode = template(i, name: probeName)
    var probe = makeSnapshot()
    probe.addNode(probeNode)
    var fitting: [Pod] = []
    for p in pending {
      if let reason = probe.check(p, onNode: probeName) {
        note(p, reason)
      } else {
        fitting.append(p)
      }
    }
    if fitting.isEmpty { return nil }
    let cpu = max(probeNode.status.allocatable.cpuMilli, 1)
    let mem = max(probeNode.status.allocatable.memoryBytes, 1)
    func score(_ p: Pod) -> Int64 {
      let r = PodResources.requests(of: p)
      return r.milliCPU * 1_000_000 / cpu + r.memoryBytes * 1_000_000 / mem
    }
    let ordered = fitting.map { (p: $0, s: score($0)) }.sorted {
      $0.s != $1.s ? $0.s > $1.s : PodUtil.key($0.p.metadata) < PodUtil.key($1.p.metadata)
    }.map(\.p)
    var bin = makeSnapshot()
    var binNodes: [String] = []
    var helped: [String] = []
    var cpuSum: Int64 = 0
    var memSum: Int64 = 0
    for p in ordered {
      var target = bin.firstFit(p, among: binNodes)
      if target == nil && binNodes.count < room {
        let name = "template-\(binNodes.count)"
        bin.addNode(template(i, name: name))
        if bin.check(p, onNode: name) == nil {
          binNodes.append(name)
          target = name
        } else {
          bin.removeNode(name)
        }
      }
      guard let target else { continue }
      bin.addPod(p, toNode: target)
      helped.append(PodUtil.key(p.metadata))
      let r = PodResources.requests(of: p)
      cpuSum += r.milliCPU
      memSum += r.memoryBytes
    }
    if binNodes.isEmpty { return nil }
    return ScaleUpOption(
      pool: pools[i].metadata.name, nodeCount: binNodes.count, pods: helped.sorted(),
      requestedMilliCPU: cpuSum, requestedMemoryBytes: memSum,
      nodeMilliCPU: probeNode.status.capacity.cpuMilli,
      nodeMemoryBytes: probeNode.status.capacity.memoryBytes,
      priority: pools[i].spec.priority ?? 0)
  }

  /// `NotTriggerScaleUp` (`core/scaleup/orchestrator` / `processors/status` event):
  /// "pod didn't trigger scale-up: " followed by `<count> <reason>` per distinct reason over
  /// the node groups, the formatted strings sorted (`ReasonsMessage` in
  /// processors/status/scale_up_status_processor.go: `sort.Strings(messages)`), comma-separated.
  /// Recorded once per pod and message.
  func reportNotTriggered(_ p: Pod, _ reasons: [String: Int], _ ctx: inout ComponentContext) {
    let text = reasons.map { "\($0.value) \($0.key)" }.sorted().joined(separator: ", ")
    let message = "pod didn't trigger scale-up: " + text
    let key = PodUtil.key(p.metadata)
    if reported[key] == message { return }
    reported[key] = message
    ctx.recordEvent(
      type: .normal, reason: "NotTriggerScaleUp", object: ObjectReference.to(.pod(p)), node: nil,
      message: message)
  }
}
