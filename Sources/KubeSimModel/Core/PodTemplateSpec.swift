/// A pod template inside a workload (`v1.PodTemplateSpec`).
public struct PodTemplateSpec: Sendable, Equatable {
  /// Labels and annotations given to created pods.
  public var metadata: ObjectMeta
  /// The pods' spec.
  public var spec: PodSpec

  /// Creates a `PodTemplateSpec`; every parameter defaults to its unset value.
  public init(
    metadata: ObjectMeta = ObjectMeta(),
    spec: PodSpec = PodSpec()
  ) {
    self.metadata = metadata
    self.spec = spec
  }
}
