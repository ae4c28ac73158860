/// Resolves plain scalars to null, bool, int, float or string as Kubernetes' YAML reader does.
///
/// Kubernetes reads manifests with sigs.k8s.io/yaml, which parses YAML with its fork of go-yaml
/// v2 and converts the result to JSON. The rules here are go-yaml v2's `resolve` (resolve.go,
/// gopkg.in/yaml.v2 v2.4.0, vendored as sigs.k8s.io/yaml/goyaml.v2): YAML 1.1 style, so they
/// differ from the YAML 1.2 core schema.
///
/// Only plain scalars are resolved; quoted and block scalars are always strings.
///
/// | plain scalar | YAML 1.2 core | KubeSim (= Kubernetes) |
/// |---|---|---|
/// | `y Y yes Yes YES on On ON` | string | `true` |
/// | `n N no No NO off Off OFF` | string | `false` |
/// | `true True TRUE`, `false False FALSE` | bool | bool (same) |
/// | `~ null Null NULL`, empty | null | null (same) |
/// | `0777` (leading zero) | int 777 | int 511 (octal) |
/// | `08`, `09` (not octal) | int 8, 9 | float 8.0, 9.0 |
/// | `0o17` | int 15 | int 15 (same; Go's `ParseInt` base 0) |
/// | `0x1F`, `-0x1F`, `+0x1F` | int 31 only unsigned | int 31, -31, 31 |
/// | `0b101`, `-0b101` | string | int 5, -5 |
/// | `1_000`, `0x_FF` | string | int 1000, 255 (underscores dropped) |
/// | `1e3`, `1.`, `.5`, `+.5` | float | float (same) |
/// | `.inf -.inf +.inf .nan` (3 spellings) | float | float (same) |
/// | `1e400` (overflows a double) | float +inf | string |
/// | `9223372036854775808` and larger | int | float (KubeSim has no unsigned ints) |
/// | `2001-12-14` (timestamp) | string | string (go-yaml v2 keeps it a string in `interface{}`) |
/// | `1:20` (sexagesimal) | string | string (go-yaml drops YAML 1.1's base 60) |
/// | `<<` | string | merge key (in a mapping key position) |
///
/// Differences from Kubernetes:
/// - Integers from 2^63 to 2^64-1 become floats here, where go-yaml returns a `uint64` (JSON
///   prints both as numbers; KubeSim's `YAMLValue` has no unsigned case).
/// - Mapping keys: sigs.k8s.io/yaml turns resolved keys back into strings (`yes:` becomes
///   `"true"`, `0x10:` becomes `"16"`); KubeSim keys mappings by the key's source text.
/// - go-yaml (like libyaml) rejects a tab right after `key:` in block context; KubeSim accepts
///   it as YAML 1.2 does.
public enum YAMLResolver {
  /// The value of a plain scalar whose text is `text`.
  public static func resolve(_ text: String) -> YAMLValue {
    var utf8 = text.utf8
    guard let first = utf8.first else { return .null }
    switch first {
    case UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "n"), UInt8(ascii: "N"),
      UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"),
      UInt8(ascii: "o"), UInt8(ascii: "O"), UInt8(ascii: "~"):
      return keyword(text) ?? .string(text)
    case UInt8(ascii: "."):
      if let k = keyword(text) { return k }
      if matchesFloat(utf8), let d = Double(text), d.isFinite { return .float(d) }
      return .string(text)
    case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      if let k = keyword(text) { return k }
      var plain = text
      if utf8.contains(UInt8(ascii: "_")) {
        plain = String(decoding: utf8.filter { $0 != UInt8(ascii: "_") }, as: UTF8.self)
        utf8 = plain.utf8
      }
      let bytes = Array(utf8)
      if let i = goParseInt(bytes) { return .int(i) }
      if let u = goParseUint(bytes), u > UInt64(Int64.max) { return .float(Double(u)) }
      if matchesFloat(plain.utf8), let d = Double(plain), d.isFinite { return .float(d) }
      if bytes.starts(with: [48, 98]) {  // "0b": go-yaml retries the rest in base 2.
        if let i = parseSignedDigits(Array(bytes[2...]), radix: 2) { return .int(i) }
      } else if bytes.starts(with: [45, 48, 98]) {  // "-0b"
        if let i = parseSignedDigits([45] + Array(bytes[3...]), radix: 2) { return .int(i) }
      }
      return .string(text)
    default:
      return .string(text)
    }
  }

  /// The scalars go-yaml v2 resolves by table (resolve.go `resolveMapList`).
  static func keyword(_ s: String) -> YAMLValue? {
    if s.utf8.count > 6 { return nil }  // every keyword is short; skip the string compares
    switch s {
    case "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON": return .bool(true)
    case "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF":
      return .bool(false)
    case "", "~", "null", "Null", "NULL": return .null
    case ".nan", ".NaN", ".NAN": return .float(.nan)
    case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .float(.infinity)
    case "-.inf", "-.Inf", "-.INF": return .float(-.infinity)
    default: return nil
    }
  }

  /// go-yaml's `yamlStyleFloat`: `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`.
  static func matchesFloat(_ s: String.UTF8View) -> Bool {
    let b = Array(s)
    var i = 0
    func isDigit(_ i: Int) -> Bool { i < b.count && b[i] >= 48 && b[i] <= 57 }
    if i < b.count && (b[i] == 43 || b[i] == 45) { i += 1 }
    if i < b.count && b[i] == 46 {
      i += 1
      guard isDigit(i) else { return false }
      while isDigit(i) { i += 1 }
    } else {
      guard isDigit(i) else { return false }
      while isDigit(i) { i += 1 }
      if i < b.count && b[i] == 46 {
        i += 1
        while isDigit(i) { i += 1 }
      }
    }
    if i < b.count && (b[i] == 101 || b[i] == 69) {
      i += 1
      if i < b.count && (b[i] == 43 || b[i] == 45) { i += 1 }
      guard isDigit(i) else { return false }
      while isDigit(i) { i += 1 }
    }
    return i == b.count
  }

  /// Go's `strconv.ParseInt(s, 0, 64)`: optional sign, then `0x`/`0o`/`0b` or a leading `0`
  /// (octal) or decimal; nil on a syntax or range error.
  static func goParseInt(_ b: [UInt8]) -> Int64? {
    guard !b.isEmpty else { return nil }
    var negative = false
    var rest = b[...]
    if rest.first == 43 || rest.first == 45 {
      negative = rest.first == 45
      rest = rest.dropFirst()
    }
    guard let magnitude = goParseUnsigned(rest) else { return nil }
    if negative {
      if magnitude <= UInt64(Int64.max) { return -Int64(magnitude) }
      if magnitude == UInt64(Int64.max) + 1 { return Int64.min }
      return nil
    }
    return magnitude <= UInt64(Int64.max) ? Int64(magnitude) : nil
  }

  /// Go's `strconv.ParseUint(s, 0, 64)` (no sign).
  static func goParseUint(_ b: [UInt8]) -> UInt64? { goParseUnsigned(b[...]) }

  static func goParseUnsigned(_ s: ArraySlice<UInt8>) -> UInt64? {
    guard let first = s.first else { return nil }
    var digits = s
    var radix: UInt64 = 10
    if first == 48 && s.count >= 2 {
      let p = s[s.startIndex + 1] | 0x20
      switch p {
      case UInt8(ascii: "x"):
        radix = 16
        digits = s.dropFirst(2)
      case UInt8(ascii: "o"):
        radix = 8
        digits = s.dropFirst(2)
      case UInt8(ascii: "b"):
        radix = 2
        digits = s.dropFirst(2)
      default:
        radix = 8
        digits = s.dropFirst(1)
      }
      if digits.isEmpty { return nil }
    }
    return accumulate(digits, radix: radix)
  }

  static func accumulate(_ digits: ArraySlice<UInt8>, radix: UInt64) -> UInt64? {
    var v: UInt64 = 0
    for c in digits {
      let d: UInt64
      switch c {
      case 48...57: d = UInt64(c - 48)
      case 97...102: d = UInt64(c - 87)
      case 65...70: d = UInt64(c - 55)
      default: return nil
      }
      if d >= radix { return nil }
      let (m, o1) = v.multipliedReportingOverflow(by: radix)
      let (a, o2) = m.addingReportingOverflow(d)
      if o1 || o2 { return nil }
      v = a
    }
    return v
  }

  /// Go's `strconv.ParseInt(s, radix, 64)` with an explicit radix (optional sign).
  static func parseSignedDigits(_ b: [UInt8], radix: UInt64) -> Int64? {
    var rest = b[...]
    var negative = false
    if rest.first == 43 || rest.first == 45 {
      negative = rest.first == 45
      rest = rest.dropFirst()
    }
    guard !rest.isEmpty, let m = accumulate(rest, radix: radix) else { return nil }
    if negative {
      if m <= UInt64(Int64.max) { return -Int64(m) }
      return m == UInt64(Int64.max) + 1 ? Int64.min : nil
    }
    return m <= UInt64(Int64.max) ? Int64(m) : nil
  }
}
