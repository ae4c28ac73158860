import KubeSimModel

/// PreFilter state of InterPodAffinity (upstream `preFilterState`, filtering.go).
public struct AffinityFilterState: Sendable {
  public var terms: AffinityTerm.Set
  /// Existing pods' required anti-affinity terms that the incoming pod matches, per pair.
  public var existingAntiAffinity: TopologyCounts = [:]
  /// Existing pods matching the incoming pod's required affinity terms, per pair.
  public var affinity: TopologyCounts = [:]
  /// Existing pods matching the incoming pod's required anti-affinity terms, per pair.
  public var antiAffinity: TopologyCounts = [:]
}

/// The InterPodAffinity plugin: required and preferred pod affinity and anti-affinity.
///
/// Upstream pkg/scheduler/framework/plugins/interpodaffinity/ (v1.35): filtering.go (PreFilter,
/// Filter), scoring.go (PreScore, Score, NormalizeScore), plugin.go (args).
///
/// Incremental: the pods of every node are kept in `NodeSnapshot.pods` on assume/bind/delete,
/// with per-node counts of pods that have affinity, so PreFilter visits the existing
/// anti-affinity pods only and PreScore the affinity pods only, as upstream's
/// `HavePodsWithRequiredAntiAffinityList`/`HavePodsWithAffinityList` do.
public struct InterPodAffinity: PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin,
  Sendable
{
  public static let pluginName = "InterPodAffinity"
  public var name: String { InterPodAffinity.pluginName }
  /// Upstream `ErrReasonExistingAntiAffinityRulesNotMatch` (filtering.go).
  public static let reasonExistingAntiAffinity =
    "node(s) didn't satisfy existing pods anti-affinity rules"
  /// Upstream `ErrReasonAffinityRulesNotMatch` (filtering.go).
  public static let reasonAffinity = "node(s) didn't match pod affinity rules"
  /// Upstream `ErrReasonAntiAffinityRulesNotMatch` (filtering.go).
  public static let reasonAntiAffinity = "node(s) didn't match pod anti-affinity rules"

  /// `InterPodAffinityArgs.hardPodAffinityWeight` (default 1, apis/config/v1/defaults.go).
  public var hardPodAffinityWeight: Int64
  /// `InterPodAffinityArgs.ignorePreferredTermsOfExistingPods` (default false).
  public var ignorePreferredTermsOfExistingPods: Bool

  public init(hardPodAffinityWeight: Int64 = 1, ignorePreferredTermsOfExistingPods: Bool = false) {
    self.hardPodAffinityWeight = hardPodAffinityWeight
    self.ignorePreferredTermsOfExistingPods = ignorePreferredTermsOfExistingPods
  }

  // MARK: Filter

  public func preFilter(_ state: inout CycleState, _ pod: PodInfo, _ snapshot: NodeSnapshot)
    -> Status
  {
    let incoming = pod.pod
    let ns = incoming.metadata.namespace ?? "default"
    let labels = incoming.metadata.labels
    var s = AffinityFilterState(terms: AffinityTerm.Set(incoming))
    let live = { (slot: Int) in slot < snapshot.table.count && snapshot.table.isLive[slot] }
    // `getExistingAntiAffinityCounts`: the existing pods' required anti-affinity terms that
    // match the incoming pod (kept incrementally per namespace and labels).
    if snapshot.pods.totalWithRequiredAntiAffinity > 0 {
      s.existingAntiAffinity = snapshot.pods.counts(
        .existing(namespace: ns, labels: labels, mode: 0, hardWeight: 0, preferred: false),
        key: "x0|\(ns)|\(labels.keyText)", live: live)
    }
    // `getIncomingAffinityAntiAffinityCounts`: existing pods matching the incoming pod's terms.
    if !s.terms.requiredAffinity.isEmpty {
      let t = s.terms.requiredAffinity
      s.affinity = snapshot.pods.counts(
        .incoming(terms: t, multipliers: t.map { _ in 1 }),
        key: "ra|" + t.map(\.signature).joined(separator: ";"), live: live)
    }
    if !s.terms.requiredAntiAffinity.isEmpty {
      let t = s.terms.requiredAntiAffinity
      s.antiAffinity = snapshot.pods.counts(
        .incoming(terms: t, multipliers: t.map { _ in 1 }),
        key: "rx|" + t.map(\.signature).joined(separator: ";"), live: live)
    }
    // filtering.go `PreFilter`: nothing to check → Skip.
    if s.existingAntiAffinity.isEmpty && s.terms.requiredAffinity.isEmpty
      && s.terms.requiredAntiAffinity.isEmpty
    {
      return .skip
    }
    state.affinityFilter = s
    return .success
  }

  /// filtering.go `Filter`: affinity (UnschedulableAndUnresolvable), then the pod's
  /// anti-affinity, then existing pods' anti-affinity (both Unschedulable).
  public func filter(_ state: CycleState, _ pod: PodInfo, _ snapshot: NodeSnapshot, slot: Int)
    -> Status
  {
    guard let s = state.affinityFilter else { return .success }
    let labels = snapshot.pods.labels(slot)
    if !satisfiesAffinity(s, pod, labels, snapshot) {
      return Status(.unschedulableAndUnresolvable, [InterPodAffinity.reasonAffinity], plugin: name)
    }
    if !s.antiAffinity.isEmpty {
      for term in s.terms.requiredAntiAffinity {
        if let v = labels[term.topologyKey], s.antiAffinity.count(term.topologyKey, v) > 0 {
          return Status(.unschedulable, [InterPodAffinity.reasonAntiAffinity], plugin: name)
        }
      }
    }
    if !s.existingAntiAffinity.isEmpty {
      // `satisfyExistingPodsAntiAffinity` ranges over the node's labels; ranging over the few
      // topology keys with counts instead gives the same answer with fewer lookups.
      for (k, values) in s.existingAntiAffinity {
        if let v = labels[k], (values[v] ?? 0) > 0 {
          return Status(
            .unschedulable, [InterPodAffinity.reasonExistingAntiAffinity], plugin: name)
        }
      }
    }
    return .success
  }

  /// `satisfyPodAffinity`: every required term has a matching pod in the node's domain (the node
  /// must carry every term's key), or — the first pod of a group — no pod matches any term
  /// anywhere and the pod matches all its own terms (`podMatchesAllAffinityTerms`).
  private func satisfiesAffinity(
    _ s: AffinityFilterState, _ pod: PodInfo, _ labels: Labels, _ snapshot: NodeSnapshot
  ) -> Bool {
    var podsExist = true
    for term in s.terms.requiredAffinity {
      guard let v = labels[term.topologyKey] else { return false }
      if s.affinity.count(term.topologyKey, v) <= 0 { podsExist = false }
    }
    if podsExist { return true }
    if !s.affinity.isEmpty { return false }
    let ns = pod.pod.metadata.namespace ?? "default"
    for term in s.terms.requiredAffinity {
      // Upstream passes nil namespace labels here, with the selected namespaces merged.
      if !term.matches(
        namespace: ns, labels: pod.pod.metadata.labels,
        namespaceLabels: snapshot.pods.namespaceLabels[ns])
      {
        return false
      }
    }
    return true
  }

  // MARK: Score

  public func preScore(
    _ state: inout CycleState, _ pod: PodInfo, _ snapshot: NodeSnapshot, feasible: [Int]
  ) -> Status {
    if feasible.isEmpty { return .skip }
    let incoming = pod.pod
    let ns = incoming.metadata.namespace ?? "default"
    let labels = incoming.metadata.labels
    let terms = state.affinityFilter?.terms ?? AffinityTerm.Set(incoming)
    let hasConstraints = !terms.preferredAffinity.isEmpty || !terms.preferredAntiAffinity.isEmpty
    // scoring.go `PreScore`: with the arg set and no preferred terms of its own → Skip.
    if ignorePreferredTermsOfExistingPods && !hasConstraints { return .skip }
    if !hasConstraints && snapshot.pods.totalWithAffinity == 0 { return .skip }
    let live = { (slot: Int) in slot < snapshot.table.count && snapshot.table.isLive[slot] }
    // `processExistingPod`, first half: the incoming pod's preferred terms matched by existing
    // pods (+weight for affinity, −weight for anti-affinity), kept incrementally.
    var score: TopologyCounts = [:]
    if hasConstraints {
      let t = terms.preferredAffinity + terms.preferredAntiAffinity
      let m = terms.preferredAffinity.map(\.weight) + terms.preferredAntiAffinity.map { -$0.weight }
      score = snapshot.pods.counts(
        .incoming(terms: t, multipliers: m),
        key: "pa|" + t.map(\.signature).joined(separator: ";"), live: live)
    }
    // Second half: the existing pods' required affinity (× hardPodAffinityWeight) and, unless
    // ignored, preferred terms matched by the incoming pod.
    if snapshot.pods.totalWithAffinity > 0 {
      let ignore = ignorePreferredTermsOfExistingPods
      let existing = snapshot.pods.counts(
        .existing(
          namespace: ns, labels: labels, mode: 1, hardWeight: hardPodAffinityWeight,
          preferred: !ignore),
        key: "x1|\(hardPodAffinityWeight)|\(ignore)|\(ns)|\(labels.keyText)", live: live)
      for (k, values) in existing {
        for (v, n) in values { score.bump(k, v, by: n) }
      }
    }
    // scoring.go: an empty topologyScore → Skip.
    if score.isEmpty { return .skip }
    state.affinityScore = score
    return .success
  }

  /// scoring.go `Score`: Σ over the keys the node has of `topologyScore[key][value]`.
  public func score(_ state: CycleState, _ pod: PodInfo, _ snapshot: NodeSnapshot, slot: Int)
    -> Int64
  {
    guard let ts = state.affinityScore else { return 0 }
    let labels = snapshot.pods.labels(slot)
    var s: Int64 = 0
    for (k, values) in ts {
      if let v = labels[k] { s += values[v] ?? 0 }
    }
    return s
  }

  public var normalizes: Bool { true }

  /// scoring.go `NormalizeScore`: `int64(100 · ((s − min) / (max − min)))` in float64, 0 when
  /// max == min; unchanged when there was no topology score.
  public func normalize(_ state: CycleState, _ pod: PodInfo, _ scores: inout [Int64]) {
    guard state.affinityScore != nil, !scores.isEmpty else { return }
    var lo = Int64.max
    var hi = Int64.min
    for s in scores {
      if s < lo { lo = s }
      if s > hi { hi = s }
    }
    let diff = hi - lo
    for i in scores.indices {
      var f = 0.0
      if diff > 0 { f = Double(NodeScore.max) * (Double(scores[i] - lo) / Double(diff)) }
      scores[i] = Int64(f)
    }
  }
}
