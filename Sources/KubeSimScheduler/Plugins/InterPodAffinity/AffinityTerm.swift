import KubeSimModel

/// A pod (anti-)affinity term as the scheduler evaluates it (upstream `framework.AffinityTerm`,
/// pkg/scheduler/framework/types.go `newAffinityTerm`, v1.35).
public struct AffinityTerm: Sendable {
  public var topologyKey: String
  /// Namespaces named by the term; the owning pod's own when the term names none and has no
  /// namespaceSelector (`getNamespacesFromPodAffinityTerm`).
  public var namespaces: [String]
  /// `namespaceSelector`; nil matches no namespace, `{}` every namespace.
  public var namespaceSelector: LabelSelector?
  /// `labelSelector` with `matchLabelKeys` (key In value) and `mismatchLabelKeys` (key NotIn
  /// value) merged from the owning pod's labels, as the API server does at admission
  /// (pkg/registry/core/pod/strategy.go, MatchLabelKeysInPodAffinity); nil matches nothing.
  public var selector: LabelSelector?
  /// The term's weight (preferred terms), 0 for required ones.
  public var weight: Int64

  public init(_ t: PodAffinityTerm, owner namespace: String, ownerLabels: Labels, weight: Int64 = 0)
  {
    topologyKey = t.topologyKey
    namespaces = t.namespaces
    if t.namespaces.isEmpty && t.namespaceSelector == nil { namespaces = [namespace] }
    namespaceSelector = t.namespaceSelector
    var sel = t.labelSelector
    if sel != nil {
      for k in t.matchLabelKeys {
        if let v = ownerLabels[k] {
          sel?.matchExpressions.append(LabelSelectorRequirement(key: k, operator: .in, values: [v]))
        }
      }
      for k in t.mismatchLabelKeys {
        if let v = ownerLabels[k] {
          sel?.matchExpressions.append(
            LabelSelectorRequirement(key: k, operator: .notIn, values: [v]))
        }
      }
    }
    selector = sel
    self.weight = weight
  }

  /// Upstream `AffinityTerm.Matches(pod, nsLabels)`: the pod's namespace is named by the term or
  /// selected by its namespaceSelector (evaluated on that namespace's labels; upstream merges the
  /// incoming pod's selected namespaces into the set, which is the same), and its labels match.
  @inline(__always)
  public func matches(namespace: String, labels: Labels, namespaceLabels: Labels?) -> Bool {
    var nsOK = namespaces.contains(namespace)
    if !nsOK, let nsSel = namespaceSelector {
      nsOK = nsSel.isEmpty || nsSel.matches(namespaceLabels ?? Labels())
    }
    guard nsOK, let sel = selector else { return false }
    return sel.matches(labels)
  }

  /// The required and preferred terms of a pod's affinity and anti-affinity.
  public struct Set: Sendable {
    public var requiredAffinity: [AffinityTerm] = []
    public var requiredAntiAffinity: [AffinityTerm] = []
    public var preferredAffinity: [AffinityTerm] = []
    public var preferredAntiAffinity: [AffinityTerm] = []

    public init(
      namespace: String, labels: Labels, affinity: PodAffinity?, antiAffinity: PodAntiAffinity?
    ) {
      let mk = { (t: PodAffinityTerm, w: Int32) in
        AffinityTerm(t, owner: namespace, ownerLabels: labels, weight: Int64(w))
      }
      requiredAffinity = (affinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []).map {
        mk($0, 0)
      }
      requiredAntiAffinity = (antiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? [])
        .map { mk($0, 0) }
      preferredAffinity = (affinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []).map {
        mk($0.podAffinityTerm, $0.weight)
      }
      preferredAntiAffinity = (antiAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [])
        .map { mk($0.podAffinityTerm, $0.weight) }
    }

    /// No term at all.
    public var isEmpty: Bool {
      requiredAffinity.isEmpty && requiredAntiAffinity.isEmpty && preferredAffinity.isEmpty
        && preferredAntiAffinity.isEmpty
    }

    public init(_ pod: Pod) {
      self.init(
        namespace: pod.metadata.namespace ?? "default", labels: pod.metadata.labels,
        affinity: pod.spec.affinity?.podAffinity, antiAffinity: pod.spec.affinity?.podAntiAffinity)
    }
  }
}

/// Counts per topology pair: key → value → count (upstream `topologyToMatchedTermCount`).
public typealias TopologyCounts = [String: [String: Int64]]

extension Dictionary where Key == String, Value == [String: Int64] {
  /// Adds `n` to a pair; a pair that reaches 0 is removed (so an empty map means no pair, as
  /// upstream's maps, which only ever grow within a cycle).
  @inline(__always)
  mutating func bump(_ key: String, _ value: String, by n: Int64) {
    if n == 0 { return }
    self[key, default: [:]][value, default: 0] += n
    if self[key]?[value] == 0 {
      self[key]?[value] = nil
      if self[key]?.isEmpty == true { self[key] = nil }
    }
  }
  @inline(__always)
  func count(_ key: String, _ value: String) -> Int64 { self[key]?[value] ?? 0 }
}
