import KubeSimModel

/// The TaintToleration plugin: filter out nodes with an untolerated NoSchedule/NoExecute taint and
/// prefer nodes with fewer untolerated PreferNoSchedule taints.
///
/// Upstream pkg/scheduler/framework/plugins/tainttoleration/taint_toleration.go (v1.35).
public struct TaintToleration: FilterPlugin, ScorePlugin, Sendable {
  public static let pluginName = "TaintToleration"
  public var name: String { TaintToleration.pluginName }
  public init() {}

  public func filter(_ state: CycleState, _ pod: PodInfo, _ snapshot: NodeSnapshot, slot: Int)
    -> Status
  {
    let taints = snapshot.taints[slot]
    if taints.isEmpty { return .success }
    // `FindMatchingUntoleratedTaint` with `DoNotScheduleTaintsFilterFunc`: the first
    // NoSchedule/NoExecute taint in node order that no toleration tolerates.
    for taint in taints where taint.effect == .noSchedule || taint.effect == .noExecute {
      if !TaintToleration.tolerated(taint, by: pod.pod.spec.tolerations) {
        // taint_toleration.go `Filter`: "node(s) had untolerated taint {%s: %s}".
        return Status(
          .unschedulableAndUnresolvable,
          ["node(s) had untolerated taint {\(taint.key): \(taint.value ?? "")}"], plugin: name)
      }
    }
    return .success
  }

  /// Raw score: the number of PreferNoSchedule taints not tolerated by the pod's tolerations whose
  /// effect is empty or PreferNoSchedule (`countIntolerableTaintsPreferNoSchedule`).
  public func score(_ state: CycleState, _ pod: PodInfo, _ snapshot: NodeSnapshot, slot: Int)
    -> Int64
  {
    let taints = snapshot.taints[slot]
    if taints.isEmpty { return 0 }
    let tolerations = pod.pod.spec.tolerations.filter {
      $0.effect == nil || $0.effect == .preferNoSchedule
    }
    var n: Int64 = 0
    for t in taints where t.effect == .preferNoSchedule {
      if !TaintToleration.tolerated(t, by: tolerations) { n += 1 }
    }
    return n
  }

  public var normalizes: Bool { true }

  /// `helper.DefaultNormalizeScore(MaxNodeScore, true, scores)`.
  public func normalize(_ state: CycleState, _ pod: PodInfo, _ scores: inout [Int64]) {
    DefaultNormalizeScore.apply(&scores, reverse: true)
  }

  /// Upstream `v1helper.TolerationsTolerateTaint`.
  public static func tolerated(_ taint: Taint, by tolerations: [Toleration]) -> Bool {
    tolerations.contains { tolerates($0, taint) }
  }

  /// Upstream `Toleration.ToleratesTaint` (k8s.io/api/core/v1/toleration.go): the effect is empty
  /// or equal, and either `Exists` with an empty key, or equal keys with `Exists`, or equal keys
  /// and values with `Equal` (the default operator).
  public static func tolerates(_ t: Toleration, _ taint: Taint) -> Bool {
    if let e = t.effect, e != taint.effect { return false }
    let key = t.key ?? ""
    if key.isEmpty { return t.operator == .exists }
    if key != taint.key { return false }
    switch t.operator ?? .equal {
    case .exists: return true
    case .equal: return (t.value ?? "") == (taint.value ?? "")
    // Gt/Lt (TaintTolerationComparisonOperators, alpha, off by default): integer comparison of
    // the taint value against the toleration value.
    case .gt, .lt:
      guard let tv = Int64(t.value ?? ""), let v = Int64(taint.value ?? "") else { return false }
      return t.operator == .gt ? v > tv : v < tv
    }
  }
}
