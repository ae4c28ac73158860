/// A taint effect (k8s.io/api/core/v1 `TaintEffect`).
public enum TaintEffectName: String, Sendable, Equatable, CaseIterable {
  case noSchedule = "NoSchedule"
  case preferNoSchedule = "PreferNoSchedule"
  case noExecute = "NoExecute"
}
