import Foundation
import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel
import KubeSimYAML

/// Reads `csv(FILE)` usage annotations (`sim.kubesim.io/cpu: csv(cpu.csv)`, also with a
/// `.<container>` suffix and for memory) when a scenario is loaded, and replaces each by the
/// equivalent `series(...)` model, linear between the file's points.
///
/// The file is relative to the file the object came from. One point per line, `time,value`:
/// the time a Go duration (`90s`, `1m30s`) or a number of seconds, the value a quantity
/// (`250m`, `0.5`, `300Mi`) or a percentage of the request (`40%`); blank lines and lines
/// starting with `#` are skipped, and a first line `time,value` is a header. Times must
/// increase. Before the first point the usage is its value, after the last the last value.
/// Errors name the CSV file, line and column.
///
/// KubeSim difference: `kubesim get -o json` shows the inlined `series(...)`, not `csv(...)`;
/// files applied by a timeline action cannot use `csv(...)`.
enum CSVUsageSeries {
  static let keys = ["sim.kubesim.io/cpu", "sim.kubesim.io/memory"]

  /// Rewrites every `csv(...)` annotation of `objects`; problems go to `errors`.
  static func inline(
    _ objects: inout [APIObject], _ locations: [SourceLocation],
    _ errors: inout [ScenarioDiagnostic]
  ) {
    var cache: [String: String] = [:]
    for i in objects.indices {
      let location =
        i < locations.count ? locations[i] : SourceLocation(file: "", line: 0, column: 0)
      func rewrite(_ annotations: inout StringMap) {
        for (key, value) in annotations.map({ ($0.key, $0.value) }) {
          guard keys.contains(where: { key == $0 || key.hasPrefix($0 + ".") }),
            value.hasPrefix("csv("), value.hasSuffix(")")
          else { continue }
          var file = String(value.dropFirst(4).dropLast())
          if file.hasPrefix("file=") { file = String(file.dropFirst(5)) }
          file = file.trimmingCharacters(in: .whitespaces)
          let dir = (location.file as NSString).deletingLastPathComponent
          let path = dir.isEmpty ? file : (dir as NSString).appendingPathComponent(file)
          let resource: UsageResource = key.hasPrefix("sim.kubesim.io/cpu") ? .cpu : .memory
          let cacheKey = path + "\u{0}" + (resource == .cpu ? "cpu" : "memory")
          if let inlined = cache[cacheKey] {
            annotations[key] = inlined
            continue
          }
          do {
            let text = try SourceFileReader.read(path, from: location)
            let inlined = try series(text, file: path, resource: resource)
            cache[cacheKey] = inlined
            annotations[key] = inlined
          } catch {
            errors.append(
              error.location.file == path
                ? error
                : ScenarioDiagnostic(
                  at: location, path: "metadata.annotations." + key, error.message))
          }
        }
      }
      switch objects[i] {
      case .pod(var o):
        rewrite(&o.metadata.annotations)
        objects[i] = .pod(o)
      case .deployment(var o):
        rewrite(&o.spec.template.metadata.annotations)
        objects[i] = .deployment(o)
      case .replicaSet(var o):
        rewrite(&o.spec.template.metadata.annotations)
        objects[i] = .replicaSet(o)
      case .statefulSet(var o):
        rewrite(&o.spec.template.metadata.annotations)
        objects[i] = .statefulSet(o)
      case .daemonSet(var o):
        rewrite(&o.spec.template.metadata.annotations)
        objects[i] = .daemonSet(o)
      case .job(var o):
        rewrite(&o.spec.template.metadata.annotations)
        objects[i] = .job(o)
      case .cronJob(var o):
        rewrite(&o.spec.jobTemplate.spec.template.metadata.annotations)
        objects[i] = .cronJob(o)
      default: break
      }
    }
  }

  /// The `series(...)` text of a CSV file's points.
  static func series(_ text: String, file: String, resource: UsageResource)
    throws(ScenarioDiagnostic) -> String
  {
    var points: [String] = []
    var last: SimDuration?
    for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
      if points.isEmpty, last == nil,
        trimmed.lowercased().replacingOccurrences(of: " ", with: "") == "time,value"
      {
        continue
      }
      func at(_ column: Int, _ message: String) -> ScenarioDiagnostic {
        ScenarioDiagnostic(at: SourceLocation(file: file, line: n + 1, column: column), message)
      }
      let fields = line.split(separator: ",", omittingEmptySubsequences: false)
      guard fields.count == 2 else {
        throw at(1, "expected time,value (two fields), found \(fields.count)")
      }
      let timeText = fields[0].trimmingCharacters(in: .whitespaces)
      let valueText = fields[1].trimmingCharacters(in: .whitespaces)
      let valueColumn = fields[0].count + 2
      var t: SimDuration?
      if let seconds = Int64(timeText), seconds >= 0 {
        t = .seconds(seconds)
      } else if let d = try? SimDuration(parsing: timeText), d >= .zero {
        t = d
      }
      guard let time = t else {
        throw at(1, "expected a time such as 90s or 1m30s (or seconds), found \"\(timeText)\"")
      }
      if let last, time <= last {
        throw at(1, "times must increase: \(time) is not after \(last)")
      }
      guard (try? UsageModel(parsing: valueText, resource: resource, key: "v")) != nil,
        !valueText.contains("(")
      else {
        throw at(
          valueColumn,
          "expected a quantity such as \(resource == .cpu ? "250m" : "300Mi") or a percentage such as 40%, found \"\(valueText)\""
        )
      }
      last = time
      points.append("\(time)=\(valueText)")
    }
    guard !points.isEmpty else {
      throw ScenarioDiagnostic(
        at: SourceLocation(file: file, line: 1, column: 1), "expected at least one time,value line")
    }
    return "series(" + points.joined(separator: ", ") + ")"
  }
}
