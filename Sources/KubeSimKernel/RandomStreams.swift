/// The run's source of randomness: one root seed split into named, independent streams.
///
/// A stream's generator is a pure function of `(seed, name)`: enabling a feature that draws from
/// "faults" never shifts the draws of "scheduler". The name is hashed with FNV-1a 64 over its
/// UTF-8 bytes (a fixed hash, unlike Swift's per-process `Hasher`), combined with the
/// SplitMix64-mixed seed, and mixed once more; that value seeds the stream's xoshiro256**.
///
/// ```swift
/// var streams = RandomStreams(seed: 42)
/// var scheduler = streams.stream(named: "scheduler")
/// let x = scheduler.next()
/// let y = streams.withStream(named: "faults") { $0.uniform(below: 10) }  // state kept
/// ```
public struct RandomStreams: Sendable {
  /// The root seed (the scenario's `seed`, or `--seed`).
  public let seed: UInt64

  /// Streams handed out through `withStream(named:_:)`, by name. Only looked up, never
  /// iterated, so Swift's hash order cannot reach behaviour.
  private var live: [String: RandomStream] = [:]

  /// Creates the streams of the root `seed`.
  public init(seed: UInt64) {
    self.seed = seed
  }

  /// A fresh stream for `name`, at the start of its sequence.
  ///
  /// - Complexity: O(length of `name`).
  public func stream(named name: String) -> RandomStream {
    RandomStream(seed: Self.streamSeed(seed: seed, name: name))
  }

  /// Runs `body` with the persistent stream `name` (created at its start on first use), so
  /// successive calls continue one sequence.
  public mutating func withStream<R>(
    named name: String, _ body: (inout RandomStream) throws -> R
  ) rethrows -> R {
    var current = live[name] ?? stream(named: name)
    defer { live[name] = current }
    return try body(&current)
  }

  /// The 64-bit seed of stream `name` under root `seed`.
  public static func streamSeed(seed: UInt64, name: String) -> UInt64 {
    SplitMix64.mix(SplitMix64.mix(seed) ^ fnv1a64(name))
  }

  /// FNV-1a 64 of the UTF-8 bytes of `text` (offset basis 0xcbf29ce484222325, prime
  /// 0x100000001b3; Fowler, Noll and Vo, IETF draft-eastlake-fnv).
  public static func fnv1a64(_ text: String) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in text.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01B3
    }
    return hash
  }
}
