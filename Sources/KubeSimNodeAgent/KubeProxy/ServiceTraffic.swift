import KubeSimKernel

/// What one Service's offered load came to, accumulated over the run.
public struct ServiceTraffic: Sendable, Hashable {
  /// `namespace/name`.
  public var service: String
  /// Requests offered (the load profile, per traffic interval).
  public var offered: Int64 = 0
  /// Requests a pod served.
  public var served: Int64 = 0
  /// Requests that failed: no endpoint, routed to a pod that is gone or not serving
  /// (kube-proxy's rules still listed it), or beyond a pod's capacity.
  public var failed: Int64 = 0
  /// Failed because kube-proxy routed them to a pod that no longer serves (stale rules).
  public var failedStale: Int64 = 0
  /// Failed because the Service had no endpoints in kube-proxy's rules.
  public var failedNoEndpoints: Int64 = 0
  /// Failed because a pod was past its capacity.
  public var failedOverload: Int64 = 0
  /// Response times of the served requests.
  public var latency = LatencyMixture()

  public init(service: String) { self.service = service }

  /// failed / offered in parts per million (0 with no load).
  public var failurePPM: Int64 { offered == 0 ? 0 : failed * 1_000_000 / offered }
}
