import KubeSimModel

/// Integer sums of the resources KubeSim checks per node: CPU in millicores, memory in bytes,
/// and the number of pods.
public struct ResourceSums: Sendable, Hashable {
  /// CPU in millicores.
  public var milliCPU: Int64 = 0
  /// Memory in bytes.
  public var memoryBytes: Int64 = 0
  /// Number of pods.
  public var pods: Int64 = 0

  /// Sums from their parts.
  public init(milliCPU: Int64 = 0, memoryBytes: Int64 = 0, pods: Int64 = 0) {
    self.milliCPU = milliCPU
    self.memoryBytes = memoryBytes
    self.pods = pods
  }

  /// Adds `other` field by field.
  public mutating func add(_ other: ResourceSums) {
    milliCPU += other.milliCPU
    memoryBytes += other.memoryBytes
    pods += other.pods
  }

  /// Subtracts `other` field by field.
  public mutating func subtract(_ other: ResourceSums) {
    milliCPU -= other.milliCPU
    memoryBytes -= other.memoryBytes
    pods -= other.pods
  }
}

/// A pod's effective resource requests and limits.
public enum PodResources {
  /// The pod's effective requests (pods = 1): the sum over app containers and restartable
  /// (sidecar) init containers, or the largest regular init container plus the sidecars started
  /// before it if larger, plus `spec.overhead`.
  /// Upstream: k8s.io/component-helpers/resource/helpers.go `PodRequests` (v1.33).
  public static func requests(of pod: Pod) -> ResourceSums {
    var r = effective(pod, \.requests)
    r.pods = 1
    return r
  }

  /// The pod's effective limits, computed as `requests(of:)` over `limits` (pods = 1).
  /// Upstream: the same file, `PodLimits`.
  public static func limits(of pod: Pod) -> ResourceSums {
    var r = effective(pod, \.limits)
    r.pods = 1
    return r
  }

  static func effective(
    _ pod: Pod, _ field: KeyPath<ResourceRequirements, ResourceList>
  ) -> ResourceSums {
    var apps = ResourceSums()
    for c in pod.spec.containers {
      let list = c.resources[keyPath: field]
      apps.milliCPU += list.cpuMilli
      apps.memoryBytes += list.memoryBytes
    }
    var sidecars = ResourceSums()
    var initMax = ResourceSums()
    for c in pod.spec.initContainers {
      let list = c.resources[keyPath: field]
      if c.restartPolicy == .always {
        sidecars.milliCPU += list.cpuMilli
        sidecars.memoryBytes += list.memoryBytes
      } else {
        initMax.milliCPU = max(initMax.milliCPU, sidecars.milliCPU + list.cpuMilli)
        initMax.memoryBytes = max(initMax.memoryBytes, sidecars.memoryBytes + list.memoryBytes)
      }
    }
    var total = ResourceSums(
      milliCPU: max(apps.milliCPU + sidecars.milliCPU, initMax.milliCPU),
      memoryBytes: max(apps.memoryBytes + sidecars.memoryBytes, initMax.memoryBytes))
    if let overhead = pod.spec.overhead {
      total.milliCPU += overhead.cpuMilli
      total.memoryBytes += overhead.memoryBytes
    }
    return total
  }
}
