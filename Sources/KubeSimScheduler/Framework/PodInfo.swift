import KubeSimModel

/// A pod as the scheduler sees it, with its requests computed once (upstream `framework.PodInfo`
/// plus the `PreFilter` state of NodeResourcesFit, pkg/scheduler/framework/types.go).
public struct PodInfo: Sendable {
  /// The pod object as last observed.
  public var pod: Pod
  /// `namespace/name`.
  public var key: String
  /// Effective requests (`resource.PodRequests`, no defaults): the Fit filter's input.
  public var requests: ResourceVector
  /// Requests with the 100m/200Mi non-zero defaults: the Fit scores' input and what a bound pod
  /// adds to its node's `NonZeroRequested`.
  public var nonZeroRequests: ResourceVector
  /// `spec.priority`, 0 when unset (upstream `corev1helpers.PodPriority`).
  public var priority: Int32
  /// The containers' host ports (NodePorts), usually empty.
  public var hostPorts: [HostPort]
  /// The selector of the Services, ReplicaSets and StatefulSets selecting the pod (upstream
  /// `helper.DefaultSelector`), for PodTopologySpread's system default constraints; nil when
  /// none selects it. Set by `DefaultScheduler` when the pod is queued.
  public var defaultSpreadSelector: LabelSelector?

  public init(_ pod: Pod) {
    self.pod = pod
    self.key = "\(pod.metadata.namespace ?? "default")/\(pod.metadata.name)"
    self.requests = PodInfo.requests(of: pod, nonMissing: false)
    self.nonZeroRequests = PodInfo.requests(of: pod, nonMissing: true)
    self.priority = pod.spec.priority ?? 0
    self.hostPorts = HostPort.of(pod)
  }

  /// Upstream `resource.PodRequests` over the model pod (see `PodRequests`).
  public static func requests(of pod: Pod, nonMissing: Bool) -> ResourceVector {
    PodRequests.compute(
      containers: pod.spec.containers.map { ContainerRequests(amounts($0.resources.requests)) },
      initContainers: pod.spec.initContainers.map {
        ContainerRequests(amounts($0.resources.requests), isSidecar: $0.restartPolicy == .always)
      },
      overhead: pod.spec.overhead.map(amounts) ?? [], nonMissing: nonMissing)
  }

  /// The entries of a resource list as amounts (cpu as milli, the rest as `Value()`).
  public static func amounts(_ list: ResourceList) -> [ResourceAmount] {
    list.entries.map {
      ResourceAmount(name: $0.name, milli: $0.quantity.milliValue, value: $0.quantity.value)
    }
  }
}
