/// The handle of a scheduled event, for cancelling it.
///
/// It packs the event's insertion sequence number (the queue's only tie-break) with the slot
/// holding its payload. IDs are unique within one queue for its whole life; a stale ID (an
/// event already popped or cancelled) is recognised and ignored by `cancel`.
public struct EventID: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// `sequence << EventID.slotBits | slot`.
  public let rawValue: UInt64

  /// Bits of `rawValue` holding the payload slot: at most 2²⁸ (268 M) pending events.
  public static let slotBits: UInt64 = 28
  /// Largest sequence number: at most 2³⁶ (68.7 G) events are ever scheduled on one queue.
  public static let sequenceMax: UInt64 = (1 << (64 - slotBits)) - 1

  /// Wraps a raw value (as produced by `EventQueue`).
  @inlinable
  public init(rawValue: UInt64) {
    self.rawValue = rawValue
  }

  /// The insertion sequence number: 0 for the first event scheduled on the queue, then 1, 2, …
  @inlinable
  public var sequence: UInt64 { rawValue >> Self.slotBits }

  @inlinable
  var slot: Int { Int(truncatingIfNeeded: rawValue & ((1 << Self.slotBits) - 1)) }

  public static func < (lhs: EventID, rhs: EventID) -> Bool { lhs.sequence < rhs.sequence }

  public var description: String { "event#\(sequence)" }
}
