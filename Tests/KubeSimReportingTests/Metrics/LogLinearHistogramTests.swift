import Testing

@testable import KubeSimReporting

@Suite struct LogLinearHistogramTests {
  @Test func smallValuesAreExact() {
    var h = LogLinearHistogram()
    for v in 1...100 { h.record(Int64(v)) }
    #expect(h.count == 100)
    #expect(h.sum == 5050)
    #expect(h.min == 1)
    #expect(h.max == 100)
    #expect(h.percentile(50) == 50)
    #expect(h.percentile(99) == 99)
    #expect(h.percentile(100) == 100)
    #expect(h.percentile(0) == 1)
    #expect(h.percentile(0.5) == 1)
    #expect(h.mean == 50.5)
  }

  @Test func emptyHistogramHasNoPercentile() {
    let h = LogLinearHistogram()
    #expect(h.percentile(50) == nil)
    #expect(h.mean == nil)
    #expect(h.isEmpty)
  }

  @Test func bucketLayoutIsLogLinear() {
    #expect(LogLinearHistogram.bucketIndex(of: 127) == 127)
    #expect(LogLinearHistogram.bucketIndex(of: 128) == 128)
    #expect(LogLinearHistogram.bucketIndex(of: 255) == 255)
    #expect(LogLinearHistogram.bucketIndex(of: 256) == 256)
    #expect(LogLinearHistogram.bucketIndex(of: 257) == 256)
    #expect(LogLinearHistogram.bucketIndex(of: 258) == 257)
    #expect(LogLinearHistogram.bucketRange(of: 256) == (256, 2))
    #expect(LogLinearHistogram.bucketRange(of: 384) == (512, 4))
    #expect(LogLinearHistogram.bucketIndex(of: Int64.max) == 7295)
    for v: Int64 in [0, 1, 127, 128, 1000, 65_535, 1_000_000, 123_456_789, Int64.max] {
      let (start, width) = LogLinearHistogram.bucketRange(of: LogLinearHistogram.bucketIndex(of: v))
      #expect(start <= v && v - start < width, "value \(v)")
      #expect(width == 1 || width * 128 <= start, "value \(v)")
    }
  }

  @Test("percentiles stay within 1/256 relative error", arguments: [1, 7, 42])
  func percentilesWithinErrorBound(seed: UInt64) {
    // A deterministic LCG (Knuth MMIX constants) spreads values over six decades.
    var state = seed
    var values: [Int64] = []
    var h = LogLinearHistogram()
    for _ in 0..<5_000 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      let v = Int64((state >> 33) % 10_000_000)
      values.append(v)
      h.record(v)
      if values.count % 250 == 0 { #expect(h.invariantViolation() == nil) }
    }
    values.sort()
    for p in [1.0, 10, 25, 50, 75, 90, 99, 99.9, 100] {
      let rank = max(1, Int((p * Double(values.count) / 100).rounded(.up)))
      let exact = values[rank - 1]
      let got = h.percentile(p) ?? -1
      #expect(abs(got - exact) * 256 <= max(exact, 1), "p\(p): \(got) vs \(exact), seed \(seed)")
    }
    #expect(h.sum == values.reduce(0, +))
    #expect(h.min == values.first)
    #expect(h.max == values.last)
  }

  @Test func mergeEqualsRecordingBoth() {
    var a = LogLinearHistogram()
    var b = LogLinearHistogram()
    var both = LogLinearHistogram()
    for v: Int64 in [5, 300, 70_000] {
      a.record(v)
      both.record(v)
    }
    for v: Int64 in [1, 2_000_000, 450] {
      b.record(v, times: 2)
      both.record(v, times: 2)
    }
    a.merge(b)
    #expect(a.invariantViolation() == nil)
    #expect(a == both)
    #expect(a.count == 9)
    #expect(a.min == 1)
    #expect(a.max == 2_000_000)
    #expect(a.percentile(50) == 450)
  }

  @Test func largeValuePercentileIsBucketMidpointClampedToMax() {
    var h = LogLinearHistogram()
    h.record(1_000_000)
    h.record(1_000_100)
    // 1,000,000 lies in [999,424, 1,003,520) (width 4,096): midpoint 1,001,471, clamped to max.
    #expect(h.percentile(50) == 1_000_100)
    h.record(2_000_000)
    // No longer clamped: the midpoint, 1,371 (0.14 %) above the exact 1,000,100.
    #expect(h.percentile(50) == 1_001_471)
    #expect(h.percentile(100) == 2_000_000)
  }

  @Test func negativeValuesRecordAsZeroAndSumSaturates() {
    var h = LogLinearHistogram()
    h.record(-5)
    #expect(h.min == 0)
    h.record(Int64.max)
    h.record(Int64.max)
    #expect(h.sumOverflowed)
    #expect(h.invariantViolation() == nil)
    #expect(h.sum == Int64.max)
  }
}
