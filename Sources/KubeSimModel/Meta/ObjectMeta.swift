import KubeSimKernel
import KubeSimYAML

/// Metadata every object carries (`k8s.io/apimachinery/pkg/apis/meta/v1.ObjectMeta`).
public struct ObjectMeta: Sendable, Equatable {
  /// The object's name, unique within its namespace and kind.
  public var name: String
  /// A prefix the API server completes with 5 random characters when `name` is empty.
  public var generateName: String?
  /// The namespace (nil for cluster-scoped kinds; defaulted to `default` for namespaced ones).
  public var namespace: String?
  /// The unique id the API server assigns (empty until created).
  public var uid: String
  /// The store version of this object, as a decimal string (set by the API server).
  public var resourceVersion: String?
  /// The spec generation (incremented by the API server on spec changes).
  public var generation: Int64
  /// When the API server created the object.
  public var creationTimestamp: SimTime?
  /// When graceful deletion was requested.
  public var deletionTimestamp: SimTime?
  /// The grace period of a requested deletion.
  public var deletionGracePeriodSeconds: Int64?
  /// Labels, sorted by key.
  public var labels: StringMap
  /// Annotations, sorted by key (KubeSim behaviour annotations live here).
  public var annotations: StringMap
  /// The objects that own this one (the controller among them).
  public var ownerReferences: [OwnerReference]
  /// Finalizers that block deletion.
  public var finalizers: [String]

  /// Creates a `ObjectMeta`; every parameter defaults to its unset value.
  public init(
    name: String = "",
    generateName: String? = nil,
    namespace: String? = nil,
    uid: String = "",
    resourceVersion: String? = nil,
    generation: Int64 = 0,
    creationTimestamp: SimTime? = nil,
    deletionTimestamp: SimTime? = nil,
    deletionGracePeriodSeconds: Int64? = nil,
    labels: StringMap = StringMap(),
    annotations: StringMap = StringMap(),
    ownerReferences: [OwnerReference] = [],
    finalizers: [String] = []
  ) {
    self.name = name
    self.generateName = generateName
    self.namespace = namespace
    self.uid = uid
    self.resourceVersion = resourceVersion
    self.generation = generation
    self.creationTimestamp = creationTimestamp
    self.deletionTimestamp = deletionTimestamp
    self.deletionGracePeriodSeconds = deletionGracePeriodSeconds
    self.labels = labels
    self.annotations = annotations
    self.ownerReferences = ownerReferences
    self.finalizers = finalizers
  }
}
