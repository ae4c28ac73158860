import KubeSimModel

/// An error returned by the API server, as a value a timeline action or component can report.
///
/// Codes and message shapes follow `k8s.io/apimachinery/pkg/api/errors/errors.go`
/// (`NewNotFound`, `NewAlreadyExists`, `NewInvalid`, `NewForbidden`, `NewConflict`).
public struct APIError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The `metav1.StatusReason` of the error.
  public enum Code: String, Sendable, Hashable {
    case notFound = "NotFound"
    case alreadyExists = "AlreadyExists"
    case invalid = "Invalid"
    case forbidden = "Forbidden"
    case conflict = "Conflict"
    case badRequest = "BadRequest"
    /// HTTP 429, e.g. an eviction a PodDisruptionBudget blocks.
    case tooManyRequests = "TooManyRequests"
    /// HTTP 500.
    case internalError = "InternalError"
    /// The API server cannot be reached (fault `api-server-outage`).
    case serviceUnavailable = "ServiceUnavailable"
  }

  /// The reason, as `metav1.StatusReason`.
  public var code: Code
  /// The full upstream-style message, e.g. `pods "web-1" not found`.
  public var message: String

  /// An error with a code and its full message.
  public init(_ code: Code, _ message: String) {
    self.code = code
    self.message = message
  }

  public var description: String { message }

  /// `<resource> "<name>" not found` (errors.go `NewNotFound`).
  public static func notFound(_ kind: ObjectKind, _ name: String) -> APIError {
    APIError(.notFound, "\(kind.qualifiedResource) \"\(name)\" not found")
  }

  /// `<resource> "<name>" already exists` (errors.go `NewAlreadyExists`).
  public static func alreadyExists(_ kind: ObjectKind, _ name: String) -> APIError {
    APIError(.alreadyExists, "\(kind.qualifiedResource) \"\(name)\" already exists")
  }

  /// `<Kind>[.<group>] "<name>" is invalid: <field>: <detail>` (errors.go `NewInvalid`, whose
  /// kind is a `schema.GroupKind`: `Pod`, `Deployment.apps`). Several causes are joined as
  /// `[a, b]` upstream (`ErrorList.ToAggregate`): see `invalid(_:_:_:)` with a list.
  public static func invalid(_ kind: ObjectKind, _ name: String, _ detail: String) -> APIError {
    let qualified = kind.group.isEmpty ? kind.name : kind.name + "." + kind.group
    return APIError(.invalid, "\(qualified) \"\(name)\" is invalid: \(detail)")
  }

  /// `invalid` with one or several causes (`[a, b]` for several, as upstream aggregates).
  public static func invalid(_ kind: ObjectKind, _ name: String, _ details: [String]) -> APIError {
    invalid(
      kind, name, details.count == 1 ? details[0] : "[" + details.joined(separator: ", ") + "]")
  }

  /// `<resource> "<name>" is forbidden: <reason>` (errors.go `NewForbidden`).
  public static func forbidden(_ kind: ObjectKind, _ name: String, _ reason: String) -> APIError {
    APIError(.forbidden, "\(kind.qualifiedResource) \"\(name)\" is forbidden: \(reason)")
  }

  /// `Operation cannot be fulfilled on <resource> "<name>": <reason>` (errors.go `NewConflict`).
  public static func conflict(_ kind: ObjectKind, _ name: String, _ reason: String) -> APIError {
    APIError(
      .conflict, "Operation cannot be fulfilled on \(kind.qualifiedResource) \"\(name)\": \(reason)"
    )
  }
}

extension ObjectKind {
  /// The resource as kube-apiserver names it in error messages: the plural, with the API group
  /// for non-core kinds (`pods`, `deployments.apps`, `priorityclasses.scheduling.k8s.io`).
  /// Upstream: `schema.GroupResource.String()` in k8s.io/apimachinery/pkg/runtime/schema.
  public var qualifiedResource: String {
    group.isEmpty ? plural : plural + "." + group
  }
}
