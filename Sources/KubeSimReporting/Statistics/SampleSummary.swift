/// Mean, sample standard deviation and a Student's t 95 % confidence interval of a sample, such
/// as one metric over the seeds of `kubesim compare`.
///
/// Deterministic: the values are summed in the order given (callers pass them in seed order),
/// the standard deviation is two-pass (sum of squared deviations from the mean, not the
/// cancellation-prone `Σx² − n·x̄²`), and only `+ − × ÷` and the correctly rounded `sqrt` are
/// used, so the bits are the same on every platform.
///
/// ```swift
/// let s = SampleSummary([10, 12, 11, 13, 9])
/// s.mean                         // 11
/// s.standardDeviation            // 1.5811…
/// s.confidenceInterval95         // 11 ± 2.776 · 1.5811 / √5
/// ```
public struct SampleSummary: Equatable, Sendable {
  /// Number of values.
  public let count: Int
  /// Arithmetic mean (`nil` for an empty sample).
  public let mean: Double?
  /// Sample standard deviation with Bessel's correction (n − 1); `nil` for fewer than 2 values.
  public let standardDeviation: Double?

  /// Summarises `values` in the given order.
  public init(_ values: [Double]) {
    count = values.count
    guard !values.isEmpty else {
      mean = nil
      standardDeviation = nil
      return
    }
    var total = 0.0
    for v in values { total += v }
    let m = total / Double(values.count)
    mean = m
    guard values.count >= 2 else {
      standardDeviation = nil
      return
    }
    var squares = 0.0
    for v in values {
      let d = v - m
      squares += d * d
    }
    standardDeviation = (squares / Double(values.count - 1)).squareRoot()
  }

  /// Summarises integer values (converted exactly below 2^53).
  public init(_ values: [Int64]) {
    self.init(values.map { Double($0) })
  }

  /// Sample variance (s²); `nil` for fewer than 2 values.
  public var variance: Double? { standardDeviation.map { $0 * $0 } }

  /// Standard error of the mean, s / √n; `nil` for fewer than 2 values.
  public var standardError: Double? {
    standardDeviation.map { $0 / Double(count).squareRoot() }
  }

  /// Half-width of the 95 % confidence interval of the mean, t(0.975, n−1) · s / √n.
  public var halfWidth95: Double? {
    guard let se = standardError, let t = StudentT.quantile975(degreesOfFreedom: count - 1)
    else { return nil }
    return t * se
  }

  /// The 95 % confidence interval of the mean (Student's t); `nil` for fewer than 2 values.
  public var confidenceInterval95: ClosedRange<Double>? {
    guard let m = mean, let h = halfWidth95 else { return nil }
    return (m - h)...(m + h)
  }
}
