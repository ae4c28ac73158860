extension Quantity {
  /// The canonical form, as upstream `Quantity.String()` / `CanonicalizeBytes`
  /// (`k8s.io/apimachinery/pkg/api/resource/quantity.go`): `1.5Gi` → `1536Mi`, `0.1` → `100m`,
  /// `1000` → `1k`, `1e3` → `1e3`, `512Ki`'s half `0.5Ki` → `512`.
  public var description: String {
    if mantissa == 0 { return "0" }
    var fmt = format
    if fmt == .binarySI {
      // Between -1024 and 1024, or not a whole number: print as DecimalSI (CanonicalizeBytes).
      let whole = scale >= 0
      let small = Quantity.magnitudeBelow1024(mantissa, scale)
      if small || !whole { fmt = .decimalSI }
    }
    if fmt == .binarySI {
      let v = Quantity.rescale(Int128(mantissa), from: scale, to: 0)
      var amount = v < 0 ? -v : v
      var times = 0
      while amount >= 1024 && amount % 1024 == 0 && times < 6 {
        amount /= 1024
        times += 1
      }
      let suffixes = ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"]
      return (v < 0 ? "-" : "") + String(amount) + suffixes[times]
    }
    // Base 10: the mantissa has no factor of 10; make the exponent a multiple of 3.
    var amount = Int128(mantissa)
    var exponent = scale
    switch exponent % 3 {
    case 1, -2:
      amount *= 10
      exponent -= 1
    case 2, -1:
      amount *= 100
      exponent -= 2
    default: break
    }
    let number = String(amount)
    if fmt == .decimalSI, let s = Quantity.decimalSuffix(exponent) { return number + s }
    return exponent == 0 ? number : number + "e" + String(exponent)
  }

  static func magnitudeBelow1024(_ m: Int64, _ s: Int32) -> Bool {
    if s > 3 { return false }
    let v = rescale(Int128(m), from: s, to: 0)
    // Compare exactly: |m × 10^s| < 1024.
    if s >= 0 { return v > -1024 && v < 1024 }
    let mag = m < 0 ? -Int128(m) : Int128(m)
    var limit: Int128 = 1024
    for _ in 0..<(-Int(s)) {
      let (p, o) = limit.multipliedReportingOverflow(by: 10)
      if o { return true }
      limit = p
    }
    return mag < limit
  }

  static func decimalSuffix(_ exponent: Int32) -> String? {
    switch exponent {
    case -9: return "n"
    case -6: return "u"
    case -3: return "m"
    case 0: return ""
    case 3: return "k"
    case 6: return "M"
    case 9: return "G"
    case 12: return "T"
    case 15: return "P"
    case 18: return "E"
    default: return nil
    }
  }
}
