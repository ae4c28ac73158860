import KubeSimKernel
import KubeSimScenario

/// The progress line on stderr during long runs: simulated time, percentage, events.
///
/// Shown only when stderr is a terminal, not with `--quiet`, and only after the run has taken a
/// second of wall-clock time. Wall-clock time is read here and nowhere else: it decides only
/// whether and when to draw this line, never what a run computes or writes.
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

  func update(_ now: SimTime) {
    guard enabled else { return }
    let wall = clock.now
    guard wall - started >= .seconds(1) else { return }
    if let lastDrawn, wall - lastDrawn < .milliseconds(200) { return }
    lastDrawn = wall
    // Divide first: now * 100 would overflow for runs of years of simulated time.
    let percent = end.microseconds >= 100 ? now.microseconds / (end.microseconds / 100) : 100
    sink.write(
      "\r\u{1B}[K  simulating: \(DurationFormat.compact(microseconds: now.microseconds)) of "
        + "\(DurationFormat.compact(microseconds: end.microseconds)) (\(percent)%)")
    visible = true
  }

  /// Erases the line (before other output and at the end).
  func clear() {
    guard visible else { return }
    sink.write("\r\u{1B}[K")
    visible = false
  }
}
