import KubeSimKernel

/// The deterministic sine of usage curves, for other models (load profiles) that must agree
/// with them bit for bit on every platform.
public enum UsageSine {
  /// sin(2π · t / period), 0 for a non-positive period (see `UsageMath.sinTurns`).
  public static func sinTurns(_ t: SimDuration, period: SimDuration) -> Double {
    UsageMath.sinTurns(t, period: period)
  }
}
