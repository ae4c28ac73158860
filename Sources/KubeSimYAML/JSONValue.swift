/// A JSON value with ordered object keys, and its deterministic serialization.
///
/// KubeSim writes every JSON output (`kubesim parse`, `events.jsonl`, `get -o json`, summaries)
/// through this type rather than `JSONEncoder`, whose key order and number formatting vary by
/// platform (STYLE.md pitfalls P4, P5). Objects keep the order they were built in; callers that
/// need sorted keys sort before building.
public enum JSONValue: Sendable, Equatable {
  case null
  case bool(Bool)
  case int(Int64)
  case double(Double)
  case string(String)
  case array([JSONValue])
  /// Key/value pairs in insertion order. Duplicate keys are the caller's bug.
  case object([(String, JSONValue)])

  public static func == (a: JSONValue, b: JSONValue) -> Bool {
    switch (a, b) {
    case (.null, .null): return true
    case (.bool(let x), .bool(let y)): return x == y
    case (.int(let x), .int(let y)): return x == y
    case (.double(let x), .double(let y)): return x == y || (x.isNaN && y.isNaN)
    case (.string(let x), .string(let y)): return x == y
    case (.array(let x), .array(let y)): return x == y
    case (.object(let x), .object(let y)):
      return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    default: return false
    }
  }

  /// The value of `key` in an object (first match), or nil.
  public subscript(key: String) -> JSONValue? {
    guard case .object(let pairs) = self else { return nil }
    return pairs.first(where: { $0.0 == key })?.1
  }
}

extension JSONValue {
  /// Compact JSON on one line: no spaces, keys in stored order.
  ///
  /// Doubles print with Swift's shortest round-trip algorithm (implemented in the Swift runtime,
  /// identical on every platform); integral doubles keep a `.0` so the type survives a round
  /// trip. JSON has no infinities or NaN: they print as the strings `".inf"`, `"-.inf"`, `".nan"`,
  /// as YAML spells them.
  public var compactString: String {
    var out = ""
    out.reserveCapacity(64)
    write(to: &out)
    return out
  }

  /// Appends the compact serialization to `out`.
  public func write(to out: inout String) {
    switch self {
    case .null: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .int(let i): out += String(i)
    case .double(let d): out += JSONValue.format(d)
    case .string(let s): JSONValue.writeString(s, to: &out)
    case .array(let items):
      out += "["
      for (i, item) in items.enumerated() {
        if i > 0 { out += "," }
        item.write(to: &out)
      }
      out += "]"
    case .object(let pairs):
      out += "{"
      for (i, pair) in pairs.enumerated() {
        if i > 0 { out += "," }
        JSONValue.writeString(pair.0, to: &out)
        out += ":"
        pair.1.write(to: &out)
      }
      out += "}"
    }
  }

  static func format(_ d: Double) -> String {
    if d.isNaN { return "\".nan\"" }
    if d.isInfinite { return d < 0 ? "\"-.inf\"" : "\".inf\"" }
    return d.description  // "1.0", "0.5", "1e-05", "1.5e+20": all valid JSON numbers
  }

  /// Writes `s` as a JSON string literal, escaping `"`, `\` and control characters (RFC 8259 §7).
  public static func writeString(_ s: String, to out: inout String) {
    out += "\""
    for u in s.unicodeScalars {
      switch u {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "\u{08}": out += "\\b"
      case "\u{0C}": out += "\\f"
      default:
        if u.value < 0x20 {
          let hex = String(u.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(u)
        }
      }
    }
    out += "\""
  }
}
