import Testing

@testable import KubeSimKernel

@Suite struct SimDurationTests {
  /// (input, microseconds, Go's `ParseDuration(input).String()`), from Go's own
  /// `time_test.go` parse table where it fits the microsecond resolution.
  static let parseVectors: [(String, Int64, String)] = [
    ("0", 0, "0s"),
    ("+0", 0, "0s"),
    ("-0", 0, "0s"),
    ("0s", 0, "0s"),
    ("5s", 5_000_000, "5s"),
    ("30s", 30_000_000, "30s"),
    ("40s", 40_000_000, "40s"),
    ("1478s", 1_478_000_000, "24m38s"),
    ("-5s", -5_000_000, "-5s"),
    ("+5s", 5_000_000, "5s"),
    ("-0s", 0, "0s"),
    ("5.0s", 5_000_000, "5s"),
    ("5.6s", 5_600_000, "5.6s"),
    ("5.s", 5_000_000, "5s"),
    (".5s", 500_000, "500ms"),
    ("1.0s", 1_000_000, "1s"),
    ("1.00s", 1_000_000, "1s"),
    ("1.004s", 1_004_000, "1.004s"),
    ("1.0040s", 1_004_000, "1.004s"),
    ("100.00100s", 100_001_000, "1m40.001s"),
    ("10ns", -1, ""),  // below KubeSim's resolution: an error (see below)
    ("11us", 11, "11µs"),
    ("12µs", 12, "12µs"),
    ("12μs", 12, "12µs"),  // U+03BC GREEK SMALL LETTER MU
    ("13ms", 13_000, "13ms"),
    ("250ms", 250_000, "250ms"),
    ("300us", 300, "300µs"),
    ("300µs", 300, "300µs"),
    ("14s", 14_000_000, "14s"),
    ("15m", 900_000_000, "15m0s"),
    ("16h", 57_600_000_000, "16h0m0s"),
    ("3h30m", 12_600_000_000, "3h30m0s"),
    ("1h30m", 5_400_000_000, "1h30m0s"),
    ("1.5h", 5_400_000_000, "1h30m0s"),
    ("-1.5h", -5_400_000_000, "-1h30m0s"),
    ("2h45m", 9_900_000_000, "2h45m0s"),
    ("10.5s4m", 250_500_000, "4m10.5s"),
    ("-2m3.4s", -123_400_000, "-2m3.4s"),
    ("1h2m3s4ms5us", 3_723_004_005, "1h2m3.004005s"),
    ("39h9m14.425907s", 140_954_425_907, "39h9m14.425907s"),
    ("52763797000ns", 52_763_797, "52.763797s"),
    ("0.3333333333333333333h", 1_200_000_000, "20m0s"),
    ("9007199254740993ns", -1, ""),  // not whole microseconds
    ("9223372036854775us", 9_223_372_036_854_775, "2562047h47m16.854775s"),
    ("0.100000000000000000000h", 360_000_000, "6m0s"),
    ("90s", 90_000_000, "1m30s"),
    ("3600s", 3_600_000_000, "1h0m0s"),
    ("1h1us", 3_600_000_001, "1h0m0.000001s"),
    ("0.5ms", 500, "500µs"),
    ("1.5ms", 1_500, "1.5ms"),
    ("1001us", 1_001, "1.001ms"),
    ("100h", 360_000_000_000, "100h0m0s"),
  ]

  @Test func parsesGoSyntaxAndPrintsLikeGo() throws {
    for (input, micros, printed) in Self.parseVectors where micros >= 0 || !printed.isEmpty {
      let d = try SimDuration(parsing: input)
      #expect(d.microseconds == micros, "\(input)")
      #expect(d.description == printed, "\(input)")
    }
  }

  /// Go's `Duration.String()` outputs for microsecond-representable values (time_test.go
  /// `durationTests`).
  @Test func printsLikeGoDurationString() {
    let cases: [(Int64, String)] = [
      (0, "0s"),
      (1, "1µs"),
      (1_100, "1.1ms"),
      (2_200_000, "2.2s"),
      (3_300_000 + 180_000_000, "3m3.3s"),
      (4 * 60_000_000 + 5_000_000, "4m5s"),
      (4 * 60_000_000 + 5_001_000, "4m5.001s"),
      (5 * 3_600_000_000 + 6 * 60_000_000 + 7_001_000, "5h6m7.001s"),
      (8 * 60_000_000 + 1, "8m0.000001s"),
      (-1, "-1µs"),
      (-1_100, "-1.1ms"),
      (160_000_000, "2m40s"),
      (999_999, "999.999ms"),
      (1_000_000, "1s"),
      (Int64.max, "2562047788h0m54.775807s"),
      (Int64.min, "-2562047788h0m54.775808s"),
    ]
    for (micros, text) in cases {
      #expect(SimDuration(microseconds: micros).description == text, "\(micros)")
    }
  }

  @Test func rejectsMalformedInputWithAMessageNamingIt() {
    let hint = "expected a number followed by a unit (ns, us, ms, s, m, h), e.g. 30s or 1h30m"
    let cases: [(String, String)] = [
      ("5 minutes", "invalid duration \"5 minutes\": \(hint)"),
      ("", "invalid duration \"\": \(hint)"),
      ("3", "invalid duration \"3\": missing unit; \(hint)"),
      ("-", "invalid duration \"-\": \(hint)"),
      ("s", "invalid duration \"s\": \(hint)"),
      (".", "invalid duration \".\": \(hint)"),
      ("-.", "invalid duration \"-.\": \(hint)"),
      (".s", "invalid duration \".s\": \(hint)"),
      ("+.s", "invalid duration \"+.s\": \(hint)"),
      ("1d", "invalid duration \"1d\": unknown unit \"d\"; \(hint)"),
      ("5x", "invalid duration \"5x\": unknown unit \"x\"; \(hint)"),
      ("1e3s", "invalid duration \"1e3s\": unknown unit \"e\"; \(hint)"),
      ("1h-5m", "invalid duration \"1h-5m\": \(hint)"),
      ("\"5s\"", "invalid duration \"\\\"5s\\\"\": \(hint)"),
      (
        "10ns",
        "invalid duration \"10ns\": KubeSim's resolution is 1µs; "
          + "use a whole number of microseconds (e.g. 1us or 1ms)"
      ),
      (
        "1.0000005s",
        "invalid duration \"1.0000005s\": KubeSim's resolution is 1µs; "
          + "use a whole number of microseconds (e.g. 1us or 1ms)"
      ),
      (
        "9223372036854775808ns",
        "invalid duration \"9223372036854775808ns\": out of range "
          + "(the limit is ±2562047h47m16.854775807s, as for Go's time.Duration)"
      ),
      (
        "3000000h",
        "invalid duration \"3000000h\": out of range "
          + "(the limit is ±2562047h47m16.854775807s, as for Go's time.Duration)"
      ),
      (
        "9223372036854775807s",
        "invalid duration \"9223372036854775807s\": out of range "
          + "(the limit is ±2562047h47m16.854775807s, as for Go's time.Duration)"
      ),
    ]
    for (input, message) in cases {
      do {
        let d = try SimDuration(parsing: input)
        Issue.record("\(input) parsed as \(d)")
      } catch {
        #expect(error.message == message)
        #expect(error.input == input)
        #expect(error.description == message)
      }
    }
  }

  @Test func acceptsTheExtremesOfGosRange() throws {
    // 2⁶³ ns is only valid negated in Go; neither end is a whole microsecond, one below is.
    #expect(
      try SimDuration(parsing: "-9223372036854775000ns").microseconds == -9_223_372_036_854_775)
    #expect(throws: SimDuration.ParseError.self) {
      try SimDuration(parsing: "-9223372036854775808ns")
    }
  }

  @Test func roundTripsItsOwnOutput() throws {
    var rng = RandomStream(seed: 7)
    for _ in 0..<2_000 {
      // Go's range is ±2⁶³ ns, about ±2⁵³ µs.
      let magnitude = Int64(rng.uniform(below: UInt64(1) << UInt64(rng.uniform(below: 53) + 1)))
      let d = SimDuration(microseconds: rng.chance(0.5) ? -magnitude : magnitude)
      #expect(try SimDuration(parsing: d.description) == d)
    }
  }

  /// Random strings over the grammar's alphabet (plus junk) never trap: they parse to a value
  /// that prints and re-parses to itself, or throw a message naming the input.
  @Test(arguments: 0..<4 as Range<UInt64>)
  func fuzzedInputNeverTraps(seed: UInt64) throws {
    let alphabet = Array("0123456789999.+-nsuµμmhxd \"\u{0}é")
    var rng = RandomStream(seed: seed)
    var parsed = 0
    for _ in 0..<5_000 {
      let length = rng.uniform(below: 30)
      let text = String((0..<length).map { _ in alphabet[rng.uniform(below: alphabet.count)] })
      do {
        let d = try SimDuration(parsing: text)
        parsed += 1
        #expect(try SimDuration(parsing: d.description) == d, "\(text)")
      } catch {
        #expect(error.message.hasPrefix("invalid duration \(SimDuration.quote(text)): "))
      }
    }
    #expect(parsed > 20)  // the fuzz reaches the accepting paths too
  }

  @Test func arithmeticAndConstructors() {
    #expect(SimDuration.seconds(2) + .milliseconds(500) == SimDuration(microseconds: 2_500_000))
    #expect(SimDuration.minutes(2) - .seconds(30) == .seconds(90))
    #expect(SimDuration.hours(1) == .minutes(60))
    #expect(SimDuration.seconds(3) * 4 == .seconds(12))
    #expect(-SimDuration.seconds(1) < .zero)
    #expect(SimDuration.microseconds(1_999_999).wholeSeconds == 1)
  }
}

@Suite struct SimTimeTests {
  @Test func printsTheOffsetInGoSyntax() {
    #expect(SimTime.zero.description == "0s")
    #expect((SimTime.zero + .seconds(160)).description == "2m40s")
    #expect(SimTime(microseconds: 1_500).description == "1.5ms")
  }

  @Test func arithmeticAndOrder() {
    let t = SimTime.zero + .seconds(10)
    #expect(t.microseconds == 10_000_000)
    #expect(t - SimTime.zero == .seconds(10))
    #expect(t - .seconds(4) == SimTime(microseconds: 6_000_000))
    #expect(SimTime.zero < t)
    var u = t
    u += .milliseconds(1)
    #expect(u.microseconds == 10_001_000)
    #expect(u.sinceStart == .microseconds(10_001_000))
  }
}
