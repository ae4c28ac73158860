import KubeSimKernel
import KubeSimYAML

/// Metadata every object carries (`k8s.io/apimachinery/pkg/apis/meta/v1.ObjectMeta`).
public struct ObjectMeta: Sendable, Equatable, CopyOnWriteValue {
  // Copy-on-write storage behind one reference (see `PodSpec`): objects are copied far more
  // often than they change.
  @usableFromInline struct Fields: Sendable, Equatable {
    @usableFromInline var name: String
    @usableFromInline var generateName: String?
    @usableFromInline var namespace: String?
    @usableFromInline var uid: String
    @usableFromInline var resourceVersion: String?
    @usableFromInline var generation: Int64
    @usableFromInline var creationTimestamp: SimTime?
    @usableFromInline var deletionTimestamp: SimTime?
    @usableFromInline var deletionGracePeriodSeconds: Int64?
    @usableFromInline var labels: StringMap
    @usableFromInline var annotations: StringMap
    @usableFromInline var ownerReferences: [OwnerReference]
    @usableFromInline var finalizers: [String]
  }

  @usableFromInline var box: CopyOnWriteBox<Fields>

  @inlinable public static func == (a: ObjectMeta, b: ObjectMeta) -> Bool { sameFields(a, b) }

  /// The object's name, unique within its namespace and kind.
  @inlinable public var name: String {
    _read { yield box.fields.name }
    _modify { yield &fields.name }
  }
  /// A prefix the API server completes with 5 random characters when `name` is empty.
  @inlinable public var generateName: String? {
    _read { yield box.fields.generateName }
    _modify { yield &fields.generateName }
  }
  /// The namespace (nil for cluster-scoped kinds; defaulted to `default` for namespaced ones).
  @inlinable public var namespace: String? {
    _read { yield box.fields.namespace }
    _modify { yield &fields.namespace }
  }
  /// The unique id the API server assigns (empty until created).
  @inlinable public var uid: String {
    _read { yield box.fields.uid }
    _modify { yield &fields.uid }
  }
  /// The store version of this object, as a decimal string (set by the API server).
  @inlinable public var resourceVersion: String? {
    _read { yield box.fields.resourceVersion }
    _modify { yield &fields.resourceVersion }
  }
  /// The spec generation (incremented by the API server on spec changes).
  @inlinable public var generation: Int64 {
    _read { yield box.fields.generation }
    _modify { yield &fields.generation }
  }
  /// When the API server created the object.
  @inlinable public var creationTimestamp: SimTime? {
    _read { yield box.fields.creationTimestamp }
    _modify { yield &fields.creationTimestamp }
  }
  /// When graceful deletion was requested.
  @inlinable public var deletionTimestamp: SimTime? {
    _read { yield box.fields.deletionTimestamp }
    _modify { yield &fields.deletionTimestamp }
  }
  /// The grace period of a requested deletion.
  @inlinable public var deletionGracePeriodSeconds: Int64? {
    _read { yield box.fields.deletionGracePeriodSeconds }
    _modify { yield &fields.deletionGracePeriodSeconds }
  }
  /// Labels, sorted by key.
  @inlinable public var labels: StringMap {
    _read { yield box.fields.labels }
    _modify { yield &fields.labels }
  }
  /// Annotations, sorted by key (KubeSim behaviour annotations live here).
  @inlinable public var annotations: StringMap {
    _read { yield box.fields.annotations }
    _modify { yield &fields.annotations }
  }
  /// The objects that own this one (the controller among them).
  @inlinable public var ownerReferences: [OwnerReference] {
    _read { yield box.fields.ownerReferences }
    _modify { yield &fields.ownerReferences }
  }
  /// Finalizers that block deletion.
  @inlinable public var finalizers: [String] {
    _read { yield box.fields.finalizers }
    _modify { yield &fields.finalizers }
  }

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
    box = CopyOnWriteBox(
      Fields(
        name: name, generateName: generateName, namespace: namespace, uid: uid,
        resourceVersion: resourceVersion, generation: generation,
        creationTimestamp: creationTimestamp, deletionTimestamp: deletionTimestamp,
        deletionGracePeriodSeconds: deletionGracePeriodSeconds, labels: labels,
        annotations: annotations, ownerReferences: ownerReferences, finalizers: finalizers))
  }
}
