import KubeSimAPIServer
import KubeSimModel

extension APIServerDataSource {
  /// `cost()` / `cost(pool/NAME)`: the node cost so far (node-hours × `costPerHour`, in the
  /// price's unit, e.g. dollars); `cpu_usage(node/NAME)`: the node's CPU usage in cores as
  /// metrics-server reports it now (the sum of its running pods'); nil for other metrics.
  func usageOrCostMetric(_ call: MetricCall) -> ExpressionValue? {
    switch call.name {
    case "cost":
      guard let meter = costMeter else { return nil }
      let pool = call.argument.isEmpty ? nil : String(call.argument.dropFirst("pool/".count))
      // An unknown pool fails the expectation ("… is not known") rather than reading 0.
      if let pool, !meter.isPool(pool) { return nil }
      return .double(Double(meter.costMicros(at: api.now, pool: pool)) / 1_000_000)
    case "cpu_usage":
      let node = String(call.argument.dropFirst("node/".count))
      guard api.get(.node, nil, node) != nil else { return nil }
      let pipeline = MetricsPipeline()
      var millis: Int64 = 0
      for p in api.pods(onNode: node) {
        millis += pipeline.podMetrics(p, at: api.now, runSeed: api.seed)?.cpuMillis ?? 0
      }
      return .double(Double(millis) / 1000)
    default:
      return nil
    }
  }
}
