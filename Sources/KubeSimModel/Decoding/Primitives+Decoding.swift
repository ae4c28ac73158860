import KubeSimKernel
import KubeSimYAML

// Scalars decode as Kubernetes' JSON decoding of the YAML would: a string field takes only a
// string (YAML 1.1 resolution makes `yes` a boolean, as in kubectl), integers take only integers
// in range, quantities take strings or numbers.

extension String: ManifestDecodable {
  /// A string scalar; other scalars are a type error (as `json.Unmarshal` into a Go string).
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext) throws(ManifestError)
    -> String
  {
    if case .scalar(let s) = node.content {
      switch s.value {
      case .string(let t): return t
      case .null: return ""
      default: break
      }
    }
    throw d.typeMismatch("a string", node)
  }
}

extension Bool: ManifestDecodable {
  /// A boolean scalar (`true`/`false`, and YAML 1.1's `yes`/`no`/`on`/`off`).
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext) throws(ManifestError)
    -> Bool
  {
    if case .scalar(let s) = node.content, case .bool(let b) = s.value { return b }
    throw d.typeMismatch("a boolean", node)
  }
}

extension Int64: ManifestDecodable {
  /// An integer scalar.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext) throws(ManifestError)
    -> Int64
  {
    if case .scalar(let s) = node.content, case .int(let i) = s.value { return i }
    throw d.typeMismatch("an integer", node)
  }
}

extension Int32: ManifestDecodable {
  /// An integer scalar within the 32-bit range.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext) throws(ManifestError)
    -> Int32
  {
    if case .scalar(let s) = node.content, case .int(let i) = s.value {
      guard let v = Int32(exactly: i) else {
        throw d.error("expected a 32-bit integer, found \(i) (out of range)", at: node)
      }
      return v
    }
    throw d.typeMismatch("an integer", node)
  }
}

extension Quantity: ManifestDecodable {
  /// A quantity written as a string (`"500m"`, `1Gi`) or a number (`2`, `0.5`).
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext) throws(ManifestError)
    -> Quantity
  {
    guard case .scalar(let s) = node.content else { throw d.typeMismatch("a quantity", node) }
    switch s.value {
    case .string, .int, .float:
      do {
        return try Quantity(parsing: s.text)
      } catch {
        var shown = ""
        JSONValue.writeString(s.text, to: &shown)
        throw d.error("invalid quantity \(shown): \(error)", at: node)
      }
    default: throw d.typeMismatch("a quantity", node)
    }
  }
}

extension IntOrString: ManifestDecodable {
  /// An integer or a string (`8080`, `http`, `25%`).
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext) throws(ManifestError)
    -> IntOrString
  {
    if case .scalar(let s) = node.content {
      switch s.value {
      case .int(let i):
        guard let v = Int32(exactly: i) else {
          throw d.error("expected a 32-bit integer, found \(i) (out of range)", at: node)
        }
        return .int(v)
      case .string(let t): return .string(t)
      default: break
      }
    }
    throw d.typeMismatch("an integer or a string", node)
  }
}

extension StringMap: ManifestDecodable {
  /// A mapping of strings to strings (a null value reads as "").
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext) throws(ManifestError)
    -> StringMap
  {
    var m = StringMap()
    for pair in try d.mapping(node) {
      let k = try d.key(pair)
      d.push(k)
      m[k] = try String.decode(pair.value, in: &d)
      d.pop()
    }
    return m
  }
}

extension ResourceList: ManifestDecodable {
  /// A mapping of resource names to quantities.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext) throws(ManifestError)
    -> ResourceList
  {
    var r = ResourceList()
    for pair in try d.mapping(node) {
      let k = try d.key(pair)
      d.push(k)
      r[k] = try Quantity.decode(pair.value, in: &d)
      d.pop()
    }
    return r
  }
}

extension SimTime: ManifestDecodable {
  /// An RFC 3339 timestamp, relative to the context's time base.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext) throws(ManifestError)
    -> SimTime
  {
    if case .scalar(let s) = node.content, case .string(let t) = s.value,
      let v = d.timeBase.parse(t)
    {
      return v
    }
    throw d.typeMismatch("an RFC 3339 timestamp such as \"2026-01-01T00:00:00Z\"", node)
  }
}

extension YAMLNode: ManifestDecodable {
  /// The node itself, kept raw.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext) throws(ManifestError)
    -> YAMLNode
  {
    node
  }
}
