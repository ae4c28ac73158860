extension SimDuration {
  /// Why a duration string was rejected.
  ///
  /// `message` is a full sentence naming the input, e.g.
  /// `invalid duration "5 minutes": expected a number followed by a unit (ns, us, ms, s, m, h),
  /// e.g. 30s or 1h30m`. Callers that know where the string came from prefix it with
  /// `file:line:col: field.path:`.
  public struct ParseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The text that failed to parse.
    public var input: String
    /// What was wrong and what was expected.
    public var message: String

    /// Creates an error for `input` with a full `message`.
    public init(input: String, message: String) {
      self.input = input
      self.message = message
    }

    public var description: String { message }
  }

  /// The hint shared by every syntax error.
  private static let expectation =
    "expected a number followed by a unit (ns, us, ms, s, m, h), e.g. 30s or 1h30m"

  /// Parses Go's duration syntax: a possibly signed sequence of decimal numbers, each with an
  /// optional fraction and a unit: `250ms`, `40s`, `1h30m`, `1.5h`, `300us`, `300µs`, `-5s`, `0`.
  ///
  /// Follows `time.ParseDuration` in Go's `src/time/format.go` (Go 1.23): the same grammar
  /// `[-+]?([0-9]*(\.[0-9]*)?[a-z]+)+`, the units ns, us, µs (U+00B5), μs (U+03BC), ms, s, m,
  /// h, the special case "0", and the same range (±2562047h47m16.854775807s).
  ///
  /// Differences from Go, by design:
  /// - KubeSim's resolution is one microsecond: a value that is not a whole number of
  ///   microseconds (`500ns`, `1.0000005s`) is an error rather than being rounded.
  ///
  /// Fractions are scaled with `float64` arithmetic exactly as Go does (IEEE-754 `×` and `÷`
  /// are correctly rounded everywhere, so this is deterministic), hence
  /// "0.3333333333333333333h" is 20m0s here too.
  ///
  /// - Throws: `SimDuration.ParseError` with a message naming the input.
  /// - Complexity: O(n) in the length of `text`.
  public init(parsing text: String) throws(ParseError) {
    let bytes = Array(text.utf8)
    let nanoseconds = try Self.parseNanoseconds(bytes, text)
    if nanoseconds % 1_000 != 0 {
      throw ParseError(
        input: text,
        message: "invalid duration \(Self.quote(text)): KubeSim's resolution is 1µs; "
          + "use a whole number of microseconds (e.g. 1us or 1ms)")
    }
    self.init(microseconds: nanoseconds / 1_000)
  }

  /// Go's `ParseDuration`, returning nanoseconds.
  private static func parseNanoseconds(_ s: [UInt8], _ text: String) throws(ParseError) -> Int64 {
    func syntax() -> ParseError {
      ParseError(input: text, message: "invalid duration \(quote(text)): \(expectation)")
    }
    func outOfRange() -> ParseError {
      ParseError(
        input: text,
        message: "invalid duration \(quote(text)): out of range "
          + "(the limit is ±2562047h47m16.854775807s, as for Go's time.Duration)")
    }
    var i = 0
    var negative = false
    if i < s.count, s[i] == UInt8(ascii: "-") || s[i] == UInt8(ascii: "+") {
      negative = s[i] == UInt8(ascii: "-")
      i += 1
    }
    // Special case: "0" (also "-0", "+0") needs no unit.
    if s.count - i == 1, s[i] == UInt8(ascii: "0") { return 0 }
    if i == s.count { throw syntax() }
    let limit: UInt64 = 1 << 63
    var total: UInt64 = 0
    while i < s.count {
      // The next character must be [0-9.].
      guard s[i] == UInt8(ascii: ".") || isDigit(s[i]) else { throw syntax() }
      // Integer part: Go's leadingInt, which fails on overflow.
      let integerStart = i
      var v: UInt64 = 0
      while i < s.count, isDigit(s[i]) {
        if v > (limit - 1) / 10 { throw outOfRange() }
        v = v * 10 + UInt64(s[i] - UInt8(ascii: "0"))
        if v > limit { throw outOfRange() }
        i += 1
      }
      let hasInteger = i != integerStart
      // Fraction: Go's leadingFraction, which drops digits once they would overflow.
      var fraction: UInt64 = 0
      var scale: Double = 1
      var hasFraction = false
      if i < s.count, s[i] == UInt8(ascii: ".") {
        i += 1
        let fractionStart = i
        var overflow = false
        while i < s.count, isDigit(s[i]) {
          defer { i += 1 }
          if overflow { continue }
          if fraction > (limit - 1) / 10 {
            overflow = true
            continue
          }
          let y = fraction * 10 + UInt64(s[i] - UInt8(ascii: "0"))
          if y > limit {
            overflow = true
            continue
          }
          fraction = y
          scale *= 10
        }
        hasFraction = i != fractionStart
      }
      // No digits at all, e.g. ".s" or "-.s".
      guard hasInteger || hasFraction else { throw syntax() }
      // Unit: everything up to the next [0-9.].
      let unitStart = i
      while i < s.count, s[i] != UInt8(ascii: "."), !isDigit(s[i]) { i += 1 }
      if unitStart == i {
        throw ParseError(
          input: text, message: "invalid duration \(quote(text)): missing unit; \(expectation)")
      }
      let unitBytes = Array(s[unitStart..<i])
      guard let unit = unitNanoseconds(unitBytes) else {
        let unitText = String(decoding: unitBytes, as: UTF8.self)
        if unitBytes.allSatisfy(isLetter) {
          throw ParseError(
            input: text,
            message: "invalid duration \(quote(text)): unknown unit \(quote(unitText)); "
              + expectation)
        }
        throw syntax()
      }
      if v > limit / unit { throw outOfRange() }
      v *= unit
      if fraction > 0 {
        // Go: v += uint64(float64(f) * (float64(unit) / scale)); the term is below 3.6e12.
        v += UInt64(Double(fraction) * (Double(unit) / scale))
        if v > limit { throw outOfRange() }
      }
      total += v
      if total > limit { throw outOfRange() }
    }
    if negative { return total == limit ? Int64.min : -Int64(total) }
    if total > limit - 1 { throw outOfRange() }
    return Int64(total)
  }

  /// Nanoseconds per unit, as Go's `unitMap` in `src/time/format.go`.
  private static func unitNanoseconds(_ unit: [UInt8]) -> UInt64? {
    switch unit {
    case Array("ns".utf8): return 1
    case Array("us".utf8), Array("\u{00B5}s".utf8), Array("\u{03BC}s".utf8): return 1_000
    case Array("ms".utf8): return 1_000_000
    case Array("s".utf8): return 1_000_000_000
    case Array("m".utf8): return 60_000_000_000
    case Array("h".utf8): return 3_600_000_000_000
    default: return nil
    }
  }

  private static func isDigit(_ c: UInt8) -> Bool {
    c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")
  }

  private static func isLetter(_ c: UInt8) -> Bool {
    (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z"))
      || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
  }

  /// Double-quotes `text`, escaping quotes, backslashes and control characters.
  static func quote(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      case "\r": out += "\\r"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F {
          let hex = String(scalar.value, radix: 16)
          out += "\\x" + (hex.count == 1 ? "0" + hex : hex)
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }
}
