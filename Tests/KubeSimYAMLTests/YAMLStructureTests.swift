import Testing

@testable import KubeSimYAML

@Suite("YAML structure: collections, documents, anchors, merges, positions")
struct YAMLStructureTests {
  @Test("Kubernetes' unindented sequence under a key")
  func unindentedSequence() throws {
    let yaml = """
      spec:
        containers:
        - name: a
          ports:
          - containerPort: 80
        - name: b
        volumes: []
      """
    #expect(
      try jsonLines(yaml)
        == #"{"spec":{"containers":[{"name":"a","ports":[{"containerPort":80}]},{"name":"b"}],"volumes":[]}}"#
    )
  }

  @Test("flow collections over lines with comments and trailing commas (KYAML)")
  func flowCollections() throws {
    let yaml = """
      {
        apiVersion: "v1",   # comment
        kind: "Pod",
        spec: {
          containers: [{
            name: "a",
            args: ["x", 'y', z,],
          },],
        },
      }
      """
    #expect(
      try jsonLines(yaml)
        == #"{"apiVersion":"v1","kind":"Pod","spec":{"containers":[{"name":"a","args":["x","y","z"]}]}}"#
    )
    #expect(try jsonLines("[a, {b: c}, [d], e: f, {}]") == #"["a",{"b":"c"},["d"],{"e":"f"},{}]"#)
    #expect(try jsonLines("{a, b: , c: d}") == #"{"a":null,"b":null,"c":"d"}"#)
  }

  @Test("multi-document streams")
  func documents() throws {
    #expect(
      try jsonLines("a: 1\n---\nb: 2\n...\n---\n# only a comment\n") == "{\"a\":1}\n{\"b\":2}\nnull"
    )
    #expect(try jsonLines("# nothing\n").isEmpty)
    #expect(try jsonLines("---\n---\n") == "null\nnull")
    #expect(try jsonLines("--- text\n--- [1]\n") == "\"text\"\n[1]")
    #expect(try YAMLParser.parseStream("", file: "t.yaml").isEmpty)
  }

  @Test("anchors and aliases copy the anchored node")
  func aliases() throws {
    let doc = try document("a: &x {k: v}\nb: *x\nc: &s text\nd: [*s, *s]\n")
    #expect(
      doc.toJSON().compactString == #"{"a":{"k":"v"},"b":{"k":"v"},"c":"text","d":["text","text"]}"#
    )
    #expect(doc["a"]?.anchor == "x")
    #expect(doc["b"]?.position == "2:4")
  }

  @Test("merge keys: explicit keys win, earlier merged mappings win over later ones")
  func mergeKeys() throws {
    let yaml = """
      defaults: &d {cpu: 1, mem: 2}
      extra: &e {mem: 3, disk: 4}
      one:
        <<: *d
        cpu: 5
      two:
        cpu: 6
        <<: [*d, *e]
      three: {<<: *e, disk: 7}
      """
    #expect(
      try jsonLines(yaml)
        == #"{"defaults":{"cpu":1,"mem":2},"extra":{"mem":3,"disk":4},"one":{"mem":2,"cpu":5},"two":{"cpu":6,"mem":2,"disk":4},"three":{"mem":3,"disk":7}}"#
    )
    #expect(
      parseError("a: {x: 1}\nb:\n  <<: 5\n")
        == "t.yaml:3:7: a merge key ('<<') needs a mapping or a sequence of mappings as its value")
    #expect(
      parseError("b:\n  <<: [{a: 1}, x]\n")
        == "t.yaml:2:16: a merge key ('<<') needs a mapping or a sequence of mappings as its value")
    // A quoted "<<" is an ordinary key.
    #expect(try jsonLines("'<<': {a: 1}\n") == #"{"<<":{"a":1}}"#)
  }

  @Test("every node carries its 1-based line and column")
  func positions() throws {
    let yaml = """
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
        labels: {app: web}
      spec:
        containers:
        - name: c
          image: "nginx"
          command:
            - sh
      """
    let doc = try document(yaml)
    #expect(doc.position == "1:1")
    #expect(doc["kind"]?.position == "2:7")
    #expect(doc["metadata"]?.position == "4:3")
    #expect(doc["metadata"]?["labels"]?.position == "5:11")
    #expect(doc["metadata"]?["labels"]?["app"]?.position == "5:17")
    #expect(doc["spec"]?["containers"]?.position == "8:3")
    #expect(doc["spec"]?["containers"]?[0]?.position == "8:5")
    #expect(doc["spec"]?["containers"]?[0]?["image"]?.position == "9:12")
    #expect(doc["spec"]?["containers"]?[0]?["command"]?[0]?.position == "11:9")
    guard case .mapping(let pairs) = doc.content else {
      Issue.record("not a mapping")
      return
    }
    #expect(pairs[1].key.position == "2:1")
  }

  @Test("CRLF line endings and a byte order mark")
  func lineEndings() throws {
    #expect(try jsonLines("\u{FEFF}a: 1\r\nb: |\r\n  x\r\n") == #"{"a":1,"b":"x\n"}"#)
    #expect(parseError("a: 1\r\nb: *z\r\n") == "t.yaml:2:4: unknown anchor 'z'")
  }

  @Test("comments everywhere")
  func comments() throws {
    let yaml = "# head\na: 1 # tail\n# between\nb: # after key\n  - x # item\n  # inside\n  - z\n"
    #expect(try jsonLines(yaml) == #"{"a":1,"b":["x","z"]}"#)
  }
}
