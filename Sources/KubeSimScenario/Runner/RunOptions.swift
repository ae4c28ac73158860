import KubeSimKernel

/// Command-line overrides of one run.
public struct RunOptions {
  /// Overrides `spec.seed`.
  public var seed: UInt64?
  /// Overrides `spec.duration`.
  public var until: SimDuration?
  /// Overrides `spec.settings.schedulerProfile` (a `Policies` name).
  public var profile: String?

  /// Creates a value with the given parts.
  public init(seed: UInt64? = nil, until: SimDuration? = nil, profile: String? = nil) {
    self.seed = seed
    self.until = until
    self.profile = profile
  }
}
