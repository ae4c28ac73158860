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
    case .drain: return "drain"
    }
  }
}

/// Which objects a kubectl command acts on: named objects or a label selector, of one kind.
public struct ResourceTarget: Sendable, Equatable {
  /// The kind as written (`deployment`, `deploy`, `nodes`).
  public var kind: String
  /// Names (empty when `selector` or `all` is used).
  public var names: [String]
  /// A label selector in kubectl's string form (`app=web,tier!=db`).
  public var selector: String?
  /// `--all`.
  public var all: Bool
  /// `-n/--namespace`, nil for the default namespace (or a cluster-scoped kind).
  public var namespace: String?

  /// Creates a value with the given parts.
  public init(
    kind: String, names: [String] = [], selector: String? = nil, all: Bool = false,
    namespace: String? = nil
  ) {
    self.kind = kind
    self.names = names
    self.selector = selector
    self.all = all
    self.namespace = namespace
  }
}

/// `key=value` (set) or `key-` (remove), as `kubectl label`/`annotate` take them.
public enum KeyValueChange: Sendable, Equatable {
  case set(key: String, value: String)
  case remove(key: String)
}

/// A taint effect (k8s.io/api/core/v1 `TaintEffect`).
public enum TaintEffectName: String, Sendable, Equatable, CaseIterable {
  case noSchedule = "NoSchedule"
  case preferNoSchedule = "PreferNoSchedule"
  case noExecute = "NoExecute"
}

/// `key=value:Effect` / `key:Effect` (add) or `key:Effect-` / `key-` (remove), as
/// `kubectl taint` takes them (kubectl/pkg/cmd/taint/utils.go `parseTaints`).
public enum TaintChange: Sendable, Equatable {
  case add(key: String, value: String, effect: TaintEffectName)
  /// Removes taints with `key`, and only those with `effect` when given.
  case remove(key: String, effect: TaintEffectName?)
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
