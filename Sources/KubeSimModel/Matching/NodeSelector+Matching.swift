extension NodeSelector {
  /// True when any term matches the node's labels and name (`nodeaffinity.NodeSelector.Match`,
  /// `k8s.io/component-helpers/scheduling/corev1/nodeaffinity/nodeaffinity.go`). No terms: no
  /// match.
  public func matches(labels: StringMap, name: String) -> Bool {
    nodeSelectorTerms.contains { $0.matches(labels: labels, name: name) }
  }
}

extension NodeSelectorTerm {
  /// True when every expression (over labels) and every field requirement (only
  /// `metadata.name`) holds. An empty term, or one with an invalid requirement, matches nothing,
  /// as upstream skips terms whose conversion to a selector fails.
  public func matches(labels: StringMap, name: String) -> Bool {
    if matchExpressions.isEmpty && matchFields.isEmpty { return false }
    for r in matchExpressions where r.matchesLabels(labels) != true { return false }
    for r in matchFields where r.matchesNodeName(name) != true { return false }
    return true
  }
}

extension NodeSelectorRequirement {
  /// Whether the labels satisfy this requirement; nil when the requirement is invalid
  /// (`nodeSelectorRequirementsAsSelector`: In/NotIn need values, Exists/DoesNotExist none,
  /// Gt/Lt exactly one integer; values must be valid label values).
  public func matchesLabels(_ labels: StringMap) -> Bool? {
    let v = labels[key]
    switch self.operator {
    case .in, .notIn:
      guard !values.isEmpty, values.allSatisfy({ LabelSyntax.labelValueError($0) == nil })
      else { return nil }
      if self.operator == .in { return v.map { values.contains($0) } ?? false }
      return v.map { !values.contains($0) } ?? true
    case .exists:
      guard values.isEmpty else { return nil }
      return v != nil
    case .doesNotExist:
      guard values.isEmpty else { return nil }
      return v == nil
    case .gt, .lt:
      guard values.count == 1, let bound = Int64(values[0]) else { return nil }
      guard let v, let n = Int64(v) else { return false }
      return self.operator == .gt ? n > bound : n < bound
    }
  }

  /// Whether a node name satisfies this field requirement; nil when invalid (only
  /// `metadata.name` with In/NotIn and exactly one value, `nodeSelectorRequirementsAsFieldSelector`).
  public func matchesNodeName(_ name: String) -> Bool? {
    guard key == "metadata.name", values.count == 1 else { return nil }
    switch self.operator {
    case .in: return name == values[0]
    case .notIn: return name != values[0]
    default: return nil
    }
  }
}

extension PodSpec {
  /// The NodeAffinity filter's required part: every `nodeSelector` pair is on the node, and the
  /// required node affinity (if any) has a matching term (`nodeaffinity.GetRequiredNodeAffinity`
  /// `.Match`, `pkg/scheduler/framework/plugins/nodeaffinity/node_affinity.go`).
  public func requiredNodeAffinityMatches(labels: StringMap, name: String) -> Bool {
    if !labels.containsAll(nodeSelector) { return false }
    guard let required = affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution
    else { return true }
    return required.matches(labels: labels, name: name)
  }
}
