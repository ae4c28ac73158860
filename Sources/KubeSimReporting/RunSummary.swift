import Foundation
import KubeSimKernel
import KubeSimScenario
import KubeSimYAML

/// `summary.json` and `summary.md` of a run: counts and expectation results.
///
/// Deterministic by construction: fixed key order, integers only, times in microseconds and
/// Go duration syntax. Later issues add latency percentiles, utilisation and availability.
public struct RunSummary: Sendable {
  /// The scenario being run or summarised.
  public var scenario: String
  /// What the run produced.
  public var report: RunReport
  /// What the metrics recorder measured (nil: the run was not recorded).
  public var metrics: RunMetrics?

  /// Creates a value with the given parts.
  public init(scenario: String, report: RunReport, metrics: RunMetrics? = nil) {
    self.scenario = scenario
    self.report = report
    self.metrics = metrics
  }

  /// The summary as one JSON object (stable key order).
  public var json: JSONValue {
    let r = report
    let expectations: [JSONValue] = r.expectations.map { e in
      var pairs: [(String, JSONValue)] = [
        ("that", .string(e.text)), ("when", .string(e.timing)), ("location", .string(e.location)),
        ("passed", .bool(e.passed)),
      ]
      if !e.passed {
        if let t = e.failedAt { pairs.append(("failed_at_us", .int(t.microseconds))) }
        pairs.append(("found", .string(e.found)))
      }
      return .object(pairs)
    }
    let passed = r.expectations.filter(\.passed).count
    var pairs: [(String, JSONValue)] = [
      ("scenario", .string(scenario)),
      ("seed", .int(Int64(bitPattern: r.seed))),
      ("end_time_us", .int(r.endTime.microseconds)),
      ("end_time", .string(r.endTime.description)),
      ("events_processed", .int(Int64(r.processedEvents))),
      (
        "pods",
        .object([
          ("created", .int(Int64(r.podsCreated))),
          ("scheduled", .int(Int64(r.podsScheduled))),
          ("ever_running", .int(Int64(r.podsEverRunning))),
          ("running_at_end", .int(Int64(r.podsRunningAtEnd))),
          ("pending_at_end", .int(Int64(r.podsPendingAtEnd))),
          ("succeeded", .int(Int64(r.podsSucceeded))),
          ("failed", .int(Int64(r.podsFailed))),
          ("deleted", .int(Int64(r.podsDeleted))),
          ("failed_scheduling_events", .int(Int64(r.failedSchedulingEvents))),
        ])
      ),
      (
        "expectations",
        .object([
          ("passed", .int(Int64(passed))),
          ("failed", .int(Int64(r.expectations.count - passed))),
          ("results", .array(expectations)),
        ])
      ),
      ("action_failures", .array(r.actionFailures.map { .string($0) })),
    ] + selfHealingJSON + trafficJSON + [
      ("result", .string(r.succeeded ? "pass" : "fail")),
    ]
    if let metrics { pairs.insert(("metrics", metrics.json), at: pairs.count - 3) }
    return .object(pairs)
  }

  /// The summary as a short Markdown document.
  public var markdown: String {
    let r = report
    var out = "# \(scenario)\n\n"
    out += "Seed \(r.seed), ran to \(r.endTime.description) (\(r.processedEvents) events). "
    out += "Result: **\(r.succeeded ? "pass" : "fail")**.\n\n"
    out += "| pods | count |\n|---|---:|\n"
    let rows: [(String, Int)] = [
      ("created", r.podsCreated), ("scheduled", r.podsScheduled),
      ("ever running", r.podsEverRunning), ("running at end", r.podsRunningAtEnd),
      ("pending at end", r.podsPendingAtEnd), ("succeeded", r.podsSucceeded),
      ("failed", r.podsFailed), ("deleted", r.podsDeleted),
      ("FailedScheduling events", r.failedSchedulingEvents),
    ]
    for (name, value) in rows { out += "| \(name) | \(value) |\n" }
    if let metrics { out += metrics.markdown }
    if !r.expectations.isEmpty {
      out += "\n| expectation | when | result |\n|---|---|---|\n"
      for e in r.expectations {
        let verdict = e.passed ? "pass" : "**fail**: found \(e.found)"
        out +=
          "| `\(e.text.replacingOccurrences(of: "|", with: "\\|"))` | \(e.timing) | \(verdict) |\n"
      }
    }
    out += selfHealingMarkdown
    out += trafficMarkdown
    if !r.actionFailures.isEmpty {
      out += "\nFailed actions:\n\n"
      for f in r.actionFailures { out += "- \(f)\n" }
    }
    return out
  }

  /// The few lines `kubesim run` prints at the end.
  public var text: String {
    let r = report
    let passed = r.expectations.filter(\.passed).count
    var lines = [
      "",
      "\(scenario): ran to \(r.endTime.description) (seed \(r.seed), \(r.processedEvents) events)",
      "pods: \(r.podsCreated) created, \(r.podsScheduled) scheduled, "
        + "\(r.podsRunningAtEnd) running at the end, \(r.podsPendingAtEnd) pending",
      "expectations: \(passed) passed, \(r.expectations.count - passed) failed",
    ]
    for e in r.expectations {
      if let message = e.failureMessage { lines.append(message) }
    }
    lines += r.actionFailures
    return lines.joined(separator: "\n") + "\n"
  }
}
