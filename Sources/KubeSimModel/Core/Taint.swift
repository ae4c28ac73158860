import KubeSimKernel
import KubeSimYAML

/// A node taint (`v1.Taint`).
public struct Taint: Sendable, Equatable {
  /// The key.
  public var key: String
  /// The value.
  public var value: String?
  /// NoSchedule, PreferNoSchedule or NoExecute.
  public var effect: TaintEffect
  /// When a NoExecute taint was added.
  public var timeAdded: SimTime?

  /// Creates a `Taint`; every parameter defaults to its unset value.
  public init(
    key: String = "",
    value: String? = nil,
    effect: TaintEffect = .noSchedule,
    timeAdded: SimTime? = nil
  ) {
    self.key = key
    self.value = value
    self.effect = effect
    self.timeAdded = timeAdded
  }
}

/// A taint effect (`v1.TaintEffect`).
public enum TaintEffect: String, Sendable, Hashable, CaseIterable {
  /// `NoSchedule`.
  case noSchedule = "NoSchedule"
  /// `PreferNoSchedule`.
  case preferNoSchedule = "PreferNoSchedule"
  /// `NoExecute`.
  case noExecute = "NoExecute"
}
