/// How to spread matching pods over topology domains (`v1.TopologySpreadConstraint`).
public struct TopologySpreadConstraint: Sendable, Equatable {
  /// The allowed difference between domains.
  public var maxSkew: Int32
  /// The node label defining domains.
  public var topologyKey: String
  /// DoNotSchedule or ScheduleAnyway.
  public var whenUnsatisfiable: UnsatisfiableConstraintAction
  /// The pods counted.
  public var labelSelector: LabelSelector?
  /// Minimum number of eligible domains.
  public var minDomains: Int32?
  /// Honor or Ignore node affinity when counting.
  public var nodeAffinityPolicy: NodeInclusionPolicy?
  /// Honor or Ignore taints when counting.
  public var nodeTaintsPolicy: NodeInclusionPolicy?
  /// Keys whose values from the incoming pod narrow the selector.
  public var matchLabelKeys: [String]

  /// Creates a `TopologySpreadConstraint`; every parameter defaults to its unset value.
  public init(
    maxSkew: Int32 = 0,
    topologyKey: String = "",
    whenUnsatisfiable: UnsatisfiableConstraintAction = .doNotSchedule,
    labelSelector: LabelSelector? = nil,
    minDomains: Int32? = nil,
    nodeAffinityPolicy: NodeInclusionPolicy? = nil,
    nodeTaintsPolicy: NodeInclusionPolicy? = nil,
    matchLabelKeys: [String] = []
  ) {
    self.maxSkew = maxSkew
    self.topologyKey = topologyKey
    self.whenUnsatisfiable = whenUnsatisfiable
    self.labelSelector = labelSelector
    self.minDomains = minDomains
    self.nodeAffinityPolicy = nodeAffinityPolicy
    self.nodeTaintsPolicy = nodeTaintsPolicy
    self.matchLabelKeys = matchLabelKeys
  }
}

/// `v1.UnsatisfiableConstraintAction`.
public enum UnsatisfiableConstraintAction: String, Sendable, Hashable, CaseIterable {
  /// `DoNotSchedule`.
  case doNotSchedule = "DoNotSchedule"
  /// `ScheduleAnyway`.
  case scheduleAnyway = "ScheduleAnyway"
}

/// `v1.NodeInclusionPolicy`.
public enum NodeInclusionPolicy: String, Sendable, Hashable, CaseIterable {
  /// `Ignore`.
  case ignore = "Ignore"
  /// `Honor`.
  case honor = "Honor"
}
