/// A histogram of non-negative integer values (for example microseconds) with log-linear
/// buckets, in the style of HdrHistogram, written here with integer arithmetic only.
///
/// **Buckets.** Values below 128 each get their own bucket (exact). Above, every power of two
/// `[2^e, 2^(e+1))` with `e ≥ 7` is split into 128 equal sub-buckets of width `2^(e-7)`. A bucket
/// starting at `L` has width `w ≤ L / 128`.
///
/// **Error bound.** `count`, `min`, `max` and `sum` are exact. A percentile is reported as the
/// midpoint of the bucket holding the value of that rank, clamped to `[min, max]`, so it differs
/// from the exact nearest-rank value `v` by at most `w / 2 ≤ v / 256`: a relative error
/// ≤ 0.4 % (values below 128: exact). This is HdrHistogram with 128 sub-buckets per power of two
/// (Gil Tene, HdrHistogram, `AbstractHistogram.java`: `subBucketCount`), that is 2 significant
/// decimal digits.
///
/// **Percentile.** The nearest-rank definition: the smallest recorded value such that at least
/// `p %` of the values are ≤ it (rank `⌈p · count / 100⌉`, at least 1). `p = 0` gives `min`.
///
/// **Memory.** The bucket array grows to the highest bucket used: at most 7,296 counters for
/// values up to `Int64.max`; values up to one second in microseconds need 1,781.
///
/// - Complexity: `record` is O(1) amortised; `percentile` and `merge` are O(buckets).
public struct LogLinearHistogram: Equatable, Sendable {
  /// Number of sub-buckets per power of two (2^7).
  public static let subBucketCount: Int64 = 128
  private static let subBucketBits = 7

  /// Counts per bucket index (grown on demand).
  private var counts: [Int64] = []
  /// Number of recorded values (exact).
  public private(set) var count: Int64 = 0
  /// Sum of the recorded values (exact; saturates at `Int64.max`, see `sumOverflowed`).
  public private(set) var sum: Int64 = 0
  /// Whether `sum` saturated (only for more than 9.2e18 in total).
  public private(set) var sumOverflowed = false
  /// Smallest recorded value (exact), `nil` when empty.
  public private(set) var min: Int64?
  /// Largest recorded value (exact), `nil` when empty.
  public private(set) var max: Int64?

  /// An empty histogram.
  public init() {}

  /// Whether nothing was recorded.
  public var isEmpty: Bool { count == 0 }

  /// Records `value` `times` times. Negative values are recorded as 0 (latencies cannot be
  /// negative; a negative value is a caller bug that must not crash a report).
  public mutating func record(_ value: Int64, times: Int64 = 1) {
    guard times > 0 else { return }
    let v = Swift.max(0, value)
    let index = Self.bucketIndex(of: v)
    if index >= counts.count {
      counts.append(contentsOf: repeatElement(0, count: index + 1 - counts.count))
    }
    counts[index] += times
    count += times
    let (product, productOverflow) = v.multipliedReportingOverflow(by: times)
    let (total, sumOverflow) = sum.addingReportingOverflow(product)
    if productOverflow || sumOverflow {
      sum = Int64.max
      sumOverflowed = true
    } else {
      sum = total
    }
    min = Swift.min(min ?? v, v)
    max = Swift.max(max ?? v, v)
  }

  /// Adds every value recorded in `other` (the result equals recording both streams into one).
  public mutating func merge(_ other: LogLinearHistogram) {
    guard !other.isEmpty else { return }
    if other.counts.count > counts.count {
      counts.append(contentsOf: repeatElement(0, count: other.counts.count - counts.count))
    }
    for (i, c) in other.counts.enumerated() where c != 0 { counts[i] += c }
    count += other.count
    let (total, overflow) = sum.addingReportingOverflow(other.sum)
    if overflow || other.sumOverflowed || sumOverflowed {
      sum = overflow ? Int64.max : total
      sumOverflowed = true
    } else {
      sum = total
    }
    if let m = other.min { min = Swift.min(min ?? m, m) }
    if let m = other.max { max = Swift.max(max ?? m, m) }
  }

  /// The value at percentile `p` (0…100, clamped), nearest rank, within the stated error bound;
  /// `nil` when empty.
  public func percentile(_ p: Double) -> Int64? {
    guard let lo = min, let hi = max else { return nil }
    let clamped = p.isNaN ? 0 : Swift.min(100, Swift.max(0, p))
    if clamped == 0 { return lo }
    // Rank ⌈p · count / 100⌉ in Double: exact for counts below 2^53 / 100.
    let rankDouble = (clamped * Double(count) / 100).rounded(.up)
    let rank = Swift.max(1, Swift.min(count, Int64(rankDouble)))
    return value(atRank: rank, min: lo, max: hi)
  }

  /// The value of rank `rank` (1-based) in sorted order, within the error bound.
  private func value(atRank rank: Int64, min lo: Int64, max hi: Int64) -> Int64 {
    var seen: Int64 = 0
    for (i, c) in counts.enumerated() where c != 0 {
      seen += c
      if seen >= rank {
        let (start, width) = Self.bucketRange(of: i)
        let mid = start + (width - 1) / 2
        return Swift.min(hi, Swift.max(lo, mid))
      }
    }
    return hi
  }

  /// The mean (`sum / count`), `nil` when empty.
  public var mean: Double? {
    count == 0 ? nil : Double(sum) / Double(count)
  }

  /// The non-empty buckets in increasing order: lowest value of the bucket, its width and count.
  public var buckets: [(start: Int64, width: Int64, count: Int64)] {
    counts.enumerated().compactMap { i, c in
      guard c != 0 else { return nil }
      let (start, width) = Self.bucketRange(of: i)
      return (start, width, c)
    }
  }

  /// The bucket index of a non-negative value.
  static func bucketIndex(of value: Int64) -> Int {
    if value < subBucketCount { return Int(value) }
    let e = 63 - value.leadingZeroBitCount  // floor(log2 value), ≥ 7
    let shift = e - subBucketBits
    let sub = Int(value >> Int64(shift)) - Int(subBucketCount)  // 0…127
    return Int(subBucketCount) + shift * Int(subBucketCount) + sub
  }

  /// The first value and width of bucket `index`.
  static func bucketRange(of index: Int) -> (start: Int64, width: Int64) {
    let n = Int(subBucketCount)
    if index < n { return (Int64(index), 1) }
    let shift = (index - n) / n
    let sub = (index - n) % n
    return (Int64(n + sub) << Int64(shift), Int64(1) << Int64(shift))
  }
}
