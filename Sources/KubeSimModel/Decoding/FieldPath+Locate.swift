import KubeSimYAML

extension FieldPath {
  /// The position in `document` of the deepest node this path reaches: where a validation
  /// error about the path should point (`file:line:col` of the field, or of its nearest
  /// existing parent when the field is missing).
  public func location(in document: YAMLNode) -> SourceLocation {
    var node = document
    for c in components {
      switch (c, node.content) {
      case (.key(let k), .mapping(let pairs)), (.mapKey(let k), .mapping(let pairs)):
        guard let pair = pairs.first(where: { FieldPath.text($0.key) == k }) else {
          return node.location
        }
        node = pair.value
      case (.index(let i), .sequence(let items)):
        guard i >= 0 && i < items.count else { return node.location }
        node = items[i]
      default:
        return node.location
      }
    }
    return node.location
  }

  static func text(_ n: YAMLNode) -> String? {
    if case .scalar(let s) = n.content { return s.text }
    return nil
  }
}
