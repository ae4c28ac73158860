/// Where a block node is being read, which decides what may start there.
enum BlockContext: Equatable {
  /// The first node of a document without `---` (it starts a line).
  case document
  /// The rest of a `---` line: scalars and flow collections only, as in libyaml.
  case documentMarkerLine
  /// After `key:`; a sequence may sit at the key's own indentation (Kubernetes' style).
  case mappingValue
  /// After `- `; a compact mapping or sequence may start on the same line.
  case sequenceItem
}

extension YAMLReader {
  static let tabMessage = "found a tab character where indentation is expected"

  /// Whether `pos` starts a `- ` sequence entry.
  @inline(__always) var atSequenceEntry: Bool { cur == .dash && isBlankOrEnd(at(pos + 1)) }

  /// Whether a node that would start at `pos` (first on its line) is outside the parent's block.
  func outsideBlock(parent n: Int, context: BlockContext) -> Bool {
    if atEnd || atDocumentMarker { return true }
    if col > n { return false }
    return !(context == .mappingValue && col == n && atSequenceEntry)
  }

  /// Rejects a tab used as indentation on the current line, when the content at `pos` is first on
  /// its line and needs indentation deeper than `n` (or begins a block collection).
  func checkTabIndent(parent n: Int, blockStart: Bool, at p: Int? = nil) throws(YAMLError) {
    let t = lineStart + lineIndent
    guard t < (p ?? pos), bytes[t] == .tab else { return }
    if lineIndent <= n || blockStart { throw error(Self.tabMessage, at: t) }
  }

  /// Rejects a block collection that starts on an indicator's line after a tab separator
  /// (`-\t- a`): its indentation would depend on the tab's width.
  func checkNoTab(from start: Int, to end: Int) throws(YAMLError) {
    var i = start
    while i < end {
      if bytes[i] == .tab { throw error(Self.tabMessage, at: i) }
      i += 1
    }
  }

  /// Parses the block node after an indicator (`key:`, `- `, `---`) or at a document's start.
  ///
  /// `n` is the parent's indentation (-1 at the top): the node's content must be deeper.
  mutating func parseBlockNode(parent n: Int, context: BlockContext) throws(YAMLError) -> YAMLNode {
    try enter()
    let outerDeepest = deepest
    deepest = depth
    defer {
      deepest = max(outerDeepest, deepest)
      leave()
    }
    let emptyLocation = here
    let indicatorEnd = pos
    let countBefore = nodeCount
    var crossed = skipToContent()
    if context == .document { crossed = true }
    if atEnd || (crossed && outsideBlock(parent: n, context: context)) {
      return makeNull(at: emptyLocation, anchor: nil)
    }
    if crossed { try checkTabIndent(parent: n, blockStart: false) }

    // Properties. After properties alone on their line, further properties belong to the first
    // key of the block mapping that follows.
    var props = NodeProperties()
    var innerProps = NodeProperties()
    var propsCrossed = false
    let propsCol = col
    if cur == .amp || cur == .bang {
      props = try parseProperties()
      skipInlineSpaceAndComment()
      if cur == .lf {
        propsCrossed = skipToContent()
        if outsideBlock(parent: n, context: context) {
          return try emptyNode(props, at: emptyLocation, countBefore)
        }
        try checkTabIndent(parent: n, blockStart: false)
        // Properties may continue on the next lines (`&a` then `!!str`): they join the node's,
        // unless they share a line with an implicit key, which they then belong to.
        while cur == .amp || cur == .bang {
          let more = try parseProperties()
          skipInlineSpaceAndComment()
          if cur == .lf || atEnd {
            try props.merge(more, reader: self)
            _ = skipToContent()
            if outsideBlock(parent: n, context: context) {
              return try emptyNode(props, at: emptyLocation, countBefore)
            }
            try checkTabIndent(parent: n, blockStart: false)
          } else {
            innerProps = more
            break
          }
        }
      } else if atEnd {
        return try emptyNode(props, at: emptyLocation, countBefore)
      }
    }
    let onNewLine = crossed || propsCrossed
    let blockAllowed = onNewLine || context == .sequenceItem
    let startCol = col
    var node: YAMLNode
    if atSequenceEntry {
      if !blockAllowed {
        throw error("block sequence entries are not allowed in this context")
      }
      if !props.isEmpty && !propsCrossed {
        throw error("a block sequence cannot start on the line of its anchor or tag")
      }
      if onNewLine {
        try checkTabIndent(parent: n, blockStart: true)
      } else {
        try checkNoTab(from: indicatorEnd, to: pos)
      }
      if !innerProps.isEmpty {
        throw error("a block sequence cannot start on the line of its anchor or tag")
      }
      node = try parseBlockSequence(indent: startCol)
      try apply(props, to: &node)
    } else if cur == .question && isBlankOrEnd(at(pos + 1)) {
      throw complexKeyError()
    } else if cur == .pipe || cur == .gt {
      try props.merge(innerProps, reader: self)
      node = try parseBlockScalar(parent: n)
      try apply(props, to: &node)
    } else if cur == .colon && isBlankOrEnd(at(pos + 1)) {
      throw error("empty mapping keys are not supported (complex keys are not supported)")
    } else {
      let startLine = line
      let isAlias = cur == .star
      let first = try parseInlineNode(parent: n, keyOnly: false)
      let afterNode = pos
      while isWhite(cur) { pos += 1 }
      if cur == .colon && isBlankOrEnd(at(pos + 1)) {
        if line != startLine {
          throw error(
            "found ':' after a scalar that started on line \(startLine): a mapping key must be on "
              + "one line (check the indentation)")
        }
        if !blockAllowed { throw error("mapping values are not allowed in this context") }
        if case .scalar = first.content {} else { throw complexKeyError(at: first.location) }
        if onNewLine {
          try checkTabIndent(parent: n, blockStart: true, at: lineStart + startCol)
        } else {
          try checkNoTab(from: indicatorEnd, to: lineStart + startCol)
        }
        let keyProps = propsCrossed ? innerProps : props
        if isAlias && !keyProps.isEmpty {
          throw YAMLError("an alias cannot have an anchor or a tag", at: first.location)
        }
        var key = first
        try apply(keyProps, to: &key)
        register(keyProps.anchor, key, countBefore, height: 0)
        if !propsCrossed { props = NodeProperties() }
        node = try parseBlockMapping(indent: propsCrossed ? startCol : propsCol, firstKey: key)
        try apply(props, to: &node)
      } else {
        try props.merge(innerProps, reader: self)
        if isAlias && !props.isEmpty {
          throw YAMLError("an alias cannot have an anchor or a tag", at: first.location)
        }
        pos = afterNode
        node = first
        try apply(props, to: &node)
      }
    }
    register(props.anchor, node, countBefore)
    return node
  }

  /// An empty (null) node carrying `props`.
  mutating func emptyNode(
    _ props: NodeProperties, at location: SourceLocation, _ countBefore: Int
  ) throws(YAMLError) -> YAMLNode {
    var node = makeNull(at: location, anchor: nil)
    try apply(props, to: &node)
    register(props.anchor, node, countBefore)
    return node
  }

  /// Parses a block mapping whose first key has been read; `pos` is at its `:`.
  mutating func parseBlockMapping(indent m: Int, firstKey: YAMLNode) throws(YAMLError) -> YAMLNode {
    var builder = MappingBuilder()
    var key = firstKey
    while true {
      pos += 1  // ':'
      let value = try parseBlockNode(parent: m, context: .mappingValue)
      try builder.add(key, value, reader: self)
      let crossed = skipToContent()
      if atEnd || atDocumentMarker { break }
      if !crossed { throw unexpectedAfterNode(crossed: false) }
      if lineIndent < col && lineIndent <= m { try checkTabIndent(parent: m, blockStart: true) }
      if col < m { break }
      if col > m { throw misindented(blockIndent: m, what: "enclosing mapping has its keys") }
      key = try parseBlockKey(indent: m)
    }
    nodeCount += 1
    return try builder.finish(at: firstKey.location, reader: self)
  }

  /// Parses a key of a block mapping (after the first) and leaves `pos` at its `:`.
  mutating func parseBlockKey(indent m: Int) throws(YAMLError) -> YAMLNode {
    let countBefore = nodeCount
    var props = NodeProperties()
    if cur == .amp || cur == .bang {
      props = try parseProperties()
      while isWhite(cur) { pos += 1 }
    }
    if cur == .star && !props.isEmpty { throw error("an alias cannot have an anchor or a tag") }
    if cur == .question && isBlankOrEnd(at(pos + 1)) { throw complexKeyError() }
    if atSequenceEntry {
      throw error("found a sequence entry where a mapping key was expected (check the indentation)")
    }
    if cur == .colon && isBlankOrEnd(at(pos + 1)) {
      throw error("empty mapping keys are not supported (complex keys are not supported)")
    }
    let startLine = line
    let keyStart = pos
    var key = try parseInlineNode(parent: m, keyOnly: true)
    while isWhite(cur) { pos += 1 }
    guard cur == .colon && isBlankOrEnd(at(pos + 1)) && line == startLine else {
      if line == startLine {
        throw error("could not find the ':' that must follow the mapping key", at: keyStart)
      }
      throw YAMLError(
        "could not find the ':' that must follow the mapping key", at: key.location)
    }
    if case .scalar = key.content {} else { throw complexKeyError(at: key.location) }
    try apply(props, to: &key)
    register(props.anchor, key, countBefore, height: 0)
    return key
  }

  /// Parses a block sequence whose first `- ` is at `pos`, at indentation `s`.
  mutating func parseBlockSequence(indent s: Int) throws(YAMLError) -> YAMLNode {
    let location = here
    var items: [YAMLNode] = []
    while true {
      pos += 1  // '-'
      items.append(try parseBlockNode(parent: s, context: .sequenceItem))
      let crossed = skipToContent()
      if atEnd || atDocumentMarker { break }
      if !crossed { throw unexpectedAfterNode(crossed: false) }
      if lineIndent < col && lineIndent <= s { try checkTabIndent(parent: s, blockStart: true) }
      if col < s { break }
      if col > s {
        throw misindented(blockIndent: s, what: "enclosing sequence has its '- ' entries")
      }
      if !atSequenceEntry { break }
    }
    nodeCount += 1
    return YAMLNode(.sequence(items), at: location)
  }

  /// Parses a node that is not a block collection: alias, quoted or plain scalar, flow collection.
  mutating func parseInlineNode(parent n: Int, keyOnly: Bool) throws(YAMLError) -> YAMLNode {
    switch cur {
    case .star: return try parseAlias()
    case .dquote: return try parseDoubleQuoted(parent: n, inFlow: false)
    case .squote: return try parseSingleQuoted(parent: n, inFlow: false)
    case .lbracket, .lbrace: return try parseFlowCollection(parent: n)
    case .pipe, .gt:
      throw error("a block scalar cannot be a mapping key")
    default:
      try checkPlainStart(inFlow: false)
      return parsePlain(parent: n, inFlow: false, singleLine: keyOnly)
    }
  }

  /// The error for content at a column that no enclosing block uses.
  func misindented(blockIndent: Int, what: String) -> YAMLError {
    if cur == .colon && isBlankOrEnd(at(pos + 1)) {
      return error("mapping values are not allowed in this context")
    }
    let column = location(pos).column
    return error(
      "found \(describe(pos)) at column \(column), but the \(what) at column \(blockIndent + 1) "
        + "(check the indentation)")
  }

  /// Rejects characters that cannot start a plain scalar.
  func checkPlainStart(inFlow: Bool) throws(YAMLError) {
    let c = cur
    if c == .percent && col == 0 {
      var end = pos
      while end < bytes.count && !isBlankOrEnd(bytes[end]) { end += 1 }
      let name = String(decoding: bytes[pos..<end], as: UTF8.self)
      throw error("directives are not supported (found '\(name)')")
    }
    switch c {
    case .comma, .rbracket, .rbrace, .lbracket, .lbrace, .hash, .at, .backtick, .percent,
      .pipe, .gt, .dquote, .squote, .amp, .star, .bang:
      throw error("found \(describe(pos)), which cannot start a plain scalar")
    case .dash, .question, .colon:
      let d = at(pos + 1)
      if isBlankOrEnd(d) || (inFlow && isFlowIndicator(d)) {
        throw error("found \(describe(pos)), which cannot start a plain scalar here")
      }
    default:
      break
    }
  }

  // MARK: Anchors and aliases

  /// Reads `&name` at `pos` and returns the name.
  mutating func scanAnchorName() throws(YAMLError) -> String {
    let start = pos
    pos += 1
    let nameStart = pos
    while !isBlankOrEnd(cur) && !isFlowIndicator(cur) { pos += 1 }
    if pos == nameStart { throw error("an anchor needs a name after '&'", at: start) }
    if !isBlankOrEnd(cur) && !isFlowIndicator(cur) {
      throw error("found \(describe(pos)) after an anchor", at: pos)
    }
    return String(decoding: bytes[nameStart..<pos], as: UTF8.self)
  }

  /// Remembers an anchored node for later aliases.
  ///
  /// `height` is how much deeper than the current depth the node reaches (by default, what was
  /// reached since the enclosing `parseBlockNode`/`parseFlowNode` began).
  mutating func register(
    _ name: String?, _ node: YAMLNode, _ countBefore: Int, height: Int? = nil
  ) {
    guard let name else { return }
    anchors[name] = (node, max(1, nodeCount - countBefore), height ?? max(0, deepest - depth))
  }

  /// Reads `*name` and returns a copy of the anchored node, located at the alias.
  mutating func parseAlias() throws(YAMLError) -> YAMLNode {
    let start = pos
    let location = here
    pos += 1
    let nameStart = pos
    while !isBlankOrEnd(cur) && !isFlowIndicator(cur) { pos += 1 }
    if pos == nameStart { throw error("an alias needs a name after '*'", at: start) }
    let name = String(decoding: bytes[nameStart..<pos], as: UTF8.self)
    guard let target = anchors[name] else {
      throw YAMLError("unknown anchor '\(name)'", at: location)
    }
    let reached = depth + target.height
    if reached > YAMLLimits.maxDepth {
      throw YAMLError(
        "nesting depth exceeds the limit of \(YAMLLimits.maxDepth) (YAMLLimits.maxDepth) "
          + "through the alias '\(name)'", at: location)
    }
    if reached > deepest { deepest = reached }
    nodeCount += target.size
    aliasExpansion += target.size
    if aliasExpansion > YAMLLimits.maxAliasExpansion {
      throw YAMLError(
        "aliases expand to more than \(YAMLLimits.maxAliasExpansion) nodes "
          + "(YAMLLimits.maxAliasExpansion); is this a billion-laughs document?", at: location)
    }
    var node = target.node
    node.location = location
    return node
  }

  // MARK: Nodes and errors

  mutating func makeNull(at location: SourceLocation, anchor: String?) -> YAMLNode {
    nodeCount += 1
    return YAMLNode(
      .scalar(YAMLScalar(text: "", style: .plain, value: .null)), at: location, anchor: anchor)
  }

  func complexKeyError(at location: SourceLocation? = nil) -> YAMLError {
    if let location {
      return YAMLError(
        "complex keys are not supported (found a collection used as a mapping key)", at: location)
    }
    return error("complex keys are not supported (found an explicit '?' key)")
  }
}
