/// A namespace quota (`v1.ResourceQuota`).
public struct ResourceQuota: Sendable, Equatable {
  /// Standard object metadata.
  public var metadata: ObjectMeta
  /// The spec.
  public var spec: ResourceQuotaSpec
  /// The status.
  public var status: ResourceQuotaStatus

  /// Creates a `ResourceQuota`; every parameter defaults to its unset value.
  public init(
    metadata: ObjectMeta = ObjectMeta(),
    spec: ResourceQuotaSpec = ResourceQuotaSpec(),
    status: ResourceQuotaStatus = ResourceQuotaStatus()
  ) {
    self.metadata = metadata
    self.spec = spec
    self.status = status
  }
}

/// A quota's spec.
public struct ResourceQuotaSpec: Sendable, Equatable {
  /// Limits per resource (`requests.cpu`, `pods`, `count/deployments.apps`, …).
  public var hard: ResourceList
  /// Scopes (BestEffort, NotTerminating, PriorityClass, …).
  public var scopes: [String]
  /// Scope expressions.
  public var scopeSelector: ScopeSelector?

  /// Creates a `ResourceQuotaSpec`; every parameter defaults to its unset value.
  public init(
    hard: ResourceList = ResourceList(),
    scopes: [String] = [],
    scopeSelector: ScopeSelector? = nil
  ) {
    self.hard = hard
    self.scopes = scopes
    self.scopeSelector = scopeSelector
  }
}

/// Scope expressions of a quota.
public struct ScopeSelector: Sendable, Equatable {
  /// The expressions.
  public var matchExpressions: [ScopedResourceSelectorRequirement]

  /// Creates a `ScopeSelector`; every parameter defaults to its unset value.
  public init(
    matchExpressions: [ScopedResourceSelectorRequirement] = []
  ) {
    self.matchExpressions = matchExpressions
  }
}

/// A scope expression.
public struct ScopedResourceSelectorRequirement: Sendable, Equatable {
  /// The scope (`PriorityClass`, …).
  public var scopeName: String
  /// In, NotIn, Exists, DoesNotExist.
  public var `operator`: String
  /// The values.
  public var values: [String]

  /// Creates a `ScopedResourceSelectorRequirement`; every parameter defaults to its unset value.
  public init(
    scopeName: String = "",
    `operator`: String = "",
    values: [String] = []
  ) {
    self.scopeName = scopeName
    self.operator = `operator`
    self.values = values
  }
}

/// A quota's usage.
public struct ResourceQuotaStatus: Sendable, Equatable {
  /// Enforced limits.
  public var hard: ResourceList
  /// Current usage.
  public var used: ResourceList

  /// Creates a `ResourceQuotaStatus`; every parameter defaults to its unset value.
  public init(
    hard: ResourceList = ResourceList(),
    used: ResourceList = ResourceList()
  ) {
    self.hard = hard
    self.used = used
  }
}
