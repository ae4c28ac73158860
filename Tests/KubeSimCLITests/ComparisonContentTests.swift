import Foundation
import KubeSimTestSupport
import Testing

@testable import KubeSimCLI

/// What `kubesim compare` tables and reports contain: cost, the latency split, used resources,
/// and a chart for every metric that differs between the columns.
@Suite struct ComparisonContentTests {
  @Test func costAndTheNewMetricsAreCompared() throws {
    let dir = TemporaryDirectory("compare-cost")
    defer { dir.remove() }
    let r = CommandLineInterface.run([
      "compare", RunCommandTests.fixtures + "/cost.yaml", "--profile", "default", "--seeds", "1..2",
      "--out", dir.path,
    ])
    #expect(r.code == .success, "\(r.stderr)")
    let rows = r.stdout.split(separator: "\n").map(String.init)
    // The cost of CostAndUsageTests' scenario, the same for every seed.
    #expect(rows.contains { $0.hasPrefix("metrics.cost.total_micros ") && $0.contains("625000 ± 0 (sd 0)") })
    #expect(rows.contains { $0.hasPrefix("metrics.cost.per_pool_micros.spot ") && $0.contains("125000 ± 0") })
    for metric in [
      "metrics.cluster_cpu_used_ppm_mean", "metrics.pods_per_node_at_end.max",
      "metrics.fragmented_cpu_millis_mean",
    ] {
      #expect(rows.contains { $0.hasPrefix(metric + " ") }, "\(metric) missing")
    }
    let csv = try #require(dir.read("comparison.csv"))
    #expect(csv.contains("metrics.cost.total_micros,default,2,625000,0\n"))
  }

  @Test func metricsThatDifferBetweenPoliciesAreCharted() throws {
    let dir = TemporaryDirectory("compare-charts")
    defer { dir.remove() }
    let r = CommandLineInterface.run([
      "compare", CompareCommandTests.hello, "--profile", "default", "--profile", "first-fit",
      "--seeds", "1..2", "--out", dir.path,
    ])
    #expect(r.code == .success)
    let rows = r.stdout.split(separator: "\n").map(String.init)
    for metric in ["metrics.latency.scheduling_cycle.p99_us", "metrics.latency.scheduling_queue_wait.p50_us"] {
      #expect(rows.contains { $0.hasPrefix(metric + " ") }, "\(metric) missing")
    }
    let html = try #require(dir.read("comparison.html"))
    // events_processed differs (152 vs 142) with no spread over seeds: it still gets its chart.
    #expect(html.contains(">events_processed</text>"))
    #expect(html.components(separatedBy: "<svg").count - 1 >= 1)
  }
}
