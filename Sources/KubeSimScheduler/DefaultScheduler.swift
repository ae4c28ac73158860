import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel

/// kube-scheduler as a `Component`: watches nodes and pods, queues pending pods, runs one
/// scheduling cycle at a time and binds through the API server.
///
/// Each cycle pops the best pod (`SchedulingQueue`), selects a node with the pod's profile
/// (`SchedulingAlgorithm`), assumes the pod on that node in the cache at once (upstream
/// `assume`, so the next cycle sees it), and `settings.schedulerCycleCost` later binds it
/// (`APIServer.bind`, recording the placement with its profile and attempts) and records
/// `Scheduled`, or records `FailedScheduling` and sets `PodScheduled=False/Unschedulable` and
/// pools the pod. The next cycle starts right after, so throughput is one pod per cycle cost.
///
/// World wiring: `DefaultScheduler(settings: api.settings, configurations: input.schedulerConfigurations)`,
/// registered before the controllers and kubelets.
///
/// Reserve and Permit plugins run right after the node is chosen (a Permit `.wait` adds its
/// delay to the cycle), PreBind and Bind plugins when the cycle ends, before the API bind; a
/// rejection unreserves, forgets the assumed pod and handles it as unschedulable (Reserve,
/// Permit) or as a failed bind (PreBind, Bind).
///
/// KubeSim differs from kube-scheduler (this slice): the profile of the registered plugins
/// (`Profile.defaultProfile`); binding is synchronous at the end of the cycle (upstream binds
/// asynchronously); a failed bind records no FailedScheduling event (the pod goes to the error
/// backoffQ, or to the unschedulable pool when a PreBind/Bind plugin rejected it);
/// pods reaching a terminal phase leave the node accounting; unschedulable pods are requeued on
/// the cluster events their rejecting plugins registered for (`ClusterEvents`; QueueingHints
/// simplified to "always Queue").
public final class DefaultScheduler: Component {
  public let componentName = "default-scheduler"
  public var watches: [WatchFilter] {
    [
      WatchFilter(kind: .node), WatchFilter(kind: .pod),
      WatchFilter(kind: .persistentVolumeClaim), WatchFilter(kind: .persistentVolume),
      WatchFilter(kind: .storageClass),
      // InterPodAffinity's namespaceSelector and PodTopologySpread's system default selector.
      WatchFilter(kind: .namespace), WatchFilter(kind: .service), WatchFilter(kind: .replicaSet),
      WatchFilter(kind: .statefulSet),
    ]
  }
  /// Services, ReplicaSets and StatefulSets, for the default spread selector.
  public private(set) var spreadSelectors = DefaultSpreadSelectors()

  /// Profiles by scheduler name, in configuration order.
  public private(set) var profiles: [Profile]
  /// The node cache (hot table + node objects).
  public private(set) var snapshot = NodeSnapshot()
  /// The node visiting order.
  public private(set) var tree = NodeTree()
  /// The queue of pending pods.
  public private(set) var queue: SchedulingQueue<PodInfo>
  /// Pods nominated to nodes by preemption (upstream's nominator); a node with nominated pods of
  /// priority ≥ the pod's runs the filters twice (`SchedulingAlgorithm.nominatedRejection`).
  public private(set) var nominatedPods = NominatedPods()
  /// Node selection state (nextStartNodeIndex, score recording).
  public var algorithm = SchedulingAlgorithm()
  /// Simulated cost of one cycle.
  public var cycleCost: SimDuration

  /// Every scheduling attempt, in order, when `recordAttempts` is on (for explanations).
  public var recordAttempts = false
  public private(set) var attempts: [ScheduleAttempt] = []

  private struct Assigned {
    var slot: Int
    var requests: ResourceVector
    var nonZero: ResourceVector
    var hostPorts: [HostPort]
  }
  private var assigned: [String: Assigned] = [:]
  /// Bound pods seen before their node, by node name, accounted when the node arrives.
  private var waitingForNode: [String: [Pod]] = [:]
  private var inFlight:
    (entry: SchedulingQueue<PodInfo>.Entry, outcome: ScheduleOutcome, profile: Int)?
  /// The preemption decided by the in-flight cycle, carried out when it finishes.
  private var inFlightPreemption: PreemptionCandidate?
  private var cyclePending = false
  private var backoffTimer: SimTime?
  private var leftoverTimer: SimTime?

  private enum Token: UInt64 {
    case cycle = 1
    case finish, backoffFlush, leftoverFlush
  }

  /// A scheduler with the default profile, or the profiles of the given configurations.
  /// - Parameters:
  ///   - settings: cycle cost, backoff durations and the policy (`schedulerProfile`) come from
  ///     here.
  ///   - configurations: `KubeSchedulerConfiguration` documents; empty means the default profile.
  ///     Later documents' global fields override earlier ones; their profiles are appended.
  ///   - registry: the plugins profiles may name (`PluginRegistry.inTree` plus a researcher's);
  ///     `settings.kubernetesVersion` selects the NodeResourcesBalancedAllocation formula.
  ///   - policy: a named policy (`Policies`) for the `default-scheduler` profile, overriding
  ///     `settings.schedulerProfile`; "default" keeps the configured profile.
  ///   - images: declared images, whose sizes ImageLocality uses for pre-pulled images.
  public init(
    settings: SimulationSettings, configurations: [KubeSchedulerConfiguration] = [],
    registry: PluginRegistry = .inTree, policy: String? = nil, images: [ImageSpec] = []
  ) {
    cycleCost = settings.schedulerCycleCost
    snapshot.defaultImageSizeBytes = settings.defaultImageSizeBytes
    for img in images {
      for r in img.references { snapshot.declaredImageSizes[r] = img.sizeBytes }
    }
    var initial = settings.podInitialBackoff
    var maxB = settings.podMaxBackoff
    var pct: Int32 = 0
    for c in configurations {
      if let s = c.podInitialBackoffSeconds { initial = .seconds(s) }
      if let s = c.podMaxBackoffSeconds { maxB = .seconds(s) }
      if let p = c.percentageOfNodesToScore { pct = p }
    }
    profiles = Self.profiles(
      settings: settings, configurations: configurations, registry: registry, policy: policy)
    queue = SchedulingQueue(initialBackoff: initial, maxBackoff: maxB)
    algorithm.percentageOfNodesToScore = pct
  }

  /// The profiles a scheduler with these inputs runs: each configuration's profiles (the
  /// registry's plugins built for `settings.kubernetesVersion`), the default profile when there
  /// are none, and the named policy (`policy` or `settings.schedulerProfile`) in place of
  /// `default-scheduler`. `kubesim explain --snapshot` builds its profiles here too.
  public static func profiles(
    settings: SimulationSettings, configurations: [KubeSchedulerConfiguration],
    registry: PluginRegistry = .inTree, policy: String? = nil
  ) -> [Profile] {
    let reg = registry.configured(kubernetesVersion: settings.kubernetesVersion)
    var built: [Profile] = []
    for c in configurations { built += ProfileBuilder.profiles(from: c, registry: reg) }
    if built.isEmpty { built = [.defaultProfile(registry: reg)] }
    let policyName = policy ?? settings.schedulerProfile
    if policyName != "default", let p = Policies.profile(named: policyName, registry: reg) {
      if let i = built.firstIndex(where: { $0.schedulerName == "default-scheduler" }) {
        built[i] = p
      } else {
        built.append(p)
      }
    }
    return built
  }

  // MARK: Watch

  public func observe(_ change: WatchChange, _ ctx: inout ComponentContext) {
    switch change {
    case .added(.node(let n)):
      nodeChanged(n)
      requeue(on: .nodeAdd, now: ctx.now)
    case .modified(.node(let old), .node(let n)):
      nodeChanged(n)
      requeue(on: ClusterEvents.nodeChange(from: old, to: n), now: ctx.now)
    case .modified(_, .node(let n)):
      nodeChanged(n)
      requeue(on: .nodeUpdate, now: ctx.now)
    case .deleted(.node(let n)):
      if let slot = snapshot.table.slot(of: n.metadata.name) {
        tree.remove(slot: slot, zone: snapshot.table.zoneKeys[slot])
        snapshot.removeNode(name: n.metadata.name)
        snapshot.pods.cache.clear()
        snapshot.pods.spreadCache.clear()
      }
      requeue(on: .nodeDelete, now: ctx.now)
    case .added(.namespace(let n)), .modified(_, .namespace(let n)):
      snapshot.pods.namespaceLabels[n.metadata.name] = n.metadata.labels
      requeue(on: .other, now: ctx.now)
    case .deleted(.namespace(let n)):
      snapshot.pods.namespaceLabels[n.metadata.name] = nil
      requeue(on: .other, now: ctx.now)
    case .added(let o) where Self.isSpreadSource(o):
      spreadSelectors.upsert(o)
    case .modified(_, let o) where Self.isSpreadSource(o):
      spreadSelectors.upsert(o)
    case .deleted(let o) where Self.isSpreadSource(o):
      spreadSelectors.remove(o)
    case .added(.pod(let p)): podChanged(p, old: nil, now: ctx.now)
    case .modified(.pod(let old), .pod(let p)): podChanged(p, old: old, now: ctx.now)
    case .modified(_, .pod(let p)): podChanged(p, old: nil, now: ctx.now)
    case .deleted(.pod(let p)):
      let key = Self.key(p)
      queue.remove(key)
      nominatedPods.remove(key)
      if let node = p.spec.nodeName, waitingForNode[node] != nil {
        waitingForNode[node]?.removeAll { Self.key($0) == key }
      }
      if forget(key) { requeue(on: .assignedPodDelete, now: ctx.now) }
    case .added(let o), .modified(_, let o):
      // Volume objects (VolumeBinding, VolumeZone): a change may make pooled pods schedulable.
      snapshot.volumes.upsert(o)
      requeue(on: .other, now: ctx.now)
    case .deleted(let o):
      snapshot.volumes.remove(o)
      requeue(on: .other, now: ctx.now)
    }
    kick(&ctx)
  }

  /// Moves pooled pods whose rejecting plugins registered for `event`.
  private func requeue(on event: ClusterEvents, now: SimTime) {
    queue.noteEvent(event)
    guard queue.unschedulableCount > 0, !event.isEmpty else { return }
    queue.moveToActiveOrBackoff(on: event, now: now, registered: registeredEvents)
  }

  /// The events a plugin registered for, by name (`.all` for a name no profile has).
  private func registeredEvents(_ name: String) -> ClusterEvents {
    requeueTable.first { $0.name == name }?.events ?? .all
  }

  /// Each profile plugin's registered events, by name (first profile that has the name).
  private lazy var requeueTable: [(name: String, events: ClusterEvents)] = {
    var out: [(name: String, events: ClusterEvents)] = []
    func add(_ p: any SchedulerPlugin) {
      if !out.contains(where: { $0.name == p.name }) { out.append((p.name, p.requeueEvents)) }
    }
    for pr in profiles {
      pr.preFilters.forEach(add)
      pr.filters.forEach(add)
      pr.postFilters.forEach(add)
    }
    return out
  }()

  private func nodeChanged(_ n: Node) {
    let oldZone = snapshot.table.slot(of: n.metadata.name).map { snapshot.table.zoneKeys[$0] }
    let r = snapshot.upsert(n)
    if r.isNew {
      tree.add(slot: r.slot, zone: snapshot.table.zoneKeys[r.slot])
      for p in waitingForNode.removeValue(forKey: n.metadata.name) ?? [] {
        account(p, slot: r.slot)
      }
    } else if let oldZone {
      tree.update(slot: r.slot, from: oldZone, to: snapshot.table.zoneKeys[r.slot])
    }
  }

  private func podChanged(_ p: Pod, old: Pod?, now: SimTime) {
    let key = Self.key(p)
    if let node = p.spec.nodeName, !node.isEmpty {
      queue.remove(key)
      nominatedPods.remove(key)
      if p.isTerminal {
        waitingForNode[node]?.removeAll { Self.key($0) == key }
        // A finished pod frees its resources: pooled pods may fit now.
        if forget(key) { requeue(on: .assignedPodDelete, now: now) }
      } else if let a = assigned[key] {
        // Labels or the deletion timestamp may have changed (PodTopologySpread skips
        // terminating pods).
        snapshot.pods.update(AssignedPod(p), slot: a.slot)
        if let old, old.metadata.labels != p.metadata.labels {
          requeue(on: .assignedPodLabelChange, now: now)
        }
      } else {
        if let slot = snapshot.table.slot(of: node) {
          account(p, slot: slot)
          // A pod bound by someone else (or seen after the scheduler's own bind) appeared.
          if old == nil || (old?.spec.nodeName ?? "").isEmpty {
            requeue(on: .assignedPodAdd, now: now)
          }
        } else {
          waitingForNode[node, default: []].append(p)
        }
      }
      return
    }
    // A pod naming no known profile stays Pending (schedule_one.go `frameworkForPod` fails:
    // "profile not found for scheduler name"); kube-scheduler does not even queue it
    // (eventhandlers.go `responsibleForPod`).
    guard p.metadata.deletionTimestamp == nil, !p.isTerminal, let pi = profileIndex(for: p) else {
      queue.remove(key)
      nominatedPods.remove(key)
      return
    }
    // PreEnqueue (scheduling_queue.go `runPreEnqueuePlugins`): a pod a plugin rejects (e.g.
    // SchedulingGates) waits outside activeQ until it changes.
    for plugin in profiles[pi].preEnqueue where !plugin.preEnqueue(p).isSuccess {
      queue.remove(key)
      return
    }
    var info = PodInfo(p)
    info.defaultSpreadSelector = spreadSelectors.selector(for: p)
    // The nominator (nominator.go `AddNominatedPod` / `DeleteNominatedPodIfExists`).
    let nominated = p.status.nominatedNodeName ?? ""
    if !nominated.isEmpty || nominatedPods.node(of: key) != nil {
      nominatedPods.set(info, node: nominated)
    }
    if queue.entry(key) != nil {
      queue.update(info, key: key)
      // scheduling_queue.go `Update`: a pooled pod whose spec or labels changed is retried.
      if let old, old.spec != p.spec || old.metadata.labels != p.metadata.labels {
        queue.requeueIfPooled(key, now: now)
      }
    } else {
      queue.add(info, key: key, priority: info.priority, now: now)
    }
  }

  /// Adds a bound pod to its node's accounting.
  private func account(_ p: Pod, slot: Int) {
    let key = Self.key(p)
    guard assigned[key] == nil else { return }
    let info = PodInfo(p)
    assigned[key] = Assigned(
      slot: slot, requests: info.requests, nonZero: info.nonZeroRequests,
      hostPorts: info.hostPorts)
    snapshot.addPod(slot: slot, info)
    snapshot.pods.add(AssignedPod(p), slot: slot)
  }

  /// Removes a pod from the node accounting. - Returns: whether it was there.
  private func forget(_ key: String) -> Bool {
    guard let a = assigned.removeValue(forKey: key) else { return false }
    snapshot.removePod(
      slot: a.slot, requests: a.requests, nonZero: a.nonZero, hostPorts: a.hostPorts)
    snapshot.pods.remove(key: key, slot: a.slot)
    return true
  }

  // MARK: Cycles

  public func timerFired(_ token: UInt64, _ ctx: inout ComponentContext) {
    switch Token(rawValue: token) {
    case .cycle:
      cyclePending = false
      runCycle(&ctx)
    case .finish:
      finishCycle(&ctx)
    case .backoffFlush:
      backoffTimer = nil
      queue.flushBackoffCompleted(now: ctx.now)
    case .leftoverFlush:
      leftoverTimer = nil
      queue.flushUnschedulableLeftover(now: ctx.now)
    case nil:
      break
    }
    kick(&ctx)
  }

  /// Starts a cycle if idle and a pod is waiting; arms the periodic flushes while needed.
  private func kick(_ ctx: inout ComponentContext) {
    if inFlight == nil && !cyclePending && queue.hasPoppable {
      cyclePending = true
      ctx.setTimer(after: .zero, token: Token.cycle.rawValue)
    }
    if queue.backoffCount > 0 && backoffTimer == nil {
      // flushBackoffQCompleted runs every second, on whole seconds.
      let t = SimTime(microseconds: (ctx.now.microseconds / 1_000_000 + 1) * 1_000_000)
      backoffTimer = t
      ctx.setTimer(at: t, token: Token.backoffFlush.rawValue)
    }
    if queue.unschedulableCount > 0 && leftoverTimer == nil {
      // flushUnschedulablePodsLeftover runs every 30s (scheduling_queue.go `Run`).
      let t = SimTime(microseconds: (ctx.now.microseconds / 30_000_000 + 1) * 30_000_000)
      leftoverTimer = t
      ctx.setTimer(at: t, token: Token.leftoverFlush.rawValue)
    }
  }

  private func runCycle(_ ctx: inout ComponentContext) {
    guard let entry = queue.pop() else { return }
    guard let pi = profileIndex(for: entry.item.pod) else {
      queue.done(entry.key)
      return
    }
    algorithm.recordScores = recordAttempts
    let profile = profiles[pi]
    // No local copy of the snapshot may outlive this call: the assume below mutates the table
    // in place, and a second reference would make it copy every column (copy-on-write).
    var outcome = ctx.withRandom("scheduler") { rng in
      algorithm.schedule(
        entry.item, profile: profile, snapshot: snapshot, order: tree.order, random: &rng,
        nominatedPods: nominatedPods)
    }
    inFlightPreemption = nil
    if case .unschedulable(var fitError) = outcome, fitError.numAllNodes > 0,
      !fitError.postFilterEnded, let preemption = profile.preemption
    {
      // PostFilter (schedule_one.go `schedulePod` → RunPostFilterPlugins): the plugins before
      // DefaultPreemption ran in the algorithm; preemption, then the plugins after it.
      switch runPreemption(preemption, entry.item, profile: profile, fitError: fitError, &ctx) {
      case .nominate(let c):
        // Success ends the phase with an empty message.
        inFlightPreemption = c
        fitError.postFilterMessage = ""
      case .none(let msg):
        var reasons = fitError.postFilterReasons + [msg]
        var state = CycleState()
        let statuses = fitError.nodeStatuses
        let after = profile.postFiltersAroundPreemption.after
        _ = PostFilterRun.run(
          after, &state, entry.item, snapshot, statuses, reasons: &reasons, into: &fitError)
      }
      outcome = .unschedulable(fitError)
    }
    var permitDelay = SimDuration.zero
    bindingState = CycleState()
    if case .scheduled(let slot, _, _) = outcome {
      let info = entry.item
      // schedule_one.go `assume`: the assumed pod is no longer a nominated one.
      nominatedPods.remove(entry.key)
      assigned[entry.key] = Assigned(
        slot: slot, requests: info.requests, nonZero: info.nonZeroRequests,
        hostPorts: info.hostPorts)
      snapshot.addPod(slot: slot, info)
      snapshot.pods.add(AssignedPod(info.pod), slot: slot)
      let node = snapshot.table.names[slot]
      if let st = reserveAndPermit(info, profile: profile, node: node, delay: &permitDelay) {
        // schedule_one.go: a Reserve or Permit rejection unreserves, forgets the assumed pod
        // and handles the failure like an unschedulable pod.
        _ = forget(entry.key)
        outcome = .unschedulable(
          FitError(numAllNodes: snapshot.table.count, nodeStatuses: [(node, st)]))
      }
    }
    if recordAttempts {
      attempts.append(
        ScheduleAttempt(
          time: ctx.now, pod: entry.key, attempt: entry.attempts, outcome: outcome,
          nodeNames: snapshot.table.names, verdicts: algorithm.lastVerdicts,
          scores: algorithm.lastScores, profile: profile.schedulerName,
          skipped: algorithm.lastSkipped, filters: profile.filters.map(\.name)))
    }
    inFlight = (entry, outcome, pi)
    ctx.setTimer(after: cycleCost + permitDelay, token: Token.finish.rawValue)
  }

  /// Data the Reserve/Permit/PreBind/Bind plugins keep between the two halves of a cycle.
  private var bindingState = CycleState()

  /// Reserve then Permit (schedule_one.go `schedulingCycle`): the first rejecting status, after
  /// unreserving every plugin reserved so far in reverse order; nil when all passed. A Permit
  /// `.wait` approves after its delay (KubeSim has no waiting-pod API: the longest delay is added
  /// to the cycle).
  private func reserveAndPermit(
    _ info: PodInfo, profile: Profile, node: String, delay: inout SimDuration
  ) -> Status? {
    var reserved: [any ReservePlugin] = []
    var rejected: Status? = nil
    for r in profile.reserves {
      reserved.append(r)
      var st = r.reserve(&bindingState, info, node: node)
      if !st.isSuccess {
        st.plugin = r.name
        rejected = st
        break
      }
    }
    if rejected == nil {
      for p in profile.permits {
        var (st, d) = p.permit(&bindingState, info, node: node)
        if st.code == .wait {
          delay = max(delay, d)
        } else if !st.isSuccess {
          st.plugin = p.name
          rejected = st
          break
        }
      }
    }
    if rejected != nil {
      for r in reserved.reversed() { r.unreserve(&bindingState, info, node: node) }
    }
    return rejected
  }

  /// PreBind then Bind (schedule_one.go `bindingCycle`): nil when the pod may be bound, else the
  /// rejecting status (after unreserving). Bind plugins run in order until one does not Skip;
  /// KubeSim then binds through the API server (DefaultBinder's `pods/binding` call).
  private func preBindAndBind(_ info: PodInfo, profile: Profile, node: String) -> Status? {
    var failed: Status? = nil
    for p in profile.preBinds {
      var st = p.preBind(&bindingState, info, node: node)
      if !st.isSuccess {
        st.plugin = p.name
        failed = st
        break
      }
    }
    if failed == nil {
      for b in profile.binds {
        var st = b.bind(&bindingState, info, node: node)
        if st.code == .skip { continue }
        if !st.isSuccess {
          st.plugin = b.name
          failed = st
        }
        break
      }
    }
    if failed != nil {
      for r in profile.reserves.reversed() { r.unreserve(&bindingState, info, node: node) }
    }
    return failed
  }

  /// Runs DefaultPreemption's PostFilter for a pod that fits nowhere.
  private func runPreemption(
    _ preemption: DefaultPreemption, _ pod: PodInfo, profile: Profile, fitError: FitError,
    _ ctx: inout ComponentContext
  ) -> PreemptionOutcome {
    var statuses: [(slot: Int, status: Status)] = []
    for s in fitError.nodeStatuses {
      if let slot = snapshot.table.slot(of: s.node) { statuses.append((slot, s.status)) }
    }
    var pdbs: [PodDisruptionBudgetInfo] = []
    let pdbObjects = ctx.api.list(.podDisruptionBudget)
    if !pdbObjects.isEmpty && pod.pod.spec.preemptionPolicy != .never {
      var pods: [Pod] = []
      for o in ctx.api.list(.pod) { if case .pod(let p) = o { pods.append(p) } }
      for o in pdbObjects {
        if case .podDisruptionBudget(let b) = o { pdbs.append(.from(b, pods: pods)) }
      }
    }
    let order = tree.order
    let now = ctx.now
    return ctx.withRandom("scheduler") { rng in
      preemption.postFilter(
        pod, profile: profile, snapshot: &snapshot, statuses: statuses, order: order, pdbs: pdbs,
        now: now, random: &rng, nominated: nominatedPods)
    }
  }

  /// preemption.go `prepareCandidate`: each victim gets the DisruptionTarget condition and is
  /// deleted gracefully (event `Preempted`), lower-priority pods nominated to the node lose
  /// their nomination; the caller sets the preemptor's `status.nominatedNodeName`.
  private func preempt(_ c: PreemptionCandidate, by pod: Pod, profile: Profile, _ ctx: inout ComponentContext) {
    let node = snapshot.table.names[c.slot]
    for v in c.victims {
      guard case .pod(var victim)? = ctx.api.get(.pod, v.namespace, v.name) else { continue }
      // preemption.go: condition DisruptionTarget, reason PreemptionByScheduler, message
      // "<schedulerName>: preempting to accommodate a higher priority pod".
      victim.status.setCondition(
        type: "DisruptionTarget", status: .true, at: ctx.now,
        reason: DefaultPreemption.reasonPreemptionByScheduler,
        message: "\(profile.schedulerName): preempting to accommodate a higher priority pod")
      _ = try? ctx.api.updateStatus(.pod(victim))
      _ = try? ctx.api.delete(.pod, v.namespace, v.name)
      // preemption.go `PreemptPod`: "Preempted by pod %v on node %v" (preemptor UID).
      ctx.recordEvent(
        type: .normal, reason: "Preempted",
        object: ObjectReference(kind: "Pod", namespace: v.namespace, name: v.name), node: node,
        message: "Preempted by pod \(pod.metadata.uid) on node \(node)")
    }
    // `getLowerPriorityNominatedPods`: their nomination to this node is cleared.
    let prio = pod.spec.priority ?? 0
    for o in ctx.api.list(.pod) {
      guard case .pod(var p) = o, p.status.nominatedNodeName == node,
        (p.spec.nodeName ?? "").isEmpty, (p.spec.priority ?? 0) < prio
      else { continue }
      p.status.nominatedNodeName = nil
      nominatedPods.remove(Self.key(p))
      _ = try? ctx.api.updateStatus(.pod(p))
    }
  }

  private func finishCycle(_ ctx: inout ComponentContext) {
    guard let (entry, outcome, pi) = inFlight else { return }
    inFlight = nil
    let preemption = inFlightPreemption
    inFlightPreemption = nil
    let pod = entry.item.pod
    let ns = pod.metadata.namespace ?? "default"
    let name = pod.metadata.name
    let ref = ObjectReference(kind: "Pod", namespace: ns, name: name)
    switch outcome {
    case .scheduled(let slot, _, _):
      let node = snapshot.table.names[slot]
      do {
        if let st = preBindAndBind(entry.item, profile: profiles[pi], node: node) {
          throw BindingRejected(status: st)
        }
        try ctx.api.bind(
          ns, name, to: node, profile: profiles[pi].schedulerName, attempts: entry.attempts)
        queue.done(entry.key)
        // schedule_one.go `bindingCycle`: "Successfully assigned %v/%v to %v".
        ctx.recordEvent(
          type: .normal, reason: "Scheduled", object: ref, node: node,
          message: "Successfully assigned \(ns)/\(name) to \(node)")
      } catch {
        // Upstream forgets the assumed pod and hands it back to the queue (handleSchedulingFailure):
        // a PreBind/Bind rejection names its plugin (schedule_one.go `bindingCycle` wraps it in a
        // FitError); an error (a failed API bind) has none and goes to the error backoffQ.
        _ = forget(entry.key)
        if case .pod(let cur)? = ctx.api.get(.pod, ns, name), (cur.spec.nodeName ?? "").isEmpty,
          cur.metadata.deletionTimestamp == nil
        {
          if let r = error as? BindingRejected, r.status.isRejected, !r.status.plugin.isEmpty {
            queue.addUnschedulable(
              entry.key, now: ctx.now, rejectors: [r.status.plugin], registered: registeredEvents)
          } else {
            queue.addAfterError(entry.key, now: ctx.now)
          }
        } else {
          queue.done(entry.key)
        }
      }
    case .unschedulable(let fitError):
      guard case .pod(var cur)? = ctx.api.get(.pod, ns, name), (cur.spec.nodeName ?? "").isEmpty
      else {
        queue.done(entry.key)
        return
      }
      if let c = preemption {
        preempt(c, by: cur, profile: profiles[pi], &ctx)
        cur.status.nominatedNodeName = snapshot.table.names[c.slot]
      }
      let msg = fitError.message
      // schedule_one.go `handleSchedulingFailure`: event FailedScheduling (Warning) and the
      // PodScheduled=False condition with reason Unschedulable (v1.PodReasonUnschedulable).
      ctx.recordEvent(
        type: .warning, reason: "FailedScheduling", object: ref, node: nil, message: msg)
      cur.status.setCondition(
        type: "PodScheduled", status: .false, at: ctx.now,
        reason: fitError.numAllNodes == 0 ? "SchedulerError" : "Unschedulable", message: msg)
      // PostFilter's nomination (schedule_one.go `handleSchedulingFailure` →
      // `updatePod` with the nominating info).
      if let nominated = fitError.nominatedNodeName { cur.status.nominatedNodeName = nominated }
      // handleSchedulingFailure → `AddNominatedPod`: the nomination counts at once.
      if let nominated = cur.status.nominatedNodeName, !nominated.isEmpty {
        nominatedPods.set(PodInfo(cur), node: nominated)
      }
      _ = try? ctx.api.updateStatus(.pod(cur))
      // handleSchedulingFailure: no nodes at all (ErrNoNodesAvailable) is an error, not a fit
      // failure: no plugin rejected the pod.
      let rejectors = fitError.unschedulablePlugins
      if fitError.numAllNodes == 0 || rejectors.isEmpty {
        queue.addAfterError(entry.key, now: ctx.now)
      } else {
        queue.addUnschedulable(
          entry.key, now: ctx.now, rejectors: rejectors, registered: registeredEvents)
      }
    }
  }

  private func profileIndex(for pod: Pod) -> Int? {
    let name = pod.spec.schedulerName ?? "default-scheduler"
    return profiles.firstIndex { $0.schedulerName == name }
  }

  static func isSpreadSource(_ o: APIObject) -> Bool {
    switch o {
    case .service, .replicaSet, .statefulSet: return true
    default: return false
    }
  }

  static func key(_ p: Pod) -> String { "\(p.metadata.namespace ?? "default")/\(p.metadata.name)" }
}

/// A PreBind or Bind plugin's rejection, handled like a failed API bind.
private struct BindingRejected: Error {
  var status: Status
}

/// One scheduling attempt, kept when `DefaultScheduler.recordAttempts` is on.
public struct ScheduleAttempt: Sendable {
  public var time: SimTime
  /// `namespace/name`.
  public var pod: String
  /// 1 for the first attempt.
  public var attempt: Int
  public var outcome: ScheduleOutcome
  /// Node names by slot at the time of the attempt.
  public var nodeNames: [String]
  /// Filter verdicts of the visited nodes, in visiting order (nil = feasible).
  public var verdicts: [(slot: Int, status: Status?)]
  /// Per-node score detail (empty when 0 or 1 node was feasible).
  public var scores: [ScoreDetail]
  /// The profile's scheduler name.
  public var profile: String = ""
  /// Plugins whose PreFilter or PreScore returned Skip.
  public var skipped: [String] = []
  /// The profile's Filter plugins, in order.
  public var filters: [String] = []
}
