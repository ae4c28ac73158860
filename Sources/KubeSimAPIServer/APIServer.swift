import KubeSimKernel
import KubeSimModel

/// The simulated kube-apiserver with its etcd: the only way components read and change the
/// cluster.
///
/// Every write goes through defaulting, validation and admission (NamespaceLifecycle, Priority,
/// DefaultTolerationSeconds, LimitRanger, ResourceQuota), gets the next resourceVersion, and
/// is delivered to watchers `settings.watchDelay` later. Reads see the store as of now (there is
/// no informer lag for reads; KubeSim differs from Kubernetes here: a component's cache would
/// lag by the watch delay).
///
/// `update` follows the main resource's semantics: it changes metadata and spec and keeps the
/// stored status (upstream `PrepareForUpdate`); `updateStatus` is the `/status` subresource: it
/// changes status only. Pods are bound with `bind`, the `pods/binding` subresource.
///
/// - Complexity: get O(1); list O(n) (O(n log n) after a create/delete); pods by node and by
///   owner O(k) in the result; a write O(1) plus its watchers.
public final class APIServer {
  /// The run's settings.
  public let settings: SimulationSettings
  package let loop: SimulationLoop

  var stores: [ObjectKind: KindStore] = [:]
  /// Global resourceVersion counter (etcd revision); the last one assigned.
  public internal(set) var resourceVersion: Int64 = 0

  /// Pods by `spec.nodeName`: pod ids, in binding order.
  var podsByNode: [String: [Int32]] = [:]
  /// Objects by owner uid (`metadata.ownerReferences[*].uid`): (kind, id), in the order the
  /// reference was added; O(1) insert and remove (a ReplicaSet may own 150,000 pods).
  var ownedBy: [String: OrderedIDSet<OwnedRef>] = [:]
  /// Per-node sums of the requests of non-terminal pods bound through `bind` (invariants).
  var nodeRequests: [String: ResourceSums] = [:]
  /// Per-namespace usage of pods, for ResourceQuota.
  var namespaceUsage: [String: QuotaUsage] = [:]

  /// Kubernetes Events recorded so far, in simulation order.
  public internal(set) var recordedEvents: [RecordedEvent] = []
  /// Bind records (placements), in simulation order.
  public internal(set) var bindings: [BindRecord] = []
  /// Nodes that received a bind in the current instant (capacity invariant), by name.
  var touchedNodes: [String] = []
  /// Pods (ids) written in the current instant, and nodes whose pod index changed (index
  /// invariants).
  var touchedPods: [Int32] = []
  var touchedIndexNodes: [String] = []
  /// The stored PriorityClasses, for Priority admission; cleared by PriorityClass writes.
  var priorityClassCache: [PriorityClass]?
  /// A namespace whose quota usage changed during the current write.
  var quotaDirtyNamespace: String?
  /// Node Leases (`kube-node-lease/<node>` `spec.renewTime`), by node name; see
  /// `APIServer+Lease.swift`.
  var nodeLeases: [String: NodeLease] = [:]
  /// Per tracker (`registerNodeChangeTracker`): names of nodes written, or whose Lease started or
  /// stopped being renewed, since the tracker was last drained.
  var nodeChangeTrackers: [Set<String>] = []
  /// Per tracker (`registerPodChangeTracker`): "namespace/name" of the pods written since the
  /// tracker was last drained.
  var podChangeTrackers: [Set<String>] = []
  /// Writes that created, deleted, or changed the spec or owner references of a Deployment,
  /// StatefulSet or ReplicaSet, per kind (`specWriteCount`; only looked up).
  var specWriteCounts: [ObjectKind: Int] = [:]
  /// Writes fail until then (fault `api-server-outage`, `APIServer+Outage.swift`).
  public internal(set) var unavailableUntil: SimTime?
  /// Request rates each pod serves (the traffic model writes it; metrics read it for
  /// traffic-driven usage), like the metrics API beside the store.
  public let traffic = TrafficLedger()
  /// Called synchronously after a Node is created (the World registers its kubelet here).
  package var onNodeCreated: ((Node) -> Void)?

  /// An API server at time zero holding what kube-apiserver creates at start: the namespaces
  /// `default`, `kube-system`, `kube-public`, `kube-node-lease`
  /// (pkg/controlplane/controller/systemnamespaces) and the PriorityClasses
  /// `system-node-critical` (2000001000) and `system-cluster-critical` (2000000000)
  /// (pkg/apis/scheduling/types.go, created by the scheduling post-start hook).
  public init(settings: SimulationSettings = .default, seed: UInt64) {
    self.settings = settings
    self.loop = SimulationLoop(seed: seed, watchDelay: settings.watchDelay)
    loop.onWrite = { [unowned self] kind, change in noteWrite(kind, change) }
    // A node whose traffic levels were exceeded runs its next status update, like a node write.
    traffic.onWake = { [unowned self] node in
      if let m = nodeLeases[node]?.train { loop.setTrainDue(m, now) }
    }
    for name in ["default", "kube-node-lease", "kube-public", "kube-system"] {
      _ = try? create(.namespace(Namespace(metadata: ObjectMeta(name: name))))
    }
    for pc in Defaulting.systemPriorityClasses {
      _ = try? create(.priorityClass(pc))
    }
  }

  /// The run's root seed.
  public var seed: UInt64 { loop.streams.seed }

  /// The current simulated time.
  public var now: SimTime { loop.now }

  // MARK: Reads

  /// The object `kind` `namespace`/`name`, or nil. `namespace` is ignored for cluster-scoped
  /// kinds.
  public func get(_ kind: ObjectKind, _ namespace: String?, _ name: String) -> APIObject? {
    stores[kind]?.get(key(kind, namespace, name))
  }

  /// Every object of `kind`, ordered by namespace, then name.
  public func list(_ kind: ObjectKind) -> [APIObject] {
    guard let store = stores[kind] else { return [] }
    let ids = store.sortedIDs()
    return ids.compactMap { store[$0] }
  }

  /// Every object of `kind` in `namespace`, ordered by name.
  public func list(_ kind: ObjectKind, namespace: String) -> [APIObject] {
    list(kind).filter { $0.metadata.namespace == namespace }
  }

  /// Number of objects of `kind` that satisfy `predicate`, without sorting or copying the list
  /// (for expectations such as `count(pods{app=web})` checked after every instant).
  /// - Complexity: O(objects of `kind`).
  public func count(_ kind: ObjectKind, where predicate: (APIObject) throws -> Bool) rethrows
    -> Int
  {
    guard let store = stores[kind] else { return 0 }
    var n = 0
    for case let object? in store.objects where try predicate(object) { n += 1 }
    return n
  }

  /// Number of objects of `kind`.
  public func count(_ kind: ObjectKind) -> Int { stores[kind]?.count ?? 0 }

  /// The pods with `spec.nodeName == node`, in the order they were bound.
  /// - Complexity: O(pods on the node).
  public func pods(onNode node: String) -> [Pod] {
    guard let ids = podsByNode[node], let store = stores[.pod] else { return [] }
    return ids.compactMap { id in
      if case .pod(let pod)? = store[id] { return pod }
      return nil
    }
  }

  /// The objects whose `ownerReferences` name `uid`, in creation order.
  /// - Complexity: O(owned objects).
  public func objects(ownedBy uid: String) -> [APIObject] {
    guard let refs = ownedBy[uid] else { return [] }
    return refs.elements.compactMap { stores[$0.kind]?[$0.id] }
  }

  /// The pods whose `ownerReferences` name `uid`, in creation order.
  public func pods(ownedBy uid: String) -> [Pod] {
    objects(ownedBy: uid).compactMap { if case .pod(let p) = $0 { return p } else { return nil } }
  }

  func key(_ kind: ObjectKind, _ namespace: String?, _ name: String) -> ObjectKey {
    ObjectKey(namespace: kind.isNamespaced ? (namespace ?? "default") : "", name: name)
  }

  // MARK: Events and placements

  /// Records a Kubernetes Event at the current time.
  public func recordEvent(
    type: EventType, reason: String, object: ObjectReference, node: String?, message: String
  ) {
    recordedEvents.append(
      RecordedEvent(
        time: now, type: type, reason: reason, object: object, node: node, message: message))
  }
}

/// A reference from an owner uid to one owned object.
struct OwnedRef: Hashable {
  var kind: ObjectKind
  var id: Int32
}

/// One successful bind, as `placements.csv` lists it.
public struct BindRecord: Sendable, Hashable {
  /// When the bind happened.
  public var time: SimTime
  /// The pod's namespace.
  public var namespace: String
  /// The pod's name.
  public var pod: String
  /// The node it was bound to.
  public var node: String
  /// The scheduler profile (`schedulerName`) that bound the pod.
  public var profile: String
  /// Scheduling attempts it took (1 when the first attempt bound it).
  public var attempts: Int
}
