import KubeSimKernel

/// Parses the text of a `that:` expression into an `Expression`.
///
/// A hand-written recursive-descent parser over Unicode scalars (no regular expressions, so it
/// behaves the same on every platform). Precedence, lowest first: `or`, `and`, `not`,
/// comparison. A comparison is not associative: `a < b < c` is an error.
public struct ExpressionParser {
  private let scalars: [Unicode.Scalar]
  private var position = 0

  /// Functions that later issues bring; naming them is an error that says which issue.
  static let futureFunctions: [String: Int] = [:]
  /// Run metrics (issue 5), with their argument forms for messages.
  static let metricFunctions: [String: String] = [
    "recovery": "fault N", "detection": "fault N", "eviction": "fault N",
    "availability": "service/NAME or service/NAME, all",
    // Issue 6 (lane autoscaler): node cost so far and measured node CPU.
    "cost": "nothing or pool/NAME", "cpu_usage": "node/NAME",
    // Issue 6 (lane traffic): per-Service request counts and latency.
    "offered": "service/NAME", "served": "service/NAME", "failed": "service/NAME",
    "failure_rate": "service/NAME", "latency": "service/NAME, p50|p90|p99",
  ]

  private init(_ text: String) { self.scalars = Array(text.unicodeScalars) }

  /// Parses `text` completely.
  /// - Throws: `ExpressionError` with the offset of the first problem.
  public static func parse(_ text: String) throws -> Expression {
    var parser = ExpressionParser(text)
    parser.skipSpace()
    if parser.atEnd { throw ExpressionError("empty expression", at: 0) }
    let expression = try parser.parseOr()
    parser.skipSpace()
    if !parser.atEnd {
      throw ExpressionError(
        "unexpected '\(parser.rest(max: 12))' (expected an operator, 'and', 'or' or the end)",
        at: parser.position)
    }
    return expression
  }

  // MARK: Grammar

  private mutating func parseOr() throws -> Expression {
    var left = try parseAnd()
    while consumeKeyword("or") || consume("||") {
      left = .or(left, try parseAnd())
    }
    return left
  }

  private mutating func parseAnd() throws -> Expression {
    var left = try parseNot()
    while consumeKeyword("and") || consume("&&") {
      left = .and(left, try parseNot())
    }
    return left
  }

  private mutating func parseNot() throws -> Expression {
    if consumeKeyword("not") || consume("!", unlessFollowedBy: "=") {
      return .not(try parseNot())
    }
    return try parseComparison()
  }

  private mutating func parseComparison() throws -> Expression {
    let left = try parseOperand()
    skipSpace()
    guard let op = consumeOperator() else { return left }
    let right = try parseOperand()
    skipSpace()
    if consumeOperator() != nil {
      throw ExpressionError(
        "comparisons do not chain (write 'a < b and b < c')", at: position - 1)
    }
    return .comparison(left, op, right)
  }

  private mutating func parseOperand() throws -> Expression {
    skipSpace()
    let start = position
    guard let c = peek() else {
      throw ExpressionError("expected a value at the end of the expression", at: position)
    }
    if c == "(" {
      position += 1
      let inner = try parseOr()
      skipSpace()
      guard consume(")") else { throw ExpressionError("expected ')'", at: position) }
      return inner
    }
    if c == "\"" || c == "'" { return .literal(.string(try parseQuoted())) }
    if isDigit(c) || ((c == "-" || c == "+" || c == ".") && isDigit(peek(1))) {
      return .literal(try parseNumberOrDuration())
    }
    guard isIdentifierStart(c) else {
      throw ExpressionError("unexpected '\(Character(c))' (expected a value)", at: position)
    }
    let word = readWhile(isIdentifierChar)
    switch word {
    case "true": return .literal(.bool(true))
    case "false": return .literal(.bool(false))
    default: break
    }
    if peek() == "(" {
      position += 1
      return try parseCall(word, start: start)
    }
    if peek() == "/" {
      return .field(try parseFieldReference(kind: word, start: start))
    }
    throw ExpressionError(
      "unknown name '\(word)' (expected kind/name.field.path, count(kind{…}), or a literal;"
        + " quote strings)", at: start)
  }

  private mutating func parseCall(_ name: String, start: Int) throws -> Expression {
    if let issue = Self.futureFunctions[name] {
      throw ExpressionError("\(name)(…) is not implemented yet (issue \(issue))", at: start)
    }
    if let form = Self.metricFunctions[name] {
      let argStart = position
      let arg = readWhile { $0 != ")" }
      guard consume(")") else {
        throw ExpressionError("expected ')' to close \(name)(\(form))", at: position)
      }
      let trimmed = arg.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
      let ok: Bool
      if let traffic = TrafficMetric.check(name, trimmed) {
        ok = traffic
      } else if name == "cost" {
        ok = trimmed.isEmpty || (trimmed.hasPrefix("pool/") && trimmed.count > 5)
      } else if name == "cpu_usage" {
        ok = trimmed.hasPrefix("node/") && trimmed.count > 5
      } else if name == "availability" {
        ok = trimmed.hasPrefix("service/") && (trimmed.split(separator: ",").count == 1
          || trimmed.hasSuffix(", all") || trimmed.hasSuffix(",all"))
      } else {
        let parts = trimmed.split(separator: " ")
        ok = parts.count == 2 && parts[0] == "fault" && Int(parts[1]).map { $0 >= 1 } == true
      }
      guard ok else {
        throw ExpressionError("expected \(name)(\(form)), found \(name)(\(trimmed))", at: argStart)
      }
      return .metric(MetricCall(name: name, argument: trimmed))
    }
    guard name == "count" else {
      throw ExpressionError(
        "unknown function '\(name)' (expected count, recovery, detection, eviction, availability,"
          + " cost, cpu_usage, offered, served, failed, failure_rate, latency)",
        at: start)
    }
    skipSpace()
    let kindStart = position
    let kind = readWhile(isIdentifierChar)
    if kind.isEmpty {
      throw ExpressionError("expected a kind in count(…), e.g. count(pods{app=web})", at: position)
    }
    skipSpace()
    var terms: [SelectorTerm] = []
    if consume("{") {
      terms = try parseSelector()
    }
    skipSpace()
    guard consume(")") else {
      throw ExpressionError("expected ')' or '{' after count(\(kind)", at: position)
    }
    return .count(
      CountQuery(kind: kind, terms: terms, offset: kindStart, text: text(from: start)))
  }

  /// `key=value, key!=value, …}`; values may be quoted.
  private mutating func parseSelector() throws -> [SelectorTerm] {
    var terms: [SelectorTerm] = []
    skipSpace()
    if consume("}") { return terms }
    while true {
      skipSpace()
      let keyStart = position
      let key = readWhile(isLabelChar)
      if key.isEmpty {
        throw ExpressionError("expected a selector key (e.g. app=web, node=worker-2)", at: position)
      }
      skipSpace()
      let negated: Bool
      if consume("!=") {
        negated = true
      } else if consume("==") || consume("=") {
        negated = false
      } else {
        throw ExpressionError("expected '=' or '!=' after selector key '\(key)'", at: position)
      }
      skipSpace()
      let value: String
      if peek() == "\"" || peek() == "'" {
        value = try parseQuoted()
      } else {
        value = readWhile(isLabelChar)
      }
      if key == "ready", value != "true", value != "false" {
        throw ExpressionError("ready= takes true or false, found '\(value)'", at: keyStart)
      }
      terms.append(SelectorTerm(key: key, value: value, negated: negated))
      skipSpace()
      if consume("}") { return terms }
      guard consume(",") else {
        throw ExpressionError("expected ',' or '}' in the selector", at: position)
      }
    }
  }

  private mutating func parseFieldReference(kind: String, start: Int) throws -> FieldReference {
    var segments: [String] = []
    while consumeAdjacent("/") {
      if peek() == "\"" || peek() == "'" {
        segments.append(try parseQuoted())
      } else {
        let segment = readWhile(isNameChar)
        if segment.isEmpty {
          throw ExpressionError("expected a name after '/'", at: position)
        }
        segments.append(segment)
      }
    }
    if segments.count > 2 {
      throw ExpressionError(
        "too many '/' (expected kind/name or kind/namespace/name)", at: start)
    }
    var path: [PathComponent] = []
    while true {
      if consumeAdjacent(".") {
        let key = readWhile(isKeyChar)
        if key.isEmpty { throw ExpressionError("expected a field name after '.'", at: position) }
        path.append(.key(key))
      } else if consumeAdjacent("[") {
        skipSpace()
        if peek() == "\"" || peek() == "'" {
          path.append(.key(try parseQuoted()))
        } else {
          let digitsStart = position
          let digits = readWhile(isDigit)
          guard let index = Int(digits) else {
            throw ExpressionError("expected an index or a quoted key inside '[…]'", at: digitsStart)
          }
          path.append(.index(index))
        }
        skipSpace()
        guard consume("]") else { throw ExpressionError("expected ']'", at: position) }
      } else {
        break
      }
    }
    let text = text(from: start)
    if path.isEmpty {
      throw ExpressionError(
        "expected a field path after '\(text)' (e.g. \(text).status.readyReplicas)", at: position)
    }
    let name = segments.last ?? ""
    let namespace = segments.count == 2 ? segments[0] : nil
    return FieldReference(
      kind: kind, namespace: namespace, name: name, path: path, offset: start, text: text)
  }

  private mutating func parseQuoted() throws -> String {
    let start = position
    guard let quote = peek() else { throw ExpressionError("expected a string", at: position) }
    position += 1
    var out = String.UnicodeScalarView()
    while let c = peek() {
      position += 1
      if c == quote { return String(out) }
      if c == "\\", quote == "\"", let next = peek() {
        position += 1
        switch next {
        case "n": out.append("\n")
        case "t": out.append("\t")
        default: out.append(next)
        }
        continue
      }
      out.append(c)
    }
    throw ExpressionError("unterminated string (missing \(Character(quote)))", at: start)
  }

  private mutating func parseNumberOrDuration() throws -> ExpressionLiteral {
    let start = position
    var text = ""
    if let c = peek(), c == "-" || c == "+" {
      text.unicodeScalars.append(c)
      position += 1
    }
    let body = readWhile { isDigit($0) || $0 == "." || isLetter($0) || $0 == "µ" }
    text += body
    if body.contains(where: { $0.isLetter || $0 == "µ" }) {
      // Exponent notation (1e3) is a number; anything else with letters is a duration.
      if let d = Double(text), !text.contains(where: { $0.isLetter && $0 != "e" && $0 != "E" }) {
        return .double(d)
      }
      guard let duration = try? SimDuration(parsing: text) else {
        throw ExpressionError(
          "invalid number or duration '\(text)' (durations use Go syntax: 250ms, 40s, 1h30m)",
          at: start)
      }
      return .duration(duration.microseconds)
    }
    if !body.contains("."), let i = Int64(text) { return .int(i) }
    if let d = Double(text), d.isFinite { return .double(d) }
    throw ExpressionError("invalid number '\(text)'", at: start)
  }

  // MARK: Scanning helpers

  private var atEnd: Bool { position >= scalars.count }

  private func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
    position + ahead < scalars.count ? scalars[position + ahead] : nil
  }

  private mutating func skipSpace() {
    while let c = peek(), c == " " || c == "\t" || c == "\n" || c == "\r" { position += 1 }
  }

  private mutating func consume(_ token: String, unlessFollowedBy next: Unicode.Scalar? = nil)
    -> Bool
  {
    let saved = position
    skipSpace()
    let t = Array(token.unicodeScalars)
    guard position + t.count <= scalars.count,
      t.enumerated().allSatisfy({ scalars[position + $0.offset] == $0.element }),
      next == nil || peek(t.count) != next
    else {
      position = saved
      return false
    }
    position += t.count
    return true
  }

  /// Consumes `token` only if it comes next with no space before it (inside a field path).
  private mutating func consumeAdjacent(_ token: Unicode.Scalar) -> Bool {
    guard peek() == token else { return false }
    position += 1
    return true
  }

  private mutating func consumeKeyword(_ word: String) -> Bool {
    let saved = position
    skipSpace()
    let w = Array(word.unicodeScalars)
    guard position + w.count <= scalars.count,
      w.enumerated().allSatisfy({ scalars[position + $0.offset] == $0.element }),
      peek(w.count).map({ !isIdentifierChar($0) }) ?? true
    else {
      position = saved
      return false
    }
    position += w.count
    return true
  }

  private mutating func consumeOperator() -> ComparisonOperator? {
    for op in ComparisonOperator.allCases where consume(op.rawValue) { return op }
    if consume("=", unlessFollowedBy: "=") {
      return .equal
    }
    return nil
  }

  private mutating func readWhile(_ accept: (Unicode.Scalar) -> Bool) -> String {
    var out = String.UnicodeScalarView()
    while let c = peek(), accept(c) {
      out.append(c)
      position += 1
    }
    return String(out)
  }

  private func text(from start: Int) -> String {
    var out = String.UnicodeScalarView()
    out.append(contentsOf: scalars[start..<position])
    return String(out)
  }

  private func rest(max: Int) -> String {
    var out = String.UnicodeScalarView()
    out.append(contentsOf: scalars[position..<min(scalars.count, position + max)])
    return String(out)
  }
}

private func isDigit(_ c: Unicode.Scalar?) -> Bool {
  guard let c else { return false }
  return c >= "0" && c <= "9"
}
private func isLetter(_ c: Unicode.Scalar) -> Bool {
  (c >= "a" && c <= "z") || (c >= "A" && c <= "Z")
}
private func isIdentifierStart(_ c: Unicode.Scalar) -> Bool { isLetter(c) || c == "_" }
private func isIdentifierChar(_ c: Unicode.Scalar) -> Bool {
  isLetter(c) || isDigit(c) || c == "_" || c == "-"
}
/// Object names: DNS labels and subdomains without dots (a dotted name is written quoted).
private func isNameChar(_ c: Unicode.Scalar) -> Bool {
  isLetter(c) || isDigit(c) || c == "-" || c == "_"
}
private func isKeyChar(_ c: Unicode.Scalar) -> Bool {
  isLetter(c) || isDigit(c) || c == "_" || c == "-" || c == "$"
}
/// Label keys and values: `app.kubernetes.io/name`, `worker-2`, `v1.2_3`.
private func isLabelChar(_ c: Unicode.Scalar) -> Bool {
  isLetter(c) || isDigit(c) || c == "-" || c == "_" || c == "." || c == "/"
}
