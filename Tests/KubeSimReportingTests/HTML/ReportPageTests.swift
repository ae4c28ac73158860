import Foundation
import Testing

@testable import KubeSimReporting

@Suite struct ReportPageTests {
  /// A sample page from synthetic data: every chart type, a summary grid and a table.
  static func samplePage() -> ReportPage {
    var page = ReportPage(
      title: "node-failure", subtitle: "seed 1 · 6m simulated · 3 nodes · 12 pods")
    page.heading("Summary")
    page.keyValues([
      ("pods created", "12"), ("pods scheduled", "16"), ("evictions", "4"),
      ("p99 pod startup", UnitFormat.duration(micros: 9_000_000)),
    ])
    var table = ReportTable(
      caption: "Pod startup latency by policy",
      columns: [
        .init("policy"), .init("mean", alignment: .right), .init("95% CI", alignment: .right),
        .init("p99", alignment: .right),
      ])
    for (name, values) in [("default", [3.1, 2.9, 3.4, 3.0]), ("binpack", [1.9, 2.0, 1.8, 2.1])] {
      let s = SampleSummary(values)
      let h = s.halfWidth95 ?? 0
      table.rows.append([
        ReportCell(name), ReportCell(DecimalFormat.fixed(s.mean ?? 0, 2) + "s"),
        ReportCell("± " + DecimalFormat.fixed(h, 2) + "s", emphasized: name == "binpack"),
        "9s",
      ])
    }
    page.table(table)
    page.chart(ConfidenceChartTests.sample.svg())
    page.heading("Pods over time")
    page.chart(
      SampleCharts.pendingPods.svg(),
      caption: "node-2 is NotReady from 2m to 5m; its 4 pods are evicted at 2m40s and rescheduled.")
    page.heading("Node utilisation")
    page.chart(SampleCharts.heatMap.svg())
    page.heading("Latency")
    page.chart(SampleCharts.cdf.svg())
    page.heading("Faults & rollouts")
    page.chart(SampleCharts.timeline.svg())
    page.paragraph("Values <escaped> & safe.")
    return page
  }

  @Test func pageIsSelfContainedAndDeterministic() throws {
    let html = Self.samplePage().html()
    #expect(html == Self.samplePage().html())
    #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
    #expect(!html.contains("<script"))
    #expect(!html.contains("https://"))
    // The only http:// reference is the SVG namespace name, which is never fetched.
    let http = html.components(separatedBy: "http://").count - 1
    #expect(http == html.components(separatedBy: "xmlns=\"http://www.w3.org/2000/svg\"").count - 1)
    #expect(html.contains("default-src 'none'"))
    #expect(html.components(separatedBy: "<svg ").count - 1 == 5)
    #expect(html.contains("<p>Values &lt;escaped&gt; &amp; safe.</p>"))
    #expect(html.contains("<h2 id=\"faults-rollouts\">Faults &amp; rollouts</h2>"))
    #expect(html.contains("<li><a href=\"#pods-over-time\">Pods over time</a></li>"))
    #expect(html.contains("<td class=\"right em\">± 0.21s</td>"))
    if let path = ProcessInfo.processInfo.environment["KUBESIM_SAMPLE_REPORT"] {
      try html.write(toFile: path, atomically: true, encoding: .utf8)
    }
  }

  @Test func repeatedHeadingsGetDistinctAnchors() {
    var page = ReportPage(title: "t")
    page.heading("CPU")
    page.heading("CPU")
    page.heading("!!!")
    let html = page.html()
    #expect(
      html.contains(
        "<h2 id=\"cpu\">CPU</h2>\n<h2 id=\"cpu-2\">CPU</h2>\n<h2 id=\"section\">!!!</h2>"))
  }

  @Test func tablePadsShortRows() {
    let t = ReportTable(columns: [.init("a"), .init("b", alignment: .right)], rows: [["x"]])
    #expect(
      t.html() == """
        <table>
        <thead><tr><th class="left">a</th><th class="right">b</th></tr></thead>
        <tbody>
        <tr><td class="left">x</td><td class="right"></td></tr>
        </tbody>
        </table>

        """)
  }
}
