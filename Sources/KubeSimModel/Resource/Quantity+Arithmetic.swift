extension Quantity {
  /// `self + other`, exact. The result keeps `self`'s format unless `self` is zero, as upstream
  /// `Quantity.Add`.
  ///
  /// - Throws: `QuantityError.overflow` when the exact result needs more than 63 bits of mantissa.
  public func adding(_ other: Quantity) throws(QuantityError) -> Quantity {
    let s = min(scale, other.scale)
    let a = Quantity.rescale(Int128(mantissa), from: scale, to: s)
    let b = Quantity.rescale(Int128(other.mantissa), from: other.scale, to: s)
    let (sum, o) = a.addingReportingOverflow(b)
    if o { throw .overflow }
    return try Quantity.make(sum, scale: s, format: isZero ? other.format : format)
  }

  /// `self - other`, exact (upstream `Quantity.Sub`).
  ///
  /// - Throws: `QuantityError.overflow` on overflow.
  public func subtracting(_ other: Quantity) throws(QuantityError) -> Quantity {
    let s = min(scale, other.scale)
    let a = Quantity.rescale(Int128(mantissa), from: scale, to: s)
    let b = Quantity.rescale(Int128(other.mantissa), from: other.scale, to: s)
    let (diff, o) = a.subtractingReportingOverflow(b)
    if o { throw .overflow }
    return try Quantity.make(diff, scale: s, format: isZero ? other.format : format)
  }

  /// `self × n`, exact (upstream `Quantity.Mul`).
  ///
  /// - Throws: `QuantityError.overflow` on overflow.
  public func multiplied(by n: Int64) throws(QuantityError) -> Quantity {
    let (p, o) = Int128(mantissa).multipliedReportingOverflow(by: Int128(n))
    if o { throw .overflow }
    return try Quantity.make(p, scale: scale, format: format)
  }

  /// The negated amount (upstream `Quantity.Neg`).
  /// `Int64.min` saturates to `Int64.max` (upstream switches to arbitrary precision).
  public var negated: Quantity {
    let (n, o) = Int64(0).subtractingReportingOverflow(mantissa)
    return Quantity(mantissa: o ? Int64.max : n, scale: scale, format: format)
  }

  static func make(_ value: Int128, scale: Int32, format: Format) throws(QuantityError) -> Quantity
  {
    var v = value
    var s = Int(scale)
    while v != 0 && v % 10 == 0 {
      v /= 10
      s += 1
    }
    guard s > -1_000_000 && s < 1_000_000 else { throw .overflow }
    guard v >= Int128(Int64.min + 1) && v <= Int128(Int64.max) else { throw .overflow }
    return Quantity(mantissa: Int64(v), scale: Int32(s), format: format)
  }
}
