import KubeSimModel

/// One topology spread constraint as the plugin evaluates it (upstream `topologySpreadConstraint`,
/// pkg/scheduler/framework/plugins/podtopologyspread/common.go, v1.35).
public struct SpreadConstraint: Sendable {
  public var maxSkew: Int64
  public var topologyKey: String
  /// Upstream `MinDomains` (1 when unset).
  public var minDomains: Int
  /// The selector with `matchLabelKeys` merged in; nil matches nothing
  /// (`metav1.LabelSelectorAsSelector(nil)` is `labels.Nothing()`).
  public var selector: LabelSelector?
  /// `nodeAffinityPolicy` is Honor (the default, common.go `matchNodeInclusionPolicies`).
  public var honorNodeAffinity: Bool
  /// `nodeTaintsPolicy` is Honor (default Ignore).
  public var honorNodeTaints: Bool

  /// Upstream `filterTopologySpreadConstraints`: the pod's constraints with the given action;
  /// each `matchLabelKeys` key the pod carries adds `key In (value)` to the selector.
  public static func of(
    _ pod: Pod, action: UnsatisfiableConstraintAction
  ) -> [SpreadConstraint] {
    pod.spec.topologySpreadConstraints.filter { $0.whenUnsatisfiable == action }.map { c in
      var sel = c.labelSelector
      if sel != nil {
        for k in c.matchLabelKeys {
          if let v = pod.metadata.labels[k] {
            sel?.matchExpressions.append(
              LabelSelectorRequirement(key: k, operator: .in, values: [v]))
          }
        }
      }
      return SpreadConstraint(
        maxSkew: Int64(c.maxSkew), topologyKey: c.topologyKey, minDomains: Int(c.minDomains ?? 1),
        selector: sel, honorNodeAffinity: (c.nodeAffinityPolicy ?? .honor) == .honor,
        honorNodeTaints: (c.nodeTaintsPolicy ?? .ignore) == .honor)
    }
  }

  /// Upstream `countPodsMatchSelector`: pods on the node in `namespace`, not terminating, whose
  /// labels match the selector.
  @inline(__always)
  func count(_ pods: [AssignedPod], namespace: String) -> Int64 {
    guard let sel = selector else { return 0 }
    var n: Int64 = 0
    for p in pods where !p.terminating && p.namespace == namespace && sel.matches(p.labels) {
      n += 1
    }
    return n
  }

  /// Upstream `matchNodeInclusionPolicies`: with Honor, the node must match the pod's required
  /// node affinity / nodeSelector, and must not carry an untolerated NoSchedule/NoExecute taint.
  func includes(_ pod: Pod, node: Node) -> Bool {
    if honorNodeAffinity
      && !pod.spec.requiredNodeAffinityMatches(
        labels: node.metadata.labels, name: node.metadata.name)
    {
      return false
    }
    if honorNodeTaints {
      for t in node.spec.taints where t.effect == .noSchedule || t.effect == .noExecute {
        if !TaintToleration.tolerated(t, by: pod.spec.tolerations) { return false }
      }
    }
    return true
  }

  /// Whether `includes` can reject a node for this pod: a Honor policy with something to honor
  /// (a nodeSelector or required node affinity; any taint policy). When false, the per-node
  /// loops skip reading node objects.
  static func needsNodeObjects(_ pod: Pod, _ cs: [SpreadConstraint]) -> Bool {
    let hasNodeAffinity =
      !pod.spec.nodeSelector.isEmpty
      || pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution != nil
    return cs.contains { ($0.honorNodeAffinity && hasNodeAffinity) || $0.honorNodeTaints }
  }

  /// Upstream `nodeLabelsMatchSpreadConstraints`: the node has every constraint's key.
  static func nodeHasAllKeys(_ labels: Labels, _ cs: [SpreadConstraint]) -> Bool {
    for c in cs where labels[c.topologyKey] == nil { return false }
    return true
  }
}
