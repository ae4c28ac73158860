import KubeSimYAML

/// The outputs of a run kept as goldens under `Reports/golden/<scenario>/`: placements and
/// events (compared exactly) and the summary flattened to `path<TAB>value` lines (metrics
/// compared within `GoldenOutputs.relativeTolerance`, everything else exactly).
public struct GoldenOutputs: Sendable, Equatable {
  /// `placements.csv`.
  public var placements: String
  /// `events.jsonl`.
  public var events: String
  /// `summary.tsv`: every leaf of summary.json as `path<TAB>value`, in key order.
  public var summary: String

  /// The file names, in the order they are written and compared.
  public static let fileNames = ["placements.csv", "events.jsonl", "summary.tsv"]

  /// Numbers under `metrics.` may differ by this fraction of the golden value (at least 1 unit):
  /// percentiles come from a histogram with 1/128 relative bucket width, so a change smaller
  /// than 1% is within measurement resolution, not a behaviour change.
  public static let relativeTolerance = 0.01

  /// Creates a value with the given parts.
  public init(placements: String, events: String, summary: String) {
    self.placements = placements
    self.events = events
    self.summary = summary
  }

  /// The contents of `fileNames`, in order.
  public var files: [String] { [placements, events, summary] }

  /// Every leaf of `json` as `path<TAB>value` lines (`a.b[2].c`), in key order.
  public static func flatten(_ json: JSONValue) -> String {
    var out = ""
    func walk(_ v: JSONValue, _ path: String) {
      switch v {
      case .object(let pairs):
        for (k, x) in pairs { walk(x, path.isEmpty ? k : path + "." + k) }
      case .array(let items):
        if items.isEmpty { out += path + "\t[]\n" }
        for (i, x) in items.enumerated() { walk(x, path + "[\(i)]") }
      default:
        out += path + "\t" + v.compactString + "\n"
      }
    }
    walk(json, "")
    return out
  }
}
