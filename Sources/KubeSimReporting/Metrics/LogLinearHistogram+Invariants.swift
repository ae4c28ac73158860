extension LogLinearHistogram {
  /// The first violated invariant, or nil: bucket counts are non-negative and add up to
  /// `count`; `min`/`max` are set exactly when non-empty and lie in the lowest/highest non-empty
  /// buckets; `sum` lies between `count · min` and `count · max` unless it saturated. Tests call
  /// it after every operation (swift-collections' `Heap._checkInvariants` pattern); O(buckets).
  package func invariantViolation() -> String? {
    let nonEmpty = buckets
    if nonEmpty.contains(where: { $0.count < 0 }) { return "negative bucket count" }
    let total = nonEmpty.reduce(Int64(0)) { $0 + $1.count }
    if total != count { return "bucket counts add up to \(total), count is \(count)" }
    guard let lo = min, let hi = max, let first = nonEmpty.first, let last = nonEmpty.last else {
      return (min == nil && max == nil && count == 0) ? nil : "min/max set on an empty histogram"
    }
    if lo > hi { return "min \(lo) > max \(hi)" }
    // `start + width` overflows for the top bucket, so compare offsets.
    if lo < first.start || lo - first.start >= first.width { return "min \(lo) not in first bucket" }
    if hi < last.start || hi - last.start >= last.width { return "max \(hi) not in last bucket" }
    if !sumOverflowed {
      let (low, o1) = lo.multipliedReportingOverflow(by: count)
      let (high, o2) = hi.multipliedReportingOverflow(by: count)
      if !o1 && sum < low { return "sum \(sum) below count × min" }
      if !o2 && sum > high { return "sum \(sum) above count × max" }
    }
    return nil
  }
}
