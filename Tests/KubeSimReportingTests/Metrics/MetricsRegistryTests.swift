import Testing

@testable import KubeSimReporting

@Suite struct MetricsRegistryTests {
  @Test func keysSortLabelsAndDescribeThemselves() {
    let a = MetricKey("cpu", ["zone": "b", "node": "n\"1"])
    #expect(a.description == #"cpu{node="n\"1",zone="b"}"#)
    #expect(a == MetricKey("cpu", ["node": "n\"1", "zone": "b"]))
    #expect(a.label("zone") == "b")
    let keys = [
      MetricKey("pods"), MetricKey("cpu", ["node": "n2"]), MetricKey("cpu", ["node": "n10"]),
      MetricKey("cpu"),
    ]
    #expect(
      keys.sorted().map(\.description) == ["cpu", #"cpu{node="n10"}"#, #"cpu{node="n2"}"#, "pods"])
  }

  @Test func samplesCountersAndGaugesAtIntervalBoundaries() {
    var r = MetricsRegistry(intervalMicros: 10)
    let pending = MetricKey("pending_pods")
    let scheduled = MetricKey("pods_scheduled_total")
    r.advance(to: 0)  // samples t=0 (nothing registered yet)
    r.set(pending, 3)
    r.increment(scheduled)
    r.advance(to: 25)  // samples t=10 and t=20 with the state before the events at 25
    r.add(pending, -2)
    r.increment(scheduled, by: 4)
    r.advance(to: 30)
    #expect(r.series(pending).points.map(\.last) == [3, 3, 1])
    #expect(r.series(pending).points.map(\.startMicros) == [10, 20, 30])
    #expect(r.series(scheduled).points.map(\.last) == [1, 1, 5])
    #expect(r.value(scheduled) == 5)
    #expect(r.nextSampleMicros == 40)
    #expect(r.keys(of: .gauge) == [pending])
    #expect(r.kind(of: scheduled) == .counter)
    #expect(r.kind(of: MetricKey("nothing")) == nil)
  }

  @Test func histogramsAreNotSampledAndMergeByName() {
    var r = MetricsRegistry(intervalMicros: 1_000)
    r.record(MetricKey("latency_us", ["node": "b"]), 20)
    r.record(MetricKey("latency_us", ["node": "a"]), 10)
    r.record(MetricKey("latency_us", ["node": "a"]), 30)
    r.advance(to: 5_000)
    #expect(r.series(MetricKey("latency_us", ["node": "a"])).points.isEmpty)
    let all = r.mergedHistogram(named: "latency_us")
    #expect(all.count == 3)
    #expect(all.percentile(50) == 20)
    #expect(r.keys.map(\.description) == [#"latency_us{node="a"}"#, #"latency_us{node="b"}"#])
  }

  @Test func keyOrderIsIndependentOfInsertionOrder() {
    var a = MetricsRegistry(intervalMicros: 1)
    var b = MetricsRegistry(intervalMicros: 1)
    let names = (0..<50).map { MetricKey("m", ["node": "node-\($0)"]) }
    for k in names { a.set(k, 1) }
    for k in names.reversed() { b.set(k, 1) }
    #expect(a.keys == b.keys)
  }
}
