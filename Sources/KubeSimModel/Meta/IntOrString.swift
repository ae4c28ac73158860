/// A value that is an integer or a string, as `k8s.io/apimachinery/pkg/util/intstr.IntOrString`:
/// `maxSurge: 25%`, `targetPort: 8080` or `targetPort: http`.
public enum IntOrString: Sendable, Hashable, CustomStringConvertible {
  /// An integer.
  case int(Int32)
  /// A string (a percentage such as `"25%"` or a port name).
  case string(String)

  /// The value as written: `25%`, `8080`.
  public var description: String {
    switch self {
    case .int(let i): return String(i)
    case .string(let s): return s
    }
  }

  /// The scaled value, as upstream `intstr.GetScaledValueFromIntOrPercent`: an integer is itself;
  /// `"N%"` is `N * total / 100`, rounded up or down. Returns nil for a string that is not a
  /// percentage.
  public func scaledValue(total: Int, roundUp: Bool) -> Int? {
    switch self {
    case .int(let i): return Int(i)
    case .string(let s):
      guard s.hasSuffix("%"), let p = Int(s.dropLast()) else { return nil }
      // Upstream computes math.Ceil / math.Floor of value*total/100 (intstr.go); exact here.
      let (product, o) = p.multipliedReportingOverflow(by: total)
      if o { return nil }
      let q = product / 100
      let r = product % 100
      if r == 0 { return q }
      if roundUp { return product > 0 ? q + 1 : q }
      return product > 0 ? q : q - 1
    }
  }
}
