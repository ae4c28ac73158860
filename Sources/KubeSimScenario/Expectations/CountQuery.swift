/// `count(kind{key=value, key!=value, …})`: how many objects of a kind match.
///
/// Keys: `node` (spec.nodeName), `phase` (status.phase), `ready` (`true`/`false`, the Ready
/// condition), `namespace` (metadata.namespace); every other key is a label. A pod with no node
/// matches `node=` with an empty value.
public struct CountQuery: Sendable, Equatable {
  /// The kind as written (`pods`, `nodes`).
  public var kind: String
  /// The selector terms; all must hold.
  public var terms: [SelectorTerm]
  /// Offset in the expression text (0-based, in Unicode scalars).
  public var offset: Int
  /// The text as written, for messages.
  public var text: String
}
