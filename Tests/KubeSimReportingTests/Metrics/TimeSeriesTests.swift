import Testing

@testable import KubeSimReporting

@Suite struct TimeSeriesTests {
  @Test func keepsEverySampleUntilFull() {
    var s = TimeSeries(capacity: 4)
    for i in 0..<4 { s.append(time: Int64(i) * 10, value: Int64(i)) }
    #expect(s.stride == 1)
    #expect(s.points.map(\.last) == [0, 1, 2, 3])
  }

  @Test func halvesResolutionWhenFull() {
    var s = TimeSeries(capacity: 4)
    for i in 0..<5 { s.append(time: Int64(i) * 10, value: Int64(i)) }
    #expect(s.stride == 2)
    #expect(s.points.count == 3)
    #expect(
      s.points[0]
        == SeriesPoint(startMicros: 0, endMicros: 10, count: 2, min: 0, max: 1, sum: 1, last: 1))
    #expect(s.points[1].startMicros == 20)
    #expect(s.points[2] == SeriesPoint(time: 40, value: 4))
    s.append(time: 50, value: -3)
    #expect(s.points.count == 3)
    #expect(s.points[2].min == -3)
    #expect(s.points[2].max == 4)
    #expect(s.points[2].count == 2)
  }

  @Test func memoryStaysBoundedAndExtremesExact() {
    var s = TimeSeries(capacity: 8)
    for i in 0..<1_000 {
      s.append(time: Int64(i), value: i == 617 ? 1_000 : Int64(i % 7))
      #expect(s.invariantViolation() == nil, "after sample \(i)")
    }
    #expect(s.points.count <= 8)
    #expect(s.stride == 128)
    #expect(s.points.map(\.count).reduce(0, +) == 1_000)
    #expect(s.points.map(\.max).max() == 1_000)
    #expect(s.points.last?.last == Int64(999 % 7))
    #expect(s.points.first?.startMicros == 0)
    #expect(s.points.last?.endMicros == 999)
  }

  @Test func oddCapacityRoundsUp() {
    #expect(TimeSeries(capacity: 5).capacity == 6)
    #expect(TimeSeries(capacity: 0).capacity == 2)
  }
}

extension SeriesPoint {
  init(
    startMicros: Int64, endMicros: Int64, count: Int64, min: Int64, max: Int64, sum: Int64,
    last: Int64
  ) {
    self.init(time: startMicros, value: min)
    self.endMicros = endMicros
    self.count = count
    self.min = min
    self.max = max
    self.sum = sum
    self.last = last
  }
}
