import KubeSimKernel
import KubeSimScenario
import KubeSimYAML

extension RunSummary {
  /// `"services"` (issue 6): per Service with offered load, requests offered, served and failed
  /// (by cause) and the served requests' latency percentiles in microseconds. Absent without load.
  var trafficJSON: [(String, JSONValue)] {
    guard !report.traffic.isEmpty else { return [] }
    func d(_ v: SimDuration?) -> JSONValue { v.map { .int($0.microseconds) } ?? .null }
    return [
      (
        "services",
        .array(
          report.traffic.map { t in
            .object([
              ("service", .string(t.service)), ("offered", .int(t.offered)),
              ("served", .int(t.served)), ("failed", .int(t.failed)),
              ("failed_no_endpoints", .int(t.failedNoEndpoints)),
              ("failed_stale_rules", .int(t.failedStale)),
              ("failed_over_capacity", .int(t.failedOverload)),
              ("latency_p50_us", d(t.latencyP50)), ("latency_p90_us", d(t.latencyP90)),
              ("latency_p99_us", d(t.latencyP99)),
            ])
          })
      )
    ]
  }

  /// A Markdown table of the Services' traffic.
  var trafficMarkdown: String {
    guard !report.traffic.isEmpty else { return "" }
    func d(_ v: SimDuration?) -> String { v.map(\.description) ?? "–" }
    var out =
      "\n| service | offered | served | failed (no endpoint / stale rule / over capacity) | p50 | p90 | p99 |\n"
    out += "|---|---:|---:|---:|---:|---:|---:|\n"
    for t in report.traffic {
      out +=
        "| \(t.service) | \(t.offered) | \(t.served) | \(t.failed) (\(t.failedNoEndpoints) / \(t.failedStale) / \(t.failedOverload)) | "
        + "\(d(t.latencyP50)) | \(d(t.latencyP90)) | \(d(t.latencyP99)) |\n"
    }
    return out
  }
}
