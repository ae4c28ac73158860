/// One named, independent stream of random numbers, with KubeSim's own distributions.
///
/// Streams come from `RandomStreams.stream(named:)`. Every mapping from bits to values is
/// written here, on purpose: the standard library's `random(in:using:)`, `shuffled(using:)` and
/// libm's `log`/`exp` are not stable contracts across versions and platforms (STYLE.md P6, P7),
/// and a seed must replay the same run everywhere.
///
/// ```swift
/// var rng = RandomStreams(seed: 42).stream(named: "scheduler")
/// let pick = rng.uniform(below: 5)           // 0..<5, unbiased
/// let gap = rng.exponential(mean: 10.0)      // mean 10
/// ```
public struct RandomStream: Hashable, Sendable {
  /// The underlying generator.
  public var generator: Xoshiro256StarStar

  /// Creates a stream over a generator seeded (through SplitMix64) with `seed`.
  public init(seed: UInt64) {
    generator = Xoshiro256StarStar(seed: seed)
  }

  /// Creates a stream over `generator`.
  public init(generator: Xoshiro256StarStar) {
    self.generator = generator
  }

  /// The next 64 random bits.
  @inlinable
  public mutating func next() -> UInt64 {
    generator.next()
  }

  /// A uniform integer in `0..<n`, without bias.
  ///
  /// Lemire's multiply-and-reject method: D. Lemire, "Fast Random Integer Generation in an
  /// Interval", ACM TOMACS 29(1), 2019. `n` must be positive (a programmer error otherwise).
  @inlinable
  public mutating func uniform(below n: UInt64) -> UInt64 {
    precondition(n > 0, "uniform(below:) needs a positive bound")
    var m = next().multipliedFullWidth(by: n)
    if m.low < n {
      let threshold = (0 &- n) % n
      while m.low < threshold {
        m = next().multipliedFullWidth(by: n)
      }
    }
    return m.high
  }

  /// A uniform `Int` in `0..<n` (`n` positive); see `uniform(below:)` for `UInt64`.
  @inlinable
  public mutating func uniform(below n: Int) -> Int {
    precondition(n > 0, "uniform(below:) needs a positive bound")
    return Int(truncatingIfNeeded: uniform(below: UInt64(n)))
  }

  /// A uniform `Double` in [0, 1): the top 53 bits of one draw times 2⁻⁵³ (exact, every value
  /// a multiple of 2⁻⁵³; Vigna's recommended conversion).
  @inlinable
  public mutating func uniformDouble() -> Double {
    Double(next() >> 11) * 0x1.0p-53
  }

  /// True with probability `perMille / 1000` (integer odds; `perMille` ≥ 1000 is always true).
  @inlinable
  public mutating func bernoulli(perMille: Int) -> Bool {
    if perMille <= 0 { return false }
    if perMille >= 1_000 { return true }
    return uniform(below: UInt64(1_000)) < UInt64(perMille)
  }

  /// True with probability `p` (clamped to [0, 1]); draws once unless `p` is 0 or 1.
  @inlinable
  public mutating func chance(_ p: Double) -> Bool {
    if !(p > 0) { return false }
    if p >= 1 { return true }
    return uniformDouble() < p
  }

  /// An exponentially distributed value with the given mean (inverse transform,
  /// `-mean · ln(1 − u)` with u in [0, 1), so the result is finite and ≥ 0).
  ///
  /// Uses `DeterministicMath.ln`, not libm, so results are identical on every platform.
  /// `mean` should be finite and non-negative (callers validate user input); see
  /// `exponential(mean: SimDuration)` for a version that returns simulated time.
  @inlinable
  public mutating func exponential(mean: Double) -> Double {
    -mean * DeterministicMath.ln(1 - uniformDouble())
  }

  /// A Weibull-distributed value, `scale · (−ln(1 − u))^(1/shape)` (inverse transform).
  ///
  /// Shape < 1 gives a decreasing failure rate (infant mortality), 1 the exponential, > 1 wear
  /// out. `shape` must be positive and `scale` non-negative (a programmer error otherwise;
  /// scenario decoding validates user-supplied parameters). Uses `DeterministicMath`, not libm.
  @inlinable
  public mutating func weibull(shape: Double, scale: Double) -> Double {
    precondition(shape > 0 && scale >= 0, "weibull(shape:scale:) needs shape > 0, scale >= 0")
    let e = -DeterministicMath.ln(1 - uniformDouble())
    if e == 0 { return 0 }
    return scale * DeterministicMath.exp(DeterministicMath.ln(e) / shape)
  }

  /// Shuffles `elements` in place, uniformly (Fisher–Yates / Durstenfeld, from the back, with
  /// `uniform(below:)`).
  @inlinable
  public mutating func shuffle<C: MutableCollection & RandomAccessCollection>(
    _ elements: inout C
  ) {
    let n = elements.count
    guard n > 1 else { return }
    var i = n - 1
    while i > 0 {
      let j = uniform(below: i + 1)
      if j != i {
        elements.swapAt(
          elements.index(elements.startIndex, offsetBy: i),
          elements.index(elements.startIndex, offsetBy: j))
      }
      i -= 1
    }
  }

  /// Kubernetes' name-suffix alphabet: lower-case consonants and digits without vowels and
  /// look-alikes, from `k8s.io/apimachinery/pkg/util/rand/rand.go` (`alphanums`, v0.31).
  public static let kubernetesAlphabet = "bcdfghjklmnpqrstvwxz2456789"

  /// A random string of `count` characters from `alphabet` (by default Kubernetes'
  /// `rand.String` alphabet, used for generated names such as `web-5d8f7c6b9-x2xkq`).
  ///
  /// Mirrors `rand.String` in `k8s.io/apimachinery/pkg/util/rand/rand.go`: it takes 63-bit
  /// draws, peels off index-sized bit groups (5 bits for the 27-letter alphabet) and skips
  /// indices past the end of the alphabet, so every character is uniform. An empty alphabet
  /// gives an empty string.
  public mutating func randomAlphanumeric(
    count: Int, alphabet: String = RandomStream.kubernetesAlphabet
  ) -> String {
    let letters = Array(alphabet.unicodeScalars)
    guard count > 0, !letters.isEmpty else { return "" }
    if letters.count == 1 { return String(repeating: String(letters[0]), count: count) }
    let bits = UInt64.bitWidth - UInt64(letters.count - 1).leadingZeroBitCount
    let mask = (UInt64(1) << UInt64(bits)) - 1
    let perDraw = 63 / bits
    var out = String.UnicodeScalarView()
    var draw = next() >> 1  // Int63
    var remaining = perDraw
    var produced = 0
    while produced < count {
      if remaining == 0 {
        draw = next() >> 1
        remaining = perDraw
      }
      let index = Int(draw & mask)
      if index < letters.count {
        out.append(letters[index])
        produced += 1
      }
      draw >>= UInt64(bits)
      remaining -= 1
    }
    return String(out)
  }
}
