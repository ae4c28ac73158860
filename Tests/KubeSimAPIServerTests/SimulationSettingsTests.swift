import KubeSimKernel
import KubeSimModel
import KubeSimYAML
import Testing

@testable import KubeSimAPIServer

@Suite("Simulation settings")
struct SimulationSettingsTests {
  let at = SourceLocation(file: "s.yaml", line: 9, column: 16)

  func scalar(_ text: String, _ value: YAMLValue? = nil) -> YAMLNode {
    YAMLNode(.scalar(YAMLScalar(text: text, style: .plain, value: value ?? .string(text))), at: at)
  }

  @Test("defaults")
  func defaults() {
    let s = SimulationSettings.default
    #expect(s.watchDelay == .milliseconds(10))
    #expect(s.serializeImagePulls)
    #expect(s.defaultNotReadyTolerationSeconds == 300)
    #expect(s.timeBaseUnixSeconds == 1_767_225_600)
  }

  @Test("durations, integers, booleans and the time base are set")
  func set() throws {
    var s = SimulationSettings()
    try s.set("watchDelay", scalar("25ms"))
    try s.set("nodeMonitorGracePeriod", scalar("40s"))
    try s.set("imagePullBandwidthBytesPerSecond", scalar("1048576", .int(1_048_576)))
    try s.set("serializeImagePulls", scalar("false", .bool(false)))
    try s.set("timeBase", scalar("2024-02-29T12:30:05Z"))
    #expect(s.watchDelay == .milliseconds(25))
    #expect(s.nodeMonitorGracePeriod == .seconds(40))
    #expect(s.imagePullBandwidthBytesPerSecond == 1_048_576)
    #expect(!s.serializeImagePulls)
    #expect(s.timeBaseUnixSeconds == 1_709_209_805)
  }

  @Test("bad values and unknown keys are ManifestErrors at the value")
  func errors() {
    var s = SimulationSettings()
    #expect(
      throws: ManifestError(
        "expected a duration such as 10ms or 1m30s, found \"soon\"", at: at,
        path: "spec.settings.watchDelay")
    ) { try s.set("watchDelay", scalar("soon")) }
    #expect(
      throws: ManifestError(
        "expected an integer, found \"fast\"", at: at,
        path: "spec.settings.imagePullBandwidthBytesPerSecond")
    ) { try s.set("imagePullBandwidthBytesPerSecond", scalar("fast")) }
    do {
      try s.set("watchdelay", scalar("1s"))
      Issue.record("no error")
    } catch {
      #expect(error.path == "spec.settings.watchdelay")
      #expect(
        error.message.hasPrefix("unknown setting \"watchdelay\"; did you mean \"watchDelay\"?"))
      #expect("\(error)".hasPrefix("s.yaml:9:16: spec.settings.watchdelay: unknown setting"))
    }
  }
}

extension SimulationSettingsTests {
  @Test("timeBase accepts offsets and rejects fractions and garbage")
  func timeBase() throws {
    var s = SimulationSettings()
    try s.set("timeBase", scalar("2026-01-01T02:00:00+02:00"))
    #expect(s.timeBase == TimeBase.default)
    #expect(
      throws: ManifestError(
        "expected an RFC 3339 time in whole seconds such as 2026-01-01T00:00:00Z, found \"noon\"",
        at: at, path: "spec.settings.timeBase")
    ) { try s.set("timeBase", scalar("noon")) }
    #expect(throws: ManifestError.self) { try s.set("timeBase", scalar("2026-01-01T00:00:00.5Z")) }
  }
}
