@testable import KubeSimYAML

/// Parses `text` (file name `t.yaml`) and returns each document's compact JSON, one per line.
func jsonLines(_ text: String) throws -> String {
  try YAMLParser.parseStream(text, file: "t.yaml").map { $0.toJSON().compactString }
    .joined(separator: "\n")
}

/// The error `text` raises, as `file:line:col: message`, or nil when it parses.
func parseError(_ text: String) -> String? {
  do {
    _ = try YAMLParser.parseStream(text, file: "t.yaml")
    return nil
  } catch {
    return error.description
  }
}

/// The first document of `text`.
func document(_ text: String) throws -> YAMLNode {
  let docs = try YAMLParser.parseStream(text, file: "t.yaml")
  guard let first = docs.first else {
    throw YAMLError("no document", at: .init(file: "t.yaml", line: 0, column: 0))
  }
  return first
}

extension YAMLNode {
  /// The value of `key` in a mapping node.
  subscript(key: String) -> YAMLNode? {
    guard case .mapping(let pairs) = content else { return nil }
    return pairs.first { MappingBuilder.keyText($0.key) == key }?.value
  }

  /// The item at `index` of a sequence node.
  subscript(index: Int) -> YAMLNode? {
    guard case .sequence(let items) = content, index < items.count else { return nil }
    return items[index]
  }

  var scalar: YAMLScalar? {
    if case .scalar(let s) = content { return s }
    return nil
  }

  /// `line:column` of the node.
  var position: String { "\(location.line):\(location.column)" }
}
