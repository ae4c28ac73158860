/// A reference to an object (`v1.ObjectReference`), used by events, CronJob status, endpoints.
public struct ObjectReference: Sendable, Equatable {
  /// The kind.
  public var kind: String?
  /// The namespace (nil for cluster-scoped objects).
  public var namespace: String?
  /// The name.
  public var name: String?
  /// The uid.
  public var uid: String?
  /// The API version.
  public var apiVersion: String?
  /// The resource version observed.
  public var resourceVersion: String?
  /// A field inside the object, e.g. `spec.containers{web}`.
  public var fieldPath: String?

  /// Creates a `ObjectReference`; every parameter defaults to its unset value.
  public init(
    kind: String? = nil,
    namespace: String? = nil,
    name: String? = nil,
    uid: String? = nil,
    apiVersion: String? = nil,
    resourceVersion: String? = nil,
    fieldPath: String? = nil
  ) {
    self.kind = kind
    self.namespace = namespace
    self.name = name
    self.uid = uid
    self.apiVersion = apiVersion
    self.resourceVersion = resourceVersion
    self.fieldPath = fieldPath
  }
}
