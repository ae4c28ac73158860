/// Scheduling constraints (`v1.Affinity`).
public struct Affinity: Sendable, Equatable {
  /// Node affinity.
  public var nodeAffinity: NodeAffinity?
  /// Pod affinity.
  public var podAffinity: PodAffinity?
  /// Pod anti-affinity.
  public var podAntiAffinity: PodAntiAffinity?

  /// Creates a `Affinity`; every parameter defaults to its unset value.
  public init(
    nodeAffinity: NodeAffinity? = nil,
    podAffinity: PodAffinity? = nil,
    podAntiAffinity: PodAntiAffinity? = nil
  ) {
    self.nodeAffinity = nodeAffinity
    self.podAffinity = podAffinity
    self.podAntiAffinity = podAntiAffinity
  }
}

/// Node affinity (`v1.NodeAffinity`).
public struct NodeAffinity: Sendable, Equatable {
  /// Hard requirement.
  public var requiredDuringSchedulingIgnoredDuringExecution: NodeSelector?
  /// Soft preferences.
  public var preferredDuringSchedulingIgnoredDuringExecution: [PreferredSchedulingTerm]

  /// Creates a `NodeAffinity`; every parameter defaults to its unset value.
  public init(
    requiredDuringSchedulingIgnoredDuringExecution: NodeSelector? = nil,
    preferredDuringSchedulingIgnoredDuringExecution: [PreferredSchedulingTerm] = []
  ) {
    self.requiredDuringSchedulingIgnoredDuringExecution = requiredDuringSchedulingIgnoredDuringExecution
    self.preferredDuringSchedulingIgnoredDuringExecution = preferredDuringSchedulingIgnoredDuringExecution
  }
}

/// Terms ORed together (`v1.NodeSelector`).
public struct NodeSelector: Sendable, Equatable {
  /// The terms.
  public var nodeSelectorTerms: [NodeSelectorTerm]

  /// Creates a `NodeSelector`; every parameter defaults to its unset value.
  public init(
    nodeSelectorTerms: [NodeSelectorTerm] = []
  ) {
    self.nodeSelectorTerms = nodeSelectorTerms
  }
}

/// Requirements ANDed together (`v1.NodeSelectorTerm`); an empty term matches nothing.
public struct NodeSelectorTerm: Sendable, Equatable {
  /// Over node labels.
  public var matchExpressions: [NodeSelectorRequirement]
  /// Over node fields (only `metadata.name`).
  public var matchFields: [NodeSelectorRequirement]

  /// Creates a `NodeSelectorTerm`; every parameter defaults to its unset value.
  public init(
    matchExpressions: [NodeSelectorRequirement] = [],
    matchFields: [NodeSelectorRequirement] = []
  ) {
    self.matchExpressions = matchExpressions
    self.matchFields = matchFields
  }
}

/// A node selector requirement (`v1.NodeSelectorRequirement`).
public struct NodeSelectorRequirement: Sendable, Equatable {
  /// The label key or field name.
  public var key: String
  /// The relation.
  public var `operator`: NodeSelectorOperator
  /// The values.
  public var values: [String]

  /// Creates a `NodeSelectorRequirement`; every parameter defaults to its unset value.
  public init(
    key: String = "",
    `operator`: NodeSelectorOperator = .in,
    values: [String] = []
  ) {
    self.key = key
    self.operator = `operator`
    self.values = values
  }
}

/// Node selector operators (`v1.NodeSelectorOperator`).
public enum NodeSelectorOperator: String, Sendable, Hashable, CaseIterable {
  /// `In`.
  case `in` = "In"
  /// `NotIn`.
  case notIn = "NotIn"
  /// `Exists`.
  case exists = "Exists"
  /// `DoesNotExist`.
  case doesNotExist = "DoesNotExist"
  /// `Gt`.
  case gt = "Gt"
  /// `Lt`.
  case lt = "Lt"
}

/// A weighted node selector term.
public struct PreferredSchedulingTerm: Sendable, Equatable {
  /// 1..100.
  public var weight: Int32
  /// The term.
  public var preference: NodeSelectorTerm

  /// Creates a `PreferredSchedulingTerm`; every parameter defaults to its unset value.
  public init(
    weight: Int32 = 0,
    preference: NodeSelectorTerm = NodeSelectorTerm()
  ) {
    self.weight = weight
    self.preference = preference
  }
}

/// Pod affinity (`v1.PodAffinity`).
public struct PodAffinity: Sendable, Equatable {
  /// Hard terms.
  public var requiredDuringSchedulingIgnoredDuringExecution: [PodAffinityTerm]
  /// Soft terms.
  public var preferredDuringSchedulingIgnoredDuringExecution: [WeightedPodAffinityTerm]

  /// Creates a `PodAffinity`; every parameter defaults to its unset value.
  public init(
    requiredDuringSchedulingIgnoredDuringExecution: [PodAffinityTerm] = [],
    preferredDuringSchedulingIgnoredDuringExecution: [WeightedPodAffinityTerm] = []
  ) {
    self.requiredDuringSchedulingIgnoredDuringExecution = requiredDuringSchedulingIgnoredDuringExecution
    self.preferredDuringSchedulingIgnoredDuringExecution = preferredDuringSchedulingIgnoredDuringExecution
  }
}

/// Pod anti-affinity (`v1.PodAntiAffinity`).
public struct PodAntiAffinity: Sendable, Equatable {
  /// Hard terms.
  public var requiredDuringSchedulingIgnoredDuringExecution: [PodAffinityTerm]
  /// Soft terms.
  public var preferredDuringSchedulingIgnoredDuringExecution: [WeightedPodAffinityTerm]

  /// Creates a `PodAntiAffinity`; every parameter defaults to its unset value.
  public init(
    requiredDuringSchedulingIgnoredDuringExecution: [PodAffinityTerm] = [],
    preferredDuringSchedulingIgnoredDuringExecution: [WeightedPodAffinityTerm] = []
  ) {
    self.requiredDuringSchedulingIgnoredDuringExecution = requiredDuringSchedulingIgnoredDuringExecution
    self.preferredDuringSchedulingIgnoredDuringExecution = preferredDuringSchedulingIgnoredDuringExecution
  }
}

/// Pods (selected by labels and namespaces) in the same topology domain (`v1.PodAffinityTerm`).
public struct PodAffinityTerm: Sendable, Equatable {
  /// The pods.
  public var labelSelector: LabelSelector?
  /// Namespaces (empty: the pod's own, unless namespaceSelector is set).
  public var namespaces: [String]
  /// The node label defining domains.
  public var topologyKey: String
  /// Namespaces by label.
  public var namespaceSelector: LabelSelector?
  /// Keys whose values from the incoming pod are added to the selector.
  public var matchLabelKeys: [String]
  /// Keys whose values must differ.
  public var mismatchLabelKeys: [String]

  /// Creates a `PodAffinityTerm`; every parameter defaults to its unset value.
  public init(
    labelSelector: LabelSelector? = nil,
    namespaces: [String] = [],
    topologyKey: String = "",
    namespaceSelector: LabelSelector? = nil,
    matchLabelKeys: [String] = [],
    mismatchLabelKeys: [String] = []
  ) {
    self.labelSelector = labelSelector
    self.namespaces = namespaces
    self.topologyKey = topologyKey
    self.namespaceSelector = namespaceSelector
    self.matchLabelKeys = matchLabelKeys
    self.mismatchLabelKeys = mismatchLabelKeys
  }
}

/// A weighted pod affinity term.
public struct WeightedPodAffinityTerm: Sendable, Equatable {
  /// 1..100.
  public var weight: Int32
  /// The term.
  public var podAffinityTerm: PodAffinityTerm

  /// Creates a `WeightedPodAffinityTerm`; every parameter defaults to its unset value.
  public init(
    weight: Int32 = 0,
    podAffinityTerm: PodAffinityTerm = PodAffinityTerm()
  ) {
    self.weight = weight
    self.podAffinityTerm = podAffinityTerm
  }
}
