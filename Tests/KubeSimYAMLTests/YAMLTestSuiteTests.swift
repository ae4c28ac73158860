import Foundation
import Testing

@testable import KubeSimYAML

/// Runs the YAML community's conformance suite (`shared/reference/yaml-test-suite`, release
/// data-2022-01-17) over the supported subset.
///
/// - Every `error` case must be rejected (all of them run: an unsupported construct is rejected
///   too, which is the right answer for them).
/// - Every other case runs unless the skip rule below excludes it; it must parse, and its
///   documents must equal `in.json`.
///
/// **Skip rule** (looks at the case's files, never at a list of IDs), first match wins:
/// 1. `tags`: an event in `test.event` carries a tag (`<…>`) other than the standard ones
///    KubeSim reads (`!!str !!int !!float !!bool !!null !!map !!seq` and `!`).
/// 2. `directives`: a line of `in.yaml` starts with `%` where a directive may stand (before any
///    content, or after a `...` line); KubeSim rejects directives.
/// 3. `explicit keys`: `in.yaml` holds a `?` indicator (a `?` followed by a blank, with only
///    blanks between it and a line start or one of `-[{,:`); KubeSim rejects `? ` keys.
/// 4. `collection keys`: in `test.event`, a mapping key is a mapping or sequence.
/// 5. `empty keys`: in `test.event`, a key of a block mapping is an empty plain scalar (`: x`).
///
/// A case of the subset without `in.json` (the suite leaves out values JSON cannot hold) must
/// parse without error; it is counted as "parse only".
///
/// **Scalar rule**: `in.json` types plain scalars by the YAML 1.2 core schema, KubeSim by
/// Kubernetes' YAML 1.1 rules (`YAMLResolver`). A plain scalar matches when the expected value
/// is its KubeSim value or its YAML 1.2 core value (so its text must be right either way); the
/// second case is counted as "typed differently". Quoted and block scalars must equal the
/// expected string exactly.
@Suite("yaml-test-suite conformance")
struct YAMLTestSuiteTests {
  /// Cases of the supported subset that KubeSim still gets wrong, with the reason. Each must
  /// fail (so the list stays honest); every other case of the subset must pass.
  static let knownFailures: [String: String] = [:]

  static let supportedTags: Set<String> = Set(
    ["str", "int", "float", "bool", "null", "map", "seq"].map { "<tag:yaml.org,2002:\($0)>" }
      + ["<!>"])

  struct Case {
    var id: String
    var yaml: String
    var events: String
    var json: String?
    var isError: Bool
  }

  static func loadCases(_ root: URL) -> [Case] {
    var cases: [Case] = []
    let fm = FileManager.default
    let ids = ((try? fm.contentsOfDirectory(atPath: root.path)) ?? []).sorted()
    for id in ids {
      let dir = root.appendingPathComponent(id)
      if fm.fileExists(atPath: dir.appendingPathComponent("in.yaml").path) {
        if let c = loadCase(id, dir) { cases.append(c) }
        continue
      }
      let subs = ((try? fm.contentsOfDirectory(atPath: dir.path)) ?? []).sorted()
      for sub in subs {
        let subdir = dir.appendingPathComponent(sub)
        if fm.fileExists(atPath: subdir.appendingPathComponent("in.yaml").path),
          let c = loadCase(id + "/" + sub, subdir)
        {
          cases.append(c)
        }
      }
    }
    return cases
  }

  static func loadCase(_ id: String, _ dir: URL) -> Case? {
    guard let yaml = TestPaths.read(dir.appendingPathComponent("in.yaml")) else { return nil }
    return Case(
      id: id, yaml: yaml,
      events: TestPaths.read(dir.appendingPathComponent("test.event")) ?? "",
      json: TestPaths.read(dir.appendingPathComponent("in.json")),
      isError: FileManager.default.fileExists(atPath: dir.appendingPathComponent("error").path))
  }

  /// The skip rule of the type's documentation; nil when the case is in the subset.
  static func skipReason(_ c: Case) -> String? {
    let eventLines = c.events.split(separator: "\n", omittingEmptySubsequences: true)
    for l in eventLines where l.hasPrefix("+MAP") || l.hasPrefix("+SEQ") || l.hasPrefix("=VAL") {
      for token in l.split(separator: " ").dropFirst() {
        if let f = token.first, ":'\"|>".contains(f) { break }
        if token.hasPrefix("<") && !Self.supportedTags.contains(String(token)) { return "tags" }
      }
    }
    // Directives: `%` lines where a directive may stand (stream start or after `...`).
    var directiveSpot = true
    for l in c.yaml.split(separator: "\n", omittingEmptySubsequences: false) {
      let trimmed = l.drop(while: { $0 == " " || $0 == "\t" })
      if l.hasPrefix("%") {
        if directiveSpot { return "directives" }
        directiveSpot = false
      } else if l.hasPrefix("...") {
        directiveSpot = true
      } else if !(trimmed.isEmpty || trimmed.hasPrefix("#")) {
        directiveSpot = false
      }
    }
    let y = Array(c.yaml.utf8)
    for (i, ch) in y.enumerated() where ch == UInt8(ascii: "?") {
      let after: UInt8 = i + 1 < y.count ? y[i + 1] : 10
      guard [10, 32, 9].contains(after) else { continue }
      var j = i - 1
      while j >= 0 && (y[j] == 32 || y[j] == 9) { j -= 1 }
      let before: UInt8 = j >= 0 ? y[j] : 10
      if Array("\n-[{,:".utf8).contains(before) { return "explicit keys" }
    }
    // Walk the events: a stack of (isMapping, isFlow, expectingKey).
    var stack: [(map: Bool, flow: Bool, key: Bool)] = []
    for l in eventLines {
      let isKey = stack.last.map { $0.map && $0.key } ?? false
      if l.hasPrefix("+MAP") || l.hasPrefix("+SEQ") {
        if isKey { return "collection keys" }
        stack.append((l.hasPrefix("+MAP"), l.hasPrefix("+MAP {}") || l.hasPrefix("+SEQ []"), true))
      } else if l.hasPrefix("-MAP") || l.hasPrefix("-SEQ") {
        stack.removeLast()
        if !stack.isEmpty { stack[stack.count - 1].key.toggle() }
      } else if l.hasPrefix("=VAL") || l.hasPrefix("=ALI") {
        // An empty plain scalar prints as `=VAL :` (after any anchor or tag). KubeSim reads
        // empty keys in flow mappings (`{: x}`), not in block ones.
        if isKey && l.hasPrefix("=VAL") && l.hasSuffix(" :") && stack.last?.flow == false {
          return "empty keys"
        }
        if !stack.isEmpty { stack[stack.count - 1].key.toggle() }
      }
    }
    return nil
  }

  /// The YAML 1.2 core schema's value for a plain scalar (the typing `in.json` uses).
  static func core12(_ t: String) -> JSONValue {
    switch t {
    case "", "~", "null", "Null", "NULL": return .null
    case "true", "True", "TRUE": return .bool(true)
    case "false", "False", "FALSE": return .bool(false)
    default: break
    }
    let b = Array(t.utf8)
    func all(_ s: ArraySlice<UInt8>, _ p: (UInt8) -> Bool) -> Bool { !s.isEmpty && s.allSatisfy(p) }
    let digit: (UInt8) -> Bool = { $0 >= 48 && $0 <= 57 }
    var body = b[...]
    if body.first == 43 || body.first == 45 { body = body.dropFirst() }
    if all(body, digit), let v = Int64(t.hasPrefix("+") ? String(t.dropFirst()) : t) {
      return .int(v)
    }
    if b.starts(with: Array("0o".utf8)), all(b[2...], { $0 >= 48 && $0 <= 55 }),
      let v = Int64(String(decoding: b[2...], as: UTF8.self), radix: 8)
    {
      return .int(v)
    }
    if b.starts(with: Array("0x".utf8)),
      let v = Int64(String(decoding: b[2...], as: UTF8.self), radix: 16)
    {
      return .int(v)
    }
    if YAMLResolver.matchesFloat(t.utf8), let d = Double(t) { return .double(d) }
    return .string(t)
  }

  static func numericEqual(_ a: JSONValue, _ b: JSONValue) -> Bool {
    switch (a, b) {
    case (.int(let x), .double(let y)), (.double(let y), .int(let x)): return Double(x) == y
    default: return a == b
    }
  }

  /// Compares a parsed node with the expected JSON; returns the path of the first difference.
  static func difference(
    _ node: YAMLNode, _ expected: JSONValue, path: String, retyped: inout Int
  ) -> String? {
    switch (node.content, expected) {
    case (.mapping(let pairs), .object(let object)):
      if pairs.count != object.count {
        return "\(path): \(pairs.count) keys, expected \(object.count)"
      }
      for p in pairs {
        let key = MappingBuilder.keyText(p.key)
        guard let e = object.first(where: { $0.0 == key })?.1 else {
          return "\(path): unexpected key \"\(key)\""
        }
        if let d = difference(p.value, e, path: path + "." + key, retyped: &retyped) { return d }
      }
      return nil
    case (.sequence(let items), .array(let array)):
      if items.count != array.count {
        return "\(path): \(items.count) items, expected \(array.count)"
      }
      for (i, (n, e)) in zip(items, array).enumerated() {
        if let d = difference(n, e, path: path + "[\(i)]", retyped: &retyped) { return d }
      }
      return nil
    case (.scalar(let s), _):
      if s.style != .plain {
        return expected == .string(s.text)
          ? nil
          : "\(path): \(JSONValue.string(s.text).compactString), expected \(expected.compactString)"
      }
      let mine = node.toJSON()
      if numericEqual(mine, expected) { return nil }
      if numericEqual(core12(s.text), expected) {
        retyped += 1
        return nil
      }
      return
        "\(path): \(mine.compactString) (text \"\(s.text)\"), expected \(expected.compactString)"
    default:
      return "\(path): \(node.toJSON().compactString), expected \(expected.compactString)"
    }
  }

  /// Runs one case; returns nil on success or what went wrong.
  static func run(_ c: Case, retyped: inout Int) -> String? {
    let docs: [YAMLNode]
    do {
      docs = try YAMLParser.parseStream(c.yaml, file: "in.yaml")
    } catch {
      return c.isError ? nil : "rejected: \(error)"
    }
    if c.isError {
      return "accepted invalid input: "
        + docs.map { $0.toJSON().compactString }.joined(separator: " ")
    }
    guard let json = c.json else { return nil }
    guard let expected = try? TestJSONReader.values(json) else { return "unreadable in.json" }
    // A document that is empty in YAML is absent from in.json only when the whole stream is.
    if docs.count != expected.count {
      return "\(docs.count) documents, expected \(expected.count): "
        + docs.map { $0.toJSON().compactString }.joined(separator: " ")
    }
    for (i, (d, e)) in zip(docs, expected).enumerated() {
      if let diff = difference(d, e, path: "doc\(i)", retyped: &retyped) { return diff }
    }
    return nil
  }

  @Test(
    "every case of the supported subset passes; every error case is rejected",
    .enabled(
      if: TestPaths.sharedReference("yaml-test-suite") != nil,
      "shared/reference/yaml-test-suite is not beside the clone"))
  func conformance() throws {
    guard let root = TestPaths.sharedReference("yaml-test-suite") else { return }
    let cases = Self.loadCases(root)
    #expect(cases.count > 300, "found only \(cases.count) cases under \(root.path)")
    var ran = 0
    var passed = 0
    var retyped = 0
    var errorsRejected = 0
    var parseOnly = 0
    var skipped: [String: Int] = [:]
    var failures: [(String, String)] = []
    for c in cases {
      if !c.isError, let reason = Self.skipReason(c) {
        skipped[reason, default: 0] += 1
        continue
      }
      ran += 1
      if let failure = Self.run(c, retyped: &retyped) {
        failures.append((c.id, failure))
      } else {
        passed += 1
        if c.isError { errorsRejected += 1 }
        if !c.isError && c.json == nil { parseOnly += 1 }
      }
    }
    let skippedTotal = skipped.values.reduce(0, +)
    let reasons = skipped.keys.sorted().map { "\($0): \(skipped[$0] ?? 0)" }.joined(separator: ", ")
    print(
      "yaml-test-suite: ran \(ran), passed \(passed), skipped \(skippedTotal) (\(reasons)); "
        + "\(errorsRejected) error cases rejected, \(parseOnly) parse only (no in.json), "
        + "\(retyped) plain scalars typed differently (YAML 1.1 vs 1.2)")
    for (id, failure) in failures where Self.knownFailures[id] == nil {
      Issue.record("\(id): \(failure)")
    }
    let failed = Set(failures.map(\.0))
    for id in Self.knownFailures.keys.sorted() where !failed.contains(id) {
      Issue.record("\(id) is listed in knownFailures but passes now: remove it from the list")
    }
  }
}
