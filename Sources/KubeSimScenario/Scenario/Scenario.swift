import KubeSimKernel
import KubeSimYAML

/// A decoded `kind: Scenario` document (`kubesim.io/v1alpha1`): what to run, for how long, what
/// happens when, and what must hold.
///
/// SCENARIO-FORMAT.md is the contract. Settings stay as YAML nodes here: each key is handed to
/// `SimulationSettings.set` (lane sim), which owns their meaning and their errors.
public struct Scenario: Sendable {
  /// `metadata.name`.
  public var name: String
  /// `metadata.description` (or the `kubesim.io/description` annotation), if any.
  public var description: String?
  /// `spec.seed`; nil means 0 unless `--seed` overrides it.
  public var seed: UInt64?
  /// `spec.duration`; nil means "until idle" (bounded by `Scenario.defaultDurationLimit`).
  public var duration: SimDuration?
  /// `spec.include`: manifest files relative to the scenario file, with their positions.
  public var includes: [(path: String, location: SourceLocation)]
  /// `spec.settings`, key by key, in document order.
  public var settings: [YAMLPair]
  /// `spec.timeline`, sorted by time (stable: entries at the same time keep file order).
  public var timeline: [TimelineEntry]
  /// `spec.expect`, in file order.
  public var expectations: [Expectation]
  /// Stochastic failure processes (`spec.faults`).
  public var faultProcesses: [FaultProcess] = []
  /// Where the document starts.
  public var location: SourceLocation

  /// Creates a value with the given parts.
  public init(name: String, location: SourceLocation) {
    self.name = name
    self.description = nil
    self.seed = nil
    self.duration = nil
    self.includes = []
    self.settings = []
    self.timeline = []
    self.expectations = []
    self.location = location
  }

  /// How long a scenario with no `duration` runs at most: it stops earlier when idle.
  public static let defaultDurationLimit = SimDuration.hours(24)
}
