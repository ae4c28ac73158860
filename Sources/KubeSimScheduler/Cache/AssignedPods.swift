import KubeSimKernel
import KubeSimModel

/// What the inter-pod plugins (InterPodAffinity, PodTopologySpread, DefaultPreemption) read
/// about a pod that is bound or assumed on a node: upstream `NodeInfo.Pods` with the
/// `PodInfo`'s pre-parsed affinity terms (pkg/scheduler/framework/types.go).
public struct AssignedPod: Sendable {
  /// `namespace/name`.
  public var key: String
  public var namespace: String
  public var labels: Labels
  /// `spec.priority`, 0 when unset.
  public var priority: Int32
  /// `metadata.deletionTimestamp != nil` (terminating pods are not counted by PodTopologySpread).
  public var terminating: Bool
  /// The pod's (anti-)affinity terms, parsed once; nil when it has none.
  public var terms: AffinityTerm.Set?
  /// `metadata.name` and `metadata.uid` (preemption: PDB `disruptedPods`, events).
  public var name: String
  public var uid: String
  /// Effective requests and non-zero requests (preemption removes and restores them).
  public var requests: ResourceVector
  public var nonZeroRequests: ResourceVector
  /// `status.startTime` (preemption's tie-breaks; nil until the kubelet starts the pod).
  public var startTime: SimTime?
  /// Terminating with the `DisruptionTarget` condition of reason `PreemptionByScheduler`
  /// (default_preemption.go `PodEligibleToPreemptOthers`).
  public var preemptedByScheduler: Bool
  /// The PersistentVolumeClaims the pod mounts, by name (VolumeRestrictions, NodeVolumeLimits).
  public var claims: [String]

  public init(_ pod: Pod) {
    key = "\(pod.metadata.namespace ?? "default")/\(pod.metadata.name)"
    namespace = pod.metadata.namespace ?? "default"
    labels = pod.metadata.labels
    priority = pod.spec.priority ?? 0
    terminating = pod.metadata.deletionTimestamp != nil
    let set = AffinityTerm.Set(pod)
    terms = set.isEmpty ? nil : set
    name = pod.metadata.name
    uid = pod.metadata.uid
    requests = PodInfo.requests(of: pod, nonMissing: false)
    nonZeroRequests = PodInfo.requests(of: pod, nonMissing: true)
    startTime = pod.status.startTime
    claims = pod.spec.volumes.compactMap { $0.persistentVolumeClaim?.claimName }
    preemptedByScheduler =
      terminating
      && pod.status.conditions.contains {
        $0.type == "DisruptionTarget" && $0.status == .true
          && $0.reason == DefaultPreemption.reasonPreemptionByScheduler
      }
  }

  /// Upstream `NodeInfo.PodsWithAffinity`: the pod has any pod affinity or anti-affinity term.
  public var hasAffinity: Bool { terms != nil }

  /// Upstream `NodeInfo.PodsWithRequiredAntiAffinity`.
  public var hasRequiredAntiAffinity: Bool { !(terms?.requiredAntiAffinity.isEmpty ?? true) }
}

/// The pods on each node slot, kept incrementally on assume/bind/delete (never rebuilt), plus
/// the per-slot counts of pods with affinity so the plugins visit only the nodes that matter.
///
/// - Complexity: add O(1); remove and update O(pods on the node).
public struct AssignedPods: Sendable {
  /// Pods by node slot, in the order they were added.
  public private(set) var bySlot: [[AssignedPod]] = []
  /// Per slot: number of pods with any pod (anti-)affinity term.
  public private(set) var withAffinity: [Int32] = []
  /// Per slot: number of pods with a required anti-affinity term.
  public private(set) var withRequiredAntiAffinity: [Int32] = []
  /// Total number of pods with affinity / with required anti-affinity, over all slots.
  public private(set) var totalWithAffinity = 0
  public private(set) var totalWithRequiredAntiAffinity = 0
  /// Namespace labels by name (for `namespaceSelector`), fed from Namespace objects.
  public var namespaceLabels: [String: Labels] = [:] {
    didSet {
      cache.clear()
      spreadCache.clear()
    }
  }
  /// Node labels by slot (kept by `NodeSnapshot.upsert`).
  public private(set) var nodeLabels: [Labels] = []
  /// InterPodAffinity's incremental counts. Shared by copies of this value: only the
  /// scheduler's own snapshot may be mutated while the cache is in use.
  public let cache = AffinityCountCache()
  /// PodTopologySpread's incremental domain counts (shared the same way).
  public let spreadCache = SpreadCountCache()
  /// PodTopologySpread's incremental per-node counts (shared the same way).
  public let spreadNodeCounts = SpreadNodeCounts()
  /// Node label values interned per key (shared the same way; dropped on label changes).
  public let topologyValueCache = TopologyValuesCache()
  /// Per slot: the node was removed (`NodeSnapshot.removeNode`). Its pods stay listed until they
  /// are removed, but no longer count in the per-domain caches, which cover live nodes only.
  public private(set) var nodeRemoved: [Bool] = []

  public init() {}

  private mutating func grow(_ slot: Int) {
    while bySlot.count <= slot {
      bySlot.append([])
      withAffinity.append(0)
      withRequiredAntiAffinity.append(0)
    }
  }

  /// Sets a node's labels; a change clears the per-domain caches.
  public mutating func setNodeLabels(_ labels: Labels, slot: Int) {
    while nodeLabels.count <= slot { nodeLabels.append(Labels()) }
    while nodeRemoved.count <= slot { nodeRemoved.append(false) }
    if nodeLabels[slot] != labels {
      nodeLabels[slot] = labels
      cache.clear()
      spreadCache.clear()
      topologyValueCache.clear()
    }
  }

  /// Marks a node's slot removed and clears the per-domain caches (built over live nodes only).
  public mutating func markNodeRemoved(slot: Int) {
    while nodeRemoved.count <= slot { nodeRemoved.append(false) }
    nodeRemoved[slot] = true
    cache.clear()
    spreadCache.clear()
  }

  /// Whether the slot's node was removed.
  @inline(__always)
  public func isRemoved(_ slot: Int) -> Bool { slot < nodeRemoved.count && nodeRemoved[slot] }

  /// The interned values of a node label key by slot (`TopologyValuesCache`).
  func topologyValues(_ key: String) -> TopologyValues {
    topologyValueCache.values(key, nodeLabels: nodeLabels)
  }

  /// Labels of a node slot (empty when unknown).
  @inline(__always)
  public func labels(_ slot: Int) -> Labels {
    slot < nodeLabels.count ? nodeLabels[slot] : Labels()
  }

  /// Adds a pod to a node.
  public mutating func add(_ pod: AssignedPod, slot: Int) {
    grow(slot)
    bySlot[slot].append(pod)
    count(pod, slot: slot, sign: 1)
    applyToCaches(pod, slot: slot, sign: 1)
  }

  /// Removes a pod (by key) from a node. - Returns: whether it was there.
  @discardableResult
  public mutating func remove(key: String, slot: Int) -> Bool {
    guard slot < bySlot.count, let i = bySlot[slot].firstIndex(where: { $0.key == key }) else {
      return false
    }
    let p = bySlot[slot].remove(at: i)
    count(p, slot: slot, sign: -1)
    applyToCaches(p, slot: slot, sign: -1)
    return true
  }

  /// Replaces a pod's record (labels, terminating flag) in place.
  public mutating func update(_ pod: AssignedPod, slot: Int) {
    guard slot < bySlot.count, let i = bySlot[slot].firstIndex(where: { $0.key == pod.key }) else {
      return
    }
    let old = bySlot[slot][i]
    // Most updates are status changes: with the same namespace, labels and terminating flag and
    // no affinity terms on either side, every count stays as it is (−1 then +1 on the same
    // inputs), so skip the cache work.
    if old.terms == nil && pod.terms == nil && old.terminating == pod.terminating
      && old.namespace == pod.namespace && old.labels == pod.labels
    {
      bySlot[slot][i] = pod
      return
    }
    count(old, slot: slot, sign: -1)
    applyToCaches(old, slot: slot, sign: -1)
    bySlot[slot][i] = pod
    count(pod, slot: slot, sign: 1)
    applyToCaches(pod, slot: slot, sign: 1)
  }

  /// Keeps the incremental counts current for one pod arriving (1) or leaving (−1): the
  /// per-node counts always; the per-domain caches only on a live node, since they were built
  /// over live nodes (a removed node's pods leave later and must not subtract from them).
  private func applyToCaches(_ p: AssignedPod, slot: Int, sign: Int32) {
    spreadNodeCounts.apply(p, slot: slot, sign: sign)
    if isRemoved(slot) { return }
    cache.apply(p, nodeLabels: labels(slot), namespaceLabels: namespaceLabels, sign: Int64(sign))
    spreadCache.apply(p, nodeLabels: labels(slot), sign: Int64(sign))
  }

  /// The pods on a slot (empty for a slot never used).
  public func pods(_ slot: Int) -> [AssignedPod] { slot < bySlot.count ? bySlot[slot] : [] }

  private mutating func count(_ p: AssignedPod, slot: Int, sign: Int32) {
    if p.hasAffinity {
      withAffinity[slot] += sign
      totalWithAffinity += Int(sign)
    }
    if p.hasRequiredAntiAffinity {
      withRequiredAntiAffinity[slot] += sign
      totalWithRequiredAntiAffinity += Int(sign)
    }
  }
}
