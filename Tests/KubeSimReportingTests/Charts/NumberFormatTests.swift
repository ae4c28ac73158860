import Testing

@testable import KubeSimReporting

@Suite struct NumberFormatTests {
  @Test(
    "fixed decimals",
    arguments: [
      (3.14159, 2, "3.14"), (0.125, 2, "0.13"), (-0.125, 2, "-0.13"), (1.005, 2, "1.00"),
      (2.5, 0, "3"), (-0.0001, 2, "0.00"), (0.05, 3, "0.050"), (1234567.891, 1, "1234567.9"),
      (-7, 0, "-7"), (.nan, 2, "NaN"), (.infinity, 1, "inf"), (0.000001, 6, "0.000001"),
    ])
  func fixedDecimals(value: Double, decimals: Int, expected: String) {
    #expect(DecimalFormat.fixed(value, decimals) == expected)
  }

  @Test func trimmedDropsTrailingZeros() {
    #expect(DecimalFormat.trimmed(2.50, 2) == "2.5")
    #expect(DecimalFormat.trimmed(3.0, 2) == "3")
    #expect(DecimalFormat.trimmed(-0.001, 2) == "0")
    #expect(DecimalFormat.trimmed(100, 0) == "100")
  }

  @Test func siScaling() {
    #expect(UnitFormat.si(1500) == "1.5k")
    #expect(UnitFormat.si(2_000_000) == "2M")
    #expect(UnitFormat.si(999_960) == "1M")
    #expect(UnitFormat.si(0.25, unit: "s") == "250ms")
    #expect(UnitFormat.si(0) == "0")
    #expect(UnitFormat.si(-12_345, decimals: 2) == "-12.35k")
    #expect(UnitFormat.si(42) == "42")
  }

  @Test func binaryScaling() {
    #expect(UnitFormat.binary(2 * 1024 * 1024 * 1024) == "2Gi")
    #expect(UnitFormat.binary(1536, unit: "B") == "1.5KiB")
    #expect(UnitFormat.binary(512) == "512")
    #expect(UnitFormat.binary(1023.99) == "1Ki")
  }

  @Test func durations() {
    #expect(UnitFormat.duration(micros: 0) == "0s")
    #expect(UnitFormat.duration(micros: 90_000_000) == "1m30s")
    #expect(UnitFormat.duration(micros: 1_500) == "1.5ms")
    #expect(UnitFormat.duration(micros: 999) == "999µs")
    #expect(UnitFormat.duration(micros: 3_600_000_000) == "1h")
    #expect(UnitFormat.duration(micros: 3_725_500_000) == "1h2m5.5s")
    #expect(UnitFormat.duration(micros: -2_000_000) == "-2s")
  }

  @Test func niceTicksUseOneTwoFiveSteps() {
    let s = NiceScale(min: 0, max: 93, targetTicks: 5)
    #expect(s.step == 20)
    #expect(s.ticks == [0, 20, 40, 60, 80, 100])
    let f = NiceScale(min: 0.013, max: 0.087, targetTicks: 4)
    #expect(f.step == 0.02)
    #expect(
      f.ticks.map { DecimalFormat.fixed($0, f.decimals) } == [
        "0.00", "0.02", "0.04", "0.06", "0.08", "0.10",
      ])
    let n = NiceScale(min: -3, max: 4, targetTicks: 7)
    #expect(n.step == 1)
    #expect(n.lower == -3 && n.upper == 4)
    let flat = NiceScale(min: 5, max: 5)
    #expect(flat.lower <= 5 && flat.upper >= 6)
    #expect(NiceScale(min: 0, max: 4_500, targetTicks: 4).step == 2_000)
  }

  @Test func timeTicksUseClockSteps() {
    let t = NiceScale(timeMinMicros: 0, maxMicros: 600_000_000, targetTicks: 6)
    #expect(t.step == 120_000_000)
    #expect(
      t.ticks.map { UnitFormat.duration(micros: Int64($0)) } == [
        "0s", "2m", "4m", "6m", "8m", "10m",
      ])
    let s = NiceScale(timeMinMicros: 0, maxMicros: 45_000_000, targetTicks: 6)
    #expect(s.step == 10_000_000)
    #expect(s.upper == 50_000_000)
  }
}

@Suite struct SignificantDigitsTests {
  @Test func roundsToSignificantDigits() {
    #expect(DecimalFormat.roundedToSignificant(343_695, 2) == 340_000)
    #expect(DecimalFormat.roundedToSignificant(-0.012345, 3) == -0.0123)
    #expect(DecimalFormat.roundedToSignificant(9.96, 2) == 10)
    #expect(DecimalFormat.roundedToSignificant(0, 2) == 0)
    #expect(DecimalFormat.roundedToSignificant(1, 1) == 1)
  }
}

@Suite struct NiceScaleExtremesTests {
  @Test func extremeTimesDoNotOverflow() {
    let s = NiceScale(timeMinMicros: Int64.min, maxMicros: Int64.max)
    #expect(s.lower < 0 && s.upper > 0)
    #expect(s.ticks.count >= 2)
  }
}

@Suite struct RoundedDurationTests {
  @Test func roundsToSignificantDigits() {
    #expect(UnitFormat.duration(micros: 1_617_919, significantDigits: 3) == "1.62s")
    #expect(UnitFormat.duration(micros: 90_512_345, significantDigits: 3) == "1m30.5s")
    #expect(UnitFormat.duration(micros: 999, significantDigits: 2) == "1ms")
    #expect(UnitFormat.duration(micros: -1_250, significantDigits: 2) == "-1.3ms")
    #expect(UnitFormat.duration(micros: 42, significantDigits: 3) == "42µs")
    #expect(UnitFormat.duration(micros: Int64.max, significantDigits: 2) != "")
  }
}
