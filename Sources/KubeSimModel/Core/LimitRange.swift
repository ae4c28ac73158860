/// Per-namespace defaults and bounds (`v1.LimitRange`).
public struct LimitRange: Sendable, Equatable {
  /// Standard object metadata.
  public var metadata: ObjectMeta
  /// The spec.
  public var spec: LimitRangeSpec

  /// Creates a `LimitRange`; every parameter defaults to its unset value.
  public init(
    metadata: ObjectMeta = ObjectMeta(),
    spec: LimitRangeSpec = LimitRangeSpec()
  ) {
    self.metadata = metadata
    self.spec = spec
  }
}

/// A LimitRange's spec.
public struct LimitRangeSpec: Sendable, Equatable {
  /// The items.
  public var limits: [LimitRangeItem]

  /// Creates a `LimitRangeSpec`; every parameter defaults to its unset value.
  public init(
    limits: [LimitRangeItem] = []
  ) {
    self.limits = limits
  }
}

/// Limits for one kind of object.
public struct LimitRangeItem: Sendable, Equatable {
  /// `Container`, `Pod` or `PersistentVolumeClaim`.
  public var type: String
  /// Maximum.
  public var max: ResourceList
  /// Minimum.
  public var min: ResourceList
  /// Default limits.
  public var `default`: ResourceList
  /// Default requests.
  public var defaultRequest: ResourceList
  /// Maximum limit/request ratio.
  public var maxLimitRequestRatio: ResourceList

  /// Creates a `LimitRangeItem`; every parameter defaults to its unset value.
  public init(
    type: String = "",
    max: ResourceList = ResourceList(),
    min: ResourceList = ResourceList(),
    `default`: ResourceList = ResourceList(),
    defaultRequest: ResourceList = ResourceList(),
    maxLimitRequestRatio: ResourceList = ResourceList()
  ) {
    self.type = type
    self.max = max
    self.min = min
    self.default = `default`
    self.defaultRequest = defaultRequest
    self.maxLimitRequestRatio = maxLimitRequestRatio
  }
}
