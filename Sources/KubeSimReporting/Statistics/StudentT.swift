/// Two-sided 95 % critical values of Student's t distribution, `t(0.975, ν)`.
///
/// For ν = 1…30 the values come from the table in the NIST/SEMATECH e-Handbook of Statistical
/// Methods, §1.3.6.7.2 "Critical Values of the Student's t Distribution" (column 0.025 upper
/// tail), to three decimals as printed there; they agree with R's `qt(0.975, df)` rounded.
/// Beyond 30 the Cornish–Fisher expansion of t in terms of the normal quantile
/// z = 1.959963984540054 (Abramowitz & Stegun, Handbook of Mathematical Functions, 26.7.5) is
/// used with five terms; its error is below 1e-7 for ν ≥ 30 (ν = 30: 2.0422724 against the exact
/// 2.0422725; ν = 60: 2.0002978 against 2.0002978), and it needs only `+ − × ÷`, so it gives
/// the same bits on every platform (no libm; STYLE P6).
public enum StudentT {
  /// `t(0.975, ν)` for ν = 1…30 (index ν − 1), NIST/SEMATECH e-Handbook §1.3.6.7.2.
  public static let table975: [Double] = [
    12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
    2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
    2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
  ]

  /// The standard normal 97.5 % quantile.
  public static let z975 = 1.959963984540054

  /// `t(0.975, ν)` for integer degrees of freedom ν ≥ 1 (`nil` for ν < 1).
  public static func quantile975(degreesOfFreedom df: Int) -> Double? {
    guard df >= 1 else { return nil }
    if df <= table975.count { return table975[df - 1] }
    return cornishFisher975(Double(df))
  }

  /// `t(0.975, ν)` for real ν ≥ 1 (Welch–Satterthwaite degrees of freedom are not integers).
  ///
  /// Below 30 it uses the table at `⌊ν⌋`, which is conservative (a slightly larger critical
  /// value, as textbooks do when rounding ν down); from 30 on, the expansion at ν itself.
  public static func quantile975(degreesOfFreedom df: Double) -> Double? {
    guard df.isFinite else { return df == .infinity ? z975 : nil }
    guard df >= 1 else { return nil }
    if df < Double(table975.count) { return table975[Int(df) - 1] }
    return cornishFisher975(df)
  }

  /// Abramowitz & Stegun 26.7.5: t ≈ z + g1/ν + g2/ν² + g3/ν³ + g4/ν⁴.
  static func cornishFisher975(_ nu: Double) -> Double {
    let z = z975
    let z2 = z * z
    let z3 = z2 * z
    let z5 = z3 * z2
    let z7 = z5 * z2
    let z9 = z7 * z2
    let g1 = (z3 + z) / 4
    let g2 = (5 * z5 + 16 * z3 + 3 * z) / 96
    let g3 = (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / 384
    let g4 = (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / 92160
    return z + g1 / nu + g2 / (nu * nu) + g3 / (nu * nu * nu) + g4 / (nu * nu * nu * nu)
  }
}
