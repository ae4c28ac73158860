import KubeSimModel
import Testing

/// Tables from upstream `k8s.io/apimachinery/pkg/api/resource/quantity_test.go`.
@Suite struct QuantityTests {
  /// (input, mantissa, scale, format) from `TestQuantityParse`; `decQuantity(m, s, f)`.
  static let parseTable: [(String, Int64, Int32, Quantity.Format)] = [
    ("0", 0, 0, .decimalSI), ("0n", 0, 0, .decimalSI), ("0Ki", 0, 0, .binarySI),
    ("0Mi", 0, 0, .binarySI), ("0T", 0, 0, .decimalSI),
    ("1", 1, 0, .decimalSI),
    ("1Ki", 1024, 0, .binarySI), ("8Ki", 8 * 1024, 0, .binarySI),
    ("7Mi", 7 * 1024 * 1024, 0, .binarySI), ("6Gi", 6 << 30, 0, .binarySI),
    ("5Ti", 5 << 40, 0, .binarySI), ("4Pi", 4 << 50, 0, .binarySI),
    ("3Ei", 3 << 60, 0, .binarySI), ("100Ti", 100 << 40, 0, .binarySI),
    ("5n", 5, -9, .decimalSI), ("4u", 4, -6, .decimalSI), ("3m", 3, -3, .decimalSI),
    ("9", 9, 0, .decimalSI), ("8k", 8, 3, .decimalSI), ("50k", 5, 4, .decimalSI),
    ("7M", 7, 6, .decimalSI), ("6G", 6, 9, .decimalSI), ("5T", 5, 12, .decimalSI),
    ("40T", 4, 13, .decimalSI), ("300T", 3, 14, .decimalSI), ("2P", 2, 15, .decimalSI),
    ("1E", 1, 18, .decimalSI),
    ("1E-3", 1, -3, .decimalExponent), ("1e3", 1, 3, .decimalExponent),
    ("1E6", 1, 6, .decimalExponent), ("1e9", 1, 9, .decimalExponent),
    ("1E18", 1, 18, .decimalExponent), ("1e14", 1, 14, .decimalExponent),
    ("100.035k", 100035, 0, .decimalSI),
    ("0.001", 1, -3, .decimalSI), ("0.0005k", 5, -1, .decimalSI), ("0.5", 5, -1, .decimalSI),
    ("0.00050k", 5, -1, .decimalSI), ("0.50000", 5, -1, .decimalSI),
    ("0.5e0", 5, -1, .decimalExponent), ("0.5e-1", 5, -2, .decimalExponent),
    ("10.035M", 10035, 3, .decimalSI), ("1.2e3", 12, 2, .decimalExponent),
    ("1.3E+6", 13, 5, .decimalExponent), ("1.40e9", 14, 8, .decimalExponent),
    ("1.7E18", 17, 17, .decimalExponent), ("9.01", 901, -2, .decimalSI),
    ("8.1k", 81, 2, .decimalSI), ("7.123456M", 7_123_456, 0, .decimalSI),
    ("6.987654321G", 6_987_654_321, 0, .decimalSI), ("1.01E", 101, 16, .decimalSI),
    // Things that saturate/round.
    ("3.001n", 4, -9, .decimalSI), ("1.1E-9", 2, -9, .decimalExponent),
    ("0.0000000001", 1, -9, .decimalSI), ("0.00000000050", 1, -9, .decimalSI),
    ("0.5e-9", 1, -9, .decimalExponent), ("0.9n", 1, -9, .decimalSI),
    ("0.00000012345", 124, -9, .decimalSI), ("0.00000012354", 124, -9, .decimalSI),
    ("9Ei", Int64.max, 0, .binarySI), ("9223372036854775807Ki", Int64.max, 0, .binarySI),
    ("12E", 12, 18, .decimalSI),
    // Fractional binary.
    ("100.035Ki", 10_243_584, -2, .binarySI), ("0.5Mi", 512 * 1024, 0, .binarySI),
    ("0.05Gi", 536_870_912, -1, .binarySI), ("0.025Ti", 274_877_906_944, -1, .binarySI),
    // "Things written by trolls".
    ("0.000000000001Ki", 2, -9, .decimalSI), (".001", 1, -3, .decimalSI),
    (".0001k", 100, -3, .decimalSI), ("1.", 1, 0, .decimalSI), ("1.G", 1, 9, .decimalSI),
  ]

  @Test(arguments: parseTable)
  func parsesAsUpstream(_ row: (String, Int64, Int32, Quantity.Format)) throws {
    let q = try Quantity(parsing: row.0)
    #expect(q == Quantity(mantissa: row.1, scale: row.2), "\(row.0)")
    #expect(q.format == row.3, "\(row.0)")
    let negative = try Quantity(parsing: "-" + row.0)
    #expect(negative == Quantity(mantissa: row.1, scale: row.2).negated, "-\(row.0)")
    #expect(try Quantity(parsing: "+" + row.0) == q)
  }

  @Test(arguments: [
    "1.1.M", "1+1.0M", "0.1mi", "0.1am", "aoeu", ".5i", "1i", "-3.01i", "-3.01e-", " 1", "1 ", "",
  ])
  func rejectsInvalid(_ s: String) {
    #expect(throws: QuantityError.self) { try Quantity(parsing: s) }
  }

  @Test func errorMessagesAreUpstreams() {
    #expect(throws: QuantityError.formatWrong) { try Quantity(parsing: "2 cores") }
    #expect(throws: QuantityError.suffix) { try Quantity(parsing: "1i") }
    #expect(
      QuantityError.formatWrong.description
        == "quantities must match the regular expression "
        + "'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'")
    #expect(QuantityError.suffix.description == "unable to parse quantity's suffix")
  }

  /// `TestQuantityString` (input built from mantissa/scale/format) and `TestQuantityParseEmit`.
  @Test func printsCanonicalForm() throws {
    let built: [(Quantity, String)] = [
      (Quantity(mantissa: 1024 * 1024, format: .binarySI), "1Mi"),
      (Quantity(mantissa: 300 * 1024 * 1024, format: .binarySI), "300Mi"),
      (Quantity(mantissa: 6 * 1024, format: .binarySI), "6Ki"),
      (Quantity(mantissa: 1001 * 1024 * 1024 * 1024, format: .binarySI), "1001Gi"),
      (Quantity(mantissa: 1024 * 1024 * 1024 * 1024, format: .binarySI), "1Ti"),
      (Quantity(mantissa: 5, format: .binarySI), "5"),
      (Quantity(mantissa: 500, scale: -3, format: .binarySI), "500m"),
      (Quantity(mantissa: 1, scale: 9, format: .decimalSI), "1G"),
      (Quantity(mantissa: 1000, scale: 6, format: .decimalSI), "1G"),
      (Quantity(mantissa: 1_000_000, scale: 3, format: .decimalSI), "1G"),
      (Quantity(mantissa: 1_000_000_000, format: .decimalSI), "1G"),
      (Quantity(mantissa: 1, scale: -3, format: .decimalSI), "1m"),
      (Quantity(mantissa: 80, scale: -3, format: .decimalSI), "80m"),
      (Quantity(mantissa: 1080, scale: -3, format: .decimalSI), "1080m"),
      (Quantity(mantissa: 108, scale: -2, format: .decimalSI), "1080m"),
      (Quantity(mantissa: 10800, scale: -4, format: .decimalSI), "1080m"),
      (Quantity(mantissa: 300, scale: 6, format: .decimalSI), "300M"),
      (Quantity(mantissa: 1, scale: 12, format: .decimalSI), "1T"),
      (Quantity(mantissa: 1_234_567, scale: 6, format: .decimalSI), "1234567M"),
      (Quantity(mantissa: 1_234_567, scale: -3, format: .binarySI), "1234567m"),
      (Quantity(mantissa: 3, scale: 3, format: .decimalSI), "3k"),
      (Quantity(mantissa: 1, scale: 9, format: .decimalExponent), "1e9"),
      (Quantity(mantissa: 1, scale: -3, format: .decimalExponent), "1e-3"),
      (Quantity(mantissa: 80, scale: -3, format: .decimalExponent), "80e-3"),
      (Quantity(mantissa: 300, scale: 6, format: .decimalExponent), "300e6"),
      (Quantity(mantissa: 0, format: .decimalExponent), "0"),
      (Quantity(mantissa: 1, scale: -9, format: .decimalSI), "1n"),
      (Quantity(mantissa: 10800, scale: -10, format: .decimalSI), "1080n"),
      (Quantity(mantissa: 1080, scale: -6, format: .decimalSI), "1080u"),
    ]
    for (q, s) in built {
      #expect(q.description == s)
      if !q.isZero { #expect(q.negated.description == "-" + s) }
    }
    let emitted: [(String, String)] = [
      ("1Ki", "1Ki"), ("1024Mi", "1Gi"), ("1000M", "1G"), (".001Ki", "1024m"),
      (".000001Ki", "1024u"), (".000000001Ki", "1024n"), (".000000000001Ki", "2n"),
      ("1.5Gi", "1536Mi"), ("0.1", "100m"), ("1000", "1k"), ("1e3", "1e3"), ("0.5Ki", "512"),
      ("128974848", "128974848"), ("129e6", "129e6"), ("129M", "129M"), ("123Mi", "123Mi"),
    ]
    for (input, s) in emitted {
      #expect(try Quantity(parsing: input).description == s, "\(input)")
      #expect(try Quantity(parsing: "-" + input).description == "-" + s, "-\(input)")
    }
  }

  @Test func valueAndMilliValueRoundAwayFromZero() throws {
    #expect(try Quantity(parsing: "100m").milliValue == 100)
    #expect(try Quantity(parsing: "1500m").value == 2)
    #expect(try Quantity(parsing: "-1500m").value == -2)
    #expect(try Quantity(parsing: "1.5Gi").value == 1_610_612_736)
    #expect(try Quantity(parsing: "2").milliValue == 2000)
    #expect(try Quantity(parsing: "1n").milliValue == 1)
    #expect(try Quantity(parsing: "0.5").milliValue == 500)
    // TestScaledValue: NewScaledQuantity(1, from).ScaledValue(to).
    #expect(Quantity(mantissa: 1, scale: -9).scaledValue(-6) == 1)
    #expect(Quantity(mantissa: 1, scale: -6).scaledValue(-9) == 1000)
    #expect(Quantity(mantissa: 1, scale: 2).scaledValue(-2) == 10000)
    // Saturates where upstream would wrap.
    #expect(try Quantity(parsing: "10E").milliValue == Int64.max)
  }

  @Test func exactArithmeticAndComparison() throws {
    let a = try Quantity(parsing: "100m")
    let b = try Quantity(parsing: "1.5")
    #expect(try a.adding(b).description == "1600m")
    #expect(try b.subtracting(a).description == "1400m")
    #expect(try a.subtracting(a).description == "0")
    #expect(try Quantity(parsing: "1Gi").multiplied(by: 3).description == "3Gi")
    #expect(try Quantity.zero.adding(Quantity(parsing: "1Gi")).description == "1Gi")
    #expect(try Quantity(parsing: "10000T") > Quantity(parsing: "100Gi"))
    #expect(try Quantity(parsing: "50m") < Quantity(parsing: "100m"))
    #expect(try Quantity(parsing: "1k") == Quantity(parsing: "1000"))
    #expect(throws: QuantityError.overflow) {
      try Quantity(mantissa: Int64.max).adding(Quantity(mantissa: 1))
    }
    #expect(throws: QuantityError.overflow) {
      try Quantity(mantissa: Int64.max / 2).multiplied(by: 3)
    }
  }
}
