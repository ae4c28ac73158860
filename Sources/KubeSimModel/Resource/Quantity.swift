/// A fixed-point resource amount with Kubernetes semantics: `500m`, `2`, `1.5Gi`, `1e3`.
///
/// The value is `mantissa × 10^scale` with an `Int64` mantissa, kept normalized (no trailing
/// decimal zeros in the mantissa), like upstream's fast path `int64Amount{value, scale}`
/// (`k8s.io/apimachinery/pkg/api/resource/amount.go`). Upstream falls back to arbitrary precision
/// (`inf.Dec`) when a value does not fit; KubeSim instead reports an overflow error for values
/// that need more than 18 significant digits (no real resource amount does).
///
/// Parsing rounds values finer than 1n up to 1n and caps BinarySI values at 2^63-1, as upstream
/// `ParseQuantity` does. `==` compares amounts, not the format (`Quantity.Cmp` semantics).
///
/// Example: `try Quantity(parsing: "1.5Gi").description == "1536Mi"`,
/// `try Quantity(parsing: "100m").milliValue == 100`.
public struct Quantity: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// How a quantity prints (upstream `resource.Format`).
  public enum Format: UInt8, Sendable, Hashable {
    /// Powers of ten with SI suffixes: `12M`, `500m`.
    case decimalSI
    /// Powers of 1024 with binary suffixes: `12Mi`.
    case binarySI
    /// Powers of ten as exponents: `12e6`.
    case decimalExponent
  }

  /// The significant digits (normalized: no factor of 10 unless zero).
  public private(set) var mantissa: Int64
  /// The power of ten the mantissa is multiplied by (upstream `Scale`; ≥ -9 after parsing).
  public private(set) var scale: Int32
  /// The format used when printing.
  public var format: Format

  /// The value `mantissa × 10^scale`, normalized. Callers give any representation.
  public init(mantissa: Int64, scale: Int32 = 0, format: Format = .decimalSI) {
    var m = mantissa
    var s = scale
    if m == 0 {
      s = 0
    } else {
      while m % 10 == 0 && s < Int32.max {
        m /= 10
        s += 1
      }
    }
    self.mantissa = m
    self.scale = s
    self.format = format
  }

  /// Zero, printed `0`.
  public static let zero = Quantity(mantissa: 0)

  /// An integer amount (`Quantity(3)` is `3`).
  public init(_ value: Int64, format: Format = .decimalSI) {
    self.init(mantissa: value, scale: 0, format: format)
  }

  /// An amount in milli-units (`Quantity(milli: 500)` is `500m`), as upstream `NewMilliQuantity`.
  public init(milli: Int64, format: Format = .decimalSI) {
    self.init(mantissa: milli, scale: -3, format: format)
  }

  /// True when the amount is zero.
  public var isZero: Bool { mantissa == 0 }

  /// -1, 0 or 1.
  public var sign: Int { mantissa < 0 ? -1 : (mantissa == 0 ? 0 : 1) }

  /// The amount in milli-units, rounded away from zero, as upstream `MilliValue()`
  /// (`ScaledValue(Milli)`), saturating at the `Int64` range where upstream would wrap.
  public var milliValue: Int64 { scaledValue(-3) }

  /// The amount in whole units, rounded away from zero, as upstream `Value()`; `1500m` is 2.
  public var value: Int64 { scaledValue(0) }

  /// The amount in units of 10^`newScale`, rounded away from zero, as upstream
  /// `ScaledValue(scale)` (`amount.go` `negativeScaleInt64`: "rounded away from zero");
  /// saturates at the `Int64` range.
  public func scaledValue(_ newScale: Int32) -> Int64 {
    let v = Quantity.rescale(Int128(mantissa), from: scale, to: newScale)
    return Quantity.saturate(v)
  }

  /// `x × 10^from` expressed in units of 10^to, rounded away from zero, in 128 bits.
  static func rescale(_ x: Int128, from: Int32, to: Int32) -> Int128 {
    if from == to || x == 0 { return x }
    if from > to {
      var v = x
      for _ in 0..<(Int(from) - Int(to)) {
        let (p, o) = v.multipliedReportingOverflow(by: 10)
        if o { return x > 0 ? Int128.max : Int128.min }
        v = p
      }
      return v
    }
    let d = Int(to) - Int(from)
    if d > 38 { return x > 0 ? 1 : (x < 0 ? -1 : 0) }
    var div: Int128 = 1
    for _ in 0..<d { div *= 10 }
    let q = x / div
    if x % div == 0 { return q }
    return x > 0 ? q + 1 : q - 1
  }

  static func saturate(_ v: Int128) -> Int64 {
    if v > Int128(Int64.max) { return Int64.max }
    if v < Int128(Int64.min) { return Int64.min }
    return Int64(v)
  }

  public static func == (a: Quantity, b: Quantity) -> Bool {
    a.mantissa == b.mantissa && a.scale == b.scale
  }

  public func hash(into h: inout Hasher) {
    h.combine(mantissa)
    h.combine(scale)
  }

  /// Numeric order (upstream `Cmp`).
  public static func < (a: Quantity, b: Quantity) -> Bool {
    if a.sign != b.sign { return a.sign < b.sign }
    let s = min(a.scale, b.scale)
    let x = rescale(Int128(a.mantissa), from: a.scale, to: s)
    let y = rescale(Int128(b.mantissa), from: b.scale, to: s)
    return x < y
  }
}
