import Testing

@testable import KubeSimReporting

@Suite struct HistogramSummaryTests {
  @Test func summaryHasFixedKeysAndIntegers() {
    var h = LogLinearHistogram()
    for v: Int64 in [10, 20, 30, 41] { h.record(v) }
    #expect(
      h.summaryJSON().compactString == """
        {"count":4,"min_us":10,"p50_us":20,"p90_us":41,"p95_us":41,"p99_us":41,"p99_9_us":41,\
        "max_us":41,"sum_us":101,"mean_us":25}
        """)
    #expect(LogLinearHistogram().summaryJSON().compactString == #"{"count":0}"#)
  }
}
