import KubeSimKernel
import KubeSimModel
import KubeSimYAML

/// Trimaran's TargetLoadPacking Score plugin (kubernetes-sigs/scheduler-plugins
/// pkg/trimaran/targetloadpacking): best-fit bin packing by measured CPU up to
/// `targetUtilization`, read from the `LoadWatcher` (15-minute average of metrics-server
/// scrapes), plus the predicted CPU of the pod and of pods bound in the last 60 s
/// (`metricsAgentReportingIntervalSeconds`) that the metrics cannot show yet.
///
/// A pod's predicted CPU (`PredictUtilisation`): per container its CPU limit, else its request ×
/// `defaultRequestsMultiplier` (rounded), else `defaultRequests.cpu`; plus `spec.overhead`.
/// A node without metrics scores 0 (`framework.MinNodeScore`). Args (TargetLoadPackingArgs,
/// defaults in scheduler-plugins apis/config/v1/defaults.go): `targetUtilization` 40,
/// `defaultRequests: {cpu: 1000m}`, `defaultRequestsMultiplier: "1.5"`; `metricProvider` and
/// `watcherAddress` are accepted and ignored (KubeSim's watcher reads its own metrics-server).
public struct TargetLoadPacking: ScorePlugin, @unchecked Sendable {
  public static let pluginName = "TargetLoadPacking"
  /// `metricsAgentReportingIntervalSeconds` (targetloadpacking.go, 60).
  public static let metricsAgentReportingInterval = SimDuration.seconds(60)
  public var name: String { Self.pluginName }
  public var targetUtilization: Int64 = TargetLoadPackingScore.defaultTargetUtilization
  /// `DefaultRequestsMilliCores` (1000).
  public var defaultRequestsMilliCPU: Int64 = 1000
  /// `DefaultRequestsMultiplier` ("1.5").
  public var requestsMultiplier: Double = 1.5
  /// Where measured usage comes from (attached to the API server by the World).
  public let watcher: LoadWatcher

  public init(watcher: LoadWatcher = LoadWatcher()) { self.watcher = watcher }

  public func score(_ state: CycleState, _ pod: PodInfo, _ snapshot: NodeSnapshot, slot: Int)
    -> Int64
  {
    let node = snapshot.table.names[slot]
    guard let load = watcher.load(node) else { return NodeScore.min }
    var missing: Int64 = 0
    for p in watcher.recentlyBound(node, within: Self.metricsAgentReportingInterval) {
      missing += predictedMilliCPU(p)
    }
    return TargetLoadPackingScore.score(
      usedMillis: load.cpuAverageMillis + Double(missing), podMillis: predictedMilliCPU(pod.pod),
      capacityMillis: snapshot.nodes[slot].status.capacity.cpuMilli,
      targetUtilization: targetUtilization)
  }

  /// `PredictUtilisation` summed over the containers, plus the overhead.
  public func predictedMilliCPU(_ pod: Pod) -> Int64 {
    var total: Int64 = 0
    for c in pod.spec.containers {
      if let limit = c.resources.limits["cpu"] {
        total += limit.milliValue
      } else if let request = c.resources.requests["cpu"] {
        total += Int64((Double(request.milliValue) * requestsMultiplier).rounded())
      } else {
        total += defaultRequestsMilliCPU
      }
    }
    return total + (pod.spec.overhead?["cpu"]?.milliValue ?? 0)
  }

  /// The plugin from its `TargetLoadPackingArgs`.
  public static func decodeArgs(_ args: YAMLNode?) throws(ConfigurationIssue) -> TargetLoadPacking {
    var p = TargetLoadPacking()
    if let t = PluginArgs.field(args, "targetUtilization") {
      p.targetUtilization = try PluginArgs.int(t, path: "targetUtilization")
      if !(0...100).contains(p.targetUtilization) {
        throw ConfigurationIssue(path: "targetUtilization", "must be between 0 and 100")
      }
    }
    if let cpu = PluginArgs.string(
      PluginArgs.field(PluginArgs.field(args, "defaultRequests"), "cpu"))
    {
      guard let q = try? Quantity(parsing: cpu), q.sign >= 0 else {
        throw ConfigurationIssue(path: "defaultRequests.cpu", "expected a quantity such as 1000m")
      }
      p.defaultRequestsMilliCPU = q.milliValue
    }
    if let m = PluginArgs.field(args, "defaultRequestsMultiplier") {
      guard let text = PluginArgs.string(m), let v = Double(text), v >= 0 else {
        throw ConfigurationIssue(
          path: "defaultRequestsMultiplier", "unable to parse DefaultRequestsMultiplier")
      }
      p.requestsMultiplier = v
    }
    return p
  }
}
