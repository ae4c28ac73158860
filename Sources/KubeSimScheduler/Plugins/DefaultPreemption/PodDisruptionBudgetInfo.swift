import KubeSimModel

/// What preemption reads of a PodDisruptionBudget (upstream `filterPodsWithPDBViolation`,
/// pkg/scheduler/framework/plugins/defaultpreemption/default_preemption.go).
public struct PodDisruptionBudgetInfo: Sendable {
  public var namespace: String
  /// nil or empty matches nothing (upstream: "A PDB with a nil or empty selector matches nothing").
  public var selector: LabelSelector?
  public var disruptionsAllowed: Int32
  /// `status.disruptedPods` names: already being evicted, not counted again.
  public var disruptedPods: [String]

  public init(
    namespace: String, selector: LabelSelector?, disruptionsAllowed: Int32,
    disruptedPods: [String] = []
  ) {
    self.namespace = namespace
    self.selector = selector
    self.disruptionsAllowed = disruptionsAllowed
    self.disruptedPods = disruptedPods
  }

  /// The budget as the scheduler sees it. KubeSim has no disruption controller yet: when the
  /// PDB's status was never written (`observedGeneration` nil), `disruptionsAllowed` is computed
  /// here from the pods the way the disruption controller does (pkg/controller/disruption/
  /// disruption.go `getExpectedPodCount`/`updatePdbStatus`), with the expected count taken as the
  /// number of matching non-terminal pods (upstream: the owning controllers' scale):
  /// `currentHealthy` = matching Ready pods not being deleted; `desiredHealthy` = minAvailable
  /// (percentages rounded up), or expected − maxUnavailable (rounded up), or expected when
  /// neither is set; `disruptionsAllowed = max(0, currentHealthy − desiredHealthy)`.
  public static func from(_ pdb: PodDisruptionBudget, pods: [Pod]) -> PodDisruptionBudgetInfo {
    let ns = pdb.metadata.namespace ?? "default"
    var allowed = pdb.status.disruptionsAllowed
    if pdb.status.observedGeneration == nil {
      var expected: Int32 = 0
      var healthy: Int32 = 0
      if let sel = pdb.spec.selector, !sel.isEmpty {
        for p in pods where (p.metadata.namespace ?? "default") == ns && !p.isTerminalPhase {
          guard sel.matches(p.metadata.labels) else { continue }
          expected += 1
          let ready = p.status.conditions.contains { $0.type == "Ready" && $0.status == .true }
          if ready && p.metadata.deletionTimestamp == nil { healthy += 1 }
        }
      }
      var desired = expected
      if let m = pdb.spec.minAvailable {
        desired = scaled(m, expected)
      } else if let m = pdb.spec.maxUnavailable {
        desired = max(0, expected - scaled(m, expected))
      }
      allowed = max(0, healthy - desired)
    }
    return PodDisruptionBudgetInfo(
      namespace: ns, selector: pdb.spec.selector, disruptionsAllowed: allowed,
      disruptedPods: [])  // KubeSim's PDB status has no disruptedPods (no Eviction API yet).
  }

  /// An int, or a percentage of `total` rounded up (`intstr.GetScaledValueFromIntOrPercent`).
  static func scaled(_ v: IntOrString, _ total: Int32) -> Int32 {
    switch v {
    case .int(let i): return i
    case .string(let s):
      guard s.hasSuffix("%"), let pct = Int64(s.dropLast()) else { return 0 }
      return Int32((pct * Int64(total) + 99) / 100)
    }
  }
}

extension Pod {
  /// Succeeded or Failed.
  fileprivate var isTerminalPhase: Bool { status.phase == .succeeded || status.phase == .failed }
}
