/// Why a pod fits no node: the statuses of the nodes that rejected it, and the message
/// kube-scheduler puts in the `FailedScheduling` event and the PodScheduled condition.
///
/// Upstream `FitError.Error()` (pkg/scheduler/framework/types.go, v1.35):
/// `"0/N nodes are available: " + "<count> <reason>, …" (histogram sorted as strings) + "."`
/// followed by `" " + postFilterMsg` when PostFilter (preemption) left a message.
public struct FitError: Sendable, Hashable {
  /// Number of nodes in the snapshot.
  public var numAllNodes: Int
  /// Rejecting statuses by node name, in visiting order.
  public var nodeStatuses: [(node: String, status: Status)]
  /// The PostFilter message ("preemption: …"), "" when PostFilter did not run.
  public var postFilterMessage: String
  /// The message of the PreFilter plugin that rejected the pod (upstream
  /// `Diagnosis.PreFilterMsg`), "" when filters ran.
  public var preFilterMessage: String
  /// The node PostFilter nominated (preemption), if any.
  public var nominatedNodeName: String?
  /// The PreFilter plugin that rejected the pod, "" when filters ran.
  public var preFilterPlugin: String = ""
  /// The reasons of the PostFilter plugins that ran before DefaultPreemption and rejected
  /// (upstream `RunPostFilterPlugins` collects them), for the scheduler to continue from.
  public var postFilterReasons: [String] = []
  /// Whether a PostFilter plugin ended the phase (Success, UnschedulableAndUnresolvable or
  /// Error) before DefaultPreemption's turn: preemption then does not run.
  public var postFilterEnded = false

  /// The plugins that rejected the pod (upstream `Diagnosis.UnschedulablePlugins`), in first-seen
  /// order: the PreFilter plugin, or each node's rejecting plugin.
  public var unschedulablePlugins: [String] {
    var out: [String] = preFilterPlugin.isEmpty ? [] : [preFilterPlugin]
    for s in nodeStatuses where !s.status.plugin.isEmpty && !out.contains(s.status.plugin) {
      out.append(s.status.plugin)
    }
    return out
  }

  public init(
    numAllNodes: Int, nodeStatuses: [(node: String, status: Status)], postFilterMessage: String = "",
    preFilterMessage: String = "", nominatedNodeName: String? = nil
  ) {
    self.numAllNodes = numAllNodes
    self.nodeStatuses = nodeStatuses
    self.postFilterMessage = postFilterMessage
    self.preFilterMessage = preFilterMessage
    self.nominatedNodeName = nominatedNodeName
  }

  /// `FitError.Error()`; with no nodes at all, upstream's `ErrNoNodesAvailable` message
  /// ("no nodes available to schedule pods", schedule_one.go).
  public var message: String {
    if numAllNodes == 0 { return "no nodes available to schedule pods" }
    var msg = "0/\(numAllNodes) nodes are available:"
    // types.go FitError.Error(): the PreFilter message when PreFilter rejected (every node then
    // carries that status, printed once), else the sorted histogram.
    if !preFilterMessage.isEmpty {
      msg += " " + preFilterMessage + "."
    } else {
      let hist = FitError.histogram(nodeStatuses.map(\.status))
      if !hist.isEmpty { msg += " " + hist + "." }
    }
    if !postFilterMessage.isEmpty { msg += " " + postFilterMessage }
    return msg
  }

  /// Reason histogram: "<count> <reason>" for each distinct reason, sorted byte-wise as Go's
  /// `sort.Strings`, joined by ", ".
  public static func histogram(_ statuses: [Status]) -> String {
    var counts: [String: Int] = [:]
    for s in statuses { for r in s.reasons { counts[r, default: 0] += 1 } }
    return counts.map { "\($0.value) \($0.key)" }
      .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
      .joined(separator: ", ")
  }

  /// The message DefaultPreemption's PostFilter leaves when it finds no victims: what
  /// `kubesim explain --snapshot` (which evicts nothing) reports for a preempting profile.
  ///
  /// Upstream
  /// (pkg/scheduler/framework/preemption/preemption.go `Preempt`/`findCandidates`, v1.35) marks
  /// nodes whose status is UnschedulableAndUnresolvable "Preemption is not helpful for
  /// scheduling" and, when no lower-priority pods can be evicted, the others "No preemption
  /// victims found for incoming pod"; the plugin prefixes "preemption: ". A pod with
  /// `preemptionPolicy: Never` gets "preemption: not eligible due to preemptionPolicy=Never."
  /// (default_preemption.go `PodEligibleToPreemptOthers`).
  public static func noVictimsPostFilterMessage(
    numAllNodes: Int, statuses: [Status], preemptionNever: Bool
  ) -> String {
    if preemptionNever { return "preemption: not eligible due to preemptionPolicy=Never." }
    var inner: [Status] = []
    var unresolvable = 0
    for s in statuses {
      if s.code == .unschedulableAndUnresolvable {
        unresolvable += 1
      } else {
        inner.append(Status(.unschedulable, ["No preemption victims found for incoming pod"]))
      }
    }
    // Nodes absent from the status map (or unresolvable) get the absent-nodes status.
    let absent = numAllNodes - statuses.count + unresolvable
    for _ in 0..<max(absent, 0) {
      inner.append(
        Status(.unschedulableAndUnresolvable, ["Preemption is not helpful for scheduling"]))
    }
    let nested = FitError(
      numAllNodes: numAllNodes, nodeStatuses: inner.map { (node: "", status: $0) })
    return "preemption: " + nested.message
  }

  public static func == (a: FitError, b: FitError) -> Bool {
    a.numAllNodes == b.numAllNodes && a.postFilterMessage == b.postFilterMessage
      && a.preFilterMessage == b.preFilterMessage && a.nominatedNodeName == b.nominatedNodeName
      && a.nodeStatuses.map(\.node) == b.nodeStatuses.map(\.node)
      && a.nodeStatuses.map(\.status) == b.nodeStatuses.map(\.status)
  }

  public func hash(into h: inout Hasher) {
    h.combine(numAllNodes)
    h.combine(postFilterMessage)
    for s in nodeStatuses {
      h.combine(s.node)
      h.combine(s.status)
    }
  }
}
