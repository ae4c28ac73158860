/// The HorizontalPodAutoscaler's replica arithmetic for resource metrics, as upstream's
/// `ReplicaCalculator` (pkg/controller/podautoscaler/replica_calculator.go): pure functions over
/// per-pod samples, so the controller and tests share one implementation.
public enum ReplicaCalculator {
  /// `--horizontal-pod-autoscaler-tolerance` default (kube-controller-manager, 0.1).
  public static let defaultTolerance = 0.1

  /// How a pod takes part in a calculation (replica_calculator.go `groupPods`).
  public enum PodState: Sendable, Hashable {
    /// Ready and counted.
    case ready
    /// Unready (for CPU: not ready, or within the CPU initialization period with a metric taken
    /// before readiness): dropped, then counted as 0 usage on a scale-up.
    case unready
    /// Being deleted or Failed: left out entirely.
    case ignored
  }

  /// One pod: its state, its metric (millicores or bytes; nil when metrics-server has none) and
  /// its request for the resource.
  public struct PodSample: Sendable, Hashable {
    public var name: String
    public var state: PodState
    public var metric: Int64?
    public var request: Int64

    public init(name: String, state: PodState = .ready, metric: Int64?, request: Int64 = 0) {
      self.name = name
      self.state = state
      self.metric = metric
      self.request = request
    }
  }

  /// A recommendation, with the current value as the HPA's status reports it.
  public struct Recommendation: Sendable, Hashable {
    public var replicas: Int32
    /// Utilization in percent of request (integer, truncated) or the average value.
    public var current: Int64
    /// The ready pods' mean usage (millicores or bytes; upstream's `rawUtilization`).
    public var currentAverage: Int64 = 0
  }

  /// A calculation that cannot be made; `message` is upstream's.
  public struct Failure: Error, Sendable, Hashable {
    public var message: String
  }

  /// `GetResourceReplicas`: target utilization in percent of the pods' requests.
  public static func utilizationReplicas(
    current: Int32, targetUtilization: Int32, pods: [PodSample],
    tolerance: Double = defaultTolerance
  ) throws(Failure) -> Recommendation {
    try calculate(current: current, pods: pods, tolerance: tolerance) {
      metrics throws(Failure) -> (ratio: Double, current: Int64) in
      // metrics.GetResourceUtilizationRatio: requests summed over pods with metrics; utilization
      // truncated to an integer percentage before the ratio.
      var usage: Int64 = 0
      var requests: Int64 = 0
      for m in metrics {
        usage += m.value
        requests += m.request
      }
      guard requests > 0 else {
        throw Failure(message: "no metrics returned matched known pods")
      }
      let utilization = usage * 100 / requests
      return (Double(utilization) / Double(targetUtilization), utilization)
    } missingValue: { sample, scaleDown in
      scaleDown ? sample.request : 0
    }
  }

  /// `GetRawResourceReplicas` / `calcPlainMetricReplicas`: target average value per pod.
  public static func averageValueReplicas(
    current: Int32, targetAverage: Int64, pods: [PodSample], tolerance: Double = defaultTolerance
  ) throws(Failure) -> Recommendation {
    try calculate(current: current, pods: pods, tolerance: tolerance) {
      metrics throws(Failure) -> (ratio: Double, current: Int64) in
      // metrics.GetMetricUtilizationRatio: integer mean, then the ratio.
      let total = metrics.reduce(Int64(0)) { $0 + $1.value }
      let average = total / Int64(metrics.count)
      return (Double(average) / Double(targetAverage), average)
    } missingValue: { _, scaleDown in
      scaleDown ? targetAverage : 0
    }
  }

  private struct Metric {
    var value: Int64
    var request: Int64
  }

  private static func calculate(
    current: Int32, pods: [PodSample], tolerance: Double,
    ratio: ([Metric]) throws(Failure) -> (ratio: Double, current: Int64),
    missingValue: (PodSample, Bool) -> Int64
  ) throws(Failure) -> Recommendation {
    guard !pods.isEmpty else {
      throw Failure(message: "no pods returned by selector while calculating replica count")
    }
    var metrics: [Metric] = []
    var readyCount = 0
    var unready: [PodSample] = []
    var missing: [PodSample] = []
    for p in pods {
      switch p.state {
      case .ignored: continue
      case .unready:
        if p.metric != nil {
          unready.append(p)
        }  // groupPods: only pods with metrics are unready
        else {
          missing.append(p)
        }
      case .ready:
        if let m = p.metric {
          metrics.append(Metric(value: m, request: p.request))
          readyCount += 1
        } else {
          missing.append(p)
        }
      }
    }
    guard !metrics.isEmpty else {
      throw Failure(message: "did not receive metrics for targeted pods (pods might be unready)")
    }
    let (usageRatio, currentValue) = try ratio(metrics)
    let average = metrics.reduce(Int64(0)) { $0 + $1.value } / Int64(metrics.count)
    let rebalanceUnready = !unready.isEmpty && usageRatio > 1.0
    if !rebalanceUnready && missing.isEmpty {
      if abs(1.0 - usageRatio) <= tolerance {
        return Recommendation(replicas: current, current: currentValue, currentAverage: average)
      }
      return Recommendation(
        replicas: Int32((usageRatio * Double(readyCount)).rounded(.up)), current: currentValue,
        currentAverage: average)
    }
    // Missing pods: 100% of request (or the target) on a scale-down, 0 on a scale-up.
    if usageRatio < 1.0 || usageRatio > 1.0 {
      for p in missing {
        metrics.append(Metric(value: missingValue(p, usageRatio < 1.0), request: p.request))
      }
    }
    if rebalanceUnready {
      for p in unready { metrics.append(Metric(value: 0, request: p.request)) }
    }
    let (newRatio, _) = try ratio(metrics)
    if abs(1.0 - newRatio) <= tolerance || (usageRatio < 1.0 && newRatio > 1.0)
      || (usageRatio > 1.0 && newRatio < 1.0)
    {
      return Recommendation(replicas: current, current: currentValue, currentAverage: average)
    }
    let replicas = Int32((newRatio * Double(metrics.count)).rounded(.up))
    if (newRatio < 1.0 && replicas > current) || (newRatio > 1.0 && replicas < current) {
      return Recommendation(replicas: current, current: currentValue, currentAverage: average)
    }
    return Recommendation(replicas: replicas, current: currentValue, currentAverage: average)
  }
}
