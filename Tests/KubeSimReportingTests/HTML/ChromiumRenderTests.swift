import Foundation
import KubeSimKernel
import KubeSimReporting
import KubeSimTestSupport
import Testing

/// `report.html` of the node-crash scenario in a real headless browser (Debian's chromium):
/// it renders its charts with no console message (errors, CSP violations, failed loads).
/// Skips itself where chromium is not installed, unless `KUBESIM_REQUIRE_CHROMIUM=1` (set by
/// `.ci/run` once chromium is there or was installed), which makes a missing browser a failure.
@Suite struct ChromiumRenderTests {
  static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first {
    FileManager.default.isExecutableFile(atPath: $0)
  }
  static let required = ProcessInfo.processInfo.environment["KUBESIM_REQUIRE_CHROMIUM"] == "1"

  @Test(.enabled(if: chromium != nil || required, "chromium is not installed"))
  func nodeCrashReportRendersWithoutConsoleMessages() throws {
    _ = try #require(Self.chromium, "KUBESIM_REQUIRE_CHROMIUM=1 but no /usr/bin/chromium")
    let (report, metrics) = try MetricsRecorderTests.record("Scenarios/self-healing/node-crash.yaml")
    let summary = RunSummary(scenario: "node-crash", report: report, metrics: metrics)
    let html = RunReportPage.html(
      summary: summary, metrics: metrics, actions: [(65_000_000, "kubectl node-crash worker-2")])
    let dir = TemporaryDirectory("chromium")
    defer { dir.remove() }
    let file = dir.write("report.html", html)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try #require(Self.chromium))
    process.arguments = [
      "--headless", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr", "--v=0",
      "--user-data-dir=" + dir.path + "/profile", "--dump-dom", "file://" + file,
    ]
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let dom = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    let log = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    let consoleLines = log.split(separator: "\n").filter { $0.contains("CONSOLE") }
    #expect(consoleLines.isEmpty, "console: \(consoleLines)")
    // The rendered DOM holds the charts: the health chart with the NotReady band and evictions.
    #expect(dom.contains("Nodes Ready, pods Ready, pending pods and evictions"))
    #expect(dom.contains("worker-2 NotReady"))
    #expect(dom.contains("evictions (cumulative)"))
    #expect(dom.components(separatedBy: "<svg").count - 1 >= 5)
    #expect(metrics.notReadyPeriods.count == 1)
    #expect(metrics.disruptions.map(\.reason) == ["taint"])
  }
}
