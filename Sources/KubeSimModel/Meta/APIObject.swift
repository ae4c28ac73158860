/// An API object of any kind: what the API server stores and what manifests decode to.
///
/// Cases hold their object indirectly (one pointer per value), so stores of 150,000 objects
/// do not pay for the largest kind's size in every slot.
public indirect enum APIObject: Sendable, Equatable {
  /// A Pod.
  case pod(Pod)
  /// A Node.
  case node(Node)
  /// A Namespace.
  case namespace(Namespace)
  /// A Service.
  case service(Service)
  /// A ConfigMap.
  case configMap(ConfigMap)
  /// A Secret.
  case secret(Secret)
  /// A PersistentVolume.
  case persistentVolume(PersistentVolume)
  /// A PersistentVolumeClaim.
  case persistentVolumeClaim(PersistentVolumeClaim)
  /// A ResourceQuota.
  case resourceQuota(ResourceQuota)
  /// A LimitRange.
  case limitRange(LimitRange)
  /// A Deployment.
  case deployment(Deployment)
  /// A ReplicaSet.
  case replicaSet(ReplicaSet)
  /// A DaemonSet.
  case daemonSet(DaemonSet)
  /// A StatefulSet.
  case statefulSet(StatefulSet)
  /// A Job.
  case job(Job)
  /// A CronJob.
  case cronJob(CronJob)
  /// A HorizontalPodAutoscaler.
  case horizontalPodAutoscaler(HorizontalPodAutoscaler)
  /// A PodDisruptionBudget.
  case podDisruptionBudget(PodDisruptionBudget)
  /// A PriorityClass.
  case priorityClass(PriorityClass)
  /// A StorageClass.
  case storageClass(StorageClass)
  /// A EndpointSlice.
  case endpointSlice(EndpointSlice)

  /// The object's kind.
  public var kind: ObjectKind {
    switch self {
    case .pod: return .pod
    case .node: return .node
    case .namespace: return .namespace
    case .service: return .service
    case .configMap: return .configMap
    case .secret: return .secret
    case .persistentVolume: return .persistentVolume
    case .persistentVolumeClaim: return .persistentVolumeClaim
    case .resourceQuota: return .resourceQuota
    case .limitRange: return .limitRange
    case .deployment: return .deployment
    case .replicaSet: return .replicaSet
    case .daemonSet: return .daemonSet
    case .statefulSet: return .statefulSet
    case .job: return .job
    case .cronJob: return .cronJob
    case .horizontalPodAutoscaler: return .horizontalPodAutoscaler
    case .podDisruptionBudget: return .podDisruptionBudget
    case .priorityClass: return .priorityClass
    case .storageClass: return .storageClass
    case .endpointSlice: return .endpointSlice
    }
  }

  /// The object's metadata.
  public var metadata: ObjectMeta {
    // `_read` lends the stored metadata (a getter would copy it for every field read).
    _read {
      switch self {
      case .pod(let o): yield o.metadata
      case .node(let o): yield o.metadata
      case .namespace(let o): yield o.metadata
      case .service(let o): yield o.metadata
      case .configMap(let o): yield o.metadata
      case .secret(let o): yield o.metadata
      case .persistentVolume(let o): yield o.metadata
      case .persistentVolumeClaim(let o): yield o.metadata
      case .resourceQuota(let o): yield o.metadata
      case .limitRange(let o): yield o.metadata
      case .deployment(let o): yield o.metadata
      case .replicaSet(let o): yield o.metadata
      case .daemonSet(let o): yield o.metadata
      case .statefulSet(let o): yield o.metadata
      case .job(let o): yield o.metadata
      case .cronJob(let o): yield o.metadata
      case .horizontalPodAutoscaler(let o): yield o.metadata
      case .podDisruptionBudget(let o): yield o.metadata
      case .priorityClass(let o): yield o.metadata
      case .storageClass(let o): yield o.metadata
      case .endpointSlice(let o): yield o.metadata
      }
    }
    set {
      switch self {
      case .pod(var o):
        o.metadata = newValue
        self = .pod(o)
      case .node(var o):
        o.metadata = newValue
        self = .node(o)
      case .namespace(var o):
        o.metadata = newValue
        self = .namespace(o)
      case .service(var o):
        o.metadata = newValue
        self = .service(o)
      case .configMap(var o):
        o.metadata = newValue
        self = .configMap(o)
      case .secret(var o):
        o.metadata = newValue
        self = .secret(o)
      case .persistentVolume(var o):
        o.metadata = newValue
        self = .persistentVolume(o)
      case .persistentVolumeClaim(var o):
        o.metadata = newValue
        self = .persistentVolumeClaim(o)
      case .resourceQuota(var o):
        o.metadata = newValue
        self = .resourceQuota(o)
      case .limitRange(var o):
        o.metadata = newValue
        self = .limitRange(o)
      case .deployment(var o):
        o.metadata = newValue
        self = .deployment(o)
      case .replicaSet(var o):
        o.metadata = newValue
        self = .replicaSet(o)
      case .daemonSet(var o):
        o.metadata = newValue
        self = .daemonSet(o)
      case .statefulSet(var o):
        o.metadata = newValue
        self = .statefulSet(o)
      case .job(var o):
        o.metadata = newValue
        self = .job(o)
      case .cronJob(var o):
        o.metadata = newValue
        self = .cronJob(o)
      case .horizontalPodAutoscaler(var o):
        o.metadata = newValue
        self = .horizontalPodAutoscaler(o)
      case .podDisruptionBudget(var o):
        o.metadata = newValue
        self = .podDisruptionBudget(o)
      case .priorityClass(var o):
        o.metadata = newValue
        self = .priorityClass(o)
      case .storageClass(var o):
        o.metadata = newValue
        self = .storageClass(o)
      case .endpointSlice(var o):
        o.metadata = newValue
        self = .endpointSlice(o)
      }
    }
  }

  /// The object's name.
  public var name: String { metadata.name }

  /// The object's namespace (nil for cluster-scoped kinds).
  public var namespace: String? { metadata.namespace }

  /// `Kind/namespace/name`, or `Kind/name` for cluster-scoped kinds, as in `events.jsonl`.
  public var qualifiedName: String {
    if kind.isNamespaced {
      return "\(kind.name)/\(metadata.namespace ?? "default")/\(metadata.name)"
    }
    return "\(kind.name)/\(metadata.name)"
  }

  /// The Pod, if this is one.
  public var asPod: Pod? {
    if case .pod(let o) = self { return o }
    return nil
  }

  /// The Node, if this is one.
  public var asNode: Node? {
    if case .node(let o) = self { return o }
    return nil
  }

  /// The Namespace, if this is one.
  public var asNamespace: Namespace? {
    if case .namespace(let o) = self { return o }
    return nil
  }

  /// The Service, if this is one.
  public var asService: Service? {
    if case .service(let o) = self { return o }
    return nil
  }

  /// The ConfigMap, if this is one.
  public var asConfigMap: ConfigMap? {
    if case .configMap(let o) = self { return o }
    return nil
  }

  /// The Secret, if this is one.
  public var asSecret: Secret? {
    if case .secret(let o) = self { return o }
    return nil
  }

  /// The PersistentVolume, if this is one.
  public var asPersistentVolume: PersistentVolume? {
    if case .persistentVolume(let o) = self { return o }
    return nil
  }

  /// The PersistentVolumeClaim, if this is one.
  public var asPersistentVolumeClaim: PersistentVolumeClaim? {
    if case .persistentVolumeClaim(let o) = self { return o }
    return nil
  }

  /// The ResourceQuota, if this is one.
  public var asResourceQuota: ResourceQuota? {
    if case .resourceQuota(let o) = self { return o }
    return nil
  }

  /// The LimitRange, if this is one.
  public var asLimitRange: LimitRange? {
    if case .limitRange(let o) = self { return o }
    return nil
  }

  /// The Deployment, if this is one.
  public var asDeployment: Deployment? {
    if case .deployment(let o) = self { return o }
    return nil
  }

  /// The ReplicaSet, if this is one.
  public var asReplicaSet: ReplicaSet? {
    if case .replicaSet(let o) = self { return o }
    return nil
  }

  /// The DaemonSet, if this is one.
  public var asDaemonSet: DaemonSet? {
    if case .daemonSet(let o) = self { return o }
    return nil
  }

  /// The StatefulSet, if this is one.
  public var asStatefulSet: StatefulSet? {
    if case .statefulSet(let o) = self { return o }
    return nil
  }

  /// The Job, if this is one.
  public var asJob: Job? {
    if case .job(let o) = self { return o }
    return nil
  }

  /// The CronJob, if this is one.
  public var asCronJob: CronJob? {
    if case .cronJob(let o) = self { return o }
    return nil
  }

  /// The HorizontalPodAutoscaler, if this is one.
  public var asHorizontalPodAutoscaler: HorizontalPodAutoscaler? {
    if case .horizontalPodAutoscaler(let o) = self { return o }
    return nil
  }

  /// The PodDisruptionBudget, if this is one.
  public var asPodDisruptionBudget: PodDisruptionBudget? {
    if case .podDisruptionBudget(let o) = self { return o }
    return nil
  }

  /// The PriorityClass, if this is one.
  public var asPriorityClass: PriorityClass? {
    if case .priorityClass(let o) = self { return o }
    return nil
  }

  /// The StorageClass, if this is one.
  public var asStorageClass: StorageClass? {
    if case .storageClass(let o) = self { return o }
    return nil
  }

  /// The EndpointSlice, if this is one.
  public var asEndpointSlice: EndpointSlice? {
    if case .endpointSlice(let o) = self { return o }
    return nil
  }
}
