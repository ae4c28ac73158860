/// The differences between a run and its goldens, as a reader wants them: which pod moved from
/// which node to which, the first diverging event with context, metrics out of tolerance.
public struct GoldenDiff: Sendable, Equatable {
  /// Human-readable findings, one block per output; empty when the run matches.
  public var findings: [String] = []

  /// True when nothing differs.
  public var isEmpty: Bool { findings.isEmpty }

  /// Compares `run` with `golden`.
  public init(golden: GoldenOutputs, run: GoldenOutputs) {
    if let p = Self.placements(golden.placements, run.placements) { findings.append(p) }
    if let e = Self.firstDivergence("events.jsonl", golden.events, run.events) { findings.append(e) }
    if let s = Self.summary(golden.summary, run.summary) { findings.append(s) }
  }

  /// Per pod, the nodes it was bound to, in bind order (`namespace/name` → nodes).
  static func binds(_ csv: String) -> [(pod: String, nodes: [String])] {
    var order: [String] = []
    var nodes: [String: [String]] = [:]
    for line in csv.split(separator: "\n").dropFirst() {
      let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      guard f.count >= 3 else { continue }
      if nodes[f[1]] == nil { order.append(f[1]) }
      nodes[f[1], default: []].append(f[2])
    }
    return order.map { ($0, nodes[$0] ?? []) }
  }

  /// "placements.csv: 1 pod placed differently" and one line per pod.
  static func placements(_ golden: String, _ run: String) -> String? {
    guard golden != run else { return nil }
    let g = binds(golden)
    let r = binds(run)
    let rmap = Dictionary(r.map { ($0.pod, $0.nodes) }, uniquingKeysWith: { a, _ in a })
    let gmap = Dictionary(g.map { ($0.pod, $0.nodes) }, uniquingKeysWith: { a, _ in a })
    var lines: [String] = []
    for (pod, nodes) in g {
      guard let now = rmap[pod] else {
        lines.append("  \(pod): bound to \(nodes.joined(separator: ", ")) in the golden, never bound now")
        continue
      }
      if now != nodes {
        lines.append(
          "  \(pod) moved from \(nodes.joined(separator: ", ")) to \(now.joined(separator: ", "))")
      }
    }
    for (pod, nodes) in r where gmap[pod] == nil {
      lines.append("  \(pod): not bound in the golden, now bound to \(nodes.joined(separator: ", "))")
    }
    if lines.isEmpty {
      // Same pods on the same nodes: the times, profiles or attempts differ.
      return firstDivergence("placements.csv", golden, run)
    }
    return "placements.csv: \(lines.count) pod\(lines.count == 1 ? "" : "s") placed differently\n"
      + lines.joined(separator: "\n")
  }

  /// The first differing line of two texts with two lines of context before it.
  static func firstDivergence(_ name: String, _ golden: String, _ run: String) -> String? {
    guard golden != run else { return nil }
    let g = golden.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let r = run.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var i = 0
    while i < g.count, i < r.count, g[i] == r[i] { i += 1 }
    var out = "\(name): first difference at line \(i + 1) (golden \(g.count - 1) lines, run \(r.count - 1))"
    for j in max(0, i - 2)..<i { out += "\n    \(j + 1)  \(g[j])" }
    out += "\n  - golden: " + (i < g.count ? g[i] : "(end of file)")
    out += "\n  + run:    " + (i < r.count ? r[i] : "(end of file)")
    return out
  }

  /// Summary values that differ: exactly, or beyond the tolerance under `metrics.`.
  static func summary(_ golden: String, _ run: String) -> String? {
    guard golden != run else { return nil }
    func pairs(_ s: String) -> [(String, String)] {
      s.split(separator: "\n").map { line in
        let parts = line.split(separator: "\t", maxSplits: 1).map(String.init)
        return (parts[0], parts.count > 1 ? parts[1] : "")
      }
    }
    let g = pairs(golden)
    let r = pairs(run)
    let rmap = Dictionary(r, uniquingKeysWith: { a, _ in a })
    let gmap = Dictionary(g, uniquingKeysWith: { a, _ in a })
    var lines: [String] = []
    for (key, gv) in g {
      guard let rv = rmap[key] else {
        lines.append("  \(key): \(gv) in the golden, missing now")
        continue
      }
      guard gv != rv else { continue }
      if key.hasPrefix("metrics."), let a = Double(gv), let b = Double(rv),
        abs(a - b) <= max(1, abs(a) * GoldenOutputs.relativeTolerance)
      {
        continue
      }
      lines.append("  \(key): golden \(gv), run \(rv)")
    }
    for (key, rv) in r where gmap[key] == nil { lines.append("  \(key): new, \(rv)") }
    guard !lines.isEmpty else { return nil }
    return "summary: \(lines.count) value\(lines.count == 1 ? "" : "s") differ\n"
      + lines.joined(separator: "\n")
  }
}
