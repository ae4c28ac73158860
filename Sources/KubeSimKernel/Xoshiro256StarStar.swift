/// xoshiro256**, the all-purpose 64-bit generator of Blackman and Vigna.
///
/// Reference: David Blackman and Sebastiano Vigna, `xoshiro256starstar.c` (prng.di.unimi.it,
/// 2018) and "Scrambled linear pseudorandom number generators", ACM TOMS 47(4), 2021. The state
/// is seeded from SplitMix64, as the reference recommends; the all-zero state (the generator's
/// only fixed point) is never produced.
public struct Xoshiro256StarStar: Hashable, Sendable {
  /// The four state words `s[0]…s[3]` of the reference code.
  public var state: (UInt64, UInt64, UInt64, UInt64) {
    get { (s0, s1, s2, s3) }
    set { (s0, s1, s2, s3) = newValue }
  }

  @usableFromInline var s0: UInt64
  @usableFromInline var s1: UInt64
  @usableFromInline var s2: UInt64
  @usableFromInline var s3: UInt64

  /// Seeds the state with four consecutive outputs of `SplitMix64(seed: seed)`.
  public init(seed: UInt64) {
    var seeder = SplitMix64(seed: seed)
    s0 = seeder.next()
    s1 = seeder.next()
    s2 = seeder.next()
    s3 = seeder.next()
    if s0 | s1 | s2 | s3 == 0 { s0 = 1 }  // unreachable in practice; keeps the generator alive
  }

  /// Creates a generator with the given state words (not all zero).
  public init(state: (UInt64, UInt64, UInt64, UInt64)) {
    (s0, s1, s2, s3) = state
    if s0 | s1 | s2 | s3 == 0 { s0 = 1 }
  }

  /// The next 64 random bits (`next()` of the reference code).
  @inlinable
  public mutating func next() -> UInt64 {
    let result = rotateLeft(s1 &* 5, 7) &* 9
    let t = s1 << 17
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = rotateLeft(s3, 45)
    return result
  }

  @inlinable
  func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 {
    (x << k) | (x >> (64 - k))
  }

  public static func == (lhs: Self, rhs: Self) -> Bool {
    lhs.s0 == rhs.s0 && lhs.s1 == rhs.s1 && lhs.s2 == rhs.s2 && lhs.s3 == rhs.s3
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(s0)
    hasher.combine(s1)
    hasher.combine(s2)
    hasher.combine(s3)
  }
}
