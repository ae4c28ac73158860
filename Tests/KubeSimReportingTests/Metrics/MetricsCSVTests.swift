import Testing

@testable import KubeSimReporting

@Suite struct MetricsCSVTests {
  @Test func csvIsLongFormInKeyOrder() {
    var r = MetricsRegistry(intervalMicros: 10, seriesCapacity: 2)
    r.set(MetricKey("pods", ["node": "b,1"]), 2)
    r.set(MetricKey("pods", ["node": "a"]), 1)
    r.increment(MetricKey("evictions_total"))
    r.record(MetricKey("latency_us"), 5)
    r.advance(to: 0)
    r.set(MetricKey("pods", ["node": "a"]), 4)
    r.advance(to: 20)  // a third sample per series: two points of capacity 2 merge
    #expect(
      r.csv() == """
        start_us,end_us,metric,labels,kind,samples,min,max,mean,last
        0,10,evictions_total,,counter,2,1,1,1,1
        20,20,evictions_total,,counter,1,1,1,1,1
        0,10,pods,node=a,gauge,2,1,4,2.5,4
        20,20,pods,node=a,gauge,1,4,4,4,4
        0,10,pods,"node=b,1",gauge,2,2,2,2,2
        20,20,pods,"node=b,1",gauge,1,2,2,2,2

        """)
    #expect(MetricsRegistry.csvField("say \"hi\"") == "\"say \"\"hi\"\"\"")
  }
}
