import KubeSimModel

/// Which pods keep a node from being scaled down, and which need not move.
///
/// Upstream: cluster-autoscaler `simulator/drainability/rules/` and `utils/drain/drain.go`
/// (`BlockingPodReason`), with the default flags `--skip-nodes-with-system-pods=true` and
/// `--skip-nodes-with-custom-controller-pods=true` and `--skip-nodes-with-local-storage=true`.
public enum Drainability {
  /// `cluster-autoscaler.kubernetes.io/safe-to-evict`: "false" pins the pod, "true" lets it
  /// move despite the other rules (not despite its PodDisruptionBudget).
  public static let safeToEvictAnnotation = "cluster-autoscaler.kubernetes.io/safe-to-evict"

  /// `cluster-autoscaler.kubernetes.io/safe-to-evict-local-volumes`: comma-separated names of
  /// local volumes that do not block the pod's eviction.
  public static let safeToEvictLocalVolumesAnnotation =
    "cluster-autoscaler.kubernetes.io/safe-to-evict-local-volumes"

  /// drain.go `isLocalVolume`: a hostPath, or an emptyDir whose medium is not Memory.
  public static func isLocal(_ v: Volume) -> Bool {
    v.hostPath != nil || (v.emptyDir != nil && v.emptyDir?.medium != "Memory")
  }

  /// What to do with one pod of a node that would be removed.
  public enum Verdict: Equatable, Sendable {
    /// The pod need not move (a DaemonSet or mirror pod, or one already finishing).
    case skip
    /// The pod must be rescheduled elsewhere.
    case move
    /// The pod blocks the node's removal; the message is upstream's reason.
    case blocked(String)
  }

  /// rules/daemonset and rules/mirror: DaemonSet and static (mirror) pods are not moved, and
  /// a drained node is deleted without waiting for them.
  public static func isDaemonSetOrMirror(_ pod: Pod) -> Bool {
    if pod.metadata.annotations["kubernetes.io/config.mirror"] != nil { return true }
    return pod.metadata.ownerReferences.contains { $0.controller == true && $0.kind == "DaemonSet" }
  }

  /// The verdict for `pod`; `budgets` are the PodDisruptionBudgets of its namespace with the
  /// disruptions still allowed in this loop (decremented by the caller when the pod moves).
  public static func verdict(_ pod: Pod, budgets: [(pdb: PodDisruptionBudget, allowed: Int32)])
    -> Verdict
  {
    let meta = pod.metadata
    let name = "\(meta.namespace ?? "default")/\(meta.name)"
    if pod.status.phase == .succeeded || pod.status.phase == .failed
      || meta.deletionTimestamp != nil
    {
      return .skip
    }
    if isDaemonSetOrMirror(pod) { return .skip }
    let owner = meta.ownerReferences.first { $0.controller == true }
    let matching = budgets.filter { b in
      guard let s = b.pdb.spec.selector, !(s.matchLabels.isEmpty && s.matchExpressions.isEmpty)
      else { return false }
      return s.matches(meta.labels)
    }
    // rules/pdb: "not enough pod disruption budget to move %s/%s".
    if matching.contains(where: { $0.allowed < 1 }) {
      return .blocked("not enough pod disruption budget to move \(name)")
    }
    let safe = meta.annotations[safeToEvictAnnotation]
    if safe == "true" { return .move }
    // rules/notsafetoevict: "pod annotated as not safe to evict present: %s".
    if safe == "false" {
      return .blocked("pod annotated as not safe to evict present: \(meta.name)")
    }
    // rules/replicated (drain.go): "%s/%s is not replicated".
    if owner == nil { return .blocked("\(name) is not replicated") }
    // rules/localstorage: "pod with local storage present: %s" (hostPath, or emptyDir not in
    // memory), unless `safe-to-evict-local-volumes` lists every such volume.
    let nonBlocking = Set(
      (meta.annotations[safeToEvictLocalVolumesAnnotation] ?? "").split(separator: ",").map(
        String.init))
    if pod.spec.volumes.contains(where: { isLocal($0) && !nonBlocking.contains($0.name) }) {
      return .blocked("pod with local storage present: \(meta.name)")
    }
    // rules/system: "non-daemonset, non-mirrored, non-pdb-assigned kube-system pod present: %s".
    if meta.namespace == "kube-system" && matching.isEmpty {
      return .blocked(
        "non-daemonset, non-mirrored, non-pdb-assigned kube-system pod present: \(meta.name)")
    }
    return .move
  }
}
