extension YAMLReader {
  /// Reads a single-quoted scalar (`''` is a quote; line breaks fold).
  mutating func parseSingleQuoted(parent n: Int, inFlow: Bool) throws(YAMLError) -> YAMLNode {
    let location = here
    pos += 1
    var out: [UInt8] = []
    while true {
      guard pos < bytes.count else {
        throw YAMLError(
          "unterminated single-quoted scalar: found the end of input, expected a closing \"'\"",
          at: location)
      }
      let c = bytes[pos]
      if c == .squote {
        if at(pos + 1) == .squote {
          out.append(.squote)
          pos += 2
          continue
        }
        pos += 1
        break
      }
      if c == .space || c == .tab {
        let ws = pos
        while isWhite(cur) { pos += 1 }
        if cur != .lf { out.append(contentsOf: bytes[ws..<pos]) }
        continue
      }
      if c == .lf {
        try foldQuotedBreaks(into: &out, parent: n, opened: location, quote: "'")
        continue
      }
      out.append(c)
      pos += 1
    }
    nodeCount += 1
    let text = String(decoding: out, as: UTF8.self)
    return YAMLNode(
      .scalar(YAMLScalar(text: text, style: .singleQuoted, value: .string(text))), at: location)
  }

  /// Reads a double-quoted scalar with every YAML 1.2 escape (§5.7) and line folding.
  mutating func parseDoubleQuoted(parent n: Int, inFlow: Bool) throws(YAMLError) -> YAMLNode {
    let location = here
    pos += 1
    var out: [UInt8] = []
    while true {
      guard pos < bytes.count else {
        throw YAMLError(
          "unterminated double-quoted scalar: found the end of input, expected a closing '\"'",
          at: location)
      }
      let c = bytes[pos]
      if c == .dquote {
        pos += 1
        break
      }
      if c == .space || c == .tab {
        let ws = pos
        while isWhite(cur) { pos += 1 }
        if cur != .lf { out.append(contentsOf: bytes[ws..<pos]) }
        continue
      }
      if c == .lf {
        try foldQuotedBreaks(into: &out, parent: n, opened: location, quote: "\"")
        continue
      }
      if c == .backslash {
        try readEscape(into: &out, parent: n, opened: location)
        continue
      }
      out.append(c)
      pos += 1
    }
    nodeCount += 1
    let text = String(decoding: out, as: UTF8.self)
    return YAMLNode(
      .scalar(YAMLScalar(text: text, style: .doubleQuoted, value: .string(text))), at: location)
  }

  /// Decodes the escape at `pos` (a backslash) into `out`.
  mutating func readEscape(
    into out: inout [UInt8], parent n: Int, opened: SourceLocation
  ) throws(YAMLError) {
    let start = pos
    let e = at(pos + 1)
    pos += 2
    var scalar: UInt32
    switch e {
    case UInt8(ascii: "0"): scalar = 0
    case UInt8(ascii: "a"): scalar = 7
    case UInt8(ascii: "b"): scalar = 8
    case UInt8(ascii: "t"), .tab: scalar = 9
    case UInt8(ascii: "n"): scalar = 10
    case UInt8(ascii: "v"): scalar = 11
    case UInt8(ascii: "f"): scalar = 12
    case UInt8(ascii: "r"): scalar = 13
    case UInt8(ascii: "e"): scalar = 27
    case .space: scalar = 32
    case .dquote: scalar = 34
    case UInt8(ascii: "/"): scalar = 47
    case .backslash: scalar = 92
    case UInt8(ascii: "N"): scalar = 0x85
    case UInt8(ascii: "_"): scalar = 0xA0
    case UInt8(ascii: "L"): scalar = 0x2028
    case UInt8(ascii: "P"): scalar = 0x2029
    case UInt8(ascii: "x"): scalar = try readHex(digits: 2, escapeAt: start)
    case UInt8(ascii: "u"): scalar = try readHex(digits: 4, escapeAt: start)
    case UInt8(ascii: "U"): scalar = try readHex(digits: 8, escapeAt: start)
    case .lf:
      // An escaped line break: the break and the next line's indentation are removed.
      pos -= 1
      consumeBreak()
      while true {
        var spaces = 0
        while cur == .space {
          pos += 1
          spaces += 1
        }
        if spaces == 0 && atDocumentMarker {
          throw error("found a document marker inside a double-quoted scalar")
        }
        while isWhite(cur) { pos += 1 }
        if cur == .lf {
          out.append(.lf)
          consumeBreak()
          continue
        }
        if !atEnd && spaces <= n && cur != .dquote {
          throw badQuotedIndentation(spaces: spaces, parent: n, opened: opened, quote: "\"")
        }
        return
      }
    default:
      if e == 0 && start + 1 >= bytes.count {
        throw YAMLError(
          "unterminated double-quoted scalar: found the end of input, expected a closing '\"'",
          at: opened)
      }
      throw error("found unknown escape character \(describe(start + 1))", at: start)
    }
    appendUTF8(scalar, to: &out)
  }

  mutating func readHex(digits: Int, escapeAt start: Int) throws(YAMLError) -> UInt32 {
    var v: UInt32 = 0
    for _ in 0..<digits {
      let c = cur
      let d: UInt32
      switch c {
      case 48...57: d = UInt32(c - 48)
      case 65...70: d = UInt32(c - 55)
      case 97...102: d = UInt32(c - 87)
      default:
        throw error("expected \(digits) hexadecimal digits in the escape, found \(describe(pos))")
      }
      v = v << 4 | d
      pos += 1
    }
    if v > 0x10FFFF || (0xD800...0xDFFF).contains(v) {
      throw error("the escape is not a valid Unicode scalar value", at: start)
    }
    return v
  }

  func appendUTF8(_ v: UInt32, to out: inout [UInt8]) {
    if v < 0x80 {
      out.append(UInt8(v))
    } else if v < 0x800 {
      out.append(UInt8(0xC0 | (v >> 6)))
      out.append(UInt8(0x80 | (v & 0x3F)))
    } else if v < 0x10000 {
      out.append(UInt8(0xE0 | (v >> 12)))
      out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
      out.append(UInt8(0x80 | (v & 0x3F)))
    } else {
      out.append(UInt8(0xF0 | (v >> 18)))
      out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
      out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
      out.append(UInt8(0x80 | (v & 0x3F)))
    }
  }

  /// Folds the line breaks at `pos` inside a quoted scalar: one break is a space, each further
  /// empty line a `\n`; leading whitespace of the next line is dropped.
  mutating func foldQuotedBreaks(
    into out: inout [UInt8], parent n: Int, opened: SourceLocation, quote: String
  ) throws(YAMLError) {
    var breaks = 0
    while cur == .lf {
      consumeBreak()
      breaks += 1
      if atDocumentMarker {
        throw error("found a document marker inside a quoted scalar")
      }
      var spaces = 0
      while cur == .space {
        pos += 1
        spaces += 1
      }
      while isWhite(cur) { pos += 1 }
      if cur == .lf || atEnd { continue }
      if spaces <= n {
        throw badQuotedIndentation(spaces: spaces, parent: n, opened: opened, quote: quote)
      }
    }
    if breaks == 1 {
      out.append(.space)
    } else {
      for _ in 1..<breaks { out.append(.lf) }
    }
  }

  /// The error for a quoted scalar's line at or left of its parent's indentation: usually a
  /// missing closing quote, reported at the opening quote.
  func badQuotedIndentation(
    spaces: Int, parent n: Int, opened: SourceLocation, quote: String
  ) -> YAMLError {
    if !hasClosingQuote(quote) {
      let style = quote == "'" ? "single" : "double"
      let shown = quote == "'" ? "\"'\"" : "'\"'"
      return YAMLError(
        "unterminated \(style)-quoted scalar: found the end of input, expected a closing \(shown)",
        at: opened)
    }
    if lineStart + spaces < pos && at(lineStart + spaces) == .tab {
      return error(Self.tabMessage, at: lineStart + spaces)
    }
    return error(
      "a continuation line of a quoted scalar must be indented more than its parent "
        + "(at least \(n + 1) space\(n == 0 ? "" : "s"))")
  }

  /// Whether the quote that closes the current scalar occurs anywhere after `pos`.
  func hasClosingQuote(_ quote: String) -> Bool {
    var i = pos
    if quote == "'" {
      while i < bytes.count {
        if bytes[i] == .squote {
          if at(i + 1) != .squote { return true }
          i += 2
          continue
        }
        i += 1
      }
      return false
    }
    while i < bytes.count {
      if bytes[i] == .backslash {
        i += 2
        continue
      }
      if bytes[i] == .dquote { return true }
      i += 1
    }
    return false
  }
}
