import Testing

@testable import KubeSimYAML

@Suite("YAML limits against hostile input")
struct YAMLLimitsTests {
  @Test("nesting deeper than YAMLLimits.maxDepth is an error, not a stack overflow")
  func depth() {
    let deepFlow = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
    #expect(
      parseError(deepFlow)?.hasSuffix(
        "nesting depth exceeds the limit of 256 (YAMLLimits.maxDepth)") == true)
    var deepBlock = ""
    for i in 0..<400 { deepBlock += String(repeating: " ", count: i) + "k:\n" }
    #expect(parseError(deepBlock)?.contains("nesting depth exceeds the limit") == true)
    let deepSeq = String(repeating: "- ", count: 1_000) + "x\n"
    #expect(parseError(deepSeq)?.contains("nesting depth exceeds the limit") == true)
  }

  @Test("nesting within the limit parses")
  func depthWithinLimit() throws {
    let flow = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
    #expect(try YAMLParser.parseStream(flow, file: "t.yaml").count == 1)
  }

  @Test("a minified JSON manifest on one line parses in linear time")
  func longLine() throws {
    let items = (0..<20_000).map { "{\"name\":\"pod-\($0)\",\"cpu\":\($0)}" }
    let text = "[" + items.joined(separator: ",") + "]"
    let start = ContinuousClock.now  // a bound against quadratic behaviour, not an output
    let doc = try document(text)
    let elapsed = ContinuousClock.now - start
    #expect(doc[19_999]?["cpu"]?.scalar?.value == .int(19_999))
    #expect(doc[19_999]?.location.column == text.utf8.count - 32)
    #expect(elapsed < .seconds(10), "one 640 kB line took \(elapsed)")
  }

  @Test("aliases cannot build a tree deeper than YAMLLimits.maxDepth")
  func depthThroughAliases() throws {
    // Each anchor holds a 100-deep chain ending in an alias to the previous anchor: the text
    // stays shallow, the tree it stands for would not.
    let chain = { (name: String, inner: String) -> String in
      "\(name): &\(name) " + String(repeating: "[", count: 100) + inner
        + String(repeating: "]", count: 100) + "\n"
    }
    var yaml = chain("a0", "x")
    yaml += chain("a1", "*a0")
    #expect(
      parseError(yaml + chain("a2", "*a1"))
        == "t.yaml:3:109: nesting depth exceeds the limit of 256 (YAMLLimits.maxDepth) "
        + "through the alias 'a1'")
    // Within the limit, aliases to deep nodes are fine.
    let shallow = "a: &a [[[x]]]\nb: [[[*a]]]\n"
    #expect(try jsonLines(shallow) == #"{"a":[[["x"]]],"b":[[[[[["x"]]]]]]}"#)
  }

  @Test("billion laughs stops at YAMLLimits.maxAliasExpansion")
  func billionLaughs() {
    var yaml = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    for i in 1...9 {
      let prev = "*a\(i - 1)"
      yaml += "a\(i): &a\(i) [" + Array(repeating: prev, count: 10).joined(separator: ", ") + "]\n"
    }
    let message = parseError(yaml)
    #expect(
      message?.contains("aliases expand to more than 1000000 nodes (YAMLLimits.maxAliasExpansion)")
        == true)
  }
}
