import KubeSimControllers

/// The options of `kubectl delete` KubeSim models (kubectl/pkg/cmd/delete/delete.go,
/// delete_flags.go), already resolved as kubectl's `Complete` resolves them.
///
/// - `--cascade=background|foreground|orphan` (bare `--cascade` is `background`; the deprecated
///   booleans `--cascade=true`/`false` mean `background`/`orphan`, cmd/util/helpers.go
///   `parseCascadingFlag`).
/// - `--grace-period=N` (-1, the default, uses the object's own), `--now` (grace 1), `--force`
///   (grace 0 when no grace period is given). As kubectl does, `--grace-period=0` without
///   `--force` becomes 1, and `--force` with a grace period above 0 is an error.
public struct KubectlDeleteOptions: Sendable, Equatable {
  /// `DeleteOptions.propagationPolicy` sent with every delete.
  public var propagation: DeletionPropagation = .background
  /// `DeleteOptions.gracePeriodSeconds`; nil when kubectl sends none (-1).
  public var gracePeriodSeconds: Int64?
  /// `--force`: kubectl prints "force deleted" when the grace period is 0.
  public var force = false

  /// kubectl's defaults: background cascade, the object's own grace period.
  public init() {}

  /// Resolves the flags as kubectl's `DeleteOptions.Complete` and `Validate` do.
  /// - Throws: `KubectlError` with kubectl's message.
  static func resolve(cascade: String?, gracePeriod: String?, now: Bool, force: Bool)
    throws(KubectlError) -> KubectlDeleteOptions
  {
    var o = KubectlDeleteOptions()
    o.force = force
    if let cascade { o.propagation = try parseCascade(cascade) }
    var grace: Int64 = -1
    if let g = gracePeriod {
      guard let n = Int64(g) else {
        throw KubectlError("--grace-period: expected an integer, found \"\(g)\"")
      }
      grace = n
    }
    // delete.go `Complete`: --now is grace 1 and excludes --grace-period.
    if now {
      if grace != -1 {
        throw KubectlError("--now and --grace-period cannot be specified together")
      }
      grace = 1
    }
    // delete.go `Complete`: "we convert --grace-period=0 into --grace-period=1" unless --force.
    if grace == 0 && !force { grace = 1 }
    if force && grace < 0 { grace = 0 }
    // delete.go `Validate`.
    if grace > 0 && force {
      throw KubectlError("--force and --grace-period greater than 0 cannot be specified together")
    }
    o.gracePeriodSeconds = grace < 0 ? nil : grace
    return o
  }

  /// cmd/util/helpers.go `parseCascadingFlag`: the three policies, or a Go `strconv.ParseBool`
  /// boolean (deprecated: true is background, false is orphan).
  static func parseCascade(_ text: String) throws(KubectlError) -> DeletionPropagation {
    switch text {
    case "background", "1", "t", "T", "TRUE", "true", "True": return .background
    case "foreground": return .foreground
    case "orphan", "0", "f", "F", "FALSE", "false", "False": return .orphan
    default:
      throw KubectlError(
        "invalid cascade value (\(text)). Must be \"background\", \"foreground\", or \"orphan\"")
    }
  }
}
