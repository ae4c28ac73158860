/// The YAML standard tags KubeSim reads (YAML 1.2 §10.1–10.3; go-yaml v2 accepts the same).
enum YAMLStandardTag: String {
  case str, int, float, bool, null, map, seq
  /// The non-specific tag `!`: a scalar is a string.
  case nonSpecific = "!"
}

/// A node's properties: an optional anchor and an optional tag.
struct NodeProperties {
  var anchor: String?
  var tag: YAMLStandardTag?
  /// The tag as written, for messages.
  var tagText = ""
  var isEmpty: Bool { anchor == nil && tag == nil }

  /// Adds properties read on a later line for the same node.
  mutating func merge(_ other: NodeProperties, reader: YAMLReader) throws(YAMLError) {
    if other.anchor != nil {
      if anchor != nil { throw reader.error("a node may have only one anchor") }
      anchor = other.anchor
    }
    if other.tag != nil {
      if tag != nil { throw reader.error("a node may have only one tag") }
      tag = other.tag
      tagText = other.tagText
    }
  }
}

extension YAMLReader {
  static let supportedTags = "!!str, !!int, !!float, !!bool, !!null, !!map, !!seq and !"

  /// Reads the properties at `pos` (anchors, tags) separated by spaces on one line; `pos` ends
  /// after the last property.
  mutating func parseProperties() throws(YAMLError) -> NodeProperties {
    var props = NodeProperties()
    while cur == .amp || cur == .bang {
      try readProperty(into: &props)
      let save = pos
      while isWhite(cur) { pos += 1 }
      if !(cur == .amp || cur == .bang) {
        pos = save
        break
      }
    }
    return props
  }

  /// Reads one anchor or tag at `pos` into `props`.
  mutating func readProperty(into props: inout NodeProperties) throws(YAMLError) {
    if cur == .amp {
      if props.anchor != nil { throw error("a node may have only one anchor") }
      props.anchor = try scanAnchorName()
    } else {
      if props.tag != nil { throw error("a node may have only one tag") }
      let (tag, text) = try scanTag()
      props.tag = tag
      props.tagText = text
    }
  }

  /// Reads a tag at `pos` (`!`); only the standard tags are supported.
  mutating func scanTag() throws(YAMLError) -> (YAMLStandardTag, String) {
    let start = pos
    pos += 1
    var name: String?
    if cur == UInt8(ascii: "<") {
      // Verbatim: !<tag:yaml.org,2002:str>
      while pos < bytes.count && bytes[pos] != .gt && !isBlankOrEnd(bytes[pos]) { pos += 1 }
      if cur != .gt { throw error("found \(describe(pos)) in a verbatim tag, expected '>'") }
      pos += 1
      let text = String(decoding: bytes[(start + 2)..<(pos - 1)], as: UTF8.self)
      let prefix = "tag:yaml.org,2002:"
      if text.hasPrefix(prefix) { name = String(text.dropFirst(prefix.count)) }
    } else if cur == .bang {
      pos += 1
      let nameStart = pos
      while !isBlankOrEnd(cur) && !isFlowIndicator(cur) { pos += 1 }
      name = String(decoding: bytes[nameStart..<pos], as: UTF8.self)
    } else if isBlankOrEnd(cur) {
      return (.nonSpecific, "!")
    } else {
      while !isBlankOrEnd(cur) && !isFlowIndicator(cur) { pos += 1 }
    }
    let text = String(decoding: bytes[start..<pos], as: UTF8.self)
    guard let name, let tag = YAMLStandardTag(rawValue: name), tag != .nonSpecific else {
      throw error(
        "the tag '\(text)' is not supported (KubeSim reads only \(Self.supportedTags))",
        at: start)
    }
    if !isBlankOrEnd(cur) && !isFlowIndicator(cur) {
      throw error("found \(describe(pos)) after the tag '\(text)'")
    }
    return (tag, text)
  }

  /// Applies a tag and an anchor to a node, checking that the tag fits it. Scalars with a tag
  /// resolve their text as go-yaml does (`!!int "3"` is 3; `!!float 1` is 1.0).
  func apply(_ props: NodeProperties, to node: inout YAMLNode) throws(YAMLError) {
    if let anchor = props.anchor { node.anchor = anchor }
    guard let tag = props.tag else { return }
    switch (tag, node.content) {
    case (.map, .mapping), (.seq, .sequence), (.nonSpecific, .mapping), (.nonSpecific, .sequence):
      return
    case (.map, _), (.seq, _):
      throw YAMLError(
        "the tag '\(props.tagText)' needs a \(tag == .map ? "mapping" : "sequence")",
        at: node.location)
    case (_, .scalar(var s)):
      let resolved = YAMLResolver.resolve(s.text)
      var ok = true
      switch tag {
      case .str, .nonSpecific: s.value = .string(s.text)
      case .int:
        if case .int = resolved { s.value = resolved } else { ok = false }
      case .float:
        switch resolved {
        case .int(let i): s.value = .float(Double(i))
        case .float: s.value = resolved
        default: ok = false
        }
      case .bool:
        if case .bool = resolved { s.value = resolved } else { ok = false }
      case .null:
        if case .null = resolved { s.value = resolved } else { ok = false }
      case .map, .seq: ok = false
      }
      if !ok {
        throw YAMLError("cannot read \"\(s.text)\" as \(props.tagText)", at: node.location)
      }
      node.content = .scalar(s)
    default:
      throw YAMLError("the tag '\(props.tagText)' needs a scalar", at: node.location)
    }
  }
}
