/// A namespace (`v1.Namespace`).
public struct Namespace: Sendable, Equatable {
  /// Standard object metadata.
  public var metadata: ObjectMeta
  /// The spec.
  public var spec: NamespaceSpec
  /// The status.
  public var status: NamespaceStatus

  /// Creates a `Namespace`; every parameter defaults to its unset value.
  public init(
    metadata: ObjectMeta = ObjectMeta(),
    spec: NamespaceSpec = NamespaceSpec(),
    status: NamespaceStatus = NamespaceStatus()
  ) {
    self.metadata = metadata
    self.spec = spec
    self.status = status
  }
}

/// A namespace's spec.
public struct NamespaceSpec: Sendable, Equatable {
  /// Finalizers.
  public var finalizers: [String]

  /// Creates a `NamespaceSpec`; every parameter defaults to its unset value.
  public init(
    finalizers: [String] = []
  ) {
    self.finalizers = finalizers
  }
}

/// A namespace's status.
public struct NamespaceStatus: Sendable, Equatable {
  /// `Active` or `Terminating`.
  public var phase: String?

  /// Creates a `NamespaceStatus`; every parameter defaults to its unset value.
  public init(
    phase: String? = nil
  ) {
    self.phase = phase
  }
}
