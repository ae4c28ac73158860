import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel

extension ClusterAutoscaler {
  /// A node's utilisation in per-mille: max over cpu and memory of the requests of its
  /// non-terminal pods divided by allocatable. Upstream: `simulator/utilization/info.go`
  /// `Calculate` (DaemonSet and mirror pods included by default:
  /// `--ignore-daemonsets-utilization=false`, `--ignore-mirror-pods-utilization=false`).
  static func utilizationPerMille(_ node: Node, _ pods: [Pod]) -> Int64 {
    var cpu: Int64 = 0
    var mem: Int64 = 0
    for p in pods {
      let r = PodResources.requests(of: p)
      cpu += r.milliCPU
      mem += r.memoryBytes
    }
    let ac = node.status.allocatable.cpuMilli
    let am = node.status.allocatable.memoryBytes
    let c = ac > 0 ? cpu * 1000 / ac : 0
    let m = am > 0 ? mem * 1000 / am : 0
    return max(c, m)
  }

  /// Updates the unneeded nodes (upstream `core/scaledown/planner` `UpdateClusterState`) and
  /// returns the removable ones in name order: low utilisation, pool above `min`, every pod
  /// movable (`Drainability`) and placeable on another node (first fit with the scheduler's
  /// filters; nodes already found removable are not destinations).
  func updateUnneeded(nodes: [Node], pods: [Pod], _ ctx: inout ComponentContext) -> [String] {
    var byNode: [String: [Pod]] = [:]
    for p in pods where Self.occupiesNode(p) {
      byNode[p.spec.nodeName ?? "", default: []].append(p)
    }
    // The what-if snapshot is built only once a node passes the cheap checks (most loops of
    // a busy cluster have none).
    var built: (any ClusterSnapshot)?
    var destinations: [String] = []
    func snapshot() -> any ClusterSnapshot {
      if let built { return built }
      var snap = makeSnapshot()
      for n in nodes where deleting[n.metadata.name] == nil {
        snap.addNode(n)
        destinations.append(n.metadata.name)
        for p in byNode[n.metadata.name] ?? [] { snap.addPod(p, toNode: n.metadata.name) }
      }
      built = snap
      return snap
    }
    var budgets: [String: [(pdb: PodDisruptionBudget, allowed: Int32)]] = [:]
    for o in ctx.api.list(.podDisruptionBudget) {
      guard case .podDisruptionBudget(let b) = o else { continue }
      budgets[b.metadata.namespace ?? "default", default: []].append(
        (b, b.status.disruptionsAllowed))
    }
    var removedPerPool = [Int](repeating: 0, count: pools.count)
    let sizes = pools.indices.map { targetSize($0, nodes) }
    var removable: [String] = []
    var unremovable: [String: String] = [:]
    let threshold = settings.scaleDownUtilizationThresholdPerMille
    for node in candidateOrder(nodes, byNode) {
      let name = node.metadata.name
      guard let pool = poolIndex(of: name), deleting[name] == nil, Self.isReady(node) else {
        continue
      }
      // eligibility.go: nodes annotated scale-down-disabled are never removed.
      if node.metadata.annotations[Self.scaleDownDisabledAnnotation] == "true" {
        unremovable[name] = "ScaleDownDisabledAnnotation"
        continue
      }
      let onNode = byNode[name] ?? []
      let util = Self.utilizationPerMille(node, onNode)
      if util >= threshold {
        unremovable[name] = "NotUnderutilized"
        continue
      }
      if sizes[pool] - removedPerPool[pool] <= Int(pools[pool].spec.min ?? 0) {
        unremovable[name] = "NodeGroupMinSizeReached"
        continue
      }
      var trial = snapshot()
      trial.removeNode(name)
      var trialBudgets = budgets
      var others = destinations
      others.removeAll { $0 == name }
      var toMove = 0
      var blocked: String?
      for p in onNode.sorted(by: { PodUtil.key($0.metadata) < PodUtil.key($1.metadata) }) {
        let ns = p.metadata.namespace ?? "default"
        switch Drainability.verdict(p, budgets: trialBudgets[ns] ?? []) {
        case .skip: continue
        case .blocked(let reason): blocked = reason
        case .move:
          guard let dest = trial.firstFit(p, among: others) else {
            blocked = "NoPlaceToMovePods"
            break
          }
          trial.addPod(p, toNode: dest)
          toMove += 1
          if var list = trialBudgets[ns] {
            for j in list.indices {
              if let s = list[j].pdb.spec.selector, s.matches(p.metadata.labels) {
                list[j].allowed -= 1
              }
            }
            trialBudgets[ns] = list
          }
        }
        if blocked != nil { break }
      }
      if let blocked {
        unremovable[name] = blocked
        continue
      }
      built = trial
      budgets = trialBudgets
      destinations = others
      removedPerPool[pool] += 1
      removable.append(name)
      unneededEmpty[name] = toMove == 0
    }
    let keep = Set(removable)
    for name in unneededSince.keys.sorted() where !keep.contains(name) { unneededSince[name] = nil }
    for name in removable where unneededSince[name] == nil { unneededSince[name] = ctx.now }
    unremovableReasons = unremovable
    return removable
  }

  /// Scale-down candidates in upstream's order (`processors/scaledowncandidates`): empty nodes
  /// first (`emptycandidates`), then nodes already unneeded (`previouscandidates`), then by
  /// name.
  func candidateOrder(_ nodes: [Node], _ byNode: [String: [Pod]]) -> [Node] {
    func rank(_ n: Node) -> Int {
      let empty = (byNode[n.metadata.name] ?? []).allSatisfy {
        Drainability.verdict($0, budgets: []) == .skip
      }
      return (empty ? 0 : 2) + (unneededSince[n.metadata.name] != nil ? 0 : 1)
    }
    return nodes.map { (n: $0, r: rank($0)) }.sorted {
      $0.r != $1.r ? $0.r < $1.r : $0.n.metadata.name < $1.n.metadata.name
    }.map(\.n)
  }

  /// Starts deleting the nodes unneeded for `scaleDownUnneededTime`: every empty one (up to
  /// `--max-empty-bulk-delete` 10) and, when no drain is running, one that needs a drain
  /// (`--max-drain-parallelism` 1).
  func startDeletions(
    _ removable: [String], nodes: [Node], pods: [Pod], _ ctx: inout ComponentContext
  ) {
    var empties = 0
    var drains = deleting.values.filter(\.drain).count
    for name in removable {
      guard let since = unneededSince[name], ctx.now >= since + settings.scaleDownUnneededTime,
        let node = nodes.first(where: { $0.metadata.name == name })
      else { continue }
      let empty = unneededEmpty[name] ?? false
      if empty {
        if empties >= 10 { continue }
        empties += 1
      } else {
        if drains >= 1 { continue }
        drains += 1
      }
      startDeletion(node, drain: !empty, pods: pods, &ctx)
    }
  }

  /// Taints the node `ToBeDeletedByClusterAutoscaler` (upstream `utils/taints`
  /// `MarkToBeDeleted`: value = Unix seconds, effect NoSchedule), records `ScaleDown`
  /// "marked the node as toBeDeleted/unschedulable" (`core/scaledown/actuation/actuator.go`),
  /// and, for a drain, evicts its pods (DaemonSet pods too:
  /// `--daemonset-eviction-for-occupied-nodes=true`).
  func startDeletion(_ node: Node, drain: Bool, pods: [Pod], _ ctx: inout ComponentContext) {
    let name = node.metadata.name
    var tainted = node
    let unix = ctx.settings.timeBaseUnixSeconds + ctx.now.microseconds / 1_000_000
    tainted.spec.taints.append(
      Taint(key: Self.toBeDeletedTaint, value: String(unix), effect: .noSchedule))
    guard (try? ctx.api.update(.node(tainted))) != nil else { return }
    ctx.recordEvent(
      type: .normal, reason: "ScaleDown", object: ObjectReference.to(.node(node)), node: name,
      message: "marked the node as toBeDeleted/unschedulable")
    var toEvict: [String] = []
    if drain {
      for p in pods
      where p.spec.nodeName == name && !p.isTerminal
        && p.metadata.annotations["kubernetes.io/config.mirror"] == nil
      {
        toEvict.append(PodUtil.key(p.metadata))
      }
    }
    deleting[name] = Deletion(startedAt: ctx.now, drain: drain, toEvict: toEvict.sorted())
    unneededSince[name] = nil
    evictPending(name, &ctx)
    setDrainTimer(ctx.now + Self.nodeDeleteDelayAfterTaint, &ctx)
  }

  /// Tries the evictions still pending for the node (`actuation/drain.go` `evictPod`, retried
  /// until `maxPodEvictionTime`), recording `ScaleDown` "deleting pod for node scale down" on
  /// each evicted pod.
  func evictPending(_ name: String, _ ctx: inout ComponentContext) {
    guard var d = deleting[name] else { return }
    var left: [String] = []
    for key in d.toEvict {
      let parts = key.split(separator: "/", maxSplits: 1).map(String.init)
      guard parts.count == 2, case .pod(let p)? = ctx.api.get(.pod, parts[0], parts[1]) else {
        continue
      }
      let grace = min(
        p.spec.terminationGracePeriodSeconds ?? 30, settings.maxGracefulTerminationSeconds)
      if (try? ctx.api.evict(parts[0], parts[1], gracePeriodSeconds: grace)) != nil {
        ctx.recordEvent(
          type: .normal, reason: "ScaleDown", object: ObjectReference.to(.pod(p)), node: name,
          message: "deleting pod for node scale down")
      } else {
        left.append(key)
      }
    }
    d.toEvict = left
    deleting[name] = d
  }

  /// Drives the deletions: retries evictions, gives up after `maxPodEvictionTime` (untaints,
  /// `ScaleDownFailed` "failed to drain the node, aborting ScaleDown"), and deletes a node once
  /// no pod other than DaemonSet and mirror pods is left on it (evicted pods finish their
  /// graceful termination first), recording
  /// "Scale-down: node %s removed with drain" / "Scale-down: removing empty node %s" on the
  /// status ConfigMap (`core/scaledown/actuation`).
  func progressDeletions(_ ctx: inout ComponentContext) {
    for name in deleting.keys.sorted() {
      guard let d = deleting[name] else { continue }
      guard case .node(let node)? = ctx.api.get(.node, nil, name) else {
        deleting[name] = nil
        continue
      }
      if !d.toEvict.isEmpty {
        evictPending(name, &ctx)
        if let after = deleting[name], !after.toEvict.isEmpty {
          if ctx.now >= d.startedAt + settings.maxPodEvictionTime { abort(node, &ctx) }
          continue
        }
      }
      let remaining = ctx.api.pods(onNode: name).filter {
        !$0.isTerminal && !Drainability.isDaemonSetOrMirror($0)
      }
      if !remaining.isEmpty || ctx.now < d.startedAt + Self.nodeDeleteDelayAfterTaint { continue }
      if (try? ctx.api.delete(.node, nil, name)) != nil {
        deleting[name] = nil
        lastDelete = ctx.now
        ctx.recordEvent(
          type: .normal, reason: d.drain ? "ScaleDown" : "ScaleDownEmpty",
          object: Self.statusConfigMap, node: nil,
          message: d.drain
            ? "Scale-down: node \(name) removed with drain"
            : "Scale-down: removing empty node \(name)")
      }
    }
    if !deleting.isEmpty { setDrainTimer(ctx.now + Self.nodeDeleteDelayAfterTaint, &ctx) }
  }

  /// Gives up a drain: removes the taint and records `ScaleDownFailed`.
  func abort(_ node: Node, _ ctx: inout ComponentContext) {
    let name = node.metadata.name
    var untainted = node
    untainted.spec.taints.removeAll { $0.key == Self.toBeDeletedTaint }
    _ = try? ctx.api.update(.node(untainted))
    deleting[name] = nil
    lastFailure = ctx.now
    ctx.recordEvent(
      type: .warning, reason: "ScaleDownFailed", object: ObjectReference.to(.node(node)),
      node: name, message: "failed to drain the node, aborting ScaleDown")
  }
}
