import KubeSimKernel
import KubeSimModel

extension APIServer {
  /// The Eviction API (`pods/eviction`), as `kubectl drain` uses it: deletes the pod
  /// gracefully unless its PodDisruptionBudget forbids it.
  ///
  /// Upstream: pkg/registry/core/pod/storage/eviction.go (`Create`, `checkAndDecrement`).
  /// - A pod that is Pending, Succeeded, Failed or already terminating is deleted without a
  ///   budget check. More than one matching budget is an InternalError; none, a plain delete.
  /// - With one budget, read from its status (written by the disruption controller): a budget
  ///   whose `observedGeneration` is behind its generation refuses (429); a not-Ready pod is
  ///   evicted without using the budget when `unhealthyPodEvictionPolicy` is `AlwaysAllow`, or
  ///   the default `IfHealthyBudget` with `currentHealthy >= desiredHealthy > 0`
  ///   (`canIgnorePDB`); otherwise `disruptionsAllowed == 0` refuses with TooManyRequests
  ///   "Cannot evict pod as it would violate the pod's disruption budget.", and a positive
  ///   value is decremented and the pod recorded in `status.disruptedPods` (one status write)
  ///   before the delete.
  /// - The pod gets the `DisruptionTarget` condition (reason `EvictionByEvictionAPI`,
  ///   "Eviction API: evicting") before it is deleted (`addConditionAndDeletePod`).
  ///
  /// KubeSim differs: a budget that no disruption controller has processed yet
  /// (`observedGeneration` unset) is computed at the eviction from the matching pods, as the
  /// controller would (`budgetHealth`), instead of refusing until it is processed.
  @discardableResult
  public func evict(_ namespace: String, _ name: String, gracePeriodSeconds: Int64? = nil)
    throws(APIError) -> APIObject
  {
    try checkAvailable()
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
        try checkAndDecrement(pdb, pod: pod, namespace: namespace)
      }
    }
    if !pod.isTerminal && pod.metadata.deletionTimestamp == nil {
      var marked = pod
      marked.status.conditions.removeAll { $0.type == "DisruptionTarget" }
      marked.status.conditions.append(
        PodCondition(
          type: "DisruptionTarget", status: .true, lastTransitionTime: now,
          reason: "EvictionByEvictionAPI", message: "Eviction API: evicting"))
      _ = try? updateStatus(.pod(marked))
    }
    return try delete(.pod, namespace, name, gracePeriodSeconds: gracePeriodSeconds)
  }

  /// The budget check of one eviction (eviction.go `checkAndDecrement`, `canIgnorePDB`).
  private func checkAndDecrement(_ pdb: PodDisruptionBudget, pod: Pod, namespace: String)
    throws(APIError)
  {
    let refused = APIError(
      .tooManyRequests, "Cannot evict pod as it would violate the pod's disruption budget.")
    let ready = Self.isReady(pod)
    let policy = pdb.spec.unhealthyPodEvictionPolicy ?? "IfHealthyBudget"
    guard let observed = pdb.status.observedGeneration else {
      let (current, desired) = budgetHealth(pdb, namespace: namespace)
      let unhealthyAllowed =
        !ready && (policy == "AlwaysAllow" || (policy == "IfHealthyBudget" && current >= desired))
      if current - desired <= 0 && !unhealthyAllowed { throw refused }
      return
    }
    if observed < pdb.metadata.generation { throw refused }
    let s = pdb.status
    if !ready
      && (policy == "AlwaysAllow"
        || (policy == "IfHealthyBudget" && s.currentHealthy >= s.desiredHealthy
          && s.desiredHealthy > 0))
    {
      return
    }
    if s.disruptionsAllowed < 0 {
      throw APIError(.forbidden, "pdb disruptions allowed is negative")
    }
    if s.disruptionsAllowed == 0 { throw refused }
    var updated = pdb
    updated.status.disruptionsAllowed -= 1
    updated.status.disruptedPods.removeAll { $0.name == pod.metadata.name }
    updated.status.disruptedPods.append((pod.metadata.name, now))
    updated.status.disruptedPods.sort { $0.name < $1.name }
    _ = try updateStatus(.podDisruptionBudget(updated))
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
