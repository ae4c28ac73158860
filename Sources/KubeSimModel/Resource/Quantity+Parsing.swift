/// Why a quantity string was rejected; messages are upstream's (`quantity.go`).
public enum QuantityError: Error, Sendable, Equatable, CustomStringConvertible {
  /// Upstream `ErrFormatWrong`.
  case formatWrong
  /// Upstream `ErrNumeric`.
  case numeric
  /// Upstream `ErrSuffix`.
  case suffix
  /// KubeSim only: the value needs more than 18 significant digits (upstream would switch to
  /// arbitrary precision), or arithmetic overflowed.
  case overflow

  public var description: String {
    switch self {
    case .formatWrong:
      return "quantities must match the regular expression "
        + "'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"
    case .numeric: return "unable to parse numeric part of quantity"
    case .suffix: return "unable to parse quantity's suffix"
    case .overflow: return "quantity too large: KubeSim keeps at most 18 significant digits"
    }
  }
}

extension Quantity {
  /// Parses a quantity as upstream `resource.ParseQuantity` (`k8s.io/apimachinery/pkg/api/
  /// resource/quantity.go`): `[+-]digits[.digits][suffix]` with suffix one of `n u m "" k M G T
  /// P E`, `Ki Mi Gi Ti Pi Ei`, or `e<int>` / `E<int>`.
  ///
  /// - Throws: `QuantityError` with upstream's message.
  public init(parsing str: String) throws(QuantityError) {
    let b = Array(str.utf8)
    if b.isEmpty { throw .formatWrong }
    var pos = 0
    var positive = true
    if b[0] == UInt8(ascii: "-") {
      positive = false
      pos = 1
    } else if b[0] == UInt8(ascii: "+") {
      pos = 1
    }
    func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
    // Leading zeros, numerator, optional '.', denominator (parseQuantityString).
    while pos < b.count && b[pos] == 48 { pos += 1 }
    let numStart = pos
    while pos < b.count && isDigit(b[pos]) { pos += 1 }
    let num = b[numStart..<pos]
    var denom = b[pos..<pos]
    if pos < b.count && b[pos] == UInt8(ascii: ".") {
      pos += 1
      let ds = pos
      while pos < b.count && isDigit(b[pos]) { pos += 1 }
      denom = b[ds..<pos]
    }
    // Suffix: letters from "eEinumkKMGTP", an optional sign, then digits only.
    let suffixStart = pos
    let letters = Array("eEinumkKMGTP".utf8)
    while pos < b.count && letters.contains(b[pos]) { pos += 1 }
    if pos < b.count && (b[pos] == UInt8(ascii: "-") || b[pos] == UInt8(ascii: "+")) { pos += 1 }
    while pos < b.count && isDigit(b[pos]) { pos += 1 }
    if pos < b.count { throw .formatWrong }
    // As upstream, a missing numeric part reads as 0 ("Gi" and "." parse to zero).
    let suffix = String(decoding: b[suffixStart..<b.count], as: UTF8.self)
    guard let (base, exponent, format) = Quantity.interpretSuffix(suffix) else { throw .suffix }

    // Trailing zeros of the fraction do not change the value.
    while let last = denom.last, last == 48 { denom = denom.dropLast() }
    // Digits as a 128-bit integer; more than 36 significant digits are refused (overflow).
    var digits: Int128 = 0
    var significant = 0
    for c in num.followedBy(denom) {
      if significant > 0 || c != 48 { significant += 1 }
      if significant > 36 { throw .overflow }
      digits = digits * 10 + Int128(c - 48)
    }
    // Scales are kept within ±10^6 so that no later arithmetic can overflow; upstream's
    // arbitrary precision would accept "1e2000000000", which no resource amount needs.
    var wideScale = -denom.count
    if base == 10 {
      wideScale += Int(exponent)
    } else {
      for _ in 0..<exponent {
        let (p, o) = digits.multipliedReportingOverflow(by: 2)
        if o { throw .overflow }
        digits = p
      }
    }
    // Strip trailing zeros, then round up (away from zero) to nano precision.
    while digits != 0 && digits % 10 == 0 {
      digits /= 10
      wideScale += 1
    }
    guard wideScale > -1_000_000 && wideScale < 1_000_000 else { throw .overflow }
    var scale = Int32(wideScale)
    if digits == 0 { scale = 0 }
    if scale < -9 {
      let drop = Int(-9 - scale)
      if drop > 38 {
        digits = 1
      } else {
        var div: Int128 = 1
        for _ in 0..<drop { div *= 10 }
        let q = digits / div
        digits = digits % div == 0 ? q : q + 1
      }
      scale = -9
    }
    var fmt = format
    if fmt == .binarySI {
      // The max is a simple cap for BinarySI (upstream ParseQuantity, on the magnitude).
      if Quantity.rescale(digits, from: scale, to: 0) > Int128(Int64.max) {
        digits = Int128(Int64.max)
        scale = 0
      }
      // Non-zero magnitudes below one print as DecimalSI (upstream ParseQuantity).
      if digits > 0 && scale < 0 && Quantity.compareToOne(digits, scale) { fmt = .decimalSI }
    }
    while digits > Int128(Int64.max) {
      if digits % 10 != 0 { throw .overflow }
      digits /= 10
      scale += 1
    }
    self.init(mantissa: positive ? Int64(digits) : -Int64(digits), scale: scale, format: fmt)
  }

  static func compareToOne(_ digits: Int128, _ scale: Int32) -> Bool {
    // digits × 10^scale < 1, for scale < 0.
    var one: Int128 = 1
    for _ in 0..<(-Int(scale)) {
      let (p, o) = one.multipliedReportingOverflow(by: 10)
      if o { return true }
      one = p
    }
    return digits < one
  }

  /// Upstream `suffixer.interpret`: the base, the exponent and the format of a suffix.
  static func interpretSuffix(_ s: String) -> (base: Int32, exponent: Int32, Format)? {
    switch s {
    case "": return (10, 0, .decimalSI)
    case "n": return (10, -9, .decimalSI)
    case "u": return (10, -6, .decimalSI)
    case "m": return (10, -3, .decimalSI)
    case "k": return (10, 3, .decimalSI)
    case "M": return (10, 6, .decimalSI)
    case "G": return (10, 9, .decimalSI)
    case "T": return (10, 12, .decimalSI)
    case "P": return (10, 15, .decimalSI)
    case "E": return (10, 18, .decimalSI)
    case "Ki": return (2, 10, .binarySI)
    case "Mi": return (2, 20, .binarySI)
    case "Gi": return (2, 30, .binarySI)
    case "Ti": return (2, 40, .binarySI)
    case "Pi": return (2, 50, .binarySI)
    case "Ei": return (2, 60, .binarySI)
    default:
      // "e" or "E" followed by a signed integer that fits in int32 (strconv.ParseInt(s, 10, 32)).
      guard s.count >= 2, let first = s.utf8.first,
        first == UInt8(ascii: "e") || first == UInt8(ascii: "E")
      else { return nil }
      guard let e = Int32(s.dropFirst()) else { return nil }
      return (10, e, .decimalExponent)
    }
  }
}

extension ArraySlice {
  fileprivate func followedBy(_ other: ArraySlice<Element>) -> [Element] { Array(self) + other }
}
