/// Limits that protect the parser against hostile input.
///
/// Each limit, when exceeded, is a `YAMLError` naming it, never a crash or a hang.
public enum YAMLLimits {
  /// The deepest nesting of collections (block or flow) the parser accepts.
  ///
  /// Kubernetes manifests nest about 10 levels deep; 256 leaves room for generated files while
  /// keeping the recursive descent far from the stack limit of a test or worker thread.
  public static let maxDepth = 256

  /// The most nodes that aliases may add by expansion, summed over a stream.
  ///
  /// An alias is a copy of its anchored node, so nested aliases grow exponentially
  /// ("billion laughs"). go-yaml v2 bounds the same attack with a ratio of alias to total nodes
  /// (decode.go `allowedAliasRatio`); KubeSim uses a flat budget, large enough for any
  /// hand-written scenario that shares defaults through `<<: *defaults`.
  public static let maxAliasExpansion = 1_000_000
}
