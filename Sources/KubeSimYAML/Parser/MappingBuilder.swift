/// Collects the pairs of one mapping, rejecting duplicate keys and applying `<<` merge keys.
///
/// Merge semantics follow go-yaml (decode.go `merge`) as Kubernetes reads manifests: keys written
/// in the mapping itself win over merged ones wherever the `<<` appears; in a sequence of merged
/// mappings, earlier mappings win over later ones. Merged keys take the place of the `<<` entry.
/// Several `<<` entries in one mapping are allowed and apply in order.
struct MappingBuilder {
  var pairs: [YAMLPair] = []
  /// Merge values with the index in `pairs` where each `<<` appeared.
  var merges: [(index: Int, value: YAMLNode)] = []
  /// Key text to pair index; built only for large mappings, looked up only.
  var index: [String: Int] = [:]

  static let linearLimit = 12

  /// The text a key is compared and printed by.
  static func keyText(_ key: YAMLNode) -> String {
    if case .scalar(let s) = key.content { return s.text }
    return ""
  }

  static func isMergeKey(_ key: YAMLNode) -> Bool {
    if case .scalar(let s) = key.content { return s.style == .plain && s.text == "<<" }
    return false
  }

  func find(_ text: String) -> Int? {
    if pairs.count <= Self.linearLimit {
      for (i, p) in pairs.enumerated() where Self.keyText(p.key) == text { return i }
      return nil
    }
    return index[text]
  }

  mutating func add(_ key: YAMLNode, _ value: YAMLNode, reader: YAMLReader) throws(YAMLError) {
    if Self.isMergeKey(key) {
      merges.append((pairs.count, value))
      return
    }
    let text = Self.keyText(key)
    if let first = find(text) {
      let l = pairs[first].key.location
      throw YAMLError(
        "duplicate key \"\(text)\" (first at \(l.line):\(l.column))", at: key.location)
    }
    pairs.append(YAMLPair(key: key, value: value))
    if pairs.count > Self.linearLimit {
      if index.isEmpty {
        for (i, p) in pairs.enumerated() { index[Self.keyText(p.key)] = i }
      } else {
        index[text] = pairs.count - 1
      }
    }
  }

  /// The mapping node, with merges applied.
  func finish(at location: SourceLocation, reader: YAMLReader) throws(YAMLError) -> YAMLNode {
    if merges.isEmpty { return YAMLNode(.mapping(pairs), at: location) }
    var seen: Set<String> = []  // membership only, never iterated
    for p in pairs { seen.insert(Self.keyText(p.key)) }
    var out: [YAMLPair] = []
    var m = 0
    for i in 0...pairs.count {
      while m < merges.count && merges[m].index == i {
        for source in try Self.mergeSources(merges[m].value) {
          guard case .mapping(let sourcePairs) = source.content else { continue }
          for p in sourcePairs where !seen.contains(Self.keyText(p.key)) {
            seen.insert(Self.keyText(p.key))
            out.append(p)
          }
        }
        m += 1
      }
      if i < pairs.count { out.append(pairs[i]) }
    }
    return YAMLNode(.mapping(out), at: location)
  }

  /// The mappings a `<<` value merges, in precedence order.
  static func mergeSources(_ value: YAMLNode) throws(YAMLError) -> [YAMLNode] {
    let message = "a merge key ('<<') needs a mapping or a sequence of mappings as its value"
    switch value.content {
    case .mapping: return [value]
    case .sequence(let items):
      for item in items {
        guard case .mapping = item.content else { throw YAMLError(message, at: item.location) }
      }
      return items
    case .scalar:
      throw YAMLError(message, at: value.location)
    }
  }
}
