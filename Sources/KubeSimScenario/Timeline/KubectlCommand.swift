import KubeSimKernel
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
  /// `delete KIND NAME…`, `delete KIND/NAME`, `delete KIND -l SELECTOR`, with `--cascade`,
  /// `--grace-period`, `--now`, `--force`.
  case delete(target: ResourceTarget, options: KubectlDeleteOptions)
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
  /// `set image KIND/NAME CONTAINER=IMAGE…` (`*=IMAGE` for every container).
  case setImage(target: ResourceTarget, images: [KeyValuePair])
  /// `set resources KIND/NAME [-c CONTAINER] --limits=cpu=1,memory=1Gi --requests=…`.
  case setResources(
    target: ResourceTarget, container: String?, limits: [KeyValuePair], requests: [KeyValuePair])
  /// `rollout undo|restart|pause|resume|status KIND/NAME` (`--to-revision=N` for undo).
  case rollout(action: RolloutAction, target: ResourceTarget, toRevision: Int64?)
  /// `patch KIND NAME --type merge -p JSON` (a JSON merge patch, RFC 7386).
  case patch(target: ResourceTarget, patch: String)
  /// `drain NODE [--ignore-daemonsets] [--delete-emptydir-data] [--force] [--grace-period=N]
  /// [--timeout=DURATION]` (lane batch; runs in simulated time, see `DrainProcess`).
  case drain(node: String, options: DrainOptions)

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
    case .setImage, .setResources: return "set"
    case .rollout: return "rollout"
    case .patch: return "patch"
    case .drain: return "drain"
    }
  }
}

/// `key=value` kept in the order written.
public struct KeyValuePair: Sendable, Equatable {
  /// The key (a container name, a resource name).
  public var key: String
  /// The value.
  public var value: String

  /// Creates a value with the given parts.
  public init(key: String, value: String) {
    self.key = key
    self.value = value
  }
}

/// The `kubectl rollout` subcommands KubeSim runs.
public enum RolloutAction: String, Sendable, Equatable, CaseIterable {
  case undo, restart, pause, resume, status
}

/// The options of `kubectl drain` KubeSim models (kubectl/pkg/cmd/drain/drain.go).
public struct DrainOptions: Sendable, Equatable {
  /// `--ignore-daemonsets`: skip DaemonSet-managed pods instead of failing.
  public var ignoreDaemonSets = false
  /// `--delete-emptydir-data` (accepted; the model has no emptyDir volumes).
  public var deleteEmptyDirData = false
  /// `--force`: also evict pods that declare no controller.
  public var force = false
  /// `--grace-period`: seconds given to each pod; nil (kubectl's -1) uses the pod's own.
  public var gracePeriodSeconds: Int64?
  /// `--timeout`: give up after this long; nil (kubectl's 0) waits forever.
  public var timeout: SimDuration?

  /// Options with kubectl's defaults.
  public init() {}
}
