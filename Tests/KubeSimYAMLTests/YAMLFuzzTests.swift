import Foundation
import Testing

@testable import KubeSimYAML

/// Random byte mutations of real manifests: the parser must return or throw, never trap or hang.
@Suite("YAML fuzz: mutated manifests")
struct YAMLFuzzTests {
  /// SplitMix64 (Steele et al. 2014), the test's own generator: no dependency on the kernel.
  struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { n <= 0 ? 0 : Int(next() % UInt64(n)) }
  }

  /// Bytes that matter to YAML's grammar, drawn more often than random bytes.
  static let interesting: [UInt8] =
    Array(" \t\n\r:-?[]{},#&*!|>'\"%@`\\0.~".utf8) + [0xC3, 0xFF, 0x00]

  static func corpus() -> [[UInt8]] {
    var files = TestPaths.yamlFiles(
      in: TestPaths.repoRoot.appendingPathComponent("Tests/Fixtures/kubectl"))
    if let examples = TestPaths.sharedReference("k8s-examples") {
      files += TestPaths.yamlFiles(in: examples)
    }
    files += TestPaths.yamlFiles(in: TestPaths.repoRoot.appendingPathComponent("Scenarios"))
    return files.compactMap { TestPaths.read($0) }.map { Array($0.utf8) }
      + [Array("a: &x [1, {b: *x}]\nc: |+\n  x\n\n---\n'q''s': \"\\u00e9\\\n y\"\n".utf8)]
  }

  static func mutate(_ input: [UInt8], _ rng: inout SplitMix64) -> [UInt8] {
    var b = input
    let count = 1 + rng.below(4)
    for _ in 0..<count {
      let i = rng.below(b.count + 1)
      let byte =
        rng.below(4) == 0
        ? UInt8(truncatingIfNeeded: rng.next()) : interesting[rng.below(interesting.count)]
      switch rng.below(6) {
      case 0 where i < b.count: b[i] = byte
      case 1: b.insert(byte, at: i)
      case 2 where i < b.count: b.remove(at: i)
      case 3 where i < b.count:
        let j = min(b.count, i + 1 + rng.below(40))
        b.insert(contentsOf: b[i..<j], at: rng.below(b.count + 1))
      case 4 where i < b.count: b.removeSubrange(i..<min(b.count, i + 1 + rng.below(40)))
      default: b = Array(b.prefix(i))
      }
    }
    return b
  }

  @Test("2,000 seeded mutations: every parse returns or throws a YAMLError")
  func mutations() throws {
    let corpus = Self.corpus()
    try #require(!corpus.isEmpty)
    var rng = SplitMix64(state: 20_260_101)
    var accepted = 0
    var rejected = 0
    var slowest = 0.0
    for n in 0..<2_000 {
      let base = corpus[n % corpus.count]
      let bytes = Self.mutate(base, &rng)
      let text = String(decoding: bytes, as: UTF8.self)
      let start = ContinuousClock.now  // timing only; never reaches output or behaviour
      do {
        let docs = try YAMLParser.parseStream(text, file: "fuzz.yaml")
        for d in docs { _ = d.toJSON().compactString }
        accepted += 1
      } catch {
        #expect(error.location.line >= 1 && error.location.column >= 1)
        #expect(!error.message.isEmpty)
        rejected += 1
      }
      let elapsed = ContinuousClock.now - start
      let seconds =
        Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
      slowest = max(slowest, seconds)
      #expect(seconds < 2, "mutation \(n) took \(seconds) s")
    }
    print(
      "yaml fuzz: 2000 mutations, \(accepted) accepted, \(rejected) rejected, "
        + "slowest parse \(Int(slowest * 1000)) ms"
    )
  }

  @Test("arbitrary byte strings never trap")
  func randomBytes() {
    var rng = SplitMix64(state: 7)
    for _ in 0..<500 {
      let length = rng.below(200)
      var bytes: [UInt8] = []
      for _ in 0..<length { bytes.append(Self.interesting[rng.below(Self.interesting.count)]) }
      _ = try? YAMLParser.parseStream(String(decoding: bytes, as: UTF8.self), file: "r.yaml")
    }
  }
}
