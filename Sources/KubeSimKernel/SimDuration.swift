/// A span of simulated time, in whole microseconds.
///
/// KubeSim's clock resolution is one microsecond (Kubernetes' own durations are Go
/// `time.Duration` nanoseconds; nothing the simulator models needs finer steps, and
/// microseconds let an `Int64` span ±292,000 years). Durations parse from and print to Go's
/// duration syntax (`250ms`, `40s`, `1h30m0s`), see `SimDuration+Parsing.swift` and
/// `SimDuration+Description.swift`.
///
/// ```swift
/// let d = try SimDuration(parsing: "1h30m")   // 5_400_000_000 µs
/// d.description                               // "1h30m0s"
/// ```
public struct SimDuration: Hashable, Comparable, Sendable {
  /// The length in microseconds; negative for negative durations.
  public var microseconds: Int64

  /// Creates a duration of `microseconds` microseconds.
  @inlinable
  public init(microseconds: Int64) {
    self.microseconds = microseconds
  }

  /// The zero-length duration.
  public static let zero = SimDuration(microseconds: 0)

  /// A duration of `n` microseconds.
  @inlinable
  public static func microseconds(_ n: Int64) -> SimDuration {
    SimDuration(microseconds: n)
  }

  /// A duration of `n` milliseconds.
  @inlinable
  public static func milliseconds(_ n: Int64) -> SimDuration {
    SimDuration(microseconds: n * 1_000)
  }

  /// A duration of `n` seconds.
  @inlinable
  public static func seconds(_ n: Int64) -> SimDuration {
    SimDuration(microseconds: n * 1_000_000)
  }

  /// A duration of `n` minutes.
  @inlinable
  public static func minutes(_ n: Int64) -> SimDuration {
    SimDuration(microseconds: n * 60_000_000)
  }

  /// A duration of `n` hours.
  @inlinable
  public static func hours(_ n: Int64) -> SimDuration {
    SimDuration(microseconds: n * 3_600_000_000)
  }

  /// The whole seconds in this duration, truncated toward zero (as Go's `Duration.Seconds`
  /// would be if converted with `int64(...)`).
  @inlinable
  public var wholeSeconds: Int64 { microseconds / 1_000_000 }

  @inlinable
  public static func < (lhs: SimDuration, rhs: SimDuration) -> Bool {
    lhs.microseconds < rhs.microseconds
  }

  @inlinable
  public static func + (lhs: SimDuration, rhs: SimDuration) -> SimDuration {
    SimDuration(microseconds: lhs.microseconds + rhs.microseconds)
  }

  @inlinable
  public static func - (lhs: SimDuration, rhs: SimDuration) -> SimDuration {
    SimDuration(microseconds: lhs.microseconds - rhs.microseconds)
  }

  @inlinable
  public static func * (lhs: SimDuration, rhs: Int64) -> SimDuration {
    SimDuration(microseconds: lhs.microseconds * rhs)
  }

  @inlinable
  public static prefix func - (operand: SimDuration) -> SimDuration {
    SimDuration(microseconds: -operand.microseconds)
  }
}
