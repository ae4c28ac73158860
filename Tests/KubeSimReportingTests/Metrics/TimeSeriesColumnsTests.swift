import Testing

@testable import KubeSimReporting

@Suite struct TimeSeriesColumnsTests {
  @Test func uniformColumns() {
    #expect(TimeSeries.uniformColumns(from: 0, to: 100, count: 4) == [0, 25, 50, 75])
    #expect(TimeSeries.uniformColumns(from: 10, to: 21, count: 2) == [10, 15])
    #expect(TimeSeries.uniformColumns(from: 0, to: 0, count: 3) == [])
    #expect(TimeSeries.uniformColumns(from: 0, to: 2, count: 5) == [0])
  }

  @Test func resamplesPointsIntoColumns() {
    var s = TimeSeries(capacity: 16)
    for (t, v) in [(0, 1), (10, 3), (20, 5), (30, 7), (50, 9)] as [(Int64, Int64)] {
      s.append(time: t, value: v)
    }
    let columns: [Int64] = [0, 20, 40, 60]
    #expect(s.values(inColumns: columns, end: 80) == [2, 6, 9, nil])
    #expect(s.values(inColumns: columns, end: 80, aggregate: .max) == [3, 7, 9, nil])
    #expect(s.values(inColumns: [25], end: 40, aggregate: .last) == [7])
  }

  @Test func alignsSeriesOfDifferentResolutions() {
    // `early` saw 8 samples and halved once; `late` started at t=40 and did not.
    var early = TimeSeries(capacity: 4)
    var late = TimeSeries(capacity: 4)
    for i in 0..<8 {
      early.append(time: Int64(i) * 10, value: Int64(i))
      if i >= 4 { late.append(time: Int64(i) * 10, value: 100) }
    }
    #expect(early.stride == 2)
    #expect(late.stride == 1)
    let cols = TimeSeries.uniformColumns(from: 0, to: 80, count: 2)
    #expect(early.values(inColumns: cols, end: 80) == [1.5, 5.5])
    #expect(late.values(inColumns: cols, end: 80) == [nil, 100])
  }
}
