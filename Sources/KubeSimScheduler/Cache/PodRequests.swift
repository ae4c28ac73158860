/// One resource amount as read from a `ResourceList` entry: its name, `milliValue` and `value`.
public struct ResourceAmount: Sendable, Hashable {
  public var name: String
  public var milli: Int64
  public var value: Int64
  public init(name: String, milli: Int64, value: Int64) {
    self.name = name
    self.milli = milli
    self.value = value
  }
}

/// The requests of one container, for `PodRequests`.
public struct ContainerRequests: Sendable, Hashable {
  public var requests: [ResourceAmount]
  /// An init container with `restartPolicy: Always` (a sidecar).
  public var isSidecar: Bool
  public init(_ requests: [ResourceAmount], isSidecar: Bool = false) {
    self.requests = requests
    self.isSidecar = isSidecar
  }
}

/// Upstream `resource.PodRequests` (k8s.io/component-helpers/resource/helpers.go, v1.35), the
/// effective request of a pod.
///
/// ```
/// reqs = Σ regular containers
/// for init containers in order:
///   sidecar: reqs += c; sidecarSum += c; cur = sidecarSum
///   else:    cur = c + sidecarSum
///   initMax = max(initMax, cur)
/// reqs = max(reqs, initMax) + overhead
/// ```
/// With `nonMissing`, a container that omits `cpu` counts 100m and one that omits `memory`
/// counts 200Mi (`getNonMissingContainerRequests`, pkg/scheduler/framework/types.go;
/// `DefaultMilliCPURequest`/`DefaultMemoryRequest`, pkg/scheduler/util/pod_resources.go). Pod-level
/// resources (`spec.resources`, the PodLevelResources gate) are not modelled.
public enum PodRequests {
  /// `schedutil.DefaultMilliCPURequest` (pkg/scheduler/util/pod_resources.go): 100m.
  public static let defaultMilliCPURequest: Int64 = 100
  /// `schedutil.DefaultMemoryRequest` (same file): 200 MiB.
  public static let defaultMemoryRequest: Int64 = 200 * 1024 * 1024

  /// Computes the effective request; see the type's documentation.
  public static func compute(
    containers: [ContainerRequests], initContainers: [ContainerRequests],
    overhead: [ResourceAmount], nonMissing: Bool
  ) -> ResourceVector {
    var reqs = ResourceVector()
    for c in containers { reqs.add(vector(c.requests, nonMissing: nonMissing)) }
    var sidecarSum = ResourceVector()
    var initMax = ResourceVector()
    for c in initContainers {
      let v = vector(c.requests, nonMissing: nonMissing)
      var cur: ResourceVector
      if c.isSidecar {
        reqs.add(v)
        sidecarSum.add(v)
        cur = sidecarSum
      } else {
        cur = v
        cur.add(sidecarSum)
      }
      initMax.formMax(cur)
    }
    reqs.formMax(initMax)
    for o in overhead { reqs.add(name: o.name, milli: o.milli, value: o.value) }
    return reqs
  }

  /// One container's requests as a vector, with the non-missing defaults if asked.
  static func vector(_ requests: [ResourceAmount], nonMissing: Bool) -> ResourceVector {
    var v = ResourceVector()
    var hasCPU = false
    var hasMemory = false
    for r in requests {
      if r.name == "cpu" { hasCPU = true }
      if r.name == "memory" { hasMemory = true }
      v.add(name: r.name, milli: r.milli, value: r.value)
    }
    if nonMissing {
      if !hasCPU { v.milliCPU &+= defaultMilliCPURequest }
      if !hasMemory { v.memory &+= defaultMemoryRequest }
    }
    return v
  }
}
