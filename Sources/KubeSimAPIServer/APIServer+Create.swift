import KubeSimKernel
import KubeSimModel

extension APIServer {
  /// Creates `object`: namespace defaulting, name generation, defaulting, admission, then the
  /// store; watchers see `.added` `watchDelay` later. Returns the object as stored (with uid,
  /// resourceVersion, generation, creationTimestamp and any generated name).
  ///
  /// Upstream order (staging/src/k8s.io/apiserver/pkg/endpoints/handlers/create.go, then
  /// registry/generic/registry/store.go `Create`): mutating admission, `BeforeCreate`
  /// (defaulting, generateName), validation, validating admission (ResourceQuota), storage.
  /// KubeSim runs admission before name generation, so admission errors name a generated
  /// object by its `generateName` (`pods "web-5d8f7c6b9-" is forbidden: …`), as real events show.
  @discardableResult
  public func create(_ object: APIObject) throws(APIError) -> APIObject {
    try checkAvailable()
    var obj = object
    let kind = obj.kind
    normalizeNamespace(&obj)
    let generateName = obj.metadata.generateName ?? ""
    let displayName = obj.metadata.name.isEmpty ? generateName : obj.metadata.name
    if obj.metadata.name.isEmpty && generateName.isEmpty {
      // staging/src/k8s.io/apimachinery/pkg/api/validation/objectmeta.go ValidateObjectMetaAccessor
      throw .invalid(
        kind, "", "metadata.name: Required value: name or generateName is required")
    }
    try admitNamespace(kind, obj.metadata.namespace, name: displayName)
    applyDefaults(&obj)
    try admitMutating(&obj, name: displayName)
    try validate(obj, name: displayName)
    try admitQuota(obj, name: displayName, replacing: nil)
    if obj.metadata.name.isEmpty {
      obj.metadata.name = self.generateName(kind, obj.metadata.namespace, generateName)
      if let problem = Self.nameError(obj) {
        throw .invalid(kind, obj.metadata.name, problem)
      }
    }
    let key = self.key(kind, obj.metadata.namespace, obj.metadata.name)
    if stores[kind]?.id(of: key) != nil {
      throw .alreadyExists(kind, obj.metadata.name)
    }
    resourceVersion += 1
    obj.metadata.uid = newUID()
    if case .job(var job) = obj {
      // pkg/registry/batch/job/strategy.go `PrepareForCreate` → `generateSelector` (needs the uid).
      Defaulting.generateJobSelector(&job)
      obj = .job(job)
    }
    obj.metadata.resourceVersion = String(resourceVersion)
    obj.metadata.generation = 1
    obj.metadata.creationTimestamp = now
    obj.metadata.deletionTimestamp = nil
    prepareForCreate(&obj)
    insert(obj, key: key)
    loop.publish(kind, .added(obj))
    if let ns = obj.metadata.namespace { refreshQuotaStatus(ns) }
    if case .node(let node) = obj { onNodeCreated?(node) }
    return obj
  }

  /// Status a new object starts with, whatever the manifest said.
  ///
  /// Pods: `pkg/registry/core/pod/strategy.go` `PrepareForCreate` (v1.33) replaces the status with
  /// `{phase: Pending, qosClass: <computed>}`; a pod's status is written only by the scheduler and
  /// its kubelet afterwards.
  func prepareForCreate(_ obj: inout APIObject) {
    if case .pod(var pod) = obj {
      pod.status = PodStatus(phase: .pending, qosClass: pod.computedQOSClass)
      obj = .pod(pod)
    }
    if case .namespace(var ns) = obj {
      // registry/core/namespace/strategy.go `PrepareForCreate`: the `kubernetes` finalizer,
      // which the namespace controller removes once the namespace is empty.
      ns.spec.finalizers = [APIServer.namespaceFinalizer]
      obj = .namespace(ns)
    }
  }

  /// Cluster-scoped kinds drop `metadata.namespace`; namespaced kinds default it to `default`
  /// (as kubectl and client-go do for an object without one).
  func normalizeNamespace(_ obj: inout APIObject) {
    if obj.kind.isNamespaced {
      if (obj.metadata.namespace ?? "").isEmpty { obj.metadata.namespace = "default" }
    } else {
      obj.metadata.namespace = nil
    }
  }

  /// API-server defaulting (the model's `Defaulting.apply(to:)`, upstream `SetDefaults_*`).
  func applyDefaults(_ obj: inout APIObject) {
    Defaulting.apply(to: &obj)
  }

  /// Stores a new object and updates every index.
  func insert(_ obj: APIObject, key: ObjectKey) {
    let kind = obj.kind
    let store: KindStore
    if let existing = stores[kind] {
      store = existing
    } else {
      store = KindStore()
      stores[kind] = store
    }
    let id = store.insert(obj, key: key)
    didWrite(kind)
    for owner in obj.metadata.ownerReferences {
      ownedBy[owner.uid, default: OrderedIDSet()].insert(OwnedRef(kind: kind, id: id))
    }
    if case .pod(let pod) = obj {
      touchedPods.append(id)
      if let node = pod.spec.nodeName, !node.isEmpty {
        touchedIndexNodes.append(node)
        podsByNode[node, default: []].append(id)
        if pod.countsTowardNode {
          nodeRequests[node, default: ResourceSums()].add(PodResources.requests(of: pod))
        }
      }
      namespaceUsage[key.namespace, default: QuotaUsage()].add(pod)
    }
    namespaceUsage[key.namespace, default: QuotaUsage()].count(kind, +1)
  }

  /// Clears caches derived from objects of `kind`.
  func didWrite(_ kind: ObjectKind) {
    if kind == .priorityClass { priorityClassCache = nil }
  }

  /// Removes a stored object and its index entries.
  func removeFromStore(_ kind: ObjectKind, id: Int32) {
    guard let old = stores[kind]?.remove(id) else { return }
    didWrite(kind)
    let ns = old.metadata.namespace ?? ""
    for owner in old.metadata.ownerReferences {
      ownedBy[owner.uid]?.remove(OwnedRef(kind: kind, id: id))
      if ownedBy[owner.uid]?.isEmpty == true { ownedBy[owner.uid] = nil }
    }
    if case .pod(let pod) = old {
      if let node = pod.spec.nodeName, !node.isEmpty {
        removePodFromNode(id, node: node, pod: pod)
      }
      namespaceUsage[ns]?.remove(pod)
    }
    namespaceUsage[ns]?.count(kind, -1)
  }

  func removePodFromNode(_ id: Int32, node: String, pod: Pod) {
    touchedIndexNodes.append(node)
    podsByNode[node]?.removeAll { $0 == id }
    if podsByNode[node]?.isEmpty == true { podsByNode[node] = nil }
    if pod.countsTowardNode { nodeRequests[node]?.subtract(PodResources.requests(of: pod)) }
  }

  /// A name `generateName` + 5 characters of the seeded "names" stream, retried on collision.
  ///
  /// Upstream: staging/src/k8s.io/apiserver/pkg/storage/names/generate.go
  /// (`SimpleNameGenerator`: base truncated to 58 = 63 − 5 characters, then
  /// `utilrand.String(5)`); the create retries a colliding generated name (KEP-4420,
  /// `RetryGenerateName`, up to 8 attempts). KubeSim keeps trying until a free name is found.
  func generateName(_ kind: ObjectKind, _ namespace: String?, _ base: String) -> String {
    let prefix = base.count > 58 ? String(base.prefix(58)) : base
    while true {
      let suffix = loop.withRandom("names") { $0.randomAlphanumeric(count: 5) }
      let name = prefix + suffix
      if stores[kind]?.id(of: key(kind, namespace, name)) == nil { return name }
    }
  }

  /// A deterministic RFC 4122 version-4 UID drawn from the seeded "uid" stream
  /// (upstream uses random v4 UUIDs: k8s.io/apimachinery/pkg/util/uuid `NewUUID`).
  func newUID() -> String {
    let (hi, lo) = loop.withRandom("uid") { ($0.next(), $0.next()) }
    let a = (hi & 0xFFFF_FFFF_FFFF_0FFF) | 0x0000_0000_0000_4000  // version 4
    let b = (lo & 0x3FFF_FFFF_FFFF_FFFF) | 0x8000_0000_0000_0000  // variant 10
    let h = hex(a, 16) + hex(b, 16)
    let c = Array(h)
    return String(c[0..<8]) + "-" + String(c[8..<12]) + "-" + String(c[12..<16]) + "-"
      + String(c[16..<20]) + "-" + String(c[20..<32])
  }

  private func hex(_ v: UInt64, _ width: Int) -> String {
    let s = String(v, radix: 16)
    return String(repeating: "0", count: width - s.count) + s
  }
}
