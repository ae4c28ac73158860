import Foundation
import KubeSimKernel
import KubeSimModel
import KubeSimTestSupport
import KubeSimYAML
import Testing

@testable import KubeSimScenario

/// Seeded random byte mutations of every bundled scenario, fed to the parser and the decoders
/// (YAML, manifests, the Scenario document with its timeline and expressions): no crash, no
/// hang. A failure prints the seed and the case so it can be replayed.
@Suite struct MutationFuzzTests {
  static let files =
    RepositoryPaths.files(under: "Scenarios", suffix: ".yaml")
    + RepositoryPaths.files(under: "Tests/KubeSimCLITests/Fixtures", suffix: ".yaml")
  static let casesPerFile = 300

  @Test(arguments: files)
  func mutationsNeverCrashOrHang(_ file: String) throws {
    let path = RepositoryPaths.root().path + "/" + file
    let original = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    var random = RandomStreams(seed: 2026).stream(named: "fuzz/" + file)
    let clock = ContinuousClock()
    let started = clock.now
    var decodedScenarios = 0
    for n in 0..<Self.casesPerFile {
      let bytes = Self.mutate(original, &random)
      let text = String(decoding: bytes, as: UTF8.self)
      let caseStart = clock.now
      decodedScenarios += Self.decodeAll(text, file: "fuzz.yaml")
      #expect(clock.now - caseStart < .seconds(2), "case \(n) of \(file) (seed 2026) took too long")
    }
    #expect(clock.now - started < .seconds(20))
    // The mutations keep some inputs valid: the decoders were exercised, not only the parser.
    #expect(decodedScenarios > 0)
  }

  /// Parses and decodes every document; returns how many Scenario documents decoded.
  static func decodeAll(_ text: String, file: String) -> Int {
    guard let documents = try? YAMLParser.parseStream(text, file: file) else { return 0 }
    var decoder = ManifestDecoder()
    var scenarios = 0
    for node in documents {
      guard let document = try? decoder.decode(node) else { continue }
      if case .scenario(let raw) = document {
        var scenarioDecoder = ScenarioDecoder()
        if scenarioDecoder.decode(raw) != nil { scenarios += 1 }
      }
      if case .nodePool(let pool) = document, pool.spec.count < 10_000 { _ = pool.expand() }
    }
    return scenarios
  }

  /// One to four mutations: flip, insert a YAML-significant byte, delete, duplicate a line,
  /// or truncate.
  static func mutate(_ input: [UInt8], _ random: inout RandomStream) -> [UInt8] {
    var bytes = input
    let significant = Array(":-[]{},'\"|>&*!#\n\t %@`?".utf8) + [0xFF, 0xC3, 0x00]
    for _ in 0..<(1 + random.uniform(below: 4)) {
      guard !bytes.isEmpty else { break }
      let i = random.uniform(below: bytes.count)
      switch random.uniform(below: 5) {
      case 0: bytes[i] ^= UInt8(1 << random.uniform(below: 8))
      case 1: bytes.insert(significant[random.uniform(below: significant.count)], at: i)
      case 2: bytes.remove(at: i)
      case 3:
        let start = bytes[..<i].lastIndex(of: 10).map { $0 + 1 } ?? 0
        let end = bytes[i...].firstIndex(of: 10).map { $0 + 1 } ?? bytes.count
        bytes.insert(contentsOf: bytes[start..<end], at: start)
      default: bytes.removeSubrange(i...)
      }
    }
    return bytes
  }
}
