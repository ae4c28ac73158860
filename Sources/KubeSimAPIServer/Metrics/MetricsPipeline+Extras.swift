import KubeSimKernel
import KubeSimModel

/// Network and filesystem usage of one pod, as the kubelet's Summary API (cAdvisor) would report
/// it; metrics-server and `kubectl top` do not carry these (KubeSim shows them in
/// `kubesim top pods -o wide`).
public struct PodUsageExtras: Sendable, Hashable {
  /// Bytes per second received and sent by the pod (its network namespace).
  public var rxBytesPerSecond: Int64
  public var txBytesPerSecond: Int64
  /// Bytes in the pod's emptyDir volumes.
  public var emptyDirBytes: Int64
  /// Per container: bytes of its writable layer plus its logs.
  public var containers: [ContainerFilesystem]

  /// One container's filesystem usage.
  public struct ContainerFilesystem: Sendable, Hashable {
    public var name: String
    public var rootfsBytes: Int64
    public var logsBytes: Int64
    public var totalBytes: Int64 { rootfsBytes + logsBytes }
  }

  /// Everything the pod holds on the node's disk.
  public var filesystemBytes: Int64 {
    emptyDirBytes + containers.reduce(0) { $0 + $1.totalBytes }
  }
}

extension MetricsPipeline {
  /// Bytes per request received, when `sim.kubesim.io/request-bytes` is not set. KubeSim's
  /// parameter (no upstream default): 1 KiB.
  public static let defaultRequestBytes: Int64 = 1024
  /// Bytes per response sent, when `sim.kubesim.io/response-bytes` is not set. KubeSim's
  /// parameter: 4 KiB.
  public static let defaultResponseBytes: Int64 = 4096
  /// The kubelet rotates a container's log at `containerLogMaxSize` 10Mi and keeps
  /// `containerLogMaxFiles` 5 (pkg/kubelet/apis/config/v1beta1/defaults.go): at most 50 MiB.
  public static let maxContainerLogBytes: Int64 = 5 * 10 * 1024 * 1024

  /// Network and filesystem usage of a running pod at `t`, from its annotations (simple model,
  /// README "Usage annotations"): network = the rate the pod served at the last cAdvisor sample ×
  /// `sim.kubesim.io/request-bytes` (received) and `sim.kubesim.io/response-bytes` (sent);
  /// filesystem per container = `sim.kubesim.io/rootfs` (writable layer) + logs growing at
  /// `sim.kubesim.io/log-rate` bytes/s since the container started, capped by log rotation;
  /// emptyDir = `sim.kubesim.io/emptydir` (per pod). Nil for pods not running on a node.
  public func podExtras(_ pod: Pod, at t: SimTime, traffic: TrafficLedger? = nil)
    -> PodUsageExtras?
  {
    guard pod.spec.nodeName != nil, pod.status.phase == .running else { return nil }
    let a = pod.metadata.annotations
    func bytes(_ key: String, container: String? = nil) -> Int64? {
      let value = container.flatMap { a[key + "." + $0] } ?? a[key]
      guard let v = value, let q = try? Quantity(parsing: v), q.sign >= 0 else { return nil }
      return q.value
    }
    let ns = pod.metadata.namespace ?? "default"
    let served =
      traffic?.sample(ns + "/" + pod.metadata.name, at: housekeepingTime(at: t)).servedMilliRPS
      ?? 0
    let rx = served * (bytes("sim.kubesim.io/request-bytes") ?? Self.defaultRequestBytes) / 1000
    let tx = served * (bytes("sim.kubesim.io/response-bytes") ?? Self.defaultResponseBytes) / 1000
    let started = pod.status.startTime ?? .zero
    let running = Swift.max(0, (housekeepingTime(at: t) - started).microseconds / 1_000_000)
    var containers: [PodUsageExtras.ContainerFilesystem] = []
    for c in pod.spec.containers {
      let rate = bytes("sim.kubesim.io/log-rate", container: c.name) ?? 0
      let (logs, overflow) = rate.multipliedReportingOverflow(by: running)
      containers.append(
        .init(
          name: c.name, rootfsBytes: bytes("sim.kubesim.io/rootfs", container: c.name) ?? 0,
          logsBytes: overflow
            ? Self.maxContainerLogBytes : Swift.min(logs, Self.maxContainerLogBytes)))
    }
    return PodUsageExtras(
      rxBytesPerSecond: rx, txBytesPerSecond: tx,
      emptyDirBytes: bytes("sim.kubesim.io/emptydir") ?? 0, containers: containers)
  }
}
