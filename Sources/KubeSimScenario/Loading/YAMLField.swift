import KubeSimKernel
import KubeSimModel
import KubeSimYAML

/// Typed reads of YAML nodes with the field path, for the documents the scenario lane decodes
/// (`kind: Scenario`, structured timeline and expect entries).
///
/// Every failure is a `ScenarioDiagnostic` at the node's position saying what was found and what
/// was expected, e.g. `spec.seed: expected a non-negative integer, found "abc"`.
struct YAMLField {
  var node: YAMLNode
  /// The field path of `node` (`spec.timeline[0].at`).
  var path: String

  init(_ node: YAMLNode, _ path: String) {
    self.node = node
    self.path = path
  }

  func error(_ message: String) -> ScenarioDiagnostic {
    ScenarioDiagnostic(at: node.location, path: path, message)
  }

  /// What the node is, for "found …" messages.
  var foundText: String {
    switch node.content {
    case .mapping: return "a mapping"
    case .sequence: return "a list"
    case .scalar(let s):
      switch s.value {
      case .null: return "null"
      case .bool(let b): return b ? "true" : "false"
      case .int(let i): return String(i)
      case .float: return s.text
      case .string(let t): return JSONValue.string(t).compactString
      }
    }
  }

  var isNull: Bool {
    if case .scalar(let s) = node.content, s.value == .null { return true }
    return false
  }

  /// The pairs of a mapping, rejecting keys outside `allowed` (when given).
  func mapping(allowed: [String]? = nil) throws(ScenarioDiagnostic) -> [(String, YAMLField)] {
    guard case .mapping(let pairs) = node.content else {
      throw error("expected a mapping, found \(foundText)")
    }
    var out: [(String, YAMLField)] = []
    for pair in pairs {
      guard case .scalar(let k) = pair.key.content else {
        throw ScenarioDiagnostic(at: pair.key.location, path: path, "expected a scalar key")
      }
      let childPath = path.isEmpty ? k.text : path + "." + k.text
      if let allowed, !allowed.contains(k.text) {
        // The model's wording and suggestion (`unknown field "x"; did you mean "y"?`).
        let message = DecodingContext().unknownField(pair, known: allowed).message
        throw ScenarioDiagnostic(
          at: pair.key.location, path: childPath,
          message + " (expected one of: \(allowed.joined(separator: ", ")))")
      }
      out.append((k.text, YAMLField(pair.value, childPath)))
    }
    return out
  }

  /// The items of a sequence.
  func sequence() throws(ScenarioDiagnostic) -> [YAMLField] {
    guard case .sequence(let items) = node.content else {
      throw error("expected a list, found \(foundText)")
    }
    return items.enumerated().map { YAMLField($0.element, "\(path)[\($0.offset)]") }
  }

  /// A scalar's text, for fields that are strings (numbers and booleans are taken as written,
  /// as Kubernetes does not: here only for free-text fields such as names and commands).
  func string() throws(ScenarioDiagnostic) -> String {
    guard case .scalar(let s) = node.content, s.value != .null else {
      throw error("expected a string, found \(foundText)")
    }
    return s.text
  }

  /// A non-negative integer.
  func unsignedInteger() throws(ScenarioDiagnostic) -> UInt64 {
    guard case .scalar(let s) = node.content, case .int(let i) = s.value, i >= 0 else {
      throw error("expected a non-negative integer, found \(foundText)")
    }
    return UInt64(i)
  }

  /// A boolean.
  func bool() throws(ScenarioDiagnostic) -> Bool {
    guard case .scalar(let s) = node.content, case .bool(let b) = s.value else {
      throw error("expected true or false, found \(foundText)")
    }
    return b
  }

  /// A Go-syntax duration (`40s`, `1h30m`; a plain `0` is zero).
  func duration() throws(ScenarioDiagnostic) -> SimDuration {
    guard case .scalar(let s) = node.content else {
      throw error("expected a duration such as 30s or 1h30m, found \(foundText)")
    }
    if case .int(0) = s.value { return .zero }
    if case .int = s.value {
      throw error(
        "expected a duration with a unit such as \(s.text)s or \(s.text)m, found \(s.text)")
    }
    do {
      return try SimDuration(parsing: s.text)
    } catch {
      throw self.error(error.message)
    }
  }
}
