/// `key=value:Effect` / `key:Effect` (add) or `key:Effect-` / `key-` (remove), as
/// `kubectl taint` takes them (kubectl/pkg/cmd/taint/utils.go `parseTaints`).
public enum TaintChange: Sendable, Equatable {
  case add(key: String, value: String, effect: TaintEffectName)
  /// Removes taints with `key`, and only those with `effect` when given.
  case remove(key: String, effect: TaintEffectName?)
}
