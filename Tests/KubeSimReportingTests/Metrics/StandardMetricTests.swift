import Testing

@testable import KubeSimReporting

@Suite struct StandardMetricTests {
  @Test func namesAreUniqueAndFollowConventions() {
    let names = StandardMetric.all.map(\.name)
    #expect(Set(names).count == names.count)
    for m in StandardMetric.all {
      #expect(m.labels == m.labels.sorted(), "\(m.name) labels must be in key order")
      if m.kind == .counter { #expect(m.name.hasSuffix("_total"), "\(m.name)") }
      if m.kind == .histogram { #expect(m.name.hasSuffix("_us"), "\(m.name)") }
    }
  }

  @Test func keysCarryLabelsInOrder() {
    let key = StandardMetric.scheduleAttempts.key("default-scheduler", "scheduled")
    #expect(
      key.description == #"schedule_attempts_total{profile="default-scheduler",result="scheduled"}"#
    )
    var r = MetricsRegistry(intervalMicros: 1)
    r.record(StandardMetric.podStartupLatency.key(), 1_500)
    #expect(r.histogram(MetricKey("pod_startup_latency_us")).count == 1)
  }
}
