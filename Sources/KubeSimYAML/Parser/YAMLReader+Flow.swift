extension YAMLReader {
  /// Reads a flow sequence or mapping at `pos` (`[` or `{`), over as many lines as it takes.
  ///
  /// Lines inside must be indented deeper than the enclosing block (`n`). Comments may appear
  /// between entries; a trailing comma before `]` or `}` is allowed (as KYAML writes them).
  mutating func parseFlowCollection(parent n: Int) throws(YAMLError) -> YAMLNode {
    // Depth is counted by the callers (`parseBlockNode`, `parseFlowNode`), one per level.
    return cur == .lbracket ? try parseFlowSequence(parent: n) : try parseFlowMapping(parent: n)
  }

  /// Skips whitespace, comments and line breaks inside a flow collection.
  mutating func skipFlowSpace(parent n: Int, opened: SourceLocation, kind: String) throws(YAMLError)
  {
    var crossed = false
    while true {
      skipInlineSpaceAndComment()
      if cur == .lf {
        consumeBreak()
        crossed = true
        if atDocumentMarker {
          throw error("found a document marker inside a flow \(kind)")
        }
        continue
      }
      break
    }
    if atEnd {
      let closing = kind == "sequence" ? "]" : "}"
      throw YAMLError(
        "unterminated flow \(kind): found the end of input, expected '\(closing)'", at: opened)
    }
    if crossed {
      var spaces = 0
      while at(lineStart + spaces) == .space { spaces += 1 }
      // A closing bracket may sit at the enclosing block's indentation, as libyaml and go-yaml
      // (hence Kubernetes) accept; the YAML 1.2 spec would require it deeper.
      let closing = cur == .rbracket || cur == .rbrace
      if spaces < n || (spaces == n && !closing) {
        if lineStart + spaces < pos {
          throw error(Self.tabMessage, at: lineStart + spaces)
        }
        throw error(
          "a line inside a flow collection must be indented more than its parent "
            + "(at least \(n + 1) space\(n == 0 ? "" : "s"))")
      }
    }
  }

  /// Reads one node inside a flow collection; `empty` is true when nothing was there.
  mutating func parseFlowNode(
    parent n: Int, opened: SourceLocation, kind: String
  ) throws(YAMLError) -> (node: YAMLNode, empty: Bool) {
    try enter()
    let outerDeepest = deepest
    deepest = depth
    defer {
      deepest = max(outerDeepest, deepest)
      leave()
    }
    let countBefore = nodeCount
    var props = NodeProperties()
    while cur == .amp || cur == .bang {
      try readProperty(into: &props)
      try skipFlowSpace(parent: n, opened: opened, kind: kind)
    }
    var node: YAMLNode
    var empty = false
    switch cur {
    case .lbracket, .lbrace: node = try parseFlowCollection(parent: n)
    case .star:
      if !props.isEmpty { throw error("an alias cannot have an anchor or a tag") }
      node = try parseAlias()
    case .dquote: node = try parseDoubleQuoted(parent: n, inFlow: true)
    case .squote: node = try parseSingleQuoted(parent: n, inFlow: true)
    case .comma, .rbracket, .rbrace:
      node = makeNull(at: here, anchor: nil)
      empty = true
    case .colon where isBlankOrEnd(at(pos + 1)) || isFlowIndicator(at(pos + 1)):
      node = makeNull(at: here, anchor: nil)
      empty = true
    case .question where isBlankOrEnd(at(pos + 1)) || isFlowIndicator(at(pos + 1)):
      throw complexKeyError()
    default:
      try checkPlainStart(inFlow: true)
      node = parsePlain(parent: n, inFlow: true, singleLine: false)
    }
    if !props.isEmpty {
      try apply(props, to: &node)
      register(props.anchor, node, countBefore)
      empty = false
    }
    return (node, empty)
  }

  /// Whether a `:` at `pos` is a value indicator after `key` in flow context.
  func atFlowValueIndicator(after key: YAMLNode) -> Bool {
    guard cur == .colon else { return false }
    let d = at(pos + 1)
    if isBlankOrEnd(d) || isFlowIndicator(d) { return true }
    // JSON-like keys (quoted scalars, flow collections) may be followed by `:` directly.
    switch key.content {
    case .scalar(let s): return s.style == .singleQuoted || s.style == .doubleQuoted
    default: return true
    }
  }

  mutating func parseFlowSequence(parent n: Int) throws(YAMLError) -> YAMLNode {
    let opened = here
    pos += 1
    var items: [YAMLNode] = []
    while true {
      try skipFlowSpace(parent: n, opened: opened, kind: "sequence")
      if cur == .rbracket {
        pos += 1
        break
      }
      if cur == .comma { throw error("found ',' where a flow sequence entry was expected") }
      let entryLine = line
      let (node, empty) = try parseFlowNode(parent: n, opened: opened, kind: "sequence")
      try skipFlowSpace(parent: n, opened: opened, kind: "sequence")
      if atFlowValueIndicator(after: node) {
        // A single-pair mapping: `[key: value]`.
        if line != entryLine { throw error("an implicit mapping key must be on a single line") }
        guard case .scalar = node.content else { throw complexKeyError(at: node.location) }
        pos += 1
        try skipFlowSpace(parent: n, opened: opened, kind: "sequence")
        var value: YAMLNode
        if cur == .comma || cur == .rbracket {
          value = makeNull(at: here, anchor: nil)
        } else {
          value = try parseFlowNode(parent: n, opened: opened, kind: "sequence").node
        }
        var builder = MappingBuilder()
        try builder.add(node, value, reader: self)
        nodeCount += 1
        items.append(try builder.finish(at: node.location, reader: self))
        try skipFlowSpace(parent: n, opened: opened, kind: "sequence")
      } else if empty {
        throw error("found \(describe(pos)) where a flow sequence entry was expected")
      } else {
        items.append(node)
      }
      if cur == .comma {
        pos += 1
        continue
      }
      if cur == .rbracket { continue }
      throw error("found \(describe(pos)) in a flow sequence, expected ',' or ']'")
    }
    nodeCount += 1
    return YAMLNode(.sequence(items), at: opened)
  }

  mutating func parseFlowMapping(parent n: Int) throws(YAMLError) -> YAMLNode {
    let opened = here
    pos += 1
    var builder = MappingBuilder()
    while true {
      try skipFlowSpace(parent: n, opened: opened, kind: "mapping")
      if cur == .rbrace {
        pos += 1
        break
      }
      if cur == .comma { throw error("found ',' where a flow mapping entry was expected") }
      let (key, empty) = try parseFlowNode(parent: n, opened: opened, kind: "mapping")
      guard case .scalar = key.content else { throw complexKeyError(at: key.location) }
      try skipFlowSpace(parent: n, opened: opened, kind: "mapping")
      var value: YAMLNode
      if atFlowValueIndicator(after: key) {
        pos += 1
        try skipFlowSpace(parent: n, opened: opened, kind: "mapping")
        if cur == .comma || cur == .rbrace {
          value = makeNull(at: here, anchor: nil)
        } else {
          value = try parseFlowNode(parent: n, opened: opened, kind: "mapping").node
        }
        try skipFlowSpace(parent: n, opened: opened, kind: "mapping")
      } else if empty {
        throw error("found \(describe(pos)) where a flow mapping entry was expected")
      } else {
        value = makeNull(at: here, anchor: nil)
      }
      try builder.add(key, value, reader: self)
      if cur == .comma {
        pos += 1
        continue
      }
      if cur == .rbrace { continue }
      throw error("found \(describe(pos)) in a flow mapping, expected ',' or '}'")
    }
    nodeCount += 1
    return try builder.finish(at: opened, reader: self)
  }
}
