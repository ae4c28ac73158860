import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel

/// The disruption controller (upstream pkg/controller/disruption/disruption.go, v1.35) as a
/// `Component`: writes each PodDisruptionBudget's status from the pods its selector matches.
///
/// - `expectedPods` and `desiredHealthy` (`getExpectedPodCount`): with an integer
///   `minAvailable`, expected = the matching pods and desired = minAvailable; with a percentage
///   `minAvailable` or any `maxUnavailable`, expected = the sum of the replicas of the pods'
///   controllers (a ReplicaSet's Deployment, a ReplicaSet, a StatefulSet) and desired =
///   ⌈minAvailable% · expected⌉ or expected − maxUnavailable (percentages rounded up), ≥ 0.
/// - `currentHealthy` (`countHealthyPods`): Ready pods, not terminating, not in
///   `disruptedPods`.
/// - `disruptedPods` (`buildDisruptedPodMap`): an entry the eviction API added is dropped when
///   the pod is seen terminating or gone, or after `DeletionTimeout` (2 min); the controller
///   resyncs at the earliest expiry.
/// - `disruptionsAllowed` = currentHealthy − desiredHealthy, 0 when negative or when no pod is
///   expected; the `DisruptionAllowed` condition is True/`SufficientPods` or
///   False/`InsufficientPods`; `observedGeneration`.
///
/// KubeSim differs: a matching pod without a known controller counts as one expected pod
/// (upstream fails the sync with `SyncFailed`).
public final class DisruptionController: Component {
  public let componentName = "disruption-controller"
  public var watches: [WatchFilter] {
    [WatchFilter(kind: .podDisruptionBudget), WatchFilter(kind: .pod)]
  }

  /// `DeletionTimeout` (disruption.go): 2 min.
  public static let deletionTimeout = SimDuration.seconds(120)

  /// Budgets by namespace: name → selector.
  private var budgets: [String: [String: LabelSelector]] = [:]
  private var dirty = DirtyKeys()
  private var expiryTokens: [UInt64: String] = [:]
  private var nextToken: UInt64 = 1

  public init() {}

  public func observe(_ change: WatchChange, _ ctx: inout ComponentContext) {
    switch change {
    case .added(.podDisruptionBudget(let b)), .modified(_, .podDisruptionBudget(let b)):
      let ns = b.metadata.namespace ?? "default"
      budgets[ns, default: [:]][b.metadata.name] = b.spec.selector ?? LabelSelector()
      markDirty("\(ns)/\(b.metadata.name)", &ctx)
    case .deleted(.podDisruptionBudget(let b)):
      budgets[b.metadata.namespace ?? "default"]?[b.metadata.name] = nil
    case .added(.pod(let p)), .deleted(.pod(let p)):
      podChanged(p, nil, &ctx)
    case .modified(let old, .pod(let p)):
      podChanged(p, old.asPod, &ctx)
    default: break
    }
  }

  private func podChanged(_ p: Pod, _ old: Pod?, _ ctx: inout ComponentContext) {
    let ns = p.metadata.namespace ?? "default"
    guard let inNS = budgets[ns] else { return }
    for (name, selector) in inNS {
      if Self.selects(selector, p) || (old.map { Self.selects(selector, $0) } ?? false) {
        markDirty("\(ns)/\(name)", &ctx)
      }
    }
  }

  /// An empty selector matches nothing in policy/v1 (disruption.go `getPodsForPdb`).
  static func selects(_ s: LabelSelector, _ p: Pod) -> Bool {
    !(s.matchLabels.isEmpty && s.matchExpressions.isEmpty) && s.matches(p.metadata.labels)
  }

  private func markDirty(_ key: String, _ ctx: inout ComponentContext) {
    if dirty.mark(key) { ctx.setTimer(after: .zero, token: 0) }
  }

  public func timerFired(_ token: UInt64, _ ctx: inout ComponentContext) {
    if token == 0 {
      for k in dirty.drain() { sync(k, &ctx) }
    } else if let key = expiryTokens.removeValue(forKey: token) {
      sync(key, &ctx)
    }
  }

  private func sync(_ key: String, _ ctx: inout ComponentContext) {
    let parts = key.split(separator: "/", maxSplits: 1).map(String.init)
    guard parts.count == 2,
      case .podDisruptionBudget(var pdb)? = ctx.api.get(.podDisruptionBudget, parts[0], parts[1])
    else { return }
    let ns = parts[0]
    let selector = pdb.spec.selector ?? LabelSelector()
    let pods = ctx.api.list(.pod, namespace: ns).compactMap(\.asPod).filter {
      Self.selects(selector, $0) && !$0.isTerminal
    }
    var s = pdb.status
    // buildDisruptedPodMap: drop entries for pods terminating or gone, and expired ones.
    var earliest: SimTime?
    s.disruptedPods = s.disruptedPods.filter { entry in
      guard let p = pods.first(where: { $0.metadata.name == entry.name }),
        p.metadata.deletionTimestamp == nil
      else { return false }
      let expiry = entry.time + Self.deletionTimeout
      if expiry < ctx.now { return false }
      earliest = min(earliest ?? expiry, expiry)
      return true
    }
    let (expected, desired) = expectedAndDesired(pdb, pods: pods, ctx.api)
    var healthy = 0
    for p in pods where p.metadata.deletionTimestamp == nil && PodUtil.isReady(p) {
      if s.disruptedPods.contains(where: { $0.name == p.metadata.name }) { continue }
      healthy += 1
    }
    var allowed = healthy - desired
    if expected <= 0 || allowed <= 0 { allowed = 0 }
    s.expectedPods = Int32(expected)
    s.desiredHealthy = Int32(desired)
    s.currentHealthy = Int32(healthy)
    s.disruptionsAllowed = Int32(allowed)
    s.observedGeneration = pdb.metadata.generation
    // disruption.go `updatePdbStatus`: DisruptionAllowed True/SufficientPods or
    // False/InsufficientPods.
    let status: ConditionStatus = allowed > 0 ? .true : .false
    let reason = allowed > 0 ? "SufficientPods" : "InsufficientPods"
    if let old = s.conditions.first(where: { $0.type == "DisruptionAllowed" }),
      old.status == status, old.reason == reason
    {
      if let i = s.conditions.firstIndex(where: { $0.type == "DisruptionAllowed" }) {
        s.conditions[i].observedGeneration = pdb.metadata.generation
      }
    } else {
      s.conditions.removeAll { $0.type == "DisruptionAllowed" }
      s.conditions.append(
        PodDisruptionBudgetCondition(
          type: "DisruptionAllowed", status: status, reason: reason, message: "",
          lastTransitionTime: ctx.now, observedGeneration: pdb.metadata.generation))
    }
    if let e = earliest {
      let token = nextToken
      nextToken += 1
      expiryTokens[token] = key
      ctx.setTimer(at: e + .microseconds(1), token: token)
    }
    if s == pdb.status { return }
    pdb.status = s
    _ = try? ctx.api.updateStatus(.podDisruptionBudget(pdb))
  }

  /// `getExpectedPodCount`: (expectedCount, desiredHealthy).
  private func expectedAndDesired(_ pdb: PodDisruptionBudget, pods: [Pod], _ api: APIServer)
    -> (Int, Int)
  {
    if case .int(let n)? = pdb.spec.minAvailable {
      return (pods.count, max(0, Int(n)))
    }
    let expected = controllerScale(pods, api)
    if let min = pdb.spec.minAvailable {
      return (expected, min.scaledValue(total: expected, roundUp: true) ?? expected)
    }
    if let maxU = pdb.spec.maxUnavailable {
      let m = maxU.scaledValue(total: expected, roundUp: true) ?? 0
      return (expected, max(0, expected - m))
    }
    return (expected, 0)
  }

  /// The summed replicas of the pods' controllers (disruption.go `getExpectedScale`).
  private func controllerScale(_ pods: [Pod], _ api: APIServer) -> Int {
    var seen: Set<String> = []
    var total = 0
    for p in pods {
      guard let ref = PodUtil.controllerRef(p.metadata) else {
        total += 1
        continue
      }
      let ns = p.metadata.namespace
      var uid = ref.uid
      var replicas = 1
      if ref.kind == "ReplicaSet", case .replicaSet(let rs)? = api.get(.replicaSet, ns, ref.name) {
        replicas = Int(rs.spec.replicas ?? 1)
        if let d = PodUtil.controllerRef(rs.metadata), d.kind == "Deployment",
          case .deployment(let dep)? = api.get(.deployment, ns, d.name)
        {
          uid = d.uid
          replicas = Int(dep.spec.replicas ?? 1)
        }
      } else if ref.kind == "StatefulSet",
        case .statefulSet(let ss)? = api.get(.statefulSet, ns, ref.name)
      {
        replicas = Int(ss.spec.replicas ?? 1)
      }
      if seen.insert(uid).inserted { total += replicas }
    }
    return total
  }
}
