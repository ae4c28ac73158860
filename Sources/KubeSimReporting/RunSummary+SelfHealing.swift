import KubeSimKernel
import KubeSimScenario
import KubeSimYAML

extension RunSummary {
  /// `"faults"` and `"availability"` (issue 5), present only when there is something to say.
  var selfHealingJSON: [(String, JSONValue)] {
    var out: [(String, JSONValue)] = []
    func d(_ v: SimDuration?) -> JSONValue { v.map { .int($0.microseconds) } ?? .null }
    if !report.faults.isEmpty {
      out.append(
        (
          "faults",
          .array(
            report.faults.map { f in
              .object([
                ("index", .int(Int64(f.index))), ("fault", .string(f.text)),
                ("injected_at_us", .int(f.injectedAt.microseconds)),
                ("detection_us", d(f.detection)), ("eviction_us", d(f.eviction)),
                ("recovery_us", d(f.recovery)), ("pods_lost", .int(Int64(f.podsLost))),
                ("job_work_lost_us", .int(f.jobWorkLost.microseconds)),
              ])
            })
        ))
    }
    if !report.availability.isEmpty {
      out.append(
        (
          "availability",
          .array(
            report.availability.map { a in
              .object([
                ("service", .string(a.service)), ("any_ready_ppm", .int(a.anyReadyPPM)),
                ("all_ready_ppm", .int(a.allReadyPPM)),
              ])
            })
        ))
    }
    return out
  }

  /// Markdown tables of the faults and of Service availability.
  var selfHealingMarkdown: String {
    var out = ""
    func d(_ v: SimDuration?) -> String { v.map(\.description) ?? "–" }
    if !report.faults.isEmpty {
      out += "\n| fault | at | detection | eviction | recovery | pods lost | Job work lost |\n"
      out += "|---|---|---|---|---|---:|---|\n"
      for f in report.faults {
        out +=
          "| \(f.index). \(f.text) | \(f.injectedAt.description) | \(d(f.detection)) | "
          + "\(d(f.eviction)) | \(d(f.recovery)) | \(f.podsLost) | \(f.jobWorkLost.description) |\n"
      }
    }
    if !report.availability.isEmpty {
      out += "\nService availability: the fraction of time with at least one ready endpoint, and "
      out += "with every desired pod ready, from the first moment every desired pod was ready to the "
      out += "end (what `availability(service/S)` and `availability(service/S, all)` check).\n"
      out += "\n| service | ≥1 endpoint ready | all desired ready |\n|---|---:|---:|\n"
      for a in report.availability {
        out += "| \(a.service) | \(Self.percent(a.anyReadyPPM)) | \(Self.percent(a.allReadyPPM)) |\n"
      }
    }
    return out
  }

  /// `99.1234%` from parts per million (own formatting).
  static func percent(_ ppm: Int64) -> String {
    // ppm / 10,000 is the percentage; its four decimals are ppm % 10,000.
    var f = String(ppm % 10_000)
    while f.count < 4 { f = "0" + f }
    return "\(ppm / 10_000).\(f)%"
  }
}
