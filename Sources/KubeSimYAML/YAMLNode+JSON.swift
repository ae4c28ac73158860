extension YAMLNode {
  /// The node as JSON: mappings become objects keyed by their keys' scalar text (in document
  /// order), sequences arrays, and scalars their resolved values.
  ///
  /// This is what `kubesim parse FILE` prints, one line per document. Floats print with
  /// `JSONValue`'s formatter (infinities and NaN as the strings `.inf`, `-.inf`, `.nan`).
  public func toJSON() -> JSONValue {
    switch content {
    case .scalar(let s):
      switch s.value {
      case .null: return .null
      case .bool(let b): return .bool(b)
      case .int(let i): return .int(i)
      case .float(let d): return .double(d)
      case .string(let t): return .string(t)
      }
    case .sequence(let items):
      return .array(items.map { $0.toJSON() })
    case .mapping(let pairs):
      return .object(pairs.map { (MappingBuilder.keyText($0.key), $0.value.toJSON()) })
    }
  }
}
