import KubeSimKernel
import KubeSimNodeAgent

/// Expectation functions over a Service's offered load (issue 6):
///
/// | function | value |
/// |---|---|
/// | `offered(service/web)` | requests offered so far (an integer) |
/// | `served(service/web)` | requests served so far |
/// | `failed(service/web)` | requests failed so far (no endpoint, stale rule, over capacity) |
/// | `failure_rate(service/web)` | failed / offered (0 with nothing offered), a number in [0, 1] |
/// | `latency(service/web, p99)` | the p50, p90 or p99 response time of the served requests, a duration (0s with nothing served) |
///
/// `service/NAME` means the `default` namespace; `service/NS/NAME` names another. A Service that
/// never had load reads as 0.
enum TrafficMetric {
  static let names: Set<String> = ["offered", "served", "failed", "failure_rate", "latency"]

  /// Whether `argument` fits `name` (nil: not a traffic function).
  static func check(_ name: String, _ argument: String) -> Bool? {
    guard names.contains(name) else { return nil }
    let parts = argument.split(separator: ",").map { $0.split(separator: " ").joined() }
    guard let first = parts.first, first.hasPrefix("service/"), first.count > "service/".count
    else { return false }
    if name == "latency" { return parts.count == 2 && quantile(parts[1]) != nil }
    return parts.count == 1
  }

  static func quantile(_ text: String) -> Double? {
    switch text {
    case "p50": return 0.5
    case "p90": return 0.9
    case "p99": return 0.99
    case "p999": return 0.999
    default: return nil
    }
  }

  static func value(_ call: MetricCall, _ traffic: [ServiceTraffic], timeout: SimDuration)
    -> ExpressionValue?
  {
    let parts = call.argument.split(separator: ",").map { $0.split(separator: " ").joined() }
    guard let first = parts.first else { return nil }
    let name = String(first.dropFirst("service/".count))
    let key = name.contains("/") ? name : "default/" + name
    let t = traffic.first { $0.service == key } ?? ServiceTraffic(service: key)
    switch call.name {
    case "offered": return .int(t.offered)
    case "served": return .int(t.served)
    case "failed": return .int(t.failed)
    case "failure_rate":
      return .double(t.offered == 0 ? 0 : Double(t.failed) / Double(t.offered))
    default:
      guard parts.count == 2, let q = quantile(parts[1]) else { return nil }
      return .duration(t.latency.quantile(q, timeout: timeout) ?? 0)
    }
  }
}
