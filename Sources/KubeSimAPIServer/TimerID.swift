/// Identifies one timer set through `ComponentContext.setTimer(after:token:)`, for cancelling it.
///
/// Ids are unique within a simulation run and never reused.
public struct TimerID: Sendable, Hashable, Comparable {
  /// The id's number.
  public let rawValue: UInt64

  /// An id from its number.
  public init(rawValue: UInt64) { self.rawValue = rawValue }

  public static func < (a: TimerID, b: TimerID) -> Bool { a.rawValue < b.rawValue }
}
