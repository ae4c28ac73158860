import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel

/// The DaemonSet controller (upstream pkg/controller/daemon/daemon_controller.go and update.go,
/// v1.35) as a `Component`: one pod per eligible node, pinned to it by a required `matchFields`
/// node affinity and bound by the default scheduler (upstream's `ScheduleDaemonSetPods`).
///
/// Per sync (one per dirty DaemonSet per instant, in key order, nodes in name order):
/// - a node is eligible when the template's nodeSelector and required node affinity match it and
///   every NoSchedule/NoExecute taint is tolerated by the template's tolerations plus the
///   automatic DaemonSet tolerations (`DaemonSetTolerations`) — `NodeShouldRunDaemonPod`;
/// - an eligible node without an active pod gets one (`SuccessfulCreate` "Created pod: …"),
///   a node with several keeps the oldest, an ineligible node loses its pods
///   (`SuccessfulDelete` "Deleted pod: …"), as `podsShouldBeOnNode`;
/// - RollingUpdate (update.go `rollingUpdate`): pods whose `controller-revision-hash` differs from
///   the template's are replaced, at most `maxUnavailable` (default 1) nodes unavailable at once;
///   with `maxSurge` > 0 the new pod is created first and the old one deleted once the new is
///   available. OnDelete: old pods stay until deleted by hand; new pods use the new template;
/// - status: desired/current/misscheduled/ready/available/unavailable/updated, observedGeneration.
///
/// - claims pods as `getDaemonPods` does (`ControllerRefManager`): matching orphans of its
///   namespace are adopted, owned pods whose labels stop matching are released.
///
/// KubeSim differs: the revision hash is KubeSim's pod-template hash (no ControllerRevision
/// objects), and there is no burst limit or slow start on creations.
public final class DaemonSetController: Component {
  public let componentName = "daemonset-controller"
  public var watches: [WatchFilter] {
    [WatchFilter(kind: .daemonSet), WatchFilter(kind: .node), WatchFilter(kind: .pod)]
  }

  /// The label with the template's revision hash (apps/v1 `DefaultDaemonSetUniqueLabelKey`).
  public static let revisionLabel = "controller-revision-hash"

  private var sets: [String: DaemonSet] = [:]
  private var keyByUID: [String: String] = [:]
  private var nodes: [String: Node] = [:]
  /// Pods by owner uid, then pod key.
  private var pods: [String: [String: Pod]] = [:]
  private var dirty = DirtyKeys()
  private var orphans = OrphanPods()
  private var resyncTokens: [UInt64: String] = [:]
  private var nextToken: UInt64 = 1

  public init() {}

  public func observe(_ change: WatchChange, _ ctx: inout ComponentContext) {
    switch change {
    case .added(.daemonSet(let ds)), .modified(_, .daemonSet(let ds)):
      let key = PodUtil.key(ds.metadata)
      sets[key] = ds
      keyByUID[ds.metadata.uid] = key
      markDirty(key, &ctx)
    case .deleted(.daemonSet(let ds)):
      sets[PodUtil.key(ds.metadata)] = nil
      keyByUID[ds.metadata.uid] = nil
    case .added(.node(let n)), .modified(_, .node(let n)):
      nodes[n.metadata.name] = n
      markAll(&ctx)
    case .deleted(.node(let n)):
      nodes[n.metadata.name] = nil
      markAll(&ctx)
    case .added(.pod(let p)), .modified(_, .pod(let p)):
      if case .modified(let old, _) = change, let was = PodUtil.controllerRef(old.metadata),
        was.kind == "DaemonSet", was.uid != PodUtil.controllerRef(p.metadata)?.uid
      {
        // daemon_controller.go `updatePod`: released (or re-owned): the old owner forgets it.
        pods[was.uid]?[PodUtil.key(p.metadata)] = nil
        if let key = keyByUID[was.uid] { markDirty(key, &ctx) }
      }
      if let ref = PodUtil.controllerRef(p.metadata), ref.kind == "DaemonSet" {
        pods[ref.uid, default: [:]][PodUtil.key(p.metadata)] = p
        if let key = keyByUID[ref.uid] { markDirty(key, &ctx) }
      }
      if let orphan = orphans.observe(change) {
        // `addPod`/`updatePod`: an orphan syncs every DaemonSet whose selector matches it.
        for (key, ds) in sets where Self.claimable(ds, orphan) { markDirty(key, &ctx) }
      }
    case .deleted(.pod(let p)):
      _ = orphans.observe(change)
      if let ref = PodUtil.controllerRef(p.metadata), ref.kind == "DaemonSet" {
        pods[ref.uid]?[PodUtil.key(p.metadata)] = nil
        if let key = keyByUID[ref.uid] { markDirty(key, &ctx) }
      }
    default: break
    }
  }

  /// The DaemonSet's (non-empty) selector matches the pod, in its namespace.
  static func claimable(_ ds: DaemonSet, _ p: Pod) -> Bool {
    let s = ds.spec.selector
    return (s.matchLabels.count + s.matchExpressions.count) > 0
      && (ds.metadata.namespace ?? "default") == (p.metadata.namespace ?? "default")
      && s.matches(p.metadata.labels)
  }

  /// `getDaemonPods`: ClaimPods (no filter) with the `dsNotDeleted` recheck; adopted and
  /// released pods count in this sync.
  private func claimPods(_ ds: DaemonSet, _ ctx: inout ComponentContext) {
    let uid = ds.metadata.uid
    let s = ds.spec.selector
    guard (s.matchLabels.count + s.matchExpressions.count) > 0 else { return }
    let current = pods[uid] ?? [:]
    let owned = current.keys.sorted().compactMap { current[$0] }
    let (adopted, released) = ControllerRefManager.claimPods(
      controller: ds.metadata, kind: .daemonSet, apiVersion: "apps/v1", selector: s,
      owned: owned, orphans: &orphans, ctx.api)
    for p in released { pods[uid]?[PodUtil.key(p.metadata)] = nil }
    for p in adopted { pods[uid, default: [:]][PodUtil.key(p.metadata)] = p }
  }

  private func markAll(_ ctx: inout ComponentContext) {
    for key in sets.keys { markDirty(key, &ctx) }
  }

  private func markDirty(_ key: String, _ ctx: inout ComponentContext) {
    if dirty.mark(key) { ctx.setTimer(after: .zero, token: 0) }
  }

  public func timerFired(_ token: UInt64, _ ctx: inout ComponentContext) {
    if token == 0 {
      for k in dirty.drain() { sync(k, &ctx) }
    } else if let key = resyncTokens.removeValue(forKey: token) {
      sync(key, &ctx)
    }
  }

  // MARK: Eligibility

  /// The tolerations every DaemonSet pod gets (pkg/controller/daemon/util/daemonset_util.go
  /// `AddOrUpdateDaemonPodTolerations`): not-ready and unreachable NoExecute, the pressure and
  /// unschedulable NoSchedule taints, and network-unavailable for host-network pods.
  public static func automaticTolerations(hostNetwork: Bool) -> [Toleration] {
    var keys: [(String, TaintEffect)] = [
      ("node.kubernetes.io/not-ready", .noExecute),
      ("node.kubernetes.io/unreachable", .noExecute),
      ("node.kubernetes.io/disk-pressure", .noSchedule),
      ("node.kubernetes.io/memory-pressure", .noSchedule),
      ("node.kubernetes.io/pid-pressure", .noSchedule),
      ("node.kubernetes.io/unschedulable", .noSchedule),
    ]
    if hostNetwork { keys.append(("node.kubernetes.io/network-unavailable", .noSchedule)) }
    return keys.map { Toleration(key: $0.0, operator: .exists, effect: $0.1) }
  }

  /// The template's tolerations with the automatic ones added (those already present kept).
  static func tolerations(_ spec: PodSpec) -> [Toleration] {
    var all = spec.tolerations
    for t in automaticTolerations(hostNetwork: spec.hostNetwork ?? false)
    where !all.contains(where: { $0.key == t.key && $0.effect == t.effect }) {
      all.append(t)
    }
    return all
  }

  /// `NodeShouldRunDaemonPod`: node affinity/selector match and taints tolerated.
  public static func shouldRun(_ spec: PodSpec, on node: Node) -> Bool {
    if !spec.requiredNodeAffinityMatches(labels: node.metadata.labels, name: node.metadata.name) {
      return false
    }
    return tolerations(spec).firstUntoleratedTaint(
      node.spec.taints, effects: [.noSchedule, .noExecute]) == nil
  }

  // MARK: Sync

  private func sync(_ key: String, _ ctx: inout ComponentContext) {
    guard let ds = sets[key], ds.metadata.deletionTimestamp == nil else { return }
    claimPods(ds, &ctx)
    let hash = PodTemplateHash.compute(ds.spec.template, collisionCount: nil)
    let minReady = ds.spec.minReadySeconds ?? 0
    // Active pods by node, oldest first.
    let byNode = activePodsByNode(ds)
    let nodeNames = nodes.keys.sorted()
    var creates: [String] = []
    var deletes: [Pod] = []
    for name in nodeNames {
      guard let node = nodes[name] else { continue }
      let onNode = byNode[name] ?? []
      if Self.shouldRun(ds.spec.template.spec, on: node) {
        if onNode.isEmpty {
          creates.append(name)
        } else if onNode.count > 1, !isRollingSurge(ds, onNode, hash: hash) {
          deletes.append(contentsOf: onNode.dropFirst())
        }
      } else {
        deletes.append(contentsOf: onNode)
      }
    }
    // Pods on nodes that no longer exist.
    for (name, list) in byNode.sorted(by: { $0.key < $1.key }) where nodes[name] == nil {
      deletes.append(contentsOf: list)
    }
    for name in creates { createPod(ds, node: name, hash: hash, &ctx) }
    for p in deletes { deletePod(ds, p, &ctx) }
    if creates.isEmpty && deletes.isEmpty && isRollingUpdate(ds) {
      rollingUpdate(ds, hash: hash, minReady: minReady, &ctx)
    }
    updateStatus(ds, hash: hash, minReady: minReady, &ctx)
  }

  /// Whether several pods on one node are a surge in progress (one old, one new).
  private func isRollingSurge(_ ds: DaemonSet, _ onNode: [Pod], hash: String) -> Bool {
    onNode.count == 2 && surge(ds) > 0
      && Set(onNode.map { $0.metadata.labels[Self.revisionLabel] == hash }).count == 2
  }

  private func isRollingUpdate(_ ds: DaemonSet) -> Bool {
    (ds.spec.updateStrategy?.type ?? "RollingUpdate") == "RollingUpdate"
  }

  private func desired(_ ds: DaemonSet) -> Int32 {
    Int32(nodes.values.filter { Self.shouldRun(ds.spec.template.spec, on: $0) }.count)
  }

  /// update.go `updatedDesiredNodeCounts`: maxSurge (default 0) rounds up, maxUnavailable
  /// (default 1) rounds down, both of the desired count; both 0 → maxUnavailable 1.
  private func fenceposts(_ ds: DaemonSet) -> (surge: Int32, unavailable: Int32) {
    let n = desired(ds)
    let ru = ds.spec.updateStrategy?.rollingUpdate
    let s = DeploymentUtil.scaled(ru?.maxSurge ?? .int(0), n, roundUp: true)
    var u = DeploymentUtil.scaled(ru?.maxUnavailable ?? .int(1), n, roundUp: false)
    if s == 0 && u == 0 { u = 1 }
    return (s, u)
  }

  private func surge(_ ds: DaemonSet) -> Int32 { fenceposts(ds).surge }

  /// update.go `rollingUpdate`, node by node in name order.
  private func rollingUpdate(
    _ ds: DaemonSet, hash: String, minReady: Int32, _ ctx: inout ComponentContext
  ) {
    let (maxSurge, maxUnavailable) = fenceposts(ds)
    let byNode = activePodsByNode(ds)
    let now = ctx.now
    let available = { (p: Pod) in PodUtil.isAvailable(p, minReadySeconds: minReady, now: now) }
    if maxSurge == 0 {
      // Count nodes whose pod is unavailable; replace old unavailable pods first, then old
      // available ones while fewer than maxUnavailable nodes are unavailable.
      var unavailable: Int32 = 0
      var oldAvailable: [Pod] = []
      var oldUnavailable: [Pod] = []
      for name in byNode.keys.sorted() {
        guard let p = byNode[name]?.first else { continue }
        let isNew = p.metadata.labels[Self.revisionLabel] == hash
        if !available(p) {
          unavailable += 1
          if !isNew { oldUnavailable.append(p) }
        } else if !isNew {
          oldAvailable.append(p)
        }
      }
      for p in oldUnavailable { deletePod(ds, p, &ctx) }
      for p in oldAvailable where unavailable < maxUnavailable {
        deletePod(ds, p, &ctx)
        unavailable += 1
      }
      return
    }
    // Surge: a new pod next to each old one (at most maxSurge nodes at once); the old one goes
    // when the new one is available.
    var surging: Int32 = 0
    var candidates: [String] = []
    for name in byNode.keys.sorted() {
      let list = byNode[name] ?? []
      let new = list.first { $0.metadata.labels[Self.revisionLabel] == hash }
      let old = list.filter { $0.metadata.labels[Self.revisionLabel] != hash }
      if old.isEmpty { continue }
      if let new {
        if available(new) {
          for p in old { deletePod(ds, p, &ctx) }
        } else {
          surging += 1
        }
      } else {
        candidates.append(name)
      }
    }
    for name in candidates where surging < maxSurge {
      createPod(ds, node: name, hash: hash, &ctx)
      surging += 1
    }
  }

  /// The node a DaemonSet pod is for: its `metadata.name` matchFields affinity, else its
  /// binding. (Upstream `GetTargetNodeName` looks at the binding first; both agree once the
  /// scheduler honours the affinity, and reading the affinity first keeps the controller's
  /// bookkeeping right while a scheduler without the NodeAffinity filter places pods elsewhere.)
  static func targetNode(_ p: Pod) -> String? {
    let terms =
      p.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?
      .nodeSelectorTerms ?? []
    for t in terms {
      if let f = t.matchFields.first(where: { $0.key == "metadata.name" }), f.values.count == 1 {
        return f.values[0]
      }
    }
    if let n = p.spec.nodeName, !n.isEmpty { return n }
    return nil
  }

  /// The DaemonSet's active pods grouped by the node they target, oldest first on each node.
  private func activePodsByNode(_ ds: DaemonSet) -> [String: [Pod]] {
    var byNode: [String: [Pod]] = [:]
    for p in (pods[ds.metadata.uid] ?? [:]).values where PodUtil.isActive(p) {
      if let node = Self.targetNode(p) { byNode[node, default: []].append(p) }
    }
    for k in byNode.keys { byNode[k]?.sort(by: Self.olderFirst) }
    return byNode
  }

  static func olderFirst(_ a: Pod, _ b: Pod) -> Bool {
    let ta = a.metadata.creationTimestamp?.microseconds ?? 0
    let tb = b.metadata.creationTimestamp?.microseconds ?? 0
    return ta != tb ? ta < tb : a.metadata.name < b.metadata.name
  }

  /// `controller.GetPodFromTemplate` plus daemon_controller.go `syncNodes`: the revision label,
  /// the automatic tolerations, and a required node affinity replaced by `metadata.name In
  /// [node]` (util `ReplaceDaemonSetPodNodeNameNodeAffinity`).
  func podFromTemplate(_ ds: DaemonSet, node: String, hash: String) -> Pod {
    let t = ds.spec.template
    var meta = ObjectMeta(name: "")
    meta.generateName = "\(ds.metadata.name)-"
    meta.namespace = ds.metadata.namespace
    meta.labels = t.metadata.labels
    meta.labels[Self.revisionLabel] = hash
    meta.annotations = t.metadata.annotations
    meta.ownerReferences = [
      OwnerReference(
        apiVersion: "apps/v1", kind: "DaemonSet", name: ds.metadata.name, uid: ds.metadata.uid,
        controller: true, blockOwnerDeletion: true)
    ]
    var spec = t.spec
    spec.tolerations = Self.tolerations(t.spec)
    var affinity = spec.affinity ?? Affinity()
    var nodeAffinity = affinity.nodeAffinity ?? NodeAffinity()
    nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution = NodeSelector(nodeSelectorTerms: [
      NodeSelectorTerm(matchFields: [
        NodeSelectorRequirement(key: "metadata.name", operator: .in, values: [node])
      ])
    ])
    affinity.nodeAffinity = nodeAffinity
    spec.affinity = affinity
    return Pod(metadata: meta, spec: spec)
  }

  private func reference(_ ds: DaemonSet) -> ObjectReference {
    ObjectReference(kind: "DaemonSet", namespace: ds.metadata.namespace, name: ds.metadata.name)
  }

  private func createPod(
    _ ds: DaemonSet, node: String, hash: String, _ ctx: inout ComponentContext
  ) {
    do {
      let created = try ctx.api.create(.pod(podFromTemplate(ds, node: node, hash: hash)))
      if case .pod(let p) = created {
        pods[ds.metadata.uid, default: [:]][PodUtil.key(p.metadata)] = p
      }
      // controller_utils.go `CreatePods`: SuccessfulCreate "Created pod: %v".
      ctx.recordEvent(
        type: .normal, reason: "SuccessfulCreate", object: reference(ds), node: nil,
        message: "Created pod: \(created.metadata.name)")
    } catch {
      // controller_utils.go: FailedCreate "Error creating: %v".
      ctx.recordEvent(
        type: .warning, reason: "FailedCreate", object: reference(ds), node: nil,
        message: "Error creating: \(error.message)")
    }
  }

  private func deletePod(_ ds: DaemonSet, _ p: Pod, _ ctx: inout ComponentContext) {
    let key = PodUtil.key(p.metadata)
    do {
      let after = try ctx.api.delete(.pod, p.metadata.namespace, p.metadata.name)
      if case .pod(let q) = after, q.metadata.deletionTimestamp != nil,
        ctx.api.get(.pod, q.metadata.namespace, q.metadata.name) != nil
      {
        pods[ds.metadata.uid]?[key] = q
      } else {
        pods[ds.metadata.uid]?[key] = nil
      }
      // controller_utils.go `DeletePod`: SuccessfulDelete "Deleted pod: %v".
      ctx.recordEvent(
        type: .normal, reason: "SuccessfulDelete", object: reference(ds), node: nil,
        message: "Deleted pod: \(p.metadata.name)")
    } catch {
      ctx.recordEvent(
        type: .warning, reason: "FailedDelete", object: reference(ds), node: nil,
        message: "Error deleting: \(error.message)")
    }
  }

  /// daemon_controller.go `updateDaemonSetStatus`.
  private func updateStatus(
    _ ds: DaemonSet, hash: String, minReady: Int32, _ ctx: inout ComponentContext
  ) {
    var s = ds.status
    var desired: Int32 = 0
    var current: Int32 = 0
    var misscheduled: Int32 = 0
    var ready: Int32 = 0
    var available: Int32 = 0
    var updated: Int32 = 0
    var waitingForAvailability = false
    let byNode = activePodsByNode(ds)
    for name in nodes.keys.sorted() {
      guard let node = nodes[name] else { continue }
      let should = Self.shouldRun(ds.spec.template.spec, on: node)
      let list = byNode[name] ?? []
      if should {
        desired += 1
        if let p = list.first {
          current += 1
          if PodUtil.isReady(p) {
            ready += 1
            if PodUtil.isAvailable(p, minReadySeconds: minReady, now: ctx.now) {
              available += 1
            } else {
              waitingForAvailability = true
            }
          }
          if list.contains(where: { $0.metadata.labels[Self.revisionLabel] == hash }) {
            updated += 1
          }
        }
      } else if !list.isEmpty {
        misscheduled += 1
      }
    }
    s.desiredNumberScheduled = desired
    s.currentNumberScheduled = current
    s.numberMisscheduled = misscheduled
    s.numberReady = ready
    s.numberAvailable = available
    s.numberUnavailable = max(desired - available, 0)
    s.updatedNumberScheduled = updated
    s.observedGeneration = ds.metadata.generation
    if waitingForAvailability && minReady > 0 {
      // daemon_controller.go: requeue after minReadySeconds to count newly available pods.
      let token = nextToken
      nextToken += 1
      resyncTokens[token] = PodUtil.key(ds.metadata)
      ctx.setTimer(after: .seconds(Int64(minReady)), token: token)
    }
    if s == ds.status { return }
    var updatedDS = ds
    updatedDS.status = s
    if case .daemonSet(let stored)? = try? ctx.api.updateStatus(.daemonSet(updatedDS)) {
      sets[PodUtil.key(stored.metadata)] = stored
    }
  }
}
