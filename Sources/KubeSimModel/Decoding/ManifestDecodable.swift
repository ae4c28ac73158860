import KubeSimYAML

/// A type that decodes itself from a YAML node, reporting errors with the context's field path.
///
/// Implementations read the node, call `d.push`/`d.pop` around each child field (or use
/// `d.decode(_:field:)`), and throw `d.error(...)` for bad input. They never trap.
public protocol ManifestDecodable {
  /// Decodes a value from `node`; the context's path is the path of `node`.
  static func decode(_ node: YAMLNode, in d: inout DecodingContext) throws(ManifestError) -> Self
}
