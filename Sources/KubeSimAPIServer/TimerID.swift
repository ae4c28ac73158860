/// Identifies one timer set through `ComponentContext.setTimer(after:token:)`, for cancelling it.
///
/// Ids are unique within a simulation run and never reused.
public struct TimerID: Sendable, Hashable, Comparable {
  public let rawValue: UInt64

  public init(rawValue: UInt64) { self.rawValue = rawValue }

  public static func < (a: TimerID, b: TimerID) -> Bool { a.rawValue < b.rawValue }
}
