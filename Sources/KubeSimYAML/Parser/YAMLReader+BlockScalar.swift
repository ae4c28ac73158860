extension YAMLReader {
  /// Reads a literal (`|`) or folded (`>`) block scalar with its chomping (`-`, `+`) and
  /// indentation (`1`–`9`) indicators (YAML 1.2 §8.1), following libyaml's scanner
  /// (scanner.c `yaml_parser_scan_block_scalar`).
  ///
  /// KubeSim differs from libyaml at the top level: a block scalar of a document may have its
  /// content at column 1, as the YAML 1.2 spec allows.
  mutating func parseBlockScalar(parent n: Int) throws(YAMLError) -> YAMLNode {
    let location = here
    let literal = cur == .pipe
    pos += 1
    var chomp = 0  // -1 strip, 0 clip, +1 keep
    var increment = 0
    for _ in 0..<2 {
      let c = cur
      if (c == UInt8(ascii: "+") || c == .dash) && chomp == 0 {
        chomp = c == .dash ? -1 : 1
        pos += 1
      } else if c >= UInt8(ascii: "1") && c <= UInt8(ascii: "9") && increment == 0 {
        increment = Int(c - 48)
        pos += 1
      } else if c == UInt8(ascii: "0") {
        throw error("a block scalar's indentation indicator must be 1 to 9, found '0'")
      }
    }
    if !isBlankOrEnd(cur) {
      throw error(
        "found \(describe(pos)) in a block scalar header, expected a chomping or "
          + "indentation indicator, a comment or the end of the line")
    }
    skipInlineSpaceAndComment()
    if !(atEnd || cur == .lf) {
      throw error(
        "found \(describe(pos)) after a block scalar header, expected the end of the line")
    }
    var indent: Int? = increment > 0 ? (n >= 0 ? n + increment : increment) : nil
    var out: [UInt8] = []
    var leadingBreak = false
    var leadingBlank = false
    var trailingBreaks = 0
    if !atEnd {
      consumeBreak()
      try blockScalarBreaks(indent: &indent, trailing: &trailingBreaks, parent: n)
    } else {
      indent = indent ?? max(n + 1, 0)
    }
    let contentIndent = indent ?? 0
    while !atEnd && col == contentIndent && !atDocumentMarker {
      let trailingBlank = isWhite(cur)
      if !literal && leadingBreak && !leadingBlank && !trailingBlank {
        if trailingBreaks == 0 { out.append(.space) }
      } else if leadingBreak {
        out.append(.lf)
      }
      leadingBreak = false
      for _ in 0..<trailingBreaks { out.append(.lf) }
      trailingBreaks = 0
      leadingBlank = isWhite(cur)
      let start = pos
      while pos < bytes.count && bytes[pos] != .lf { pos += 1 }
      out.append(contentsOf: bytes[start..<pos])
      if atEnd {
        // A last line of only whitespace counts as ending with a line break.
        if bytes[start..<pos].allSatisfy(isWhite) { leadingBreak = true }
        break
      }
      consumeBreak()
      leadingBreak = true
      try blockScalarBreaks(indent: &indent, trailing: &trailingBreaks, parent: n)
    }
    if chomp != -1 && leadingBreak { out.append(.lf) }
    if chomp == 1 { for _ in 0..<trailingBreaks { out.append(.lf) } }
    // Leave `pos` at the start of the line that ended the scalar, so callers see a new line.
    if !atEnd { pos = lineStart }
    nodeCount += 1
    let text = String(decoding: out, as: UTF8.self)
    return YAMLNode(
      .scalar(YAMLScalar(text: text, style: literal ? .literal : .folded, value: .string(text))),
      at: location)
  }

  /// Consumes indentation and empty lines; fixes the indentation if it is not known yet.
  ///
  /// While the indentation is unknown, a line of spaces then a tab is the first content line
  /// (the tab is content), and a content line less indented than a preceding empty line is an
  /// error. A line of only spaces at the end of input counts as an empty line.
  mutating func blockScalarBreaks(
    indent: inout Int?, trailing: inout Int, parent n: Int
  ) throws(YAMLError) {
    var maxEmpty = 0
    while true {
      while cur == .space && (indent == nil || col < indent ?? 0) { pos += 1 }
      if let known = indent {
        if cur == .tab && col < known {
          var k = pos
          while isWhite(at(k)) { k += 1 }
          if k < bytes.count && at(k) != .lf { throw error(Self.tabMessage) }
          pos = k
        }
      } else if cur == .tab {
        if col <= n || col == 0 && n >= 0 { throw error(Self.tabMessage) }
        break
      }
      if atEnd {
        if pos > lineStart { trailing += 1 }
        break
      }
      if cur != .lf { break }
      if indent == nil && col > maxEmpty { maxEmpty = col }
      trailing += 1
      consumeBreak()
    }
    if indent == nil {
      let hasContent = !atEnd && cur != .lf
      if hasContent && col > n && col < maxEmpty && !atDocumentMarker {
        throw error(
          "a block scalar's first content line is indented less than an empty line before it")
      }
      var i = hasContent && col > n ? col : maxEmpty
      if i < n + 1 { i = n + 1 }
      if i < 0 { i = 0 }
      if n >= 0 && i < 1 { i = 1 }
      indent = i
    }
  }
}
