/// A pod: containers scheduled together onto one node (`k8s.io/api/core/v1.Pod`).
public struct Pod: Sendable, Equatable {
  /// Standard object metadata.
  public var metadata: ObjectMeta
  /// The desired state.
  public var spec: PodSpec
  /// The observed state, written by the scheduler (binding) and the kubelet.
  public var status: PodStatus

  /// Creates a `Pod`; every parameter defaults to its unset value.
  public init(
    metadata: ObjectMeta = ObjectMeta(),
    spec: PodSpec = PodSpec(),
    status: PodStatus = PodStatus()
  ) {
    self.metadata = metadata
    self.spec = spec
    self.status = status
  }
}
