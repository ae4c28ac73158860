import Testing

@testable import KubeSimReporting

@Suite struct SampleSummaryTests {
  @Test func meanStandardDeviationAndInterval() throws {
    let s = SampleSummary([10, 12, 11, 13, 9] as [Double])
    #expect(s.mean == 11)
    // Σ(x − 11)² = 10, s² = 10 / 4 = 2.5.
    #expect(s.variance.map { abs($0 - 2.5) < 1e-12 } == true)
    let ci = try #require(s.confidenceInterval95)
    let half = 2.776 * 2.5.squareRoot() / 5.0.squareRoot()
    #expect(abs(ci.lowerBound - (11 - half)) < 1e-12)
    #expect(abs(ci.upperBound - (11 + half)) < 1e-12)
    #expect(DecimalFormat.fixed(half, 4) == "1.9629")
  }

  @Test func twoPassIsStableForLargeOffsets() throws {
    let s = SampleSummary([1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16] as [Double])
    // Same spread as 4, 7, 13, 16: variance 30.
    let v = try #require(s.variance)
    #expect(abs(v - 30) < 1e-6)
  }

  @Test func smallSamples() {
    let empty = SampleSummary([] as [Double])
    #expect(empty.mean == nil)
    #expect(empty.confidenceInterval95 == nil)
    let one = SampleSummary([7] as [Int64])
    #expect(one.mean == 7)
    #expect(one.standardDeviation == nil)
    #expect(one.confidenceInterval95 == nil)
    let constant = SampleSummary([3, 3, 3] as [Int64])
    #expect(constant.standardDeviation == 0)
    #expect(constant.confidenceInterval95 == 3...3)
  }
}
