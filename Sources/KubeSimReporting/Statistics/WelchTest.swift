/// Welch's unequal-variances t-test at the 5 % level (two-sided), used to mark metrics that
/// differ significantly between two policies.
///
/// t = (x̄₁ − x̄₂) / √(s₁²/n₁ + s₂²/n₂), with Welch–Satterthwaite degrees of freedom
/// ν = (s₁²/n₁ + s₂²/n₂)² / ((s₁²/n₁)²/(n₁−1) + (s₂²/n₂)²/(n₂−1))
/// (B. L. Welch, Biometrika 34 (1947) 28–35; NIST/SEMATECH e-Handbook §1.3.5.3).
/// The difference is significant when |t| > t(0.975, ν) (see `StudentT` for non-integer ν).
///
/// KubeSim runs are deterministic, so both samples may have zero variance; then the standard
/// error is 0 and the means are significantly different exactly when they differ (t = ±∞).
public struct WelchTest: Equatable, Sendable {
  /// The t statistic (±∞ when both variances are 0 and the means differ, 0 when equal).
  public let t: Double
  /// Welch–Satterthwaite degrees of freedom (∞ when both variances are 0).
  public let degreesOfFreedom: Double
  /// The critical value t(0.975, ν).
  public let critical: Double
  /// Whether |t| > critical.
  public let isSignificant: Bool

  /// Compares two samples; `nil` when either has fewer than 2 values.
  public init?(_ a: SampleSummary, _ b: SampleSummary) {
    guard let ma = a.mean, let mb = b.mean, let va = a.variance, let vb = b.variance else {
      return nil
    }
    let na = Double(a.count)
    let nb = Double(b.count)
    let qa = va / na
    let qb = vb / nb
    let se2 = qa + qb
    if se2 == 0 {
      t = ma == mb ? 0 : (ma > mb ? .infinity : -.infinity)
      degreesOfFreedom = .infinity
      critical = StudentT.z975
      isSignificant = ma != mb
      return
    }
    t = (ma - mb) / se2.squareRoot()
    degreesOfFreedom = (se2 * se2) / (qa * qa / (na - 1) + qb * qb / (nb - 1))
    critical = StudentT.quantile975(degreesOfFreedom: degreesOfFreedom) ?? StudentT.table975[0]
    isSignificant = abs(t) > critical
  }

  /// Compares two samples given as values (in a fixed order); `nil` with fewer than 2 each.
  public init?(_ a: [Double], _ b: [Double]) {
    self.init(SampleSummary(a), SampleSummary(b))
  }
}
