extension SimDuration: CustomStringConvertible {
  /// The duration in Go's `time.Duration.String()` syntax: "1h30m0s", "2m40s", "1.5s",
  /// "250ms", "300µs", "0s", "-5s".
  ///
  /// Mirrors `func (d Duration) format` in Go's `src/time/time.go` (Go 1.23): below one second
  /// the largest of ms/µs is used with a fraction; otherwise h, m and s with the fraction on the
  /// seconds and no unit larger than hours. Trailing zeros of fractions are omitted. Go prints
  /// "µs" with U+00B5 MICRO SIGN, and so does this.
  public var description: String {
    let negative = microseconds < 0
    // Magnitude as UInt64, which also covers Int64.min.
    var u = microseconds.magnitude
    var out: [UInt8] = []  // built backwards, reversed at the end
    out.reserveCapacity(24)
    if u < 1_000_000 {
      // Below one second: "0s", "300µs" or "1.5ms".
      out.append(UInt8(ascii: "s"))
      if u == 0 {
        out.append(UInt8(ascii: "0"))
        return String(decoding: out.reversed(), as: UTF8.self)
      }
      var precision: Int
      if u < 1_000 {
        precision = 0
        out.append(0xB5)  // "µ" is 0xC2 0xB5 in UTF-8, stored backwards
        out.append(0xC2)
      } else {
        precision = 3
        out.append(UInt8(ascii: "m"))
      }
      u = Self.appendFraction(&out, u, precision: &precision)
      Self.appendInteger(&out, u)
    } else {
      out.append(UInt8(ascii: "s"))
      var precision = 6
      u = Self.appendFraction(&out, u, precision: &precision)
      // u is whole seconds now.
      Self.appendInteger(&out, u % 60)
      u /= 60
      if u > 0 {
        out.append(UInt8(ascii: "m"))
        Self.appendInteger(&out, u % 60)
        u /= 60
        if u > 0 {
          // Go stops at hours because days vary in length.
          out.append(UInt8(ascii: "h"))
          Self.appendInteger(&out, u)
        }
      }
    }
    if negative { out.append(UInt8(ascii: "-")) }
    return String(decoding: out.reversed(), as: UTF8.self)
  }

  /// Appends (backwards) the fraction of `v / 10^precision` without trailing zeros, and the
  /// decimal point if any digit was printed; returns `v / 10^precision`. Go's `fmtFrac`.
  private static func appendFraction(
    _ out: inout [UInt8], _ value: UInt64, precision: inout Int
  ) -> UInt64 {
    var v = value
    var printing = false
    for _ in 0..<precision {
      let digit = v % 10
      printing = printing || digit != 0
      if printing { out.append(UInt8(ascii: "0") + UInt8(digit)) }
      v /= 10
    }
    if printing { out.append(UInt8(ascii: ".")) }
    return v
  }

  /// Appends (backwards) the decimal digits of `value`. Go's `fmtInt`.
  private static func appendInteger(_ out: inout [UInt8], _ value: UInt64) {
    var v = value
    repeat {
      out.append(UInt8(ascii: "0") + UInt8(v % 10))
      v /= 10
    } while v > 0
  }
}
