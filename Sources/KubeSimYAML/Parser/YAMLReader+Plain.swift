extension YAMLReader {
  /// Reads a plain scalar at `pos`, possibly over several lines, and resolves it.
  ///
  /// In block context a continuation line must be indented deeper than the parent (`n`); in
  /// flow context the scalar also stops at `,[]{}`. Line breaks fold as YAML 1.2 §6.5 says: one
  /// break becomes a space, each further empty line a `\n`. A comment ends the scalar.
  mutating func parsePlain(parent n: Int, inFlow: Bool, singleLine: Bool) -> YAMLNode {
    let location = here
    var out: [UInt8] = []
    var firstStart = pos
    var firstEnd = pos
    var multiLine = false
    while true {
      let segStart = pos
      var i = pos
      while i < bytes.count {
        let c = bytes[i]
        if c == .lf { break }
        if c == .colon {
          let d = at(i + 1)
          if isBlankOrEnd(d) || (inFlow && isFlowIndicator(d)) { break }
        } else if c == .hash {
          if i > segStart && isWhite(bytes[i - 1]) { break }
        } else if inFlow && isFlowIndicator(c) {
          break
        }
        i += 1
      }
      var end = i
      while end > segStart && isWhite(bytes[end - 1]) { end -= 1 }
      if multiLine {
        out.append(contentsOf: bytes[segStart..<end])
      } else {
        firstStart = segStart
        firstEnd = end
      }
      pos = end
      if singleLine || at(i) != .lf { break }
      // Look ahead for a continuation line.
      var j = i
      var breaks = 0
      var newLine = line
      var newLineStart = lineStart
      var next = -1
      while j < bytes.count && bytes[j] == .lf {
        j += 1
        breaks += 1
        newLine += 1
        newLineStart = j
        var k = j
        while k < bytes.count && bytes[k] == .space { k += 1 }
        let indent = k - j
        while k < bytes.count && isWhite(bytes[k]) { k += 1 }
        let c = at(k)
        if c == .lf {
          j = k
          continue
        }
        if k >= bytes.count || c == .hash { break }
        if indent == 0 && isDocumentMarker(at: j) { break }
        if inFlow {
          if isFlowIndicator(c) { break }
          if c == .colon && (isBlankOrEnd(at(k + 1)) || isFlowIndicator(at(k + 1))) { break }
        } else {
          if indent <= n { break }
          if c == .colon && isBlankOrEnd(at(k + 1)) { break }
        }
        next = k
        break
      }
      if next < 0 { break }
      if !multiLine {
        out.append(contentsOf: bytes[firstStart..<firstEnd])
        multiLine = true
      }
      if breaks == 1 {
        out.append(.space)
      } else {
        for _ in 1..<breaks { out.append(.lf) }
      }
      line = newLine
      lineStart = newLineStart
      pos = next
    }
    let text =
      multiLine
      ? String(decoding: out, as: UTF8.self)
      : String(decoding: bytes[firstStart..<firstEnd], as: UTF8.self)
    nodeCount += 1
    return YAMLNode(
      .scalar(YAMLScalar(text: text, style: .plain, value: YAMLResolver.resolve(text))),
      at: location)
  }

  /// Whether a `---` or `...` marker starts at byte offset `j` (a line start).
  func isDocumentMarker(at j: Int) -> Bool {
    let c = at(j)
    guard (c == .dash || c == .dot) && at(j + 1) == c && at(j + 2) == c else { return false }
    return isBlankOrEnd(at(j + 3))
  }
}
