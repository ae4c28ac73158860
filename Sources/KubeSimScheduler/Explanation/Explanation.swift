import KubeSimKernel
import KubeSimYAML

/// Every scheduling attempt of one pod, plugin by plugin (`kubesim explain`).
///
/// JSON shape (issue 3): `{"pod": "...", "attempts": [{"time_us": N, "profile": "...", "nodes":
/// [{"node": "...", "filter": {"Plugin": "Success" | "reason"}, "scores": {"Plugin": {"raw": N,
/// "normalized": N, "weight": N}}, "total": N}], "selected": "node" | null, "message": "..."}]}`.
public struct Explanation: Sendable, Equatable {
  /// `namespace/name`, or the name as asked.
  public var pod: String
  public var attempts: [Attempt]

  public init(pod: String, attempts: [Attempt]) {
    self.pod = pod
    self.attempts = attempts
  }

  /// One scheduling cycle of the pod.
  public struct Attempt: Sendable, Equatable {
    public var timeMicroseconds: Int64
    public var profile: String
    /// The nodes the cycle looked at, in visiting order.
    public var nodes: [NodeVerdict]
    /// The chosen node, nil when the pod did not fit.
    public var selected: String?
    /// The FailedScheduling message, "" when scheduled.
    public var message: String
  }

  /// One node of an attempt.
  public struct NodeVerdict: Sendable, Equatable {
    public var node: String
    /// The filters that ran, in order: "Success" or the status message (reasons joined by ", ").
    /// A rejected node lists the filters up to the one that rejected it; filters skipped by
    /// PreFilter are absent.
    public var filter: [(plugin: String, verdict: String)]
    /// Score plugins that ran (not skipped by PreScore), in profile order; empty when the node
    /// was rejected or when the cycle did not score (one feasible node).
    public var scores: [ScoreDetail.PluginScore]
    /// Σ normalized × weight, nil when not scored.
    public var total: Int64?

    public static func == (a: NodeVerdict, b: NodeVerdict) -> Bool {
      a.node == b.node && a.filter.map(\.plugin) == b.filter.map(\.plugin)
        && a.filter.map(\.verdict) == b.filter.map(\.verdict) && a.scores == b.scores
        && a.total == b.total
    }
  }

  /// Builds an attempt from a recorded cycle.
  public static func attempt(_ a: ScheduleAttempt) -> Attempt {
    var nodes: [NodeVerdict] = []
    let filters = a.filters.filter { !a.skipped.contains($0) }
    // A PreFilter rejection, or a node left out by a PreFilterResult, ran no Filter: only the
    // PreFilter plugin's verdict is shown.
    var preFilterRejected = false
    if case .unschedulable(let e) = a.outcome, !e.preFilterMessage.isEmpty {
      preFilterRejected = true
    }
    for v in a.verdicts {
      var f: [(plugin: String, verdict: String)] = []
      if let st = v.status {
        let beforeFilters =
          preFilterRejected || st.message.hasPrefix("node(s) didn't satisfy plugin(s) [")
        if !beforeFilters, let idx = filters.firstIndex(of: st.plugin) {
          for p in filters[..<idx] { f.append((p, "Success")) }
        }
        f.append((st.plugin.isEmpty ? "PreFilter" : st.plugin, st.message))
      } else {
        for p in filters { f.append((p, "Success")) }
      }
      var scores: [ScoreDetail.PluginScore] = []
      var total: Int64? = nil
      if let s = a.scores.first(where: { $0.slot == v.slot }) {
        scores = s.plugins
        total = s.total
      }
      nodes.append(
        NodeVerdict(node: a.nodeNames[v.slot], filter: f, scores: scores, total: total))
    }
    var selected: String? = nil
    var message = ""
    switch a.outcome {
    case .scheduled(let slot, _, _): selected = a.nodeNames[slot]
    case .unschedulable(let e): message = e.message
    }
    return Attempt(
      timeMicroseconds: a.time.microseconds, profile: a.profile, nodes: nodes, selected: selected,
      message: message)
  }

  /// The JSON form (keys in the order).
  public var json: JSONValue {
    .object([
      ("pod", .string(pod)),
      ("attempts", .array(attempts.map(\.json))),
    ])
  }

  /// The text form: one table per attempt.
  public var text: String {
    var out = "Pod \(pod): \(attempts.count) scheduling attempt(s)\n"
    for (i, a) in attempts.enumerated() {
      out += "\nAttempt \(i + 1) at \(SimTime(microseconds: a.timeMicroseconds)) (profile \(a.profile))\n"
      for n in a.nodes {
        out += "  node \(n.node)\n"
        for f in n.filter { out += "    filter \(f.plugin): \(f.verdict)\n" }
        for s in n.scores {
          out += "    score  \(s.plugin): raw \(s.raw), normalized \(s.normalized), weight \(s.weight)\n"
        }
        if let t = n.total { out += "    total  \(t)\n" }
      }
      if let s = a.selected {
        out += "  selected: \(s)\n"
      } else {
        out += "  selected: none\n  message: \(a.message)\n"
      }
    }
    return out
  }
}

extension Explanation.Attempt {
  var json: JSONValue {
    .object([
      ("time_us", .int(timeMicroseconds)),
      ("profile", .string(profile)),
      ("nodes", .array(nodes.map(\.json))),
      ("selected", selected.map(JSONValue.string) ?? .null),
      ("message", .string(message)),
    ])
  }
}

extension Explanation.NodeVerdict {
  var json: JSONValue {
    var pairs: [(String, JSONValue)] = [
      ("node", .string(node)),
      ("filter", .object(filter.map { ($0.plugin, .string($0.verdict)) })),
      (
        "scores",
        .object(
          scores.map {
            (
              $0.plugin,
              .object([
                ("raw", .int($0.raw)), ("normalized", .int($0.normalized)),
                ("weight", .int($0.weight)),
              ])
            )
          })
      ),
    ]
    pairs.append(("total", total.map(JSONValue.int) ?? .null))
    return .object(pairs)
  }
}
