import Foundation
import KubeSimTestSupport
import Testing

@testable import KubeSimCLI

/// One definition of Service availability (`SelfHealingRecorder`: the fraction of time with at
/// least one ready endpoint, and with every desired pod ready, from the first moment every desired
/// pod was ready to the end), computed once and shown the same everywhere: summary.json (both
/// places), summary.md, report.html and the expectation `availability(service/web)`.
@Suite struct AvailabilityTests {
  static let file = RunCommandTests.fixtures + "/availability.yaml"

  /// Times as the recorder sees them (10 ms watch delay after each write):
  /// - both first pods start at 3.045s, are ready 20 s later, seen at 23.055s: the window is
  ///   10m − 23.055s = 576.945 s;
  /// - 5m: web-a's pod deleted (seen 5m0.01s), its replacement starts 5m1.035s, ready seen
  ///   5m21.045s: 21.035 s with one endpoint but not all desired ready;
  /// - 8m: both deleted (seen 8m0.01s); web-a's replacement ready seen 8m21.045s (no endpoint
  ///   for 21.035 s), web-b's 8m21.05s (not all ready for 21.04 s).
  /// any = (576.945 − 21.035) / 576.945 = 0.96354020… → 963540 ppm;
  /// all = (576.945 − 21.035 − 21.04) / 576.945 = 0.92707277… → 927072 ppm.
  @Test func everyOutputShowsTheSameExactFractions() throws {
    let dir = TemporaryDirectory("availability")
    defer { dir.remove() }
    let r = CommandLineInterface.run(["run", Self.file, "--out", dir.path])
    #expect(r.code == .success)
    #expect(r.stdout.contains("PASS               availability(service/web) >= 0.9 (found 0.96354)"))
    let json = try #require(dir.read("summary.json"))
    #expect(json.contains(#""service_availability_ppm":{"default/web":963540}"#))
    #expect(json.contains(#""service_all_ready_ppm":{"default/web":927072}"#))
    #expect(json.contains(#""availability":[{"service":"default/web","any_ready_ppm":963540,"all_ready_ppm":927072}]"#))
    let md = try #require(dir.read("summary.md"))
    #expect(md.contains("| default/web | 96.3540% | 92.7072% |\n"))
    // One availability table only (the sampled measure is gone).
    #expect(md.components(separatedBy: "| default/web |").count == 2)
    let html = try #require(dir.read("report.html"))
    #expect(html.contains("96.3540%"))
    #expect(html.contains("92.7072%"))
  }
}
