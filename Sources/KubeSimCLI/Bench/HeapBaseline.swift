/// An 8-ary min-heap of 16-byte `(time, sequence)` entries on a raw buffer: the design measured
/// in perf-anchors §4 (26 M/s at 1k, 6.6 M/s at 150k pending), kept as the baseline that the
/// radix-heap `EventQueue` is compared against (`kubesim bench kernel-baselines`).
///
/// Only for benchmarking: no cancellation, no payload table (the payload rides in the low 32
/// bits of the tag), no copy-on-write.
struct HeapBaseline: ~Copyable {
  private var items: UnsafeMutablePointer<(key: UInt64, tag: UInt64)>
  private var capacity: Int
  private(set) var count = 0

  init(capacity: Int) {
    self.capacity = max(capacity, 16)
    items = .allocate(capacity: self.capacity)
  }

  deinit { items.deallocate() }

  @inline(__always)
  private static func less(_ a: (key: UInt64, tag: UInt64), _ b: (key: UInt64, tag: UInt64)) -> Bool
  {
    a.key < b.key || (a.key == b.key && a.tag < b.tag)
  }

  mutating func push(key: UInt64, tag: UInt64) {
    if count == capacity {
      let grown = UnsafeMutablePointer<(key: UInt64, tag: UInt64)>.allocate(capacity: capacity * 2)
      grown.update(from: items, count: count)
      items.deallocate()
      items = grown
      capacity *= 2
    }
    let entry = (key: key, tag: tag)
    var i = count
    count += 1
    while i > 0 {
      let parent = (i - 1) >> 3
      if !Self.less(entry, items[parent]) { break }
      items[i] = items[parent]
      i = parent
    }
    items[i] = entry
  }

  mutating func pop() -> (key: UInt64, tag: UInt64)? {
    guard count > 0 else { return nil }
    let top = items[0]
    count -= 1
    if count == 0 { return top }
    let entry = items[count]
    var i = 0
    while true {
      let first = (i << 3) + 1
      if first >= count { break }
      let end = min(first + 8, count)
      var best = first
      var child = first + 1
      while child < end {
        if Self.less(items[child], items[best]) { best = child }
        child += 1
      }
      if !Self.less(items[best], entry) { break }
      items[i] = items[best]
      i = best
    }
    items[i] = entry
    return top
  }
}
