import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel

/// Measures self-healing over a run: per injected node fault, the time to detection, to the
/// first eviction and to recovery, the pods lost and the Job work lost; per Service, its
/// availability. A passive watcher of pods, nodes and Services (like the summary's pod
/// counter), so its times are those at which the control plane could see the changes (the
/// watch delay after each write).
///
/// Definitions (KubeSim's; Kubernetes has no such metrics):
/// - **detection**: the first time, at or after the fault, that the node's Ready condition is
///   not True.
/// - **eviction**: the first time a pod that was on the node at the fault gets a
///   deletionTimestamp.
/// - **recovery**: the first time after detection that every owner (ReplicaSet, StatefulSet,
///   Job, …) of a pod that was on the node has at least as many Ready, non-terminating pods as
///   at the fault. A fault that is never detected, or hits no owned pod, recovers at detection.
/// - **pods lost**: non-terminal pods on the node at the fault that were later deleted.
/// - **Job work lost**: for the lost pods owned by a Job, the sum of their running time at the
///   fault (their work restarts from zero).
/// - **availability(service/S)**: the fraction of time with at least one Ready, non-terminating
///   pod matching the Service's selector; **availability(service/S, all)**: with every desired
///   pod ready (desired: the `spec.replicas` of the Deployments, StatefulSets and ReplicaSets
///   without owner whose template labels match the selector). Both count from the first time
///   every desired pod was ready, to now.
public final class SelfHealingRecorder: Component {
  public let componentName = "kubesim-self-healing"
  public var watches: [WatchFilter] {
    [WatchFilter(kind: .pod), WatchFilter(kind: .node), WatchFilter(kind: .service)]
  }

  /// One node fault and what followed it.
  public struct FaultRecord: Sendable {
    public var index: Int
    public var text: String
    public var node: String?
    public var injectedAt: SimTime
    public var detectedAt: SimTime?
    public var firstEvictionAt: SimTime?
    public var recoveredAt: SimTime?
    public var podsOnNode: [String] = []
    public var podsLost = 0
    public var jobWorkLost: SimDuration = .zero
    var baseline: [(owner: String, ready: Int)] = []
    var podStart: [String: (owner: String?, isJob: Bool, started: SimTime?)] = [:]
  }
  public private(set) var faults: [FaultRecord] = []
  /// Open faults (indexes into `faults`) by node.
  private var openByNode: [String: [Int]] = [:]
  /// Ready, non-terminating pods per owner uid.
  private var readyByOwner: [String: Int] = [:]
  private var readyPods: Set<String> = []

  struct ServiceTrack {
    var namespace: String
    var selector: StringMap
    var readyPods: Set<String> = []
    var steadySince: SimTime?
    var anyUpTime: SimDuration = .zero
    var allUpTime: SimDuration = .zero
    var lastChange: SimTime = .zero
    var anyUp = false
    var allUp = false
  }
  private var services: [String: ServiceTrack] = [:]
  /// `services`' keys, sorted.
  private var serviceOrder: [String] = []
  /// The keys of the Services whose selector matches pods with these labels in this namespace
  /// (in key order); cleared when a Service comes or goes.
  private var matching: [MatchKey: [String]] = [:]
  struct MatchKey: Hashable {
    var namespace: String
    var labels: StringMap
  }
  /// Per Service: its desired pod count and the spec writes to Deployments, StatefulSets and
  /// ReplicaSets it was computed at (`desired`; replicas, template labels and owners are spec
  /// or owner references).
  private var desiredCache: [String: (writes: Int, count: Int)] = [:]

  /// An empty recorder.
  public init() {}

  // MARK: Faults

  /// Called by the runner right after it injects a node fault.
  func faultInjected(_ text: String, node: String?, api: APIServer) {
    var r = FaultRecord(index: faults.count + 1, text: text, node: node, injectedAt: api.now)
    if let node {
      var owners: [String] = []
      for p in api.pods(onNode: node) where !p.isTerminal && p.metadata.deletionTimestamp == nil {
        let key = Self.key(p)
        r.podsOnNode.append(key)
        let owner = p.metadata.ownerReferences.first
        if let uid = owner?.uid, !owners.contains(uid) { owners.append(uid) }
        r.podStart[key] = (owner?.uid, owner?.kind == "Job", p.status.startTime)
      }
      r.baseline = owners.map { ($0, readyByOwner[$0] ?? 0) }
      if let ready = api.get(.node, nil, node)?.asNode?.status.conditions.first(where: {
        $0.type == "Ready"
      }), ready.status != .true {
        r.detectedAt = api.now
      }
      openByNode[node, default: []].append(faults.count)
    }
    faults.append(r)
  }

  // MARK: Watch

  public func observe(_ change: WatchChange, _ ctx: inout ComponentContext) {
    let now = ctx.now
    switch change.object {
    case .node(let n):
      guard let open = openByNode[n.metadata.name] else { return }
      let ready = n.status.conditions.first { $0.type == "Ready" }?.status == .true
      for i in open where faults[i].detectedAt == nil && !ready { faults[i].detectedAt = now }
      checkRecovery(n.metadata.name, now)
    case .service(let s):
      let key = "\(s.metadata.namespace ?? "default")/\(s.metadata.name)"
      if case .deleted = change {
        services[key] = nil
        serviceOrder.removeAll { $0 == key }
        matching = [:]
        desiredCache[key] = nil
      } else if services[key] == nil {
        services[key] = ServiceTrack(
          namespace: s.metadata.namespace ?? "default", selector: s.spec.selector ?? [:],
          lastChange: now)
        serviceOrder.insert(key, at: serviceOrder.firstIndex { $0 > key } ?? serviceOrder.count)
        matching = [:]
        for p in ctx.api.list(.pod).compactMap(\.asPod) { notePod(p, now, &ctx) }
      }
    case .pod(let p):
      var pod = p
      if case .deleted = change {
        pod.metadata.deletionTimestamp = pod.metadata.deletionTimestamp ?? now
      }
      notePod(pod, now, &ctx)
      if pod.metadata.deletionTimestamp != nil, let node = pod.spec.nodeName,
        let open = openByNode[node]
      {
        let key = Self.key(pod)
        for i in open {
          guard let start = faults[i].podStart.removeValue(forKey: key) else { continue }
          if start.isJob, let started = start.started, started < faults[i].injectedAt {
            faults[i].jobWorkLost = faults[i].jobWorkLost + (faults[i].injectedAt - started)
          }
          faults[i].podsLost += 1
          if faults[i].firstEvictionAt == nil { faults[i].firstEvictionAt = now }
        }
      }
      for node in openByNode.keys.sorted() { checkRecovery(node, now) }
    default: break
    }
  }

  public func timerFired(_ token: UInt64, _ ctx: inout ComponentContext) {}

  private func notePod(_ p: Pod, _ now: SimTime, _ ctx: inout ComponentContext) {
    let key = Self.key(p)
    let ready =
      p.metadata.deletionTimestamp == nil && !p.isTerminal
      && p.status.conditions.contains { $0.type == "Ready" && $0.status == .true }
    let was = readyPods.contains(key)
    if ready != was {
      if ready { readyPods.insert(key) } else { readyPods.remove(key) }
      if let owner = p.metadata.ownerReferences.first?.uid {
        readyByOwner[owner, default: 0] += ready ? 1 : -1
      }
    }
    for s in matchingServices(p) {
      guard var t = services[s] else { continue }
      let had = t.readyPods.contains(key)
      if ready == had { continue }
      if ready { t.readyPods.insert(key) } else { t.readyPods.remove(key) }
      advance(&t, now, desired: desired(s, t, ctx.api))
      services[s] = t
    }
  }

  /// The Services (keys, sorted) whose selector matches `p`, cached by namespace and labels.
  private func matchingServices(_ p: Pod) -> [String] {
    let mk = MatchKey(namespace: p.metadata.namespace ?? "default", labels: p.metadata.labels)
    if let hit = matching[mk] { return hit }
    let found = serviceOrder.filter { s in
      guard let t = services[s] else { return false }
      return t.namespace == mk.namespace && !t.selector.isEmpty
        && t.selector.allSatisfy { mk.labels[$0.key] == $0.value }
    }
    matching[mk] = found
    return found
  }

  /// `desiredCount`, recomputed only after a write to the kinds it reads.
  private func desired(_ key: String, _ t: ServiceTrack, _ api: APIServer) -> Int {
    let writes =
      api.specWriteCount(of: .deployment) + api.specWriteCount(of: .statefulSet)
      + api.specWriteCount(of: .replicaSet)
    if let c = desiredCache[key], c.writes == writes { return c.count }
    let n = desiredCount(t, api)
    desiredCache[key] = (writes, n)
    return n
  }

  private func advance(_ t: inout ServiceTrack, _ now: SimTime, desired: Int) {
    if t.steadySince != nil {
      if t.anyUp { t.anyUpTime = t.anyUpTime + (now - t.lastChange) }
      if t.allUp { t.allUpTime = t.allUpTime + (now - t.lastChange) }
    }
    t.lastChange = now
    t.anyUp = !t.readyPods.isEmpty
    t.allUp = t.readyPods.count >= desired && desired > 0
    if t.steadySince == nil && t.allUp { t.steadySince = now }
  }

  private func desiredCount(_ t: ServiceTrack, _ api: APIServer) -> Int {
    func matches(_ labels: StringMap) -> Bool {
      t.selector.allSatisfy { labels[$0.key] == $0.value }
    }
    var n = 0
    for case .deployment(let d) in api.list(.deployment, namespace: t.namespace)
    where matches(d.spec.template.metadata.labels) {
      n += Int(d.spec.replicas ?? 1)
    }
    for case .statefulSet(let s) in api.list(.statefulSet, namespace: t.namespace)
    where matches(s.spec.template.metadata.labels) {
      n += Int(s.spec.replicas ?? 1)
    }
    for case .replicaSet(let r) in api.list(.replicaSet, namespace: t.namespace)
    where r.metadata.ownerReferences.isEmpty && matches(r.spec.template.metadata.labels) {
      n += Int(r.spec.replicas ?? 1)
    }
    return n
  }

  private func checkRecovery(_ node: String, _ now: SimTime) {
    guard var open = openByNode[node] else { return }
    open.removeAll { i in
      guard let detected = faults[i].detectedAt, faults[i].recoveredAt == nil else {
        return faults[i].recoveredAt != nil
      }
      let back = faults[i].baseline.allSatisfy { (readyByOwner[$0.owner] ?? 0) >= $0.ready }
      if back && now >= detected && (now > detected || faults[i].baseline.isEmpty) {
        faults[i].recoveredAt = now
        return true
      }
      return false
    }
    openByNode[node] = open.isEmpty ? nil : open
  }

  // MARK: Results

  /// `recovery(fault N)` and friends: a duration from the fault's injection, nil when unknown.
  public func faultMetric(_ name: String, index: Int) -> SimDuration? {
    guard index >= 1, index <= faults.count else { return nil }
    let f = faults[index - 1]
    switch name {
    case "detection": return f.detectedAt.map { $0 - f.injectedAt }
    case "eviction": return f.firstEvictionAt.map { $0 - f.injectedAt }
    case "recovery": return f.recoveredAt.map { $0 - f.injectedAt }
    default: return nil
    }
  }

  /// Availability of `namespace/name` at `now`, in parts per million (any or all ready).
  public func availabilityPPM(_ service: String, all: Bool, now: SimTime) -> Int64? {
    guard var t = services[service] else { return nil }
    guard let since = t.steadySince else { return 0 }
    let total = (now - since).microseconds
    if total <= 0 { return 1_000_000 }
    var up = all ? t.allUpTime : t.anyUpTime
    if all ? t.allUp : t.anyUp { up = up + (now - t.lastChange) }
    _ = t.lastChange
    t.lastChange = now
    return up.microseconds * 1_000_000 / total
  }

  /// Service keys with availability data, sorted.
  public var serviceKeys: [String] { serviceOrder }

  static func key(_ p: Pod) -> String { "\(p.metadata.namespace ?? "default")/\(p.metadata.name)" }
}
