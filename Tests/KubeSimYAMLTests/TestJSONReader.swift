@testable import KubeSimYAML

/// A small JSON reader for the suite's `in.json` files (a stream of JSON values).
struct TestJSONReader {
  let b: [UInt8]
  var i = 0

  init(_ text: String) { b = Array(text.utf8) }

  struct Failure: Error { var offset: Int }

  /// Every top-level value in the text, in order.
  static func values(_ text: String) throws -> [JSONValue] {
    var r = TestJSONReader(text)
    var out: [JSONValue] = []
    r.skip()
    while r.i < r.b.count {
      out.append(try r.value())
      r.skip()
    }
    return out
  }

  mutating func skip() {
    while i < b.count && (b[i] == 32 || b[i] == 9 || b[i] == 10 || b[i] == 13) { i += 1 }
  }

  mutating func value() throws -> JSONValue {
    skip()
    guard i < b.count else { throw Failure(offset: i) }
    switch b[i] {
    case UInt8(ascii: "{"):
      i += 1
      var pairs: [(String, JSONValue)] = []
      skip()
      if b[i] == UInt8(ascii: "}") {
        i += 1
        return .object(pairs)
      }
      while true {
        skip()
        guard case .string(let k) = try value() else { throw Failure(offset: i) }
        skip()
        guard i < b.count, b[i] == UInt8(ascii: ":") else { throw Failure(offset: i) }
        i += 1
        pairs.append((k, try value()))
        skip()
        guard i < b.count else { throw Failure(offset: i) }
        if b[i] == UInt8(ascii: ",") {
          i += 1
          continue
        }
        if b[i] == UInt8(ascii: "}") {
          i += 1
          return .object(pairs)
        }
        throw Failure(offset: i)
      }
    case UInt8(ascii: "["):
      i += 1
      var items: [JSONValue] = []
      skip()
      if b[i] == UInt8(ascii: "]") {
        i += 1
        return .array(items)
      }
      while true {
        items.append(try value())
        skip()
        guard i < b.count else { throw Failure(offset: i) }
        if b[i] == UInt8(ascii: ",") {
          i += 1
          continue
        }
        if b[i] == UInt8(ascii: "]") {
          i += 1
          return .array(items)
        }
        throw Failure(offset: i)
      }
    case UInt8(ascii: "\""):
      return .string(try string())
    case UInt8(ascii: "t"):
      i += 4
      return .bool(true)
    case UInt8(ascii: "f"):
      i += 5
      return .bool(false)
    case UInt8(ascii: "n"):
      i += 4
      return .null
    default:
      let start = i
      var isFloat = false
      while i < b.count, let c = Optional(b[i]),
        (c >= 48 && c <= 57) || c == 45 || c == 43 || c == 46 || c == 101 || c == 69
      {
        if c == 46 || c == 101 || c == 69 { isFloat = true }
        i += 1
      }
      let s = String(decoding: b[start..<i], as: UTF8.self)
      if !isFloat, let v = Int64(s) { return .int(v) }
      guard let d = Double(s) else { throw Failure(offset: start) }
      return .double(d)
    }
  }

  mutating func string() throws -> String {
    i += 1
    var out: [UInt8] = []
    while i < b.count && b[i] != UInt8(ascii: "\"") {
      if b[i] == UInt8(ascii: "\\") {
        i += 1
        guard i < b.count else { throw Failure(offset: i) }
        let e = b[i]
        i += 1
        switch e {
        case UInt8(ascii: "n"): out.append(10)
        case UInt8(ascii: "t"): out.append(9)
        case UInt8(ascii: "r"): out.append(13)
        case UInt8(ascii: "b"): out.append(8)
        case UInt8(ascii: "f"): out.append(12)
        case UInt8(ascii: "u"):
          var v = try hex4()
          if v >= 0xD800 && v < 0xDC00 && i + 1 < b.count && b[i] == 92 && b[i + 1] == 117 {
            i += 2
            let low = try hex4()
            v = 0x10000 + ((v - 0xD800) << 10) + (low - 0xDC00)
          }
          out.append(contentsOf: Array(String(UnicodeScalar(v) ?? "\u{FFFD}").utf8))
        default: out.append(e)
        }
      } else {
        out.append(b[i])
        i += 1
      }
    }
    i += 1
    return String(decoding: out, as: UTF8.self)
  }

  mutating func hex4() throws -> UInt32 {
    guard i + 4 <= b.count, let v = UInt32(String(decoding: b[i..<i + 4], as: UTF8.self), radix: 16)
    else { throw Failure(offset: i) }
    i += 4
    return v
  }
}
