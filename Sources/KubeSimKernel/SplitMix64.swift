/// SplitMix64, the 64-bit generator Vigna recommends for seeding xoshiro.
///
/// Reference: Sebastiano Vigna, `splitmix64.c` (prng.di.unimi.it, 2015), itself from Steele,
/// Lea and Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014. With state 0
/// the first output is `0xe220a8397b1dcdaf`.
public struct SplitMix64: Hashable, Sendable {
  /// The generator's state; it advances by the golden-ratio increment on every draw.
  public var state: UInt64

  /// Creates a generator whose state is `seed`.
  @inlinable
  public init(seed: UInt64) {
    state = seed
  }

  /// The next 64 random bits.
  @inlinable
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    return Self.mix(state)
  }

  /// SplitMix64's output function (a variant of MurmurHash3's finalizer): a bijection of
  /// `UInt64` that spreads every input bit over the output.
  @inlinable
  public static func mix(_ value: UInt64) -> UInt64 {
    var z = value
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
