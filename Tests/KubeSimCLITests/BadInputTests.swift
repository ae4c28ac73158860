import KubeSimTestSupport
import Testing

@testable import KubeSimCLI

/// Bad input exits 2 with `file:line:col` and the field path (issue 2, "Must show").
@Suite(.serialized) struct BadInputTests {
  static let scenarioHeader =
    "apiVersion: kubesim.io/v1alpha1\nkind: Scenario\nmetadata: {name: x}\nspec:\n"

  @Test(arguments: [
    (
      "wrong type",
      "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: three\n",
      "bad.yaml:5:13: spec.replicas: expected an integer, found \"three\""
    ),
    (
      "unknown kind", "apiVersion: v1\nkind: Pdo\nmetadata: {name: p}\n",
      "bad.yaml:2:7: kind: unknown kind \"Pdo\" (apiVersion v1); did you mean \"Pod\"?"
    ),
    (
      "invalid quantity",
      "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: c\n    image: nginx\n    resources:\n      requests: {cpu: 5 cores}\n",
      "bad.yaml:9:23: spec.containers[0].resources.requests.cpu: invalid quantity \"5 cores\""
    ),
    (
      "tab in indentation", "apiVersion: v1\nkind: Pod\nmetadata:\n\tname: p\n",
      "bad.yaml:4:1: found a tab character where indentation is expected"
    ),
    (
      "unterminated quote", "apiVersion: v1\nkind: Pod\nmetadata: {name: \"p}\n",
      "bad.yaml:3:18: unterminated double-quoted scalar"
    ),
    (
      "duplicate key", "apiVersion: v1\nkind: Pod\nkind: Pod\n",
      "bad.yaml:3:1: duplicate key \"kind\" (first at 2:1)"
    ),
    (
      "dangling alias", "apiVersion: v1\nkind: Pod\nmetadata: *meta\n",
      "bad.yaml:3:11: unknown anchor 'meta'"
    ),
    (
      "unknown timeline verb",
      scenarioHeader + "  timeline:\n    - at: 1m\n      kubectl: evict pod/x\n",
      "bad.yaml:7:16: spec.timeline[0].kubectl: unknown kubectl verb \"evict\""
    ),
    (
      "bad expectation",
      scenarioHeader + "  expect:\n    - that: deployment/web.status.readyReplicas >> 3\n",
      "bad.yaml:6:50: spec.expect[0].that: unexpected '>' (expected a value)"
    ),
  ])
  func exitsTwoWithPositionAndPath(_ what: String, _ text: String, _ expected: String) {
    let dir = TemporaryDirectory("bad")
    defer { dir.remove() }
    let file = dir.write("bad.yaml", text)
    for command in ["validate", "run"] {
      let r = CommandLineInterface.run([command, file])
      #expect(r.code == .badInput, "\(what) (\(command))")
      #expect(r.stdout == "", "\(what) (\(command))")
      let firstLine = String(r.stderr.split(separator: "\n").first ?? "")
      #expect(firstLine.hasPrefix(dir.path + "/" + expected), "\(what) (\(command)): \(r.stderr)")
    }
  }

  @Test func admissionErrorsPointAtTheObject() {
    let dir = TemporaryDirectory("admission")
    defer { dir.remove() }
    let file = dir.write(
      "a.yaml",
      Self.scenarioHeader
        + "  seed: 1\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: nope}\nspec:\n  containers: [{name: c, image: nginx}]\n"
    )
    let r = CommandLineInterface.run(["validate", file])
    #expect(r.code == .badInput)
    #expect(r.stderr == "\(file):7:1: Pod/nope/p: namespaces \"nope\" not found\n1 error\n")
  }

  @Test func badSettingsAreInputErrors() {
    let dir = TemporaryDirectory("settings")
    defer { dir.remove() }
    let file = dir.write("a.yaml", Self.scenarioHeader + "  settings: {watchDelay: soon}\n")
    for command in ["validate", "run"] {
      let r = CommandLineInterface.run([command, file])
      #expect(r.code == .badInput)
      #expect(r.stderr.hasPrefix("\(file):5:26: spec.settings.watchDelay: "), "\(r.stderr)")
    }
  }

  @Test func includeErrorsPointAtTheInclude() {
    let dir = TemporaryDirectory("include")
    defer { dir.remove() }
    dir.write("a.yaml", Self.scenarioHeader + "  include: [sub/b.yaml, missing.yaml]\n")
    dir.write("sub/b.yaml", "apiVersion: v1\nkind: Namespace\nmetadata: {name: prod}\n")
    let r = CommandLineInterface.run(["validate", dir.path + "/a.yaml"])
    #expect(r.code == .badInput)
    #expect(
      r.stderr
        == "\(dir.path)/a.yaml:5:25: spec.include: cannot read \(dir.path)/missing.yaml: no such file\n1 error\n"
    )
  }

  @Test func includedFilesAreRead() {
    let dir = TemporaryDirectory("include")
    defer { dir.remove() }
    dir.write("a.yaml", Self.scenarioHeader + "  include: [sub/b.yaml]\n")
    dir.write(
      "sub/b.yaml",
      "apiVersion: v1\nkind: Namespace\nmetadata: {name: prod}\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: dev}\n"
    )
    let r = CommandLineInterface.run(["validate", dir.path + "/a.yaml"])
    #expect(r.code == .success, "\(r.stderr)")
    #expect(
      r.stdout == "\(dir.path)/a.yaml: 1 document OK\n\(dir.path)/sub/b.yaml: 2 documents OK\n")
  }

  @Test func includeCycleIsAnError() {
    let dir = TemporaryDirectory("cycle")
    defer { dir.remove() }
    dir.write("a.yaml", Self.scenarioHeader + "  include: [a.yaml]\n")
    let r = CommandLineInterface.run(["validate", dir.path + "/a.yaml"])
    #expect(r.code == .badInput)
    #expect(r.stderr.hasPrefix("\(dir.path)/a.yaml:5:13: spec.include: include cycle: "))
  }

  @Test func twoScenariosAreAnError() {
    let dir = TemporaryDirectory("two")
    defer { dir.remove() }
    let body = "apiVersion: kubesim.io/v1alpha1\nkind: Scenario\nmetadata: {name: x}\n"
    let file = dir.write("a.yaml", body + "---\n" + body)
    let r = CommandLineInterface.run(["validate", file])
    #expect(r.code == .badInput)
    #expect(
      r.stderr
        == "\(file):5:1: kind: a second Scenario document (the first is at \(file):1:1); a run has exactly one\n1 error\n"
    )
  }

  @Test func everyErrorIsReportedTogether() {
    let dir = TemporaryDirectory("many")
    defer { dir.remove() }
    let file = dir.write(
      "a.yaml",
      "apiVersion: v1\nkind: Pdo\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: w}\nspec: {replicas: x}\n"
    )
    let r = CommandLineInterface.run(["validate", file])
    #expect(r.code == .badInput)
    #expect(r.stderr.split(separator: "\n").count == 3)
    #expect(r.stderr.hasSuffix("2 errors\n"))
  }
}
