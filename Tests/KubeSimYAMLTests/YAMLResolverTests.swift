import Testing

@testable import KubeSimYAML

/// The resolution table of `YAMLResolver` (go-yaml v2 resolve.go, as Kubernetes reads YAML).
@Suite("YAML 1.1 plain scalar resolution")
struct YAMLResolverTests {
  @Test(
    "booleans: YAML 1.1 spellings",
    arguments: ["y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"])
  func trueSpellings(text: String) {
    #expect(YAMLResolver.resolve(text) == .bool(true))
  }

  @Test(
    "booleans: YAML 1.1 false spellings",
    arguments: ["n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"])
  func falseSpellings(text: String) {
    #expect(YAMLResolver.resolve(text) == .bool(false))
  }

  @Test("mixed-case spellings stay strings")
  func notBooleans() {
    for text in ["yEs", "tRUE", "oN", "nO", "NUll", "Yes!", "truex", "o"] {
      #expect(YAMLResolver.resolve(text) == .string(text), "\(text)")
    }
  }

  @Test("null")
  func nulls() {
    for text in ["", "~", "null", "Null", "NULL"] { #expect(YAMLResolver.resolve(text) == .null) }
  }

  @Test(
    "integers as Go's ParseInt(s, 0, 64) reads them after removing underscores",
    arguments: [
      ("0", 0), ("42", 42), ("-17", -17), ("+8", 8), ("0777", 511), ("-010", -8),
      ("0o17", 15), ("0O17", 15), ("0x1F", 31), ("0X1f", 31), ("-0x1F", -31), ("+0x10", 16),
      ("0b101", 5), ("-0b11", -3), ("1_000", 1000), ("0x_FF", 255), ("1__0", 10),
      ("9223372036854775807", Int64.max), ("-9223372036854775808", Int64.min),
    ] as [(String, Int64)])
  func integers(text: String, value: Int64) {
    #expect(YAMLResolver.resolve(text) == .int(value))
  }

  @Test(
    "floats",
    arguments: [
      ("1.5", 1.5), ("-0.25", -0.25), ("1e3", 1000), ("1E-2", 0.01), ("1.", 1), (".5", 0.5),
      ("+.5", 0.5), ("-1.5e+2", -150), ("08", 8), ("09.5", 9.5), ("1_000.5", 1000.5),
      ("9223372036854775808", 9223372036854775808.0), ("99999999999999999999", 1e20),
    ] as [(String, Double)])
  func floats(text: String, value: Double) {
    #expect(YAMLResolver.resolve(text) == .float(value))
  }

  @Test("infinities and NaN")
  func specialFloats() {
    for t in [".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"] {
      #expect(YAMLResolver.resolve(t) == .float(.infinity))
    }
    for t in ["-.inf", "-.Inf", "-.INF"] { #expect(YAMLResolver.resolve(t) == .float(-.infinity)) }
    for t in [".nan", ".NaN", ".NAN"] {
      guard case .float(let d) = YAMLResolver.resolve(t) else {
        Issue.record("\(t) is not a float")
        continue
      }
      #expect(d.isNaN)
    }
  }

  @Test("strings that look numeric but are not, for go-yaml v2")
  func strings() {
    for text in [
      "1:20", "2001-12-14", "2001-12-14T21:59:43.10Z", "1e400", "0x", "0b", "0o8", "1.2.3",
      "+", "-", ".", "._5", "_1", "1e", "e3", "0xG", "v1", "100m", "1Gi", "<<", ".5e", "+-1",
    ] {
      #expect(YAMLResolver.resolve(text) == .string(text), "\(text)")
    }
  }

  @Test("resolution applies to plain scalars in documents, keys keep their text")
  func inDocuments() throws {
    #expect(
      try jsonLines("on: yes\nreplicas: 010\nport: \"80\"\nratio: .5\nempty:\n")
        == #"{"on":true,"replicas":8,"port":"80","ratio":0.5,"empty":null}"#)
  }
}
