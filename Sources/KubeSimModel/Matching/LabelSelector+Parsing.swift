/// A label selector string that cannot be parsed, with upstream-style wording.
public struct LabelSelectorParseError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The message, e.g. `unable to parse requirement: found ')', expected: identifier`.
  public var message: String
  /// The byte offset in the input where the problem was found.
  public var offset: Int

  /// Creates an error.
  public init(_ message: String, offset: Int) {
    self.message = message
    self.offset = offset
  }

  public var description: String { message }
}

extension LabelSelector {
  /// Parses the string form of a selector, as `kubectl get -l` and upstream `labels.Parse`
  /// (`k8s.io/apimachinery/pkg/labels/selector.go`) accept it:
  /// `app in (a,b),tier!=db,!legacy,track`, with `=`, `==`, `!=`, `in`, `notin`, `key` (exists),
  /// `!key` (does not exist). Requirements are ANDed; whitespace around tokens is ignored.
  ///
  /// Each requirement becomes one `matchExpressions` entry (`=`/`==` as `In [v]`, `!=` as
  /// `NotIn [v]`), in input order. Upstream's `>`/`<` (only in the string form) are rejected:
  /// `metav1.LabelSelector` cannot express them.
  ///
  /// - Throws: `LabelSelectorParseError`, including invalid keys and values (label syntax).
  public init(parsing text: String) throws(LabelSelectorParseError) {
    var p = SelectorParser(Array(text.utf8))
    self.init(matchExpressions: try p.parse())
  }
}

private struct SelectorParser {
  enum Token: Equatable {
    case identifier(String)
    case comma, equals, doubleEquals, notEquals, bang, open, close, greater, less
    case keywordIn, keywordNotIn
    case end
  }

  let b: [UInt8]
  var pos = 0
  var tokenStart = 0

  init(_ b: [UInt8]) { self.b = b }

  static func isSpecial(_ c: UInt8) -> Bool {
    switch c {
    case 0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: ","), UInt8(ascii: "="), UInt8(ascii: "!"),
      UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "<"), UInt8(ascii: ">"):
      return true
    default: return false
    }
  }

  mutating func next() -> Token {
    while pos < b.count && (b[pos] == 0x20 || b[pos] == 0x09 || b[pos] == 0x0A || b[pos] == 0x0D) {
      pos += 1
    }
    tokenStart = pos
    guard pos < b.count else { return .end }
    let c = b[pos]
    pos += 1
    switch c {
    case UInt8(ascii: ","): return .comma
    case UInt8(ascii: "("): return .open
    case UInt8(ascii: ")"): return .close
    case UInt8(ascii: ">"): return .greater
    case UInt8(ascii: "<"): return .less
    case UInt8(ascii: "="):
      if pos < b.count && b[pos] == UInt8(ascii: "=") {
        pos += 1
        return .doubleEquals
      }
      return .equals
    case UInt8(ascii: "!"):
      if pos < b.count && b[pos] == UInt8(ascii: "=") {
        pos += 1
        return .notEquals
      }
      return .bang
    default:
      var end = pos
      while end < b.count && !SelectorParser.isSpecial(b[end]) { end += 1 }
      let word = String(decoding: b[(pos - 1)..<end], as: UTF8.self)
      pos = end
      if word == "in" { return .keywordIn }
      if word == "notin" { return .keywordNotIn }
      return .identifier(word)
    }
  }

  mutating func peek() -> Token {
    let saved = (pos, tokenStart)
    let t = next()
    (pos, tokenStart) = saved
    return t
  }

  func fail(_ found: Token, _ expected: String) -> LabelSelectorParseError {
    LabelSelectorParseError(
      "unable to parse requirement: found '\(SelectorParser.show(found))', expected: \(expected)",
      offset: tokenStart)
  }

  static func show(_ t: Token) -> String {
    switch t {
    case .identifier(let s): return s
    case .comma: return ","
    case .equals: return "="
    case .doubleEquals: return "=="
    case .notEquals: return "!="
    case .bang: return "!"
    case .open: return "("
    case .close: return ")"
    case .greater: return ">"
    case .less: return "<"
    case .keywordIn: return "in"
    case .keywordNotIn: return "notin"
    case .end: return "EOS"
    }
  }

  mutating func parse() throws(LabelSelectorParseError) -> [LabelSelectorRequirement] {
    var out: [LabelSelectorRequirement] = []
    if case .end = peek() { return out }
    while true {
      out.append(try requirement())
      let t = next()
      switch t {
      case .end: return out
      case .comma: continue
      default: throw fail(t, "',' or 'end of string'")
      }
    }
  }

  mutating func requirement() throws(LabelSelectorParseError) -> LabelSelectorRequirement {
    var t = next()
    var negated = false
    if t == .bang {
      negated = true
      t = next()
    }
    guard case .identifier(let key) = t else { throw fail(t, "identifier") }
    if let msg = LabelSyntax.qualifiedNameError(key) {
      throw LabelSelectorParseError("invalid label key \"\(key)\": \(msg)", offset: tokenStart)
    }
    if negated { return LabelSelectorRequirement(key: key, operator: .doesNotExist) }
    let op = peek()
    switch op {
    case .end, .comma: return LabelSelectorRequirement(key: key, operator: .exists)
    case .equals, .doubleEquals, .notEquals:
      _ = next()
      var value = ""
      if case .identifier(let v) = peek() {
        _ = next()
        value = v
      }
      try checkValue(value)
      return LabelSelectorRequirement(
        key: key, operator: op == .notEquals ? .notIn : .in,
        values: [value])
    case .keywordIn, .keywordNotIn:
      _ = next()
      let open = next()
      guard open == .open else { throw fail(open, "'('") }
      var values: [String] = []
      while true {
        var v = next()
        var value = ""
        if case .identifier(let s) = v {
          value = s
          v = next()
        }
        try checkValue(value)
        values.append(value)
        if v == .close { break }
        guard v == .comma else { throw fail(v, "',' or ')'") }
      }
      return LabelSelectorRequirement(
        key: key, operator: op == .keywordIn ? .in : .notIn,
        values: values)
    case .greater, .less:
      _ = next()
      throw LabelSelectorParseError(
        "operator '\(SelectorParser.show(op))' is not supported in a LabelSelector",
        offset: tokenStart)
    default:
      _ = next()
      throw fail(op, "'=', '!=', '==', 'in', notin'")
    }
  }

  func checkValue(_ v: String) throws(LabelSelectorParseError) {
    if let msg = LabelSyntax.labelValueError(v) {
      throw LabelSelectorParseError("invalid label value: \"\(v)\": \(msg)", offset: tokenStart)
    }
  }
}
