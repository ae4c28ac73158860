import KubeSimKernel

/// Command-line overrides of one run.
public struct RunOptions {
  /// Overrides `spec.seed`.
  public var seed: UInt64?
  /// Overrides `spec.duration`.
  public var until: SimDuration?

  /// Creates a value with the given parts.
  public init(seed: UInt64? = nil, until: SimDuration? = nil) {
    self.seed = seed
    self.until = until
  }
}
