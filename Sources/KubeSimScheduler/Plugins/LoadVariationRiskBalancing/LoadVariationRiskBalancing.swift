import KubeSimKernel
import KubeSimModel
import KubeSimYAML

/// Trimaran's LoadVariationRiskBalancing Score plugin (kubernetes-sigs/scheduler-plugins
/// pkg/trimaran/loadvariationriskbalancing): prefers the node whose measured usage, mean plus a
/// margin of its variation over the `LoadWatcher` window (15 minutes of metrics-server scrapes),
/// leaves the most headroom after adding the pod's requests, on both CPU and memory (the
/// minimum of the two scores). A node without metrics scores 0.
///
/// Args (LoadVariationRiskBalancingArgs, defaults in scheduler-plugins apis/config/v1
/// defaults.go): `safeVarianceMargin` 1, `safeVarianceSensitivity` 1; `metricProvider` and
/// `watcherAddress` are accepted and ignored.
public struct LoadVariationRiskBalancing: ScorePlugin, @unchecked Sendable {
  public static let pluginName = "LoadVariationRiskBalancing"
  public var name: String { Self.pluginName }
  public var margin = LoadVariationRiskBalancingScore.defaultMargin
  public var sensitivity = LoadVariationRiskBalancingScore.defaultSensitivity
  /// Where measured usage comes from (attached to the API server by the World).
  public let watcher: LoadWatcher

  public init(watcher: LoadWatcher = LoadWatcher()) { self.watcher = watcher }

  public func score(_ state: CycleState, _ pod: PodInfo, _ snapshot: NodeSnapshot, slot: Int)
    -> Int64
  {
    let node = snapshot.table.names[slot]
    guard let load = watcher.load(node) else { return NodeScore.min }
    let alloc = snapshot.nodes[slot].status.allocatable
    let cpu = LoadVariationRiskBalancingScore.resourceScore(
      usedMean: load.cpuAverageMillis, usedStddev: load.cpuStddevMillis,
      demand: Double(pod.requests.milliCPU), capacity: Double(alloc.cpuMilli), margin: margin,
      sensitivity: sensitivity)
    let mem = LoadVariationRiskBalancingScore.resourceScore(
      usedMean: load.memoryAverageBytes, usedStddev: load.memoryStddevBytes,
      demand: Double(pod.requests.memory), capacity: Double(alloc.memoryBytes), margin: margin,
      sensitivity: sensitivity)
    return Int64(Swift.min(cpu, mem).rounded())
  }

  /// The plugin from its `LoadVariationRiskBalancingArgs`.
  public static func decodeArgs(_ args: YAMLNode?) throws(ConfigurationIssue)
    -> LoadVariationRiskBalancing
  {
    var p = LoadVariationRiskBalancing()
    func number(_ key: String) throws(ConfigurationIssue) -> Double? {
      guard let node = PluginArgs.field(args, key) else { return nil }
      guard let text = PluginArgs.string(node), let v = Double(text), v >= 0 else {
        throw ConfigurationIssue(path: key, "expected a non-negative number")
      }
      return v
    }
    if let m = try number("safeVarianceMargin") { p.margin = m }
    if let s = try number("safeVarianceSensitivity") { p.sensitivity = s }
    return p
  }
}
