import KubeSimKernel
import KubeSimScenario

/// The progress bar on stderr during long runs and sweeps: a bar, simulated time (or runs done),
/// events per second of wall-clock time, and the estimated time left.
///
/// Shown only when stderr is a terminal, not with `--quiet`, and only after the work has taken a
/// second of wall-clock time. Wall-clock time is read here and nowhere else: it decides only
/// whether and when to draw this line, never what a run computes or writes.
///
/// `  [#########...........]  2m40s of 10m (26%)  41,200 events/s  ETA 12s`
final class ProgressLine {
  let enabled: Bool
  private let end: SimTime
  private let sink: any TextSink
  private let clock = ContinuousClock()
  private let started: ContinuousClock.Instant
  private var lastDrawn: ContinuousClock.Instant?
  private var visible = false

  init(enabled: Bool, end: SimTime, sink: any TextSink) {
    self.enabled = enabled
    self.end = end
    self.sink = sink
    self.started = ContinuousClock().now
  }

  /// Redraws for a run at simulated time `now` with `events` processed so far.
  func update(_ now: SimTime, events: Int = 0) {
    guard enabled else { return }
    // Divide first: now * 100 would overflow for runs of years of simulated time.
    let permille = end.microseconds >= 1000 ? now.microseconds / (end.microseconds / 1000) : 1000
    draw(
      permille: permille,
      what: "\(DurationFormat.compact(microseconds: now.microseconds)) of "
        + "\(DurationFormat.compact(microseconds: end.microseconds))",
      events: events)
  }

  /// Redraws for a sweep: `done` of `total` simulations finished.
  func update(done: Int, of total: Int, events: Int = 0) {
    guard enabled, total > 0 else { return }
    draw(permille: Int64(done) * 1000 / Int64(total), what: "\(done) of \(total) runs", events: events)
  }

  private func draw(permille: Int64, what: String, events: Int) {
    let wall = clock.now
    let elapsed = wall - started
    guard elapsed >= .seconds(1) else { return }
    if let lastDrawn, wall - lastDrawn < .milliseconds(200) { return }
    lastDrawn = wall
    let p = max(0, min(1000, permille))
    let filled = Int(p / 50)
    let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: 20 - filled)
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    var line = "\r\u{1B}[K  [\(bar)]  \(what) (\(p / 10)%)"
    if events > 0, seconds > 0 { line += "  \(Self.grouped(Int64(Double(events) / seconds))) events/s" }
    if p > 0, p < 1000 {
      let left = Int64(seconds * Double(1000 - p) / Double(p) * 1_000_000)
      line += "  ETA " + DurationFormat.compact(microseconds: left - left % 1_000_000)
    }
    sink.write(line)
    visible = true
  }

  /// 41200 → "41,200".
  static func grouped(_ n: Int64) -> String {
    let digits = String(n)
    var out = ""
    for (i, ch) in digits.enumerated() {
      if i > 0, (digits.count - i) % 3 == 0 { out += "," }
      out.append(ch)
    }
    return out
  }

  /// Erases the line (before other output and at the end).
  func clear() {
    guard visible else { return }
    sink.write("\r\u{1B}[K")
    visible = false
  }
}
