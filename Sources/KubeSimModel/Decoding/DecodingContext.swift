import KubeSimKernel
import KubeSimYAML

/// The state of decoding one document: the current field path (a stack), the time base for
/// timestamps, and the warnings collected so far (in document order).
///
/// Public so that the scenario lane decodes `kind: Scenario` with the same helpers and messages:
///
/// ```swift
/// for pair in try d.mapping(node) {
///   switch try d.key(pair) {
///   case "seed": seed = try d.decode(pair.value, field: "seed", as: Int64.self)
///   default: throw d.unknownField(pair, known: ["seed", "duration"])
///   }
/// }
/// ```
public struct DecodingContext: Sendable {
  /// The path of the node being decoded.
  public var path: FieldPath
  /// The wall-clock instant of simulated time zero, for RFC 3339 timestamps in manifests.
  public var timeBase: TimeBase
  /// Warnings in document order (ignored fields).
  public private(set) var warnings: [ManifestWarning]

  /// A context at the document root.
  public init(timeBase: TimeBase = .default) {
    path = FieldPath()
    self.timeBase = timeBase
    warnings = []
  }

  // MARK: Path

  /// Enters field `key`.
  public mutating func push(_ key: String) { path.components.append(.key(key)) }
  /// Enters element `i` of a sequence.
  public mutating func push(index i: Int) { path.components.append(.index(i)) }
  /// Leaves the innermost field or element.
  public mutating func pop() { _ = path.components.popLast() }

  /// Decodes field `key` (pushing it onto the path while decoding).
  public mutating func decode<T: ManifestDecodable>(
    _ node: YAMLNode, field key: String, as type: T.Type = T.self
  ) throws(ManifestError) -> T {
    push(key)
    let v = try T.decode(node, in: &self)
    pop()
    return v
  }

  // MARK: Errors and warnings

  /// An error at `node` for the current path.
  public func error(_ message: String, at node: YAMLNode) -> ManifestError {
    ManifestError(message, at: node.location, path: path.description)
  }

  /// `expected <what>, found <node>`: the standard wrong-type error.
  public func typeMismatch(_ expected: String, _ node: YAMLNode) -> ManifestError {
    error("expected \(expected), found \(DecodingContext.describe(node))", at: node)
  }

  /// Records that the field of `pair` (a child of the current path) is accepted but not
  /// modelled.
  public mutating func ignored(_ pair: YAMLPair, key: String) {
    push(key)
    warnings.append(
      ManifestWarning(
        "ignored: not modelled", at: pair.key.location,
        path: path.description))
    pop()
  }

  /// Records a warning at `node` for the current path.
  public mutating func warn(_ message: String, at node: YAMLNode) {
    warnings.append(ManifestWarning(message, at: node.location, path: path.description))
  }

  /// Appends warnings from another context (used when decoding `List` items).
  public mutating func append(warnings more: [ManifestWarning]) { warnings += more }

  /// The strict-decoding error for a field that does not exist at this level, with a
  /// "did you mean" hint from `known` (as `kubectl apply` with strict field validation).
  public func unknownField(_ pair: YAMLPair, known: [String]) -> ManifestError {
    let key = DecodingContext.keyText(pair.key)
    var p = path
    p.components.append(.key(key))
    var msg = "unknown field \"\(key)\""
    if let s = Suggestion.closest(to: key, in: known) { msg += "; did you mean \"\(s)\"?" }
    return ManifestError(msg, at: pair.key.location, path: p.description)
  }

  // MARK: Structure

  /// True for an explicit or implicit null (`field:`, `field: null`, `~`), which Kubernetes
  /// treats as "unset".
  public func isNull(_ node: YAMLNode) -> Bool {
    if case .scalar(let s) = node.content, case .null = s.value { return true }
    return false
  }

  /// The pairs of a mapping (a null node is an empty mapping).
  public func mapping(_ node: YAMLNode) throws(ManifestError) -> [YAMLPair] {
    switch node.content {
    case .mapping(let pairs): return pairs
    case .scalar(let s) where s.value == .null: return []
    default: throw typeMismatch("a mapping", node)
    }
  }

  /// The items of a sequence (a null node is an empty sequence).
  public func sequence(_ node: YAMLNode) throws(ManifestError) -> [YAMLNode] {
    switch node.content {
    case .sequence(let items): return items
    case .scalar(let s) where s.value == .null: return []
    default: throw typeMismatch("a list", node)
    }
  }

  /// The text of a mapping key (keys are scalars in the supported YAML subset).
  public func key(_ pair: YAMLPair) throws(ManifestError) -> String {
    guard case .scalar(let s) = pair.key.content else {
      throw ManifestError(
        "expected a scalar mapping key", at: pair.key.location,
        path: path.description)
    }
    return s.text
  }

  static func keyText(_ node: YAMLNode) -> String {
    if case .scalar(let s) = node.content { return s.text }
    return "?"
  }

  /// Decodes a sequence of `T`, element paths `[i]`.
  public mutating func decodeArray<T: ManifestDecodable>(_ node: YAMLNode) throws(ManifestError)
    -> [T]
  {
    let items = try sequence(node)
    var out: [T] = []
    out.reserveCapacity(items.count)
    for (i, item) in items.enumerated() {
      push(index: i)
      out.append(try T.decode(item, in: &self))
      pop()
    }
    return out
  }

  /// Decodes a string-valued enum, rejecting other values with upstream's `NotSupported` message.
  public func decodeEnum<T: RawRepresentable & CaseIterable>(_ node: YAMLNode) throws(ManifestError)
    -> T where T.RawValue == String
  {
    guard case .scalar(let s) = node.content, case .string(let text) = s.value else {
      throw typeMismatch("a string", node)
    }
    if let v = T(rawValue: text) { return v }
    let supported = T.allCases.map { "\"\($0.rawValue)\"" }.sorted().joined(separator: ", ")
    throw error("Unsupported value: \"\(text)\": supported values: \(supported)", at: node)
  }

  /// How a node is shown in "found …": strings quoted, numbers and booleans as written,
  /// collections by their shape.
  public static func describe(_ node: YAMLNode) -> String {
    switch node.content {
    case .mapping: return "a mapping"
    case .sequence: return "a list"
    case .scalar(let s):
      switch s.value {
      case .null: return "null"
      case .string(let t):
        var out = ""
        JSONValue.writeString(t, to: &out)
        return out
      default: return s.text
      }
    }
  }
}
