import KubeSimKernel
import KubeSimModel

extension APIServer {
  /// The Eviction API (`pods/eviction`), as `kubectl drain` uses it: deletes the pod
  /// gracefully unless its PodDisruptionBudget forbids it.
  ///
  /// Upstream: pkg/registry/core/pod/storage/eviction.go. A pod that is Pending, Succeeded,
  /// Failed or already terminating is deleted without a budget check. More than one matching
  /// budget is an InternalError; with one, the eviction is refused with TooManyRequests
  /// (`Cannot evict pod as it would violate the pod's disruption budget.`) unless
  /// `currentHealthy − desiredHealthy > 0`, or the pod is not Ready and the
  /// `unhealthyPodEvictionPolicy` allows it (`AlwaysAllow`, or the default `IfHealthyBudget`
  /// with `currentHealthy >= desiredHealthy`).
  ///
  /// KubeSim differs: the budget's numbers are computed at the eviction from the pods that
  /// match its selector (`expectedPods` = matching non-terminal pods, `currentHealthy` = the
  /// Ready ones not terminating, `desiredHealthy` from minAvailable — a percentage rounded up —
  /// or expected − maxUnavailable), as the disruption controller would, instead of read from
  /// `status` (no disruption controller yet); `disruptedPods` is not tracked, and
  /// `gracePeriodSeconds` is passed to the delete.
  @discardableResult
  public func evict(_ namespace: String, _ name: String, gracePeriodSeconds: Int64? = nil)
    throws(APIError) -> APIObject
  {
    guard case .pod(let pod)? = get(.pod, namespace, name) else {
      throw .notFound(.pod, name)
    }
    let phase = pod.status.phase ?? .pending
    let exempt =
      phase == .pending || phase == .succeeded || phase == .failed
      || pod.metadata.deletionTimestamp != nil
    if !exempt {
      let budgets = list(.podDisruptionBudget, namespace: namespace).compactMap {
        object -> PodDisruptionBudget? in
        guard case .podDisruptionBudget(let pdb) = object, let selector = pdb.spec.selector,
          !(selector.matchLabels.isEmpty && selector.matchExpressions.isEmpty),
          selector.matches(pod.metadata.labels)
        else { return nil }
        return pdb
      }
      if budgets.count > 1 {
        throw APIError(
          .internalError,
          "Internal error occurred: This pod has more than one PodDisruptionBudget, which the "
            + "eviction subresource does not support.")
      }
      if let pdb = budgets.first {
        let (current, desired) = budgetHealth(pdb, namespace: namespace)
        let ready = Self.isReady(pod)
        let policy = pdb.spec.unhealthyPodEvictionPolicy ?? "IfHealthyBudget"
        let unhealthyAllowed =
          !ready && (policy == "AlwaysAllow" || (policy == "IfHealthyBudget" && current >= desired))
        if current - desired <= 0 && !unhealthyAllowed {
          throw APIError(
            .tooManyRequests, "Cannot evict pod as it would violate the pod's disruption budget.")
        }
      }
    }
    return try delete(.pod, namespace, name, gracePeriodSeconds: gracePeriodSeconds)
  }

  /// (currentHealthy, desiredHealthy) of a budget, as the disruption controller computes them
  /// (pkg/controller/disruption/disruption.go `getExpectedPodCount`, `countHealthyPods`).
  func budgetHealth(_ pdb: PodDisruptionBudget, namespace: String) -> (Int, Int) {
    guard let selector = pdb.spec.selector else { return (0, 0) }
    var expected = 0
    var healthy = 0
    for case .pod(let p) in list(.pod, namespace: namespace)
    where !p.isTerminal && selector.matches(p.metadata.labels) {
      expected += 1
      if p.metadata.deletionTimestamp == nil && Self.isReady(p) { healthy += 1 }
    }
    var desired = 0
    if let min = pdb.spec.minAvailable {
      desired = min.scaledValue(total: expected, roundUp: true) ?? expected
    } else if let maxU = pdb.spec.maxUnavailable {
      desired = max(0, expected - (maxU.scaledValue(total: expected, roundUp: true) ?? 0))
    }
    return (healthy, desired)
  }

  static func isReady(_ pod: Pod) -> Bool {
    pod.status.conditions.contains { $0.type == "Ready" && $0.status == .true }
  }
}
