/// An instant of simulated time: whole microseconds since the start of the run.
///
/// Simulated time never comes from a wall clock. `SimTime.zero` is the start of the run; the
/// scenario's time base (a calendar instant) is applied only when rendering timestamps.
/// `description` prints the offset in Go duration syntax ("2m40s"), as `events.jsonl`'s `time`
/// field does.
///
/// ```swift
/// let t = SimTime.zero + .seconds(160)
/// t.description          // "2m40s"
/// t - SimTime.zero       // SimDuration(microseconds: 160_000_000)
/// ```
public struct SimTime: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// Microseconds since the start of the run.
  public var microseconds: Int64

  /// Creates the instant `microseconds` microseconds after the start of the run.
  @inlinable
  public init(microseconds: Int64) {
    self.microseconds = microseconds
  }

  /// The start of the run.
  public static let zero = SimTime(microseconds: 0)

  /// The latest representable instant; useful as "no deadline".
  public static let max = SimTime(microseconds: Int64.max)

  /// The offset from the start of the run as a duration.
  @inlinable
  public var sinceStart: SimDuration { SimDuration(microseconds: microseconds) }

  /// The offset since the start of the run in Go duration syntax, e.g. "2m40s" or "0s".
  public var description: String { sinceStart.description }

  @inlinable
  public static func < (lhs: SimTime, rhs: SimTime) -> Bool {
    lhs.microseconds < rhs.microseconds
  }

  @inlinable
  public static func + (lhs: SimTime, rhs: SimDuration) -> SimTime {
    SimTime(microseconds: lhs.microseconds + rhs.microseconds)
  }

  @inlinable
  public static func - (lhs: SimTime, rhs: SimDuration) -> SimTime {
    SimTime(microseconds: lhs.microseconds - rhs.microseconds)
  }

  @inlinable
  public static func - (lhs: SimTime, rhs: SimTime) -> SimDuration {
    SimDuration(microseconds: lhs.microseconds - rhs.microseconds)
  }

  @inlinable
  public static func += (lhs: inout SimTime, rhs: SimDuration) {
    lhs.microseconds += rhs.microseconds
  }
}
