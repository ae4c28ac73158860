/// The type of a Kubernetes Event.
///
/// Upstream: `k8s.io/api/core/v1/types.go` (`EventTypeNormal`, `EventTypeWarning`).
public enum EventType: String, Sendable, Hashable {
  case normal = "Normal"
  case warning = "Warning"
}
