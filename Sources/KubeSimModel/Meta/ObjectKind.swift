/// The kinds of API object KubeSim stores, one case per kind of SCENARIO-FORMAT.md.
///
/// Case order is the order `kubesim get all` and deterministic listings use; it has no other
/// meaning. Names, plurals and short names are kubectl's (`kubectl api-resources`).
public enum ObjectKind: String, Sendable, Hashable, CaseIterable, Comparable,
  CustomStringConvertible
{
  /// `Pod` (`v1`).
  case pod = "Pod"
  /// `Node` (`v1`).
  case node = "Node"
  /// `Namespace` (`v1`).
  case namespace = "Namespace"
  /// `Service` (`v1`).
  case service = "Service"
  /// `ConfigMap` (`v1`).
  case configMap = "ConfigMap"
  /// `Secret` (`v1`).
  case secret = "Secret"
  /// `PersistentVolume` (`v1`).
  case persistentVolume = "PersistentVolume"
  /// `PersistentVolumeClaim` (`v1`).
  case persistentVolumeClaim = "PersistentVolumeClaim"
  /// `ResourceQuota` (`v1`).
  case resourceQuota = "ResourceQuota"
  /// `LimitRange` (`v1`).
  case limitRange = "LimitRange"
  /// `Deployment` (`apps/v1`).
  case deployment = "Deployment"
  /// `ReplicaSet` (`apps/v1`).
  case replicaSet = "ReplicaSet"
  /// `DaemonSet` (`apps/v1`).
  case daemonSet = "DaemonSet"
  /// `StatefulSet` (`apps/v1`).
  case statefulSet = "StatefulSet"
  /// `Job` (`batch/v1`).
  case job = "Job"
  /// `CronJob` (`batch/v1`).
  case cronJob = "CronJob"
  /// `HorizontalPodAutoscaler` (`autoscaling/v2`).
  case horizontalPodAutoscaler = "HorizontalPodAutoscaler"
  /// `PodDisruptionBudget` (`policy/v1`).
  case podDisruptionBudget = "PodDisruptionBudget"
  /// `PriorityClass` (`scheduling.k8s.io/v1`).
  case priorityClass = "PriorityClass"
  /// `StorageClass` (`storage.k8s.io/v1`).
  case storageClass = "StorageClass"
  /// `EndpointSlice` (`discovery.k8s.io/v1`).
  case endpointSlice = "EndpointSlice"

  /// The kind name as in manifests: `Pod`, `Deployment`.
  public var name: String { rawValue }

  /// The kind name.
  public var description: String { rawValue }

  /// The API version KubeSim serves and renders this kind in (`v1`, `apps/v1`, …).
  public var apiVersion: String {
    switch self {
    case .pod, .node, .namespace, .service, .configMap, .secret, .persistentVolume,
      .persistentVolumeClaim, .resourceQuota, .limitRange:
      return "v1"
    case .deployment, .replicaSet, .daemonSet, .statefulSet: return "apps/v1"
    case .job, .cronJob: return "batch/v1"
    case .horizontalPodAutoscaler: return "autoscaling/v2"
    case .podDisruptionBudget: return "policy/v1"
    case .priorityClass: return "scheduling.k8s.io/v1"
    case .storageClass: return "storage.k8s.io/v1"
    case .endpointSlice: return "discovery.k8s.io/v1"
    }
  }

  /// The API group ("" for the core group).
  public var group: String {
    guard let slash = apiVersion.firstIndex(of: "/") else { return "" }
    return String(apiVersion[..<slash])
  }

  /// True for kinds that live in a namespace.
  public var isNamespaced: Bool {
    switch self {
    case .node, .namespace, .persistentVolume, .priorityClass, .storageClass: return false
    default: return true
    }
  }

  /// The lower-case plural resource name (`pods`, `deployments`).
  public var plural: String {
    switch self {
    case .pod: return "pods"
    case .node: return "nodes"
    case .namespace: return "namespaces"
    case .service: return "services"
    case .configMap: return "configmaps"
    case .secret: return "secrets"
    case .persistentVolume: return "persistentvolumes"
    case .persistentVolumeClaim: return "persistentvolumeclaims"
    case .resourceQuota: return "resourcequotas"
    case .limitRange: return "limitranges"
    case .deployment: return "deployments"
    case .replicaSet: return "replicasets"
    case .daemonSet: return "daemonsets"
    case .statefulSet: return "statefulsets"
    case .job: return "jobs"
    case .cronJob: return "cronjobs"
    case .horizontalPodAutoscaler: return "horizontalpodautoscalers"
    case .podDisruptionBudget: return "poddisruptionbudgets"
    case .priorityClass: return "priorityclasses"
    case .storageClass: return "storageclasses"
    case .endpointSlice: return "endpointslices"
    }
  }

  /// kubectl's short names (`po`, `deploy`); may be empty.
  public var shortNames: [String] {
    switch self {
    case .pod: return ["po"]
    case .node: return ["no"]
    case .namespace: return ["ns"]
    case .service: return ["svc"]
    case .configMap: return ["cm"]
    case .secret: return []
    case .persistentVolume: return ["pv"]
    case .persistentVolumeClaim: return ["pvc"]
    case .resourceQuota: return ["quota"]
    case .limitRange: return ["limits"]
    case .deployment: return ["deploy"]
    case .replicaSet: return ["rs"]
    case .daemonSet: return ["ds"]
    case .statefulSet: return ["sts"]
    case .job: return []
    case .cronJob: return ["cj"]
    case .horizontalPodAutoscaler: return ["hpa"]
    case .podDisruptionBudget: return ["pdb"]
    case .priorityClass: return ["pc"]
    case .storageClass: return ["sc"]
    case .endpointSlice: return []
    }
  }

  /// The kind for a kubectl resource argument: the kind name in any case, its singular or plural
  /// lower-case form, or a short name (`pods`, `pod`, `po`, `Pod`, `deploy`); nil when unknown.
  public init?(resource: String) {
    let r = resource.lowercased()
    for k in ObjectKind.allCases
    where k.rawValue.lowercased() == r || k.plural == r || k.shortNames.contains(r) {
      self = k
      return
    }
    return nil
  }

  /// Orders kinds by declaration order.
  public static func < (a: ObjectKind, b: ObjectKind) -> Bool { a.index < b.index }

  private var index: Int { ObjectKind.allCases.firstIndex(of: self) ?? 0 }
}
