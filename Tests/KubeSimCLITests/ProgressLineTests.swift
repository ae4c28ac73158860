import Foundation
import KubeSimKernel
import Testing

@testable import KubeSimCLI

/// The progress bar: silent when disabled (stderr not a terminal), a bar with simulated time,
/// events/s and ETA once the work has taken a second.
@Suite struct ProgressLineTests {
  @Test func silentWhenNotATerminal() {
    let sink = BufferSink()
    let line = ProgressLine(enabled: false, end: SimTime(microseconds: 600_000_000), sink: sink)
    line.update(SimTime(microseconds: 300_000_000), events: 1000)
    line.update(done: 1, of: 2)
    line.clear()
    #expect(sink.text == "")
  }

  @Test func drawsBarTimeRateAndETA() {
    let sink = BufferSink()
    let line = ProgressLine(enabled: true, end: SimTime(microseconds: 600_000_000), sink: sink)
    Thread.sleep(forTimeInterval: 1.05)
    line.update(SimTime(microseconds: 300_000_000), events: 5000)
    #expect(sink.text.hasPrefix("\r\u{1B}[K  [##########..........]  5m of 10m (50%)  "))
    #expect(sink.text.contains(" events/s  ETA 1s"))
    line.clear()
    #expect(sink.text.hasSuffix("\r\u{1B}[K"))
  }

  @Test func groupsThousands() {
    #expect(ProgressLine.grouped(41_200) == "41,200")
    #expect(ProgressLine.grouped(999) == "999")
    #expect(ProgressLine.grouped(1_000_000) == "1,000,000")
  }
}
