/// The memory of an `EventQueue`: 65 growable buckets of entries and the slot tables, in manually
/// managed buffers owned by one object.
///
/// Swift arrays of arrays cost a uniqueness check and bounds checks on every append (measured:
/// about half the hold-model time); here the queue checks uniqueness once per operation
/// (copy-on-write in `EventQueue.makeUnique`) and then works on raw pointers. The pointers are
/// plain values (`_EventQueueBuffers`) that the queue keeps beside its reference to this owner:
/// reading them through the class would cost a retain/release pair per operation, and a `var`
/// in a class a dynamic exclusivity check per access (each measured at a third of the
/// hold-model time).
@usableFromInline
final class _EventQueueStorage<Payload> {
  /// The buffers this object owns and frees.
  @usableFromInline let buffers: _EventQueueBuffers<Payload>

  @usableFromInline
  init(_ buffers: _EventQueueBuffers<Payload>) {
    self.buffers = buffers
  }

  deinit { buffers.deallocate() }
}

/// The raw buffers of an event queue (a bundle of pointers; copying it does not copy memory).
@usableFromInline
struct _EventQueueBuffers<Payload> {
  @usableFromInline typealias Entry = _EventQueueEntry

  /// Bucket `b` holds `bucketCounts[b]` entries at `bucketItems[b]`, with room for
  /// `bucketCapacities[b]`.
  @usableFromInline let bucketItems: UnsafeMutablePointer<UnsafeMutablePointer<Entry>>
  @usableFromInline let bucketCounts: UnsafeMutablePointer<Int>
  @usableFromInline let bucketCapacities: UnsafeMutablePointer<Int>

  /// The slot tables (see `_EventQueueSlots`), behind a pointer.
  @usableFromInline let slots: UnsafeMutablePointer<_EventQueueSlots<Payload>>

  @inlinable var slotTags: UnsafeMutablePointer<UInt64> { slots.pointee.tags }
  @inlinable var payloads: UnsafeMutablePointer<Payload?> { slots.pointee.payloads }
  @inlinable var slotCount: Int { slots.pointee.count }

  @usableFromInline static var bucketCount: Int { 65 }

  @usableFromInline
  init(initialSlots: Int = 64, initialBucket: Int = 16) {
    bucketItems = .allocate(capacity: Self.bucketCount)
    bucketCounts = .allocate(capacity: Self.bucketCount)
    bucketCapacities = .allocate(capacity: Self.bucketCount)
    for b in 0..<Self.bucketCount {
      bucketItems[b] = .allocate(capacity: initialBucket)
      bucketCounts[b] = 0
      bucketCapacities[b] = initialBucket
    }
    slots = .allocate(capacity: 1)
    slots.initialize(
      to: _EventQueueSlots(
        tags: .allocate(capacity: initialSlots), payloads: .allocate(capacity: initialSlots),
        free: .allocate(capacity: initialSlots), count: 0, capacity: initialSlots, freeCount: 0))
  }

  /// Frees every buffer (once, by the owning `_EventQueueStorage`).
  @usableFromInline
  func deallocate() {
    for b in 0..<Self.bucketCount { bucketItems[b].deallocate() }
    bucketItems.deallocate()
    bucketCounts.deallocate()
    bucketCapacities.deallocate()
    let table = slots.pointee
    table.payloads.deinitialize(count: table.count)
    table.payloads.deallocate()
    table.tags.deallocate()
    table.free.deallocate()
    slots.deinitialize(count: 1)
    slots.deallocate()
  }

  /// A deep copy (for copy-on-write).
  @usableFromInline
  func copy() -> _EventQueueBuffers {
    let table = slots.pointee
    let other = _EventQueueBuffers(initialSlots: max(table.capacity, 1), initialBucket: 1)
    for b in 0..<Self.bucketCount {
      let count = bucketCounts[b]
      other.reserve(bucket: b, capacity: max(count, 1))
      other.bucketItems[b].update(from: bucketItems[b], count: count)
      other.bucketCounts[b] = count
    }
    other.slots.pointee.tags.update(from: table.tags, count: table.count)
    other.slots.pointee.payloads.initialize(from: table.payloads, count: table.count)
    other.slots.pointee.count = table.count
    other.slots.pointee.free.update(from: table.free, count: table.freeCount)
    other.slots.pointee.freeCount = table.freeCount
    return other
  }

  /// Appends `entry` to bucket `b`.
  @inlinable
  func append(_ entry: Entry, to b: Int) {
    let count = bucketCounts[b]
    if count == bucketCapacities[b] { reserve(bucket: b, capacity: count * 2) }
    bucketItems[b][count] = entry
    bucketCounts[b] = count + 1
  }

  /// Grows bucket `b` to hold at least `capacity` entries.
  @usableFromInline
  func reserve(bucket b: Int, capacity: Int) {
    guard capacity > bucketCapacities[b] else { return }
    let grown = UnsafeMutablePointer<Entry>.allocate(capacity: capacity)
    grown.update(from: bucketItems[b], count: bucketCounts[b])
    bucketItems[b].deallocate()
    bucketItems[b] = grown
    bucketCapacities[b] = capacity
  }

  /// A free slot (reused if possible), now holding `payload`.
  @inlinable
  func takeSlot(_ payload: Payload) -> Int {
    let freeCount = slots.pointee.freeCount
    if freeCount > 0 {
      slots.pointee.freeCount = freeCount - 1
      let slot = Int(slots.pointee.free[freeCount - 1])
      slots.pointee.payloads[slot] = payload
      return slot
    }
    if slots.pointee.count == slots.pointee.capacity { growSlots() }
    let slot = slots.pointee.count
    (slots.pointee.payloads + slot).initialize(to: payload)
    slots.pointee.count = slot + 1
    return slot
  }

  /// Frees `slot`, returning its payload.
  @inlinable
  func releaseSlot(_ slot: Int) -> Payload? {
    slots.pointee.tags[slot] = UInt64.max
    let payload = (slots.pointee.payloads + slot).move()
    (slots.pointee.payloads + slot).initialize(to: nil)
    let freeCount = slots.pointee.freeCount
    slots.pointee.free[freeCount] = UInt32(truncatingIfNeeded: slot)
    slots.pointee.freeCount = freeCount + 1
    return payload
  }

  @usableFromInline
  func growSlots() {
    let table = slots.pointee
    let capacity = table.capacity * 2
    let tags = UnsafeMutablePointer<UInt64>.allocate(capacity: capacity)
    tags.update(from: table.tags, count: table.count)
    table.tags.deallocate()
    let values = UnsafeMutablePointer<Payload?>.allocate(capacity: capacity)
    values.moveInitialize(from: table.payloads, count: table.count)
    table.payloads.deallocate()
    let free = UnsafeMutablePointer<UInt32>.allocate(capacity: capacity)
    free.update(from: table.free, count: table.freeCount)
    table.free.deallocate()
    slots.pointee = _EventQueueSlots(
      tags: tags, payloads: values, free: free, count: table.count, capacity: capacity,
      freeCount: table.freeCount)
  }
}

/// The slot tables of an event queue. Slots `0..<count` are initialized: `tags[s]` is the raw
/// `EventID` of the live event in slot `s` (or `UInt64.max` when free) and `payloads[s]` its
/// payload (nil when free). `free[0..<freeCount]` is a stack of free slots (LIFO, so a pop
/// followed by a schedule reuses a cache-hot slot).
@usableFromInline
struct _EventQueueSlots<Payload> {
  @usableFromInline var tags: UnsafeMutablePointer<UInt64>
  @usableFromInline var payloads: UnsafeMutablePointer<Payload?>
  @usableFromInline var free: UnsafeMutablePointer<UInt32>
  @usableFromInline var count: Int
  @usableFromInline var capacity: Int
  @usableFromInline var freeCount: Int
  /// The earliest live key in buckets 1…64 when `peekCacheValid` (filled by `peekTime`, kept
  /// up to date by `schedule`, dropped by anything that removes or moves entries). It lives in
  /// pointer memory so the non-mutating `peekTime` can fill it.
  @usableFromInline var peekCache: UInt64 = 0
  @usableFromInline var peekCacheValid = false

  @inlinable
  init(
    tags: UnsafeMutablePointer<UInt64>, payloads: UnsafeMutablePointer<Payload?>,
    free: UnsafeMutablePointer<UInt32>, count: Int, capacity: Int, freeCount: Int
  ) {
    self.tags = tags
    self.payloads = payloads
    self.free = free
    self.count = count
    self.capacity = capacity
    self.freeCount = freeCount
  }
}
