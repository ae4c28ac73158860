/// A runtime invariant check failed: the run stops, and the message names the seed to replay.
///
/// `description` reads, e.g.,
/// `InvariantViolation: pod default/web-1 bound to two nodes at 2m40s (event 1234) (seed 42;
/// replay with --seed 42)`. TigerBeetle and FoundationDB treat a failing seed as a bug report;
/// so does KubeSim.
public struct InvariantViolation: Error, Hashable, Sendable, CustomStringConvertible {
  /// What the checker found.
  public var message: String
  /// When it was found.
  public var time: SimTime
  /// How many events had been processed (1-based index of the event after which it failed).
  public var eventIndex: Int
  /// The run's root seed.
  public var seed: UInt64

  /// Creates a violation report.
  public init(message: String, time: SimTime, eventIndex: Int, seed: UInt64) {
    self.message = message
    self.time = time
    self.eventIndex = eventIndex
    self.seed = seed
  }

  public var description: String {
    "InvariantViolation: \(message) at \(time) (event \(eventIndex)) "
      + "(seed \(seed); replay with --seed \(seed))"
  }
}
