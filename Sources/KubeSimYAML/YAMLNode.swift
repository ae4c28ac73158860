/// One node of a parsed YAML document, with the position it was read from.
///
/// Mappings keep their keys in document order (a YAML mapping is unordered, but users expect
/// KubeSim to echo and report in the order they wrote). Aliases are resolved by the parser:
/// an alias node is a copy of its anchored node (with the alias's own location).
public struct YAMLNode: Sendable, Equatable {
  /// What the node holds.
  public enum Content: Sendable, Equatable {
    case scalar(YAMLScalar)
    case sequence([YAMLNode])
    /// Key/value pairs in document order. Keys are scalars in the supported subset.
    case mapping([YAMLPair])
  }

  public var content: Content
  /// Where the node starts (the first character of the scalar, `[`/`{`, `- `, or the first key).
  public var location: SourceLocation
  /// The anchor name if the node was anchored (`&name`), for diagnostics only.
  public var anchor: String?

  public init(_ content: Content, at location: SourceLocation, anchor: String? = nil) {
    self.content = content
    self.location = location
    self.anchor = anchor
  }
}

/// A key/value pair of a mapping.
public struct YAMLPair: Sendable, Equatable {
  public var key: YAMLNode
  public var value: YAMLNode
  public init(key: YAMLNode, value: YAMLNode) {
    self.key = key
    self.value = value
  }
}

/// A scalar: its text after unescaping and folding, how it was written, and what it resolves to.
public struct YAMLScalar: Sendable, Equatable {
  /// How the scalar was written in the source.
  public enum Style: Sendable, Equatable {
    case plain, singleQuoted, doubleQuoted, literal, folded
  }

  /// The scalar's content, with quotes removed, escapes decoded and block scalars folded/chomped.
  public var text: String
  public var style: Style
  /// The typed value. Only plain scalars resolve to non-strings; quoted and block scalars are
  /// always strings. Resolution follows Kubernetes' reader (YAML 1.1 style, see `YAMLResolver`).
  public var value: YAMLValue

  public init(text: String, style: Style, value: YAMLValue) {
    self.text = text
    self.style = style
    self.value = value
  }
}

/// The resolved type of a scalar.
public enum YAMLValue: Sendable, Equatable {
  case null
  case bool(Bool)
  case int(Int64)
  case float(Double)
  case string(String)
}
