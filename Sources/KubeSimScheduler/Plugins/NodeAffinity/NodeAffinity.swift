import KubeSimModel

/// The NodeAffinity plugin: `nodeSelector` and required node affinity filter nodes; preferred
/// terms score them.
///
/// Upstream pkg/scheduler/framework/plugins/nodeaffinity/node_affinity.go (v1.36):
/// - PreFilter returns Skip when the pod has no nodeSelector, no required node affinity and the
///   plugin has no `addedAffinity`; it returns a `PreFilterResult` of node names when every
///   required term carries `matchFields metadata.name In` (names intersected within a term,
///   united across terms; an empty result is UnschedulableAndUnresolvable
///   "pod affinity terms conflict").
/// - Filter: `ErrReasonPod = "node(s) didn't match Pod's node affinity/selector"`, and
///   `errReasonEnforced = "node(s) didn't match scheduler-enforced node affinity"` for
///   `addedAffinity`; both UnschedulableAndUnresolvable.
/// - PreScore returns Skip without preferred terms (pod's or added); Score sums the weights of
///   the matching preferred terms; NormalizeScore is `DefaultNormalizeScore(100, false)`.
public struct NodeAffinity: PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin, Sendable {
  public static let pluginName = "NodeAffinity"
  public var name: String { NodeAffinity.pluginName }
  /// node_affinity.go `ErrReasonPod`.
  public static let reasonPod = "node(s) didn't match Pod's node affinity/selector"
  /// node_affinity.go `errReasonEnforced`.
  public static let reasonEnforced = "node(s) didn't match scheduler-enforced node affinity"
  /// node_affinity.go `errReasonConflict`.
  public static let reasonConflict = "pod affinity terms conflict"

  /// `NodeAffinityArgs.addedAffinity`: applied to every pod of the profile.
  public var addedAffinity: KubeSimModel.NodeAffinity?

  public init(addedAffinity: KubeSimModel.NodeAffinity? = nil) {
    self.addedAffinity = addedAffinity
  }

  private func required(_ pod: PodInfo) -> NodeSelector? {
    pod.pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution
  }

  // MARK: PreFilter

  public func preFilter(_ state: inout CycleState, _ pod: PodInfo, _ snapshot: NodeSnapshot)
    -> Status
  {
    let req = required(pod)
    if pod.pod.spec.nodeSelector.isEmpty && req == nil
      && addedAffinity?.requiredDuringSchedulingIgnoredDuringExecution == nil
    {
      return .skip
    }
    if let names = NodeAffinity.preFilterNodeNames(req) {
      if names.isEmpty {
        return Status(.unschedulableAndUnresolvable, [NodeAffinity.reasonConflict], plugin: name)
      }
      state.preFilterNodeNames = state.preFilterNodeNames.map { old in
        old.filter { names.contains($0) }
      } ?? names
    }
    return .success
  }

  /// The `PreFilterResult` node names: nil (all nodes) unless every required term has a
  /// `metadata.name In` field requirement; sorted for determinism.
  public static func preFilterNodeNames(_ req: NodeSelector?) -> [String]? {
    guard let terms = req?.nodeSelectorTerms, !terms.isEmpty else { return nil }
    var union: [String] = []
    for term in terms {
      var termNames: [String]? = nil
      for r in term.matchFields where r.key == "metadata.name" && r.operator == .in {
        let vals = Array(Set(r.values)).sorted()
        termNames = termNames.map { t in t.filter { vals.contains($0) } } ?? vals
      }
      guard let t = termNames else { return nil }
      for n in t where !union.contains(n) { union.append(n) }
    }
    return union.sorted()
  }

  // MARK: Filter

  public func filter(_ state: CycleState, _ pod: PodInfo, _ snapshot: NodeSnapshot, slot: Int)
    -> Status
  {
    let node = snapshot.nodes[slot]
    let labels = node.metadata.labels
    if let added = addedAffinity?.requiredDuringSchedulingIgnoredDuringExecution,
      !added.matches(labels: labels, name: node.metadata.name)
    {
      return Status(.unschedulableAndUnresolvable, [NodeAffinity.reasonEnforced], plugin: name)
    }
    if !pod.pod.spec.requiredNodeAffinityMatches(labels: labels, name: node.metadata.name) {
      return Status(.unschedulableAndUnresolvable, [NodeAffinity.reasonPod], plugin: name)
    }
    return .success
  }

  // MARK: Score

  private func preferred(_ pod: PodInfo) -> [PreferredSchedulingTerm] {
    (addedAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [])
      + (pod.pod.spec.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [])
  }

  public func preScore(
    _ state: inout CycleState, _ pod: PodInfo, _ snapshot: NodeSnapshot, feasible: [Int]
  ) -> Status {
    preferred(pod).isEmpty ? .skip : .success
  }

  public func score(_ state: CycleState, _ pod: PodInfo, _ snapshot: NodeSnapshot, slot: Int)
    -> Int64
  {
    let terms = preferred(pod)
    if terms.isEmpty { return 0 }
    let node = snapshot.nodes[slot]
    var total: Int64 = 0
    // `nodeaffinity.PreferredSchedulingTerms.Score`: a term with weight 0 is ignored.
    for t in terms where t.weight != 0 {
      if t.preference.matches(labels: node.metadata.labels, name: node.metadata.name) {
        total += Int64(t.weight)
      }
    }
    return total
  }

  public var normalizes: Bool { true }

  public func normalize(_ state: CycleState, _ pod: PodInfo, _ scores: inout [Int64]) {
    DefaultNormalizeScore.apply(&scores, reverse: false)
  }
}
