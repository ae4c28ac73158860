/// The parser's state: the input as UTF-8 bytes, the read position and the anchors seen.
///
/// The parser is a recursive descent over bytes (never `Character`), with 0-based byte columns
/// for indentation (indentation is ASCII spaces) and 1-based scalar columns in locations.
struct YAMLReader {
  /// The input with line breaks normalized to LF.
  var bytes: [UInt8]
  var pos = 0
  /// 1-based number of the line that `pos` is on.
  var line = 1
  /// Offset of the first byte of the current line.
  var lineStart = 0
  /// Leading spaces of the current line (set when `skipToContent` crosses a line).
  var lineIndent = 0
  let file: String
  /// Anchored nodes by name, with the number of nodes each holds (for the alias budget).
  /// Looked up only, never iterated.
  var anchors: [String: (node: YAMLNode, size: Int, height: Int)] = [:]
  var depth = 0
  /// The deepest nesting reached inside the node being read (aliases count with the height of
  /// their target), so that aliases cannot build a tree deeper than `YAMLLimits.maxDepth`.
  var deepest = 0
  /// Nodes built so far, counting alias expansions.
  var nodeCount = 0
  /// Nodes added by alias expansion so far.
  var aliasExpansion = 0
  /// Column cache of `here`: the line it is for, a byte offset and its 1-based column.
  var columnCacheLineStart = -1
  var columnCachePos = 0
  var columnCacheColumn = 1

  init(bytes: [UInt8], file: String) {
    self.bytes = bytes
    self.file = file
  }

  // MARK: Bytes

  /// The byte at `i`, or 0 past the end (input never contains NUL: `YAMLParser` rejects it).
  @inline(__always) func at(_ i: Int) -> UInt8 { i < bytes.count ? bytes[i] : 0 }
  @inline(__always) var cur: UInt8 { pos < bytes.count ? bytes[pos] : 0 }
  @inline(__always) var atEnd: Bool { pos >= bytes.count }
  /// The 0-based byte column of `pos`.
  @inline(__always) var col: Int { pos - lineStart }

  // MARK: Locations and errors

  /// The location of byte offset `p`, which must be on the current line.
  func location(_ p: Int) -> SourceLocation {
    var column = 1
    var i = lineStart
    while i < p && i < bytes.count {
      if bytes[i] & 0xC0 != 0x80 { column += 1 }
      i += 1
    }
    return SourceLocation(file: file, line: line, column: column)
  }

  /// The location of `pos`.
  ///
  /// Counting scalars from the line start for every node would be quadratic on a long line (a
  /// minified JSON manifest); the count is cached and resumed while `pos` moves forward.
  var here: SourceLocation {
    mutating get {
      if columnCacheLineStart != lineStart || pos < columnCachePos {
        columnCacheLineStart = lineStart
        columnCachePos = lineStart
        columnCacheColumn = 1
      }
      var i = columnCachePos
      var column = columnCacheColumn
      while i < pos && i < bytes.count {
        if bytes[i] & 0xC0 != 0x80 { column += 1 }
        i += 1
      }
      columnCachePos = i
      columnCacheColumn = column
      return SourceLocation(file: file, line: line, column: column)
    }
  }

  func error(_ message: String, at p: Int? = nil) -> YAMLError {
    YAMLError(message, at: location(p ?? pos))
  }

  /// A readable rendering of the byte at `p` for messages.
  func describe(_ p: Int) -> String {
    if p >= bytes.count { return "end of input" }
    let c = bytes[p]
    switch c {
    case 10: return "end of line"
    case 9: return "a tab character"
    case 39: return "\"'\""
    default:
      if c < 0x80 { return "'" + String(UnicodeScalar(c)) + "'" }
      var end = p + 1
      while end < bytes.count && bytes[end] & 0xC0 == 0x80 { end += 1 }
      return "'" + String(decoding: bytes[p..<end], as: UTF8.self) + "'"
    }
  }

  // MARK: Whitespace, comments, line breaks

  /// Skips spaces and tabs on the current line, then a comment if one starts there.
  mutating func skipInlineSpaceAndComment() {
    let start = pos
    while cur == .space || cur == .tab { pos += 1 }
    if cur == .hash && (pos > start || pos == lineStart || isWhite(at(pos - 1))) {
      while pos < bytes.count && bytes[pos] != .lf { pos += 1 }
    }
  }

  /// Skips whitespace, comments and line breaks up to the next content byte or the end.
  ///
  /// Returns whether that content is the first on its line (a line was crossed or `pos` was at a
  /// line start). When it is, `lineIndent` holds the line's leading spaces.
  mutating func skipToContent() -> Bool {
    while true {
      skipInlineSpaceAndComment()
      if cur == .lf {
        pos += 1
        line += 1
        lineStart = pos
        continue
      }
      break
    }
    var i = lineStart
    while i < pos && isWhite(bytes[i]) { i += 1 }
    guard i == pos else { return false }
    i = lineStart
    while i < bytes.count && bytes[i] == .space { i += 1 }
    lineIndent = i - lineStart
    return true
  }

  /// Whether `pos` is at a `---` or `...` marker at the start of a line.
  var atDocumentMarker: Bool {
    guard pos == lineStart, pos + 2 < bytes.count || pos + 3 <= bytes.count else { return false }
    let c = at(pos)
    guard (c == .dash || c == .dot) && at(pos + 1) == c && at(pos + 2) == c else { return false }
    return isBlankOrEnd(at(pos + 3))
  }

  /// Consumes a line break at `pos`, updating the line counters.
  @inline(__always) mutating func consumeBreak() {
    pos += 1
    line += 1
    lineStart = pos
  }

  // MARK: Depth and node accounting

  mutating func enter() throws(YAMLError) {
    depth += 1
    if depth > deepest { deepest = depth }
    if depth > YAMLLimits.maxDepth {
      throw error("nesting depth exceeds the limit of \(YAMLLimits.maxDepth) (YAMLLimits.maxDepth)")
    }
  }

  @inline(__always) mutating func leave() { depth -= 1 }
}

// MARK: Byte classes

extension UInt8 {
  static let tab: UInt8 = 9
  static let lf: UInt8 = 10
  static let space: UInt8 = 32
  static let bang: UInt8 = 33
  static let dquote: UInt8 = 34
  static let hash: UInt8 = 35
  static let percent: UInt8 = 37
  static let amp: UInt8 = 38
  static let squote: UInt8 = 39
  static let star: UInt8 = 42
  static let comma: UInt8 = 44
  static let dash: UInt8 = 45
  static let dot: UInt8 = 46
  static let colon: UInt8 = 58
  static let gt: UInt8 = 62
  static let question: UInt8 = 63
  static let at: UInt8 = 64
  static let lbracket: UInt8 = 91
  static let backslash: UInt8 = 92
  static let rbracket: UInt8 = 93
  static let backtick: UInt8 = 96
  static let lbrace: UInt8 = 123
  static let pipe: UInt8 = 124
  static let rbrace: UInt8 = 125
}

@inline(__always) func isWhite(_ c: UInt8) -> Bool { c == .space || c == .tab }
@inline(__always) func isBlankOrEnd(_ c: UInt8) -> Bool {
  c == .space || c == .tab || c == .lf || c == 0
}
@inline(__always) func isFlowIndicator(_ c: UInt8) -> Bool {
  c == .comma || c == .lbracket || c == .rbracket || c == .lbrace || c == .rbrace
}
