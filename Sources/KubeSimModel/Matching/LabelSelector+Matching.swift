extension LabelSelector {
  /// True when `labels` satisfy every `matchLabels` pair and every `matchExpressions`
  /// requirement (`metav1.LabelSelectorAsSelector` then `Selector.Matches`,
  /// `k8s.io/apimachinery/pkg/apis/meta/v1/helpers.go`, `pkg/labels/selector.go`).
  ///
  /// An empty selector matches everything; callers holding an optional selector decide what
  /// nil means (upstream: nothing, for most workloads). A requirement that upstream would reject
  /// (In/NotIn without values, Exists/DoesNotExist with values) makes the selector match nothing,
  /// as the conversion error does upstream.
  public func matches(_ labels: StringMap) -> Bool {
    for e in matchLabels.entries where labels[e.key] != e.value { return false }
    for r in matchExpressions where !r.matches(labels) { return false }
    return true
  }

  /// True when the selector selects everything (no labels, no expressions).
  public var isEmpty: Bool { matchLabels.isEmpty && matchExpressions.isEmpty }
}

extension LabelSelectorRequirement {
  /// Whether `labels` satisfy this requirement (`labels.Requirement.Matches`).
  public func matches(_ labels: StringMap) -> Bool {
    let v = labels[key]
    switch self.operator {
    case .in:
      guard !values.isEmpty, let v else { return false }
      return values.contains(v)
    case .notIn:
      guard !values.isEmpty else { return false }
      guard let v else { return true }
      return !values.contains(v)
    case .exists: return values.isEmpty && v != nil
    case .doesNotExist: return values.isEmpty && v == nil
    }
  }
}
