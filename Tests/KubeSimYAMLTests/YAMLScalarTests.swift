import Testing

@testable import KubeSimYAML

@Suite("YAML scalars: quoting, escapes, folding, block scalars")
struct YAMLScalarTests {
  @Test("double-quoted escapes decode as YAML 1.2 §5.7 says")
  func escapes() throws {
    let cases: [(String, String)] = [
      (#""\0\a\b\t\n\v\f\r\e""#, "\u{0}\u{7}\u{8}\t\n\u{B}\u{C}\r\u{1B}"),
      (#""\ \"\/\\""#, " \"/\\"),
      (#""\N\_\L\P""#, "\u{85}\u{A0}\u{2028}\u{2029}"),
      (#""\x41\u00e9\U0001F600""#, "Aé😀"),
      ("\"tab\\\tend\"", "tab\tend"),
      ("\"a\\\n   b\"", "ab"),
      ("\"a \\\n  b\"", "a b"),
      ("\"a\n  b\n\n  c\"", "a b\nc"),
      ("\"trailing   \n  space\"", "trailing space"),
    ]
    for (yaml, text) in cases {
      #expect(try document(yaml).scalar?.text == text, "\(yaml)")
      #expect(try document(yaml).scalar?.style == .doubleQuoted)
    }
  }

  @Test("single-quoted scalars: '' is a quote, breaks fold, no escapes")
  func singleQuoted() throws {
    #expect(try document("'it''s'").scalar?.text == "it's")
    #expect(try document("'a\\nb'").scalar?.text == "a\\nb")
    #expect(try document("'one\n  two\n\n  three'").scalar?.text == "one two\nthree")
    #expect(try document("'yes'").scalar?.value == .string("yes"))
  }

  @Test("plain scalars fold over lines and stop at comments")
  func plainMultiLine() throws {
    #expect(
      try jsonLines("a: one\n  two\n\n  three # c\nb: x\n") == #"{"a":"one two\nthree","b":"x"}"#)
    #expect(try jsonLines("- a b\n  c\n- d#e\n") == #"["a b c","d#e"]"#)
    #expect(try jsonLines("url: http://x:80/a?b=c#frag\n") == #"{"url":"http://x:80/a?b=c#frag"}"#)
    #expect(try jsonLines("[a:b, c: d, 'e':f]") == #"["a:b",{"c":"d"},{"e":"f"}]"#)
  }

  /// The chomping table of YAML 1.2 §8.1.1.2 for literal and folded scalars.
  @Test(
    "block scalar chomping",
    arguments: [
      ("|-", "a\n b\n\nc"), ("|", "a\n b\n\nc\n"), ("|+", "a\n b\n\nc\n\n\n"),
      (">-", "a\n b\n\nc"), (">", "a\n b\n\nc\n"), (">+", "a\n b\n\nc\n\n\n"),
    ])
  func chomping(header: String, expected: String) throws {
    let yaml = "k: \(header)\n  a\n   b\n\n  c\n\n\nnext: 1\n"
    #expect(try document(yaml)["k"]?.scalar?.text == expected)
  }

  @Test("folded scalars join lines with spaces, keep more-indented lines")
  func folding() throws {
    let yaml = "k: >\n  one\n  two\n\n  three\n    indented\n  four\n"
    #expect(try document(yaml)["k"]?.scalar?.text == "one two\nthree\n  indented\nfour\n")
    #expect(try document("k: >-\n  a\n  b\n")["k"]?.scalar?.style == .folded)
  }

  @Test("explicit indentation indicators")
  func indentationIndicator() throws {
    #expect(try document("k: |2\n   x\n  y\n")["k"]?.scalar?.text == " x\ny\n")
    #expect(try document("- |1-\n  x\n")[0]?.scalar?.text == " x")
    #expect(try document("k: >2+\n    x\n\n")["k"]?.scalar?.text == "  x\n\n")
  }

  @Test("block scalars end at a less indented line and keep comments as text")
  func blockScalarEnd() throws {
    let yaml = "script: |\n  echo hi # not a comment\n  # neither\nnext: 2\n"
    #expect(try jsonLines(yaml) == #"{"script":"echo hi # not a comment\n# neither\n","next":2}"#)
    #expect(try jsonLines("a: |\nb: 1\n") == #"{"a":"","b":1}"#)
    #expect(try jsonLines("--- |\nfoo\n--- >\n bar\n") == "\"foo\\n\"\n\"bar\\n\"")
  }

  @Test("standard tags set or check a scalar's type, as go-yaml does")
  func standardTags() throws {
    #expect(
      try jsonLines(
        "a: !!str 123\nb: !!int \"42\"\nc: !!float 1\nd: !!bool yes\ne: !!null ~\nf: ! 12\n")
        == #"{"a":"123","b":42,"c":1.0,"d":true,"e":null,"f":"12"}"#)
    #expect(
      try jsonLines("!!map\nk: !!seq [!!str 1, !<tag:yaml.org,2002:int> 2]\n")
        == #"{"k":["1",2]}"#)
    #expect(try jsonLines("- !!str\n- &a !!str x\n- *a\n") == #"["","x","x"]"#)
  }

  @Test("quoted and block scalars never resolve to other types")
  func quotedStayStrings() throws {
    #expect(try jsonLines("[\"1\", '2', \"true\", 'null', 3]") == #"["1","2","true","null",3]"#)
    #expect(try document("a: |\n  123\n")["a"]?.scalar?.value == .string("123\n"))
  }
}
