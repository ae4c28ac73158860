extension EventQueue {
  /// Checks the queue's structural invariants and returns the first violation, or nil.
  ///
  /// Every live entry of bucket `b` ≥ 1 satisfies `bitWidth(key XOR last) == b`; bucket 0
  /// (from `front`) holds keys equal to `last` in increasing sequence order; every live key is
  /// at least the last popped key; `occupied` marks exactly the non-empty buckets; the live and
  /// stale entry counts match `count` and `tombstoneCount`; a valid peek cache equals the
  /// earliest live key of buckets 1…64. Tests call it after every operation
  /// (swift-collections' `Heap._checkInvariants` pattern); it is O(n).
  package func invariantViolation() -> String? {
    var live = 0
    var stale = 0
    var earliest = UInt64.max
    for bucket in 0...64 {
      let items = buffers.bucketItems[bucket]
      let start = bucket == 0 ? front : 0
      let count = buffers.bucketCounts[bucket]
      if bucket > 0, (count > 0) != (occupied & (1 << UInt64(bucket - 1)) != 0) {
        return "occupied bit of bucket \(bucket) does not match its count \(count)"
      }
      var previousTag: UInt64? = nil
      for position in start..<count {
        let entry = items[position]
        guard isLive(entry) else {
          stale += 1
          continue
        }
        live += 1
        if entry.key < lastPopped { return "live key below the last popped key" }
        if bucket == 0 {
          if entry.key != last { return "bucket 0 holds a key other than the base" }
          if let previousTag, entry.tag < previousTag { return "bucket 0 out of sequence order" }
          previousTag = entry.tag
        } else {
          let expected = UInt64.bitWidth - (entry.key ^ last).leadingZeroBitCount
          if expected != bucket { return "entry in bucket \(bucket) belongs in \(expected)" }
          earliest = min(earliest, entry.key)
        }
      }
    }
    if live != liveCount { return "\(live) live entries but count is \(liveCount)" }
    if stale != tombstoneCount {
      return "\(stale) stale entries but tombstoneCount is \(tombstoneCount)"
    }
    let slots = buffers.slots.pointee
    if slots.peekCacheValid, slots.peekCache != earliest {
      return "peek cache \(slots.peekCache) but earliest key is \(earliest)"
    }
    return nil
  }
}
