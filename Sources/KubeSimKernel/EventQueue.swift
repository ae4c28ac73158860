/// The pending-event set of a discrete-event simulation, ordered by `(time, sequence)`.
///
/// The sequence number is assigned when an event is scheduled and is the only tie-break, so
/// events scheduled for the same instant pop in the order they were scheduled, on every
/// platform and run (unlike a plain heap, whose order among equal keys is unspecified;
/// STYLE.md P13). Cancelled events never pop.
///
/// The implementation is a *radix heap* (Ahuja, Mehlhorn, Orlin and Tarjan, "Faster algorithms
/// for the shortest path problem", JACM 37(2), 1990), in its 64-bit form: it exploits the fact
/// that simulated time never runs backwards. Event `e` sits in bucket `bitWidth(e.time XOR
/// last)`, where `last` is the time of the current instant; bucket 0 is the FIFO of events at
/// `last`. Scheduling is an append; popping takes from bucket 0 and, when that is empty,
/// redistributes the lowest non-empty bucket, whose elements each move to a strictly lower
/// bucket. Every access is sequential, which is what keeps it fast once the pending set no
/// longer fits in cache (Reports/benchmarks.md compares it with a d-ary heap). Payloads live in
/// a side table indexed by slot; cancelling marks the slot free, and the stale entry is skipped
/// when it reaches bucket 0 (tombstones are compacted once they outnumber live events).
///
/// Monotonicity: an event may not be scheduled earlier than the last popped event (as in every
/// discrete-event simulation, nothing is scheduled in the past). Breaking this is a programmer
/// error and stops the process; `Simulator` clamps times to `now` so input cannot reach it.
///
/// ```swift
/// var q = EventQueue<String>()
/// q.schedule("b", at: SimTime(microseconds: 5))
/// let a = q.schedule("a", at: SimTime(microseconds: 5))
/// q.schedule("c", at: SimTime(microseconds: 1))
/// q.cancel(a)
/// q.popNext()?.payload  // "c", then "b"; "a" never pops
/// ```
///
/// - Complexity: `schedule` and `cancel` O(1); `popNext` O(1) amortized per bit of the time
///   range an event crosses (at most 64 moves per event, a few in practice).
public struct EventQueue<Payload> {
  @usableFromInline typealias Entry = _EventQueueEntry

  /// The buckets and slot tables; bucket 0 from `front` holds the events at `last`, in
  /// sequence order.
  @usableFromInline var storage: _EventQueueStorage<Payload>
  /// The storage's buffers, kept here so hot paths never touch the class reference.
  @usableFromInline var buffers: _EventQueueBuffers<Payload>
  /// First unconsumed entry of bucket 0.
  @usableFromInline var front: Int = 0
  /// Bit `i - 1` is set when bucket `i` (1…64) is non-empty.
  @usableFromInline var occupied: UInt64 = 0
  /// The radix base: the key of the instant that bucket 0 holds.
  @usableFromInline var last: UInt64 = 0
  /// The key of the last popped event (`0`, the earliest key, before any pop).
  @usableFromInline var lastPopped: UInt64 = 0
  @usableFromInline var hasPopped = false
  @usableFromInline var nextSequence: UInt64 = 0
  @usableFromInline var liveCount: Int = 0
  @usableFromInline var tombstoneCount: Int = 0

  @usableFromInline static var freeTag: UInt64 { UInt64.max }
  @usableFromInline static var slotMask: UInt64 { (1 << EventID.slotBits) - 1 }

  /// Creates an empty queue.
  @inlinable
  public init() {
    buffers = _EventQueueBuffers()
    storage = _EventQueueStorage(buffers)
  }

  /// The number of pending (scheduled, not popped, not cancelled) events.
  @inlinable
  public var count: Int { liveCount }

  /// True when no event is pending.
  @inlinable
  public var isEmpty: Bool { liveCount == 0 }

  /// The time of the last popped event, or nil before the first pop.
  @inlinable
  public var lastPoppedTime: SimTime? {
    hasPopped ? Self.time(lastPopped) : nil
  }

  /// Schedules `payload` at `time`, after every event already scheduled for that time.
  ///
  /// - Precondition: `time` is not earlier than the last popped event's time.
  /// - Returns: the handle to cancel it with.
  /// - Complexity: O(1) amortized.
  @inlinable
  @discardableResult
  public mutating func schedule(_ payload: Payload, at time: SimTime) -> EventID {
    let key = Self.key(time)
    precondition(key >= lastPopped, "EventQueue: event scheduled before the last popped event")
    // The last sequence number is never used, so no tag equals `freeTag`.
    precondition(nextSequence < EventID.sequenceMax, "EventQueue: sequence numbers exhausted")
    makeUnique()
    if key < last { rebuild(base: key) }
    let slot = buffers.takeSlot(payload)
    precondition(slot <= Int(Self.slotMask), "EventQueue: more than 2^28 pending events")
    let tag = nextSequence << EventID.slotBits | UInt64(slot)
    nextSequence += 1
    buffers.slotTags[slot] = tag
    Self.insert(Entry(key: key, tag: tag), base: last, into: buffers, occupied: &occupied)
    if key != last, buffers.slots.pointee.peekCacheValid, key < buffers.slots.pointee.peekCache {
      buffers.slots.pointee.peekCache = key
    }
    liveCount += 1
    return EventID(rawValue: tag)
  }

  /// Cancels a pending event; it will never pop. Returns false (and does nothing) if `id` is
  /// not pending: already popped, already cancelled, or from another queue.
  ///
  /// - Complexity: O(1) amortized.
  @inlinable
  @discardableResult
  public mutating func cancel(_ id: EventID) -> Bool {
    guard isPending(id) else { return false }
    makeUnique()
    _ = buffers.releaseSlot(id.slot)
    buffers.slots.pointee.peekCacheValid = false
    liveCount -= 1
    tombstoneCount += 1
    if tombstoneCount > 4_096 && tombstoneCount > liveCount { rebuild(base: last) }
    return true
  }

  /// True if `id` is scheduled and has neither popped nor been cancelled.
  @inlinable
  public func isPending(_ id: EventID) -> Bool {
    let slot = id.slot
    return slot < buffers.slotCount && buffers.slotTags[slot] == id.rawValue
  }

  /// Removes and returns the earliest pending event (lowest time, then lowest sequence).
  ///
  /// - Complexity: O(1) amortized (see the type's discussion).
  @inlinable
  public mutating func popNext() -> (time: SimTime, id: EventID, payload: Payload)? {
    popNext(notAfter: .max)
  }

  /// Removes and returns the earliest pending event if its time is at most `limit`; otherwise
  /// leaves the queue unchanged (as far as pending events go) and returns nil.
  @inlinable
  public mutating func popNext(
    notAfter limit: SimTime
  ) -> (time: SimTime, id: EventID, payload: Payload)? {
    let limitKey = Self.key(limit)
    makeUnique()
    let buffers = self.buffers
    while true {
      let zero = buffers.bucketItems[0]
      let zeroCount = buffers.bucketCounts[0]
      while front < zeroCount {
        let entry = zero[front]
        let slot = Int(truncatingIfNeeded: entry.tag & Self.slotMask)
        if buffers.slotTags[slot] != entry.tag {
          // A cancelled event's stale entry.
          front += 1
          tombstoneCount -= 1
          continue
        }
        if entry.key > limitKey { return nil }
        front += 1
        guard let payload = buffers.releaseSlot(slot) else { return nil }  // unreachable
        liveCount -= 1
        lastPopped = entry.key
        hasPopped = true
        return (Self.time(entry.key), EventID(rawValue: entry.tag), payload)
      }
      buffers.bucketCounts[0] = 0
      front = 0
      if occupied == 0 { return nil }
      let index = occupied.trailingZeroBitCount + 1
      var minimum = UInt64.max
      let cache = buffers.slots.pointee.peekCache
      if buffers.slots.pointee.peekCacheValid,
        UInt64.bitWidth - (cache ^ last).leadingZeroBitCount == index
      {
        // peekTime already found the earliest live key, and it is in this bucket; stale
        // entries below it are dropped by `redistribute`.
        minimum = cache
      } else {
        let items = buffers.bucketItems[index]
        let count = buffers.bucketCounts[index]
        for position in 0..<count where items[position].key < minimum {
          minimum = items[position].key
        }
      }
      if minimum > limitKey { return nil }
      redistribute(index, base: minimum)
    }
  }

  /// True if another live event is due at the instant of the last pop (so the instant is not
  /// complete yet). Skips stale entries at the front of bucket 0.
  @inlinable
  public mutating func hasMoreAtLastPoppedInstant() -> Bool {
    guard last == lastPopped else { return false }
    let zero = buffers.bucketItems[0]
    let zeroCount = buffers.bucketCounts[0]
    while front < zeroCount {
      let entry = zero[front]
      if buffers.slotTags[Int(truncatingIfNeeded: entry.tag & Self.slotMask)] == entry.tag {
        return true
      }
      front += 1
      tombstoneCount -= 1
    }
    return false
  }

  /// The time of the earliest pending event, or nil when none is pending.
  ///
  /// - Complexity: O(1) when events are due at the current instant or the answer is cached;
  ///   otherwise one scan of the lowest non-empty bucket (which the next pop redistributes
  ///   anyway, reusing the answer). Prefer `popNext(notAfter:)` to peek-then-pop loops.
  @inlinable
  public var peekTime: SimTime? {
    let zero = buffers.bucketItems[0]
    for position in front..<buffers.bucketCounts[0] where isLive(zero[position]) {
      return Self.time(last)
    }
    if buffers.slots.pointee.peekCacheValid { return Self.time(buffers.slots.pointee.peekCache) }
    var remaining = occupied
    while remaining != 0 {
      let bucket = remaining.trailingZeroBitCount + 1
      let items = buffers.bucketItems[bucket]
      var minimum = UInt64.max
      var found = false  // UInt64.max is a valid key (SimTime.max), so not a sentinel
      for position in 0..<buffers.bucketCounts[bucket] {
        let entry = items[position]
        if entry.key <= minimum && isLive(entry) {
          minimum = entry.key
          found = true
        }
      }
      if found {
        buffers.slots.pointee.peekCache = minimum
        buffers.slots.pointee.peekCacheValid = true
        return Self.time(minimum)
      }
      remaining &= remaining - 1
    }
    return nil
  }

  // MARK: Internals

  /// Maps a time to an unsigned key with the same order.
  @inlinable
  static func key(_ time: SimTime) -> UInt64 {
    UInt64(bitPattern: time.microseconds) ^ (1 << 63)
  }

  @inlinable
  static func time(_ key: UInt64) -> SimTime {
    SimTime(microseconds: Int64(bitPattern: key ^ (1 << 63)))
  }

  /// Copies the storage if it is shared (copy-on-write value semantics).
  @inlinable
  mutating func makeUnique() {
    if !isKnownUniquelyReferenced(&storage) {
      buffers = buffers.copy()
      storage = _EventQueueStorage(buffers)
    }
  }

  @inlinable
  func isLive(_ entry: Entry) -> Bool {
    buffers.slotTags[Int(truncatingIfNeeded: entry.tag & Self.slotMask)] == entry.tag
  }

  /// Appends `entry` to its bucket relative to `last`.
  @inlinable
  mutating func insert(_ entry: Entry) {
    Self.insert(entry, base: last, into: buffers, occupied: &occupied)
  }

  /// Appends `entry` to its bucket relative to `base`. Static, with the buffers passed in, so
  /// loops keep the pointers in registers.
  @inlinable
  static func insert(
    _ entry: Entry, base: UInt64, into buffers: _EventQueueBuffers<Payload>,
    occupied: inout UInt64
  ) {
    let diff = entry.key ^ base
    if diff == 0 {
      buffers.append(entry, to: 0)
    } else {
      let index = UInt64.bitWidth - diff.leadingZeroBitCount
      buffers.append(entry, to: index)
      occupied |= 1 << UInt64(index - 1)
    }
  }

  /// Empties bucket `index` (whose minimum key is `base`) into lower buckets relative to the
  /// new `last = base`, then puts bucket 0 in sequence order. Bucket 0 is empty on entry.
  @inlinable
  mutating func redistribute(_ index: Int, base: UInt64) {
    last = base
    buffers.slots.pointee.peekCacheValid = false
    occupied &= ~(1 << UInt64(index - 1))
    let buffers = self.buffers
    let items = buffers.bucketItems[index]
    let count = buffers.bucketCounts[index]
    buffers.bucketCounts[index] = 0
    // Entries only move to lower buckets, so `items` is not written while being read.
    var bits = occupied
    var dropped = 0
    for position in 0..<count {
      let entry = items[position]
      // Below the base only when the base is peekTime's cached live minimum: a stale entry.
      if entry.key < base {
        dropped += 1
        continue
      }
      Self.insert(entry, base: base, into: buffers, occupied: &bits)
    }
    occupied = bits
    tombstoneCount -= dropped
    sortInstant()
  }

  /// Bucket 0 gathers the events of one instant from a higher bucket, whose order mixes
  /// scheduling and earlier moves; sequence order is restored here (the tags are unique).
  @inlinable
  mutating func sortInstant() {
    let zero = buffers.bucketItems[0]
    let count = buffers.bucketCounts[0]
    var position = 1
    while position < count {
      if zero[position].tag < zero[position - 1].tag {
        var buffer = UnsafeMutableBufferPointer(start: zero, count: count)
        buffer.sort { $0.tag < $1.tag }
        return
      }
      position += 1
    }
  }

  /// Re-buckets every live entry relative to `base` (≤ every pending key), dropping stale
  /// entries. Used to compact tombstones and, rarely, to schedule below the current base.
  @usableFromInline
  mutating func rebuild(base: UInt64) {
    buffers.slots.pointee.peekCacheValid = false
    var all: [Entry] = []
    all.reserveCapacity(liveCount)
    for index in 0...64 {
      let items = buffers.bucketItems[index]
      for position in (index == 0 ? front : 0)..<buffers.bucketCounts[index]
      where isLive(items[position]) {
        all.append(items[position])
      }
      buffers.bucketCounts[index] = 0
    }
    front = 0
    occupied = 0
    last = base
    tombstoneCount = 0
    // Sequence order keeps bucket 0 sorted; other buckets need no order.
    all.sort { $0.tag < $1.tag }
    for entry in all { insert(entry) }
  }
}

/// One queue entry: the ordered time key and the raw `EventID` (sequence and slot).
@usableFromInline
struct _EventQueueEntry {
  @usableFromInline var key: UInt64
  @usableFromInline var tag: UInt64

  @inlinable
  init(key: UInt64, tag: UInt64) {
    self.key = key
    self.tag = tag
  }
}
