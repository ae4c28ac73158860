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
