import KubeSimTestSupport
import Testing

@testable import KubeSimCLI

@Suite(.serialized) struct ParseCommandTests {
  @Test func printsEachDocumentAsOneLineOfJSON() {
    let dir = TemporaryDirectory("parse")
    defer { dir.remove() }
    let file = dir.write("a.yaml", "a: yes\nb: [1, 0x1F, ~, '2']\n---\n- \"x\"\n")
    let r = CommandLineInterface.run(["parse", file])
    #expect(r.code == .success)
    #expect(r.stdout == "{\"a\":true,\"b\":[1,31,null,\"2\"]}\n[\"x\"]\n")
    #expect(r.stderr == "")
  }

  @Test func syntaxErrorExits2WithPosition() {
    let dir = TemporaryDirectory("parse")
    defer { dir.remove() }
    let file = dir.write("tab.yaml", "a:\n\t- b\n")
    let r = CommandLineInterface.run(["parse", file])
    #expect(r.code == .badInput)
    #expect(r.stdout == "")
    #expect(r.stderr == "\(file):2:1: found a tab character where indentation is expected\n")
  }

  @Test func nonUTF8FileIsAnError() {
    let dir = TemporaryDirectory("parse")
    defer { dir.remove() }
    let file = dir.write("ok.yaml", "")
    FileBytes.write([0x61, 0x3A, 0x20, 0x0A, 0x62, 0x3A, 0x20, 0xFF, 0x0A], to: file)
    let r = CommandLineInterface.run(["parse", file])
    #expect(r.code == .badInput)
    #expect(
      r.stderr
        == "\(file):2:4: the file is not UTF-8 text (KubeSim reads YAML as UTF-8, as Kubernetes does)\n"
    )
  }

  @Test func missingFileIsAnError() {
    let r = CommandLineInterface.run(["parse", "/nonexistent/x.yaml"])
    #expect(r.code == .badInput)
    #expect(r.stderr == "/nonexistent/x.yaml: cannot read: no such file\n")
  }
}
