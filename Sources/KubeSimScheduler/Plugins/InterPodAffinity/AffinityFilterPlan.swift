import KubeSimModel

/// InterPodAffinity's Filter verdict resolved once per cycle, for the scheduling cycle's fast
/// pass (no explanation recorded).
///
/// `InterPodAffinity.filter` reads the PreFilter state out of `CycleState` and walks the
/// two-level topology maps for every node. The plan takes the state apart once: per term, the
/// inner map of its topology key; the "first pod of a group" fallback of `satisfiesAffinity`,
/// which does not depend on the node, as one flag. `rejection` then gives the same status as the
/// plugin's Filter for a node's labels (`SchedulingFastPathTests` checks it against the
/// explained path).
struct AffinityFilterPlan {
  /// One required term's topology key and the counts of its key's values (empty when none).
  struct Term {
    var key: String
    var counts: [String: Int64]
  }
  /// The incoming pod's required affinity terms, in order.
  var affinity: [Term] = []
  /// Whether any existing pod matched an affinity term (`!state.affinity.isEmpty`).
  var affinityHasCounts = false
  /// The fallback when no pod matches: the pod matches all its own affinity terms.
  var affinityFallback = false
  /// The incoming pod's required anti-affinity terms whose key has counts.
  var antiAffinity: [Term] = []
  /// The existing pods' anti-affinity counts, by topology key.
  var existingAntiAffinity: [Term] = []

  /// The plan for this cycle; nil when InterPodAffinity's PreFilter left no state (every node
  /// passes).
  init?(_ state: CycleState, _ pod: PodInfo, _ snapshot: NodeSnapshot) {
    guard let s = state.affinityFilter else { return nil }
    affinity = s.terms.requiredAffinity.map {
      Term(key: $0.topologyKey, counts: s.affinity[$0.topologyKey] ?? [:])
    }
    affinityHasCounts = !s.affinity.isEmpty
    if !affinityHasCounts {
      let ns = pod.pod.metadata.namespace ?? "default"
      affinityFallback = s.terms.requiredAffinity.allSatisfy {
        $0.matches(
          namespace: ns, labels: pod.pod.metadata.labels,
          namespaceLabels: snapshot.pods.namespaceLabels[ns])
      }
    }
    if !s.antiAffinity.isEmpty {
      for t in s.terms.requiredAntiAffinity {
        if let c = s.antiAffinity[t.topologyKey] {
          antiAffinity.append(Term(key: t.topologyKey, counts: c))
        }
      }
    }
    // Sorted by key so the plan's shape does not depend on hash order (only a yes/no results).
    for k in s.existingAntiAffinity.keys.sorted() {
      existingAntiAffinity.append(Term(key: k, counts: s.existingAntiAffinity[k] ?? [:]))
    }
  }

  /// InterPodAffinity's Filter status for a node with `labels`: nil when it accepts, else the
  /// plugin's own rejection (affinity first, then the pod's anti-affinity, then the existing
  /// pods' anti-affinity, as `InterPodAffinity.filter`).
  func rejection(_ labels: Labels) -> Status? {
    if !affinity.isEmpty {
      // `satisfiesAffinity`.
      var podsExist = true
      var missingKey = false
      for t in affinity {
        guard let v = labels[t.key] else {
          missingKey = true
          break
        }
        if (t.counts[v] ?? 0) <= 0 { podsExist = false }
      }
      if missingKey || (!podsExist && (affinityHasCounts || !affinityFallback)) {
        return Status(
          .unschedulableAndUnresolvable, [InterPodAffinity.reasonAffinity],
          plugin: InterPodAffinity.pluginName)
      }
    }
    for t in antiAffinity {
      if let v = labels[t.key], (t.counts[v] ?? 0) > 0 {
        return Status(
          .unschedulable, [InterPodAffinity.reasonAntiAffinity],
          plugin: InterPodAffinity.pluginName)
      }
    }
    for t in existingAntiAffinity {
      if let v = labels[t.key], (t.counts[v] ?? 0) > 0 {
        return Status(
          .unschedulable, [InterPodAffinity.reasonExistingAntiAffinity],
          plugin: InterPodAffinity.pluginName)
      }
    }
    return nil
  }
}
