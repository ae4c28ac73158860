/// A kubectl invocation in a scenario's timeline, parsed and checked, ready to run through the
/// API server.
///
/// Only the verbs of issue 2 exist here; the others are rejected by `KubectlCommandParser` with the
/// issue that brings them. Kinds are kept as written (`deploy`, `deployments.apps`) and resolved
/// against the model's kinds when the timeline is validated.
public enum KubectlCommand: Sendable, Equatable {
  /// `scale KIND/NAME --replicas=N` (also `scale KIND NAME`).
  case scale(target: ResourceTarget, replicas: Int32)
  /// `apply -f FILE` (path relative to the scenario file).
  case apply(file: String)
  /// `create -f FILE`.
  case create(file: String)
  /// `delete KIND NAME…`, `delete KIND/NAME`, `delete KIND -l SELECTOR`.
  case delete(target: ResourceTarget)
  /// `cordon NODE`.
  case cordon(node: String)
  /// `uncordon NODE`.
  case uncordon(node: String)
  /// `label KIND NAME key=value key-` (`--overwrite` to change an existing value).
  case label(target: ResourceTarget, changes: [KeyValueChange], overwrite: Bool)
  /// `annotate KIND NAME key=value key-`.
  case annotate(target: ResourceTarget, changes: [KeyValueChange], overwrite: Bool)
  /// `taint nodes NAME key=value:Effect key:Effect-` (or `-l SELECTOR`).
  case taint(target: ResourceTarget, changes: [TaintChange], overwrite: Bool)

  /// The verb as kubectl spells it.
  public var verb: String {
    switch self {
    case .scale: return "scale"
    case .apply: return "apply"
    case .create: return "create"
    case .delete: return "delete"
    case .cordon: return "cordon"
    case .uncordon: return "uncordon"
    case .label: return "label"
    case .annotate: return "annotate"
    case .taint: return "taint"
    }
  }
}
