import Testing

@testable import KubeSimYAML

/// Exact messages and positions of the errors users meet most.
@Suite("YAML errors and their positions")
struct YAMLErrorTests {
  @Test("a tab used as indentation is reported where the tab is")
  func tabIndentation() {
    #expect(
      parseError("a:\n\tb: 1\n")
        == "t.yaml:2:1: found a tab character where indentation is expected")
    #expect(
      parseError("spec:\n  containers:\n  \t- name: x\n")
        == "t.yaml:3:3: found a tab character where indentation is expected")
    #expect(
      parseError("a: |\n\tx\n") == "t.yaml:2:1: found a tab character where indentation is expected"
    )
  }

  @Test("tabs as separators after indentation are fine")
  func tabSeparation() throws {
    #expect(try jsonLines("a:\t1\nb: [x,\tz]\n") == #"{"a":1,"b":["x","z"]}"#)
    #expect(try jsonLines("- a:\t1\n") == #"[{"a":1}]"#)
  }

  @Test("an unterminated quote is reported at the opening quote")
  func unterminatedQuotes() {
    #expect(
      parseError("metadata:\n  name: 'web\n")
        == "t.yaml:2:9: unterminated single-quoted scalar: found the end of input, expected a closing \"'\""
    )
    #expect(
      parseError("metadata:\n  name: \"web\nspec: {}\n")
        == "t.yaml:2:9: unterminated double-quoted scalar: found the end of input, expected a closing '\"'"
    )
    #expect(
      parseError("a: \"x\\")
        == "t.yaml:1:4: unterminated double-quoted scalar: found the end of input, expected a closing '\"'"
    )
  }

  @Test("a duplicate key names both positions")
  func duplicateKey() {
    #expect(
      parseError("a: 1\nb:\n  x: 1\n  y: 2\n  x: 3\n")
        == "t.yaml:5:3: duplicate key \"x\" (first at 3:3)")
    #expect(parseError("{a: 1, b: 2, a: 3}") == "t.yaml:1:14: duplicate key \"a\" (first at 1:2)")
    // Large mappings use an index; the message is the same.
    let many = (0..<20).map { "k\($0): \($0)" }.joined(separator: "\n") + "\nk7: 0\n"
    #expect(parseError(many) == "t.yaml:21:1: duplicate key \"k7\" (first at 8:1)")
  }

  @Test("an alias to an unknown anchor is reported at the alias")
  func danglingAlias() {
    #expect(parseError("a: &x 1\nb: *y\n") == "t.yaml:2:4: unknown anchor 'y'")
    #expect(parseError("- [1, *later]\n- &later 2\n") == "t.yaml:1:7: unknown anchor 'later'")
  }

  @Test("tags other than the standard ones are not supported")
  func tags() {
    let supported = "(KubeSim reads only !!str, !!int, !!float, !!bool, !!null, !!map, !!seq and !)"
    #expect(parseError("a: !foo x\n") == "t.yaml:1:4: the tag '!foo' is not supported \(supported)")
    #expect(
      parseError("- !!binary\n  aGk=\n")
        == "t.yaml:1:3: the tag '!!binary' is not supported \(supported)")
    #expect(parseError("[!e!x y]") == "t.yaml:1:2: the tag '!e!x' is not supported \(supported)")
    #expect(
      parseError("a: !<tag:example.com,2000:x> 1\n")
        == "t.yaml:1:4: the tag '!<tag:example.com,2000:x>' is not supported \(supported)")
  }

  @Test("a standard tag that does not fit its node is an error")
  func tagMismatch() {
    #expect(parseError("a: !!int x\n") == "t.yaml:1:10: cannot read \"x\" as !!int")
    #expect(parseError("a: !!bool 1\n") == "t.yaml:1:11: cannot read \"1\" as !!bool")
    #expect(parseError("a: !!map [1]\n") == "t.yaml:1:10: the tag '!!map' needs a mapping")
    #expect(parseError("a: !!str {b: 1}\n") == "t.yaml:1:10: the tag '!!str' needs a scalar")
  }

  @Test("directives are not supported")
  func directives() {
    #expect(
      parseError("%YAML 1.2\n---\na: 1\n")
        == "t.yaml:1:1: directives are not supported (found '%YAML')")
    #expect(
      parseError("a: 1\n---\n%TAG ! tag:x,2000:\n---\nb: 2\n")
        == "t.yaml:3:1: directives are not supported (found '%TAG')")
  }

  @Test("complex keys are not supported")
  func complexKeys() {
    #expect(
      parseError("? a\n: b\n")
        == "t.yaml:1:1: complex keys are not supported (found an explicit '?' key)")
    #expect(
      parseError("x: 1\n[a, b]: c\n")
        == "t.yaml:2:1: complex keys are not supported (found a collection used as a mapping key)")
    #expect(
      parseError("{[a]: 1}")
        == "t.yaml:1:2: complex keys are not supported (found a collection used as a mapping key)")
  }

  @Test("structure errors")
  func structure() throws {
    #expect(parseError("a: b: c\n") == "t.yaml:1:5: mapping values are not allowed in this context")
    #expect(
      parseError("a:\n  b: 1\n c: 2\n")
        == "t.yaml:3:2: found 'c' at column 2, but the enclosing mapping has its keys at column 1 "
        + "(check the indentation)")
    #expect(
      parseError("spec:\n  containers:\n  - name: a\n     image: b\n")
        == "t.yaml:4:11: found ':' after a scalar that started on line 3: a mapping key must be on "
        + "one line (check the indentation)")
    #expect(
      parseError("- a\nb: c\n")
        == "t.yaml:2:1: found 'b' at column 1, outside the document's top-level node "
        + "(check the indentation)")
    // Deeper `- ` lines continue a plain scalar, as in PyYAML and go-yaml: not an error.
    #expect(try jsonLines("- a\n  - b\n   - c\n") == #"["a - b - c"]"#)
    #expect(try jsonLines("a:\n- 1\n  - 2\nb: 1\n") == #"{"a":["1 - 2"],"b":1}"#)
    #expect(
      parseError("a: [1, 2\n")
        == "t.yaml:1:4: unterminated flow sequence: found the end of input, expected ']'")
    #expect(
      parseError("a: {x: 1\n")
        == "t.yaml:1:4: unterminated flow mapping: found the end of input, expected '}'")
    #expect(
      parseError("a: [1, 2}\n")
        == "t.yaml:1:9: found '}' in a flow sequence, expected ',' or ']'")
    #expect(parseError("a: \"\\q\"\n") == "t.yaml:1:5: found unknown escape character 'q'")
    #expect(parseError("a: @x\n") == "t.yaml:1:4: found '@', which cannot start a plain scalar")
    #expect(
      parseError("a: 1\nb\n")
        == "t.yaml:2:1: could not find the ':' that must follow the mapping key")
    #expect(
      parseError("a: 1\n- b\n")
        == "t.yaml:2:1: found a sequence entry where a mapping key was expected (check the indentation)"
    )
    #expect(
      parseError("a: |0\n  x\n")
        == "t.yaml:1:5: a block scalar's indentation indicator must be 1 to 9, found '0'")
    #expect(
      parseError("a: \"\\uD800\"\n") == "t.yaml:1:5: the escape is not a valid Unicode scalar value"
    )
    #expect(
      parseError("a: 1\u{0001}\n")
        == "t.yaml:1:5: found control character U+0001, which YAML does not allow in a stream")
  }

  @Test("flow collections inside a block must stay indented; a closing bracket may not")
  func flowIndentation() throws {
    #expect(
      parseError("args: [\n\"a\",\n]\n")
        == "t.yaml:2:1: a line inside a flow collection must be indented more than its parent "
        + "(at least 1 space)")
    #expect(try jsonLines("spec:\n  args: [\n    \"a\",\n  ]\n") == #"{"spec":{"args":["a"]}}"#)
  }

  @Test("columns count Unicode scalars, not bytes")
  func unicodeColumns() {
    #expect(
      parseError("ключ: 'значение\n")
        == "t.yaml:1:7: unterminated single-quoted scalar: found the end of input, expected a closing \"'\""
    )
  }

  @Test("errors carry the file name given")
  func fileName() {
    do {
      _ = try YAMLParser.parseStream("a: *b", file: "Scenarios/x.yaml")
      Issue.record("expected an error")
    } catch {
      #expect(error.location == SourceLocation(file: "Scenarios/x.yaml", line: 1, column: 4))
      #expect(error.message == "unknown anchor 'b'")
    }
  }
}
