import KubeSimKernel
import KubeSimModel
import KubeSimYAML

/// The cluster autoscaler's parameters (`spec.settings.clusterAutoscaler`), with upstream's flag
/// defaults (kubernetes/autoscaler `cluster-autoscaler/config/flags/flags.go`) where there is one.
///
/// ```yaml
/// settings:
///   clusterAutoscaler: {expander: most-pods, provisioningDelay: 90s, scaleDownUnneededTime: 5m}
/// ```
public struct ClusterAutoscalerSettings: Sendable, Equatable {
  /// Upstream `--scan-interval` 10s: how often the autoscaler loop runs.
  public var scanInterval: SimDuration = .seconds(10)
  /// Upstream `--expander`: `least-waste` (the default in current flags.go; older releases
  /// defaulted to `random`), `most-pods`, `random` or `priority`.
  public var expander: String = "least-waste"
  /// Time from a scale-up decision to the new Node object existing (the cloud provider booting
  /// a VM and the kubelet registering). KubeSim's parameter, no upstream default: 1m.
  public var provisioningDelay: SimDuration = .seconds(60)
  /// Upstream `--max-node-provision-time` 15m: a node not Ready this long after the scale-up
  /// is deleted and its pool backs off.
  public var maxNodeProvisionTime: SimDuration = .minutes(15)
  /// Upstream `--scale-down-enabled` true.
  public var scaleDownEnabled: Bool = true
  /// Upstream `--scale-down-utilization-threshold` 0.5, in per-mille (500): a node whose
  /// max(cpu, memory) requested/allocatable is below it may be removed.
  public var scaleDownUtilizationThresholdPerMille: Int64 = 500
  /// Upstream `--scale-down-unneeded-time` 10m.
  public var scaleDownUnneededTime: SimDuration = .minutes(10)
  /// Upstream `--scale-down-delay-after-add` 10m.
  public var scaleDownDelayAfterAdd: SimDuration = .minutes(10)
  /// Upstream `--scale-down-delay-after-delete`, which defaults to the scan interval; nil here
  /// means "the scan interval".
  public var scaleDownDelayAfterDelete: SimDuration?
  /// Upstream `--scale-down-delay-after-failure` 3m.
  public var scaleDownDelayAfterFailure: SimDuration = .minutes(3)
  /// Upstream `--max-graceful-termination-sec` 600: the grace period cap of scale-down evictions.
  public var maxGracefulTerminationSeconds: Int64 = 600
  /// Upstream `--max-pod-eviction-time` 2m: how long eviction is retried before the scale-down
  /// of a node is given up (`ScaleDownFailed`).
  public var maxPodEvictionTime: SimDuration = .minutes(2)

  /// The expanders KubeSim implements.
  public static let expanders = ["least-waste", "most-pods", "priority", "random"]

  /// The keys `set(_:_:)` accepts, sorted.
  public static let keys: [String] = [
    "expander", "maxGracefulTerminationSeconds", "maxNodeProvisionTime", "maxPodEvictionTime",
    "provisioningDelay", "scaleDownDelayAfterAdd", "scaleDownDelayAfterDelete",
    "scaleDownDelayAfterFailure", "scaleDownEnabled", "scaleDownUnneededTime",
    "scaleDownUtilizationThreshold", "scanInterval",
  ]

  /// The defaults.
  public init() {}

  /// The delay after a deletion before the next scale-down.
  public var effectiveDelayAfterDelete: SimDuration { scaleDownDelayAfterDelete ?? scanInterval }

  /// Decodes the `clusterAutoscaler:` mapping; errors carry their position and path.
  public mutating func decode(_ node: YAMLNode, path: String) throws(ManifestError) {
    guard case .mapping(let pairs) = node.content else {
      throw ManifestError("expected a mapping", at: node.location, path: path)
    }
    for pair in pairs {
      guard case .scalar(let k) = pair.key.content else { continue }
      let key = k.text
      let value = pair.value
      let p = path + "." + key
      switch key {
      case "scanInterval":
        scanInterval = try SimulationSettings.duration(value, p)
        if scanInterval == .zero {
          throw ManifestError("expected a positive duration", at: value.location, path: p)
        }
      case "expander":
        guard case .scalar(let s) = value.content, Self.expanders.contains(s.text) else {
          throw ManifestError(
            "expected one of " + Self.expanders.joined(separator: ", "), at: value.location,
            path: p)
        }
        expander = s.text
      case "provisioningDelay": provisioningDelay = try SimulationSettings.duration(value, p)
      case "maxNodeProvisionTime": maxNodeProvisionTime = try SimulationSettings.duration(value, p)
      case "scaleDownEnabled": scaleDownEnabled = try SimulationSettings.bool(value, p)
      case "scaleDownUtilizationThreshold":
        scaleDownUtilizationThresholdPerMille = try Self.ratioPerMille(value, p)
      case "scaleDownUnneededTime":
        scaleDownUnneededTime = try SimulationSettings.duration(value, p)
      case "scaleDownDelayAfterAdd":
        scaleDownDelayAfterAdd = try SimulationSettings.duration(value, p)
      case "scaleDownDelayAfterDelete":
        scaleDownDelayAfterDelete = try SimulationSettings.duration(value, p)
      case "scaleDownDelayAfterFailure":
        scaleDownDelayAfterFailure = try SimulationSettings.duration(value, p)
      case "maxGracefulTerminationSeconds":
        maxGracefulTerminationSeconds = try SimulationSettings.integer(value, p, minimum: 0)
      case "maxPodEvictionTime": maxPodEvictionTime = try SimulationSettings.duration(value, p)
      default:
        throw ManifestError(
          "unknown cluster autoscaler setting \"\(key)\"; known: "
            + Self.keys.joined(separator: ", "), at: pair.key.location, path: p)
      }
    }
  }

  /// A ratio in 0…1 written as a decimal (`0.5`), in per-mille.
  static func ratioPerMille(_ node: YAMLNode, _ path: String) throws(ManifestError) -> Int64 {
    var text = ""
    if case .scalar(let s) = node.content { text = s.text }
    guard let q = try? Quantity(parsing: text), q.sign >= 0, q.milliValue <= 1000 else {
      throw ManifestError(
        "expected a ratio between 0 and 1 such as 0.5, found \"\(text)\"", at: node.location,
        path: path)
    }
    return q.milliValue
  }
}
