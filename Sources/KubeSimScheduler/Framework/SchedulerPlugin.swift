/// A scheduling framework plugin (upstream `fwk.Plugin`, k8s.io/kube-scheduler/framework).
///
/// Each extension point is a protocol refining this one. Plugins are values or classes held by a
/// `Profile`; they read the pod through `PodInfo` and nodes through the `NodeSnapshot`, and keep
/// per-cycle data in `CycleState`.
public protocol SchedulerPlugin {
  /// The upstream plugin name (`names.go`), e.g. "NodeResourcesFit".
  var name: String { get }
}

/// PreFilter (upstream `PreFilterPlugin`): runs once per cycle before any Filter.
/// Returning `.skip` skips this plugin's Filter for the cycle; a rejection ends the cycle.
public protocol PreFilterPlugin: SchedulerPlugin {
  func preFilter(_ state: inout CycleState, _ pod: PodInfo, _ snapshot: NodeSnapshot) -> Status
}

/// PreScore (upstream `PreScorePlugin`): runs once per cycle over the feasible nodes (in
/// visiting order) before Score. Returning `.skip` drops this plugin's Score for the cycle.
public protocol PreScorePlugin: SchedulerPlugin {
  func preScore(
    _ state: inout CycleState, _ pod: PodInfo, _ snapshot: NodeSnapshot, feasible: [Int]
  ) -> Status
}

/// Filter (upstream `FilterPlugin`): may this pod run on the node in `slot`?
public protocol FilterPlugin: SchedulerPlugin {
  func filter(_ state: CycleState, _ pod: PodInfo, _ snapshot: NodeSnapshot, slot: Int) -> Status
}

/// Score (upstream `ScorePlugin` with its optional `ScoreExtensions.NormalizeScore`).
public protocol ScorePlugin: SchedulerPlugin {
  /// The raw score of the node in `slot`, in 0...100 unless `normalize` maps it there.
  func score(_ state: CycleState, _ pod: PodInfo, _ snapshot: NodeSnapshot, slot: Int) -> Int64
  /// Whether `normalize` must run (upstream: the plugin has ScoreExtensions).
  var normalizes: Bool { get }
  /// Normalizes raw scores in place (feasible nodes, in visiting order).
  func normalize(_ state: CycleState, _ pod: PodInfo, _ scores: inout [Int64])
}

extension ScorePlugin {
  public var normalizes: Bool { false }
  public func normalize(_ state: CycleState, _ pod: PodInfo, _ scores: inout [Int64]) {}
}

/// Upstream `fwk.MaxNodeScore` / `fwk.MinNodeScore` (k8s.io/kube-scheduler/framework).
public enum NodeScore {
  public static let max: Int64 = 100
  public static let min: Int64 = 0
}
