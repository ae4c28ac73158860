/// Parses YAML text into node trees, one per document.
///
/// Supports the YAML that Kubernetes users write: block and flow collections (including the
/// unindented `- ` list under a key), plain, single- and double-quoted scalars with every YAML 1.2
/// escape, literal and folded block scalars with chomping and indentation indicators, comments,
/// multi-document streams (`---`, `...`), anchors, aliases, `<<` merge keys, and the standard tags
/// `!!str !!int !!float !!bool !!null !!map !!seq` and `!`. Plain scalars resolve as Kubernetes'
/// reader resolves them (see `YAMLResolver`).
///
/// Not supported, each reported as a `YAMLError` rather than parsed wrongly: other tags (`!foo`,
/// `!!binary`), directives (`%YAML`, `%TAG`) and complex keys (`? ` explicit keys, collections as
/// keys). Duplicate keys in one mapping are errors, as in Kubernetes' strict decoding. Input is
/// bounded by `YAMLLimits` (nesting depth, alias expansion).
///
/// Differences from the YAML 1.2 spec, as libyaml and go-yaml (hence Kubernetes) behave: the
/// closing bracket of a flow collection may sit at its parent's indentation. Differences from
/// go-yaml, as YAML 1.2 allows: a tab may separate `key:` or `- ` from what follows; anchor names
/// may hold any non-blank character but `,[]{}` (go-yaml stops them at the first character that
/// is not a letter, digit, `-` or `_`, so `&a: b` is an anchor `a` there and `a:` here); in a
/// flow collection `?x` is the plain scalar `?x` (go-yaml reads `?` there as an explicit key).
///
/// Example:
/// ```swift
/// let docs = try YAMLParser.parseStream("a: 1\n---\n- x\n", file: "in.yaml")
/// docs[0].toJSON().compactString  // {"a":1}
/// ```
/// - Complexity: O(n) in the input size (plus alias expansion, bounded by `YAMLLimits`).
public enum YAMLParser {
  /// Parses every document of `text`; `file` names the input in locations and errors.
  ///
  /// An empty document (`---` followed by nothing) is a null scalar; a stream of only comments
  /// has no documents.
  public static func parseStream(_ text: String, file: String) throws(YAMLError) -> [YAMLNode] {
    var reader = YAMLReader(bytes: try normalize(text, file: file), file: file)
    return try reader.parseStream()
  }

  /// The input as bytes with CR LF and lone CR turned into LF; rejects control characters.
  static func normalize(_ text: String, file: String) throws(YAMLError) -> [UInt8] {
    var bytes = Array(text.utf8)
    var hasCR = false
    var line = 1
    var lineStart = 0
    for i in 0..<bytes.count {
      let c = bytes[i]
      if c >= 0x20 && c != 0x7F { continue }
      if c == .lf {
        line += 1
        lineStart = i + 1
      } else if c == 13 {
        hasCR = true
      } else if c != .tab {
        var column = 1
        for j in lineStart..<i where bytes[j] & 0xC0 != 0x80 { column += 1 }
        let hex = String(c, radix: 16, uppercase: true)
        throw YAMLError(
          "found control character U+" + String(repeating: "0", count: 4 - hex.count) + hex
            + ", which YAML does not allow in a stream",
          at: SourceLocation(file: file, line: line, column: column))
      }
    }
    if hasCR {
      var out: [UInt8] = []
      out.reserveCapacity(bytes.count)
      var i = 0
      while i < bytes.count {
        let c = bytes[i]
        if c == 13 {
          out.append(.lf)
          if i + 1 < bytes.count && bytes[i + 1] == .lf { i += 1 }
        } else {
          out.append(c)
        }
        i += 1
      }
      bytes = out
    }
    return bytes
  }
}

extension YAMLReader {
  /// stream ::= document* ; handles `---`, `...`, byte order marks and directives.
  mutating func parseStream() throws(YAMLError) -> [YAMLNode] {
    var documents: [YAMLNode] = []
    while true {
      skipByteOrderMark()
      _ = skipToContent()
      if atEnd { break }
      if col == 0 && cur == .percent {
        var end = pos
        while end < bytes.count && !isBlankOrEnd(bytes[end]) { end += 1 }
        let name = String(decoding: bytes[pos..<end], as: UTF8.self)
        throw error("directives are not supported (found '\(name)')")
      }
      if atDocumentMarker && cur == .dot {
        // A document end marker with no document before it.
        pos += 3
        try expectEndOfLine(after: "'...'")
        continue
      }
      var context = BlockContext.document
      if atDocumentMarker {
        pos += 3
        context = .documentMarkerLine
      }
      anchors = [:]
      let node = try parseBlockNode(parent: -1, context: context)
      documents.append(node)
      let crossed = skipToContent()
      if atEnd { break }
      if atDocumentMarker {
        if cur == .dot {
          pos += 3
          try expectEndOfLine(after: "'...'")
        }
        continue
      }
      throw unexpectedAfterNode(crossed: crossed)
    }
    return documents
  }

  mutating func skipByteOrderMark() {
    if at(pos) == 0xEF && at(pos + 1) == 0xBB && at(pos + 2) == 0xBF {
      let atLineStart = pos == lineStart
      pos += 3
      // A byte order mark takes no column: indentation counts from after it.
      if atLineStart { lineStart = pos }
    }
  }

  /// Requires that only spaces and a comment follow on the current line.
  mutating func expectEndOfLine(after what: String) throws(YAMLError) {
    let before = pos
    skipInlineSpaceAndComment()
    if !(cur == .lf || atEnd) || (cur == .hash && pos == before) {
      throw error("found \(describe(pos)) after \(what), expected the end of the line")
    }
  }

  /// The error for content that follows a complete node where none may.
  func unexpectedAfterNode(crossed: Bool) -> YAMLError {
    if cur == .colon && isBlankOrEnd(at(pos + 1)) {
      return error("mapping values are not allowed in this context")
    }
    if crossed {
      if cur == .dash && isBlankOrEnd(at(pos + 1)) {
        return error("found a sequence entry where none was expected (check the indentation)")
      }
      return error(
        "found \(describe(pos)) at column \(location(pos).column), outside the document's "
          + "top-level node (check the indentation)")
    }
    return error("found \(describe(pos)) after a complete node, expected the end of the line")
  }
}
