import KubeSimYAML
import Testing

@testable import KubeSimScenario

/// A data source over fixed JSON objects, keyed `kind/namespace/name`.
struct FixedSource: ExpectationDataSource {
  var objects: [String: JSONValue]
  var counts: [String: Int] = [:]
  func objectJSON(kind: String, namespace: String?, name: String) -> JSONValue? {
    objects["\(kind)/\(namespace ?? "default")/\(name)"]
  }
  func count(kind: String, terms: [SelectorTerm]) -> Int {
    counts[
      kind + "{"
        + terms.map { "\($0.key)\($0.negated ? "!=" : "=")\($0.value)" }.joined(separator: ",")
        + "}"] ?? 0
  }
}

@Suite struct ExpressionEvaluatorTests {
  let source = FixedSource(
    objects: [
      "deployment/default/web": .object([
        (
          "metadata",
          .object([
            ("name", .string("web")),
            ("labels", .object([("app.kubernetes.io/name", .string("web"))])),
          ])
        ),
        ("status", .object([("replicas", .int(3)), ("readyReplicas", .int(2))])),
      ]),
      "pod/prod/p": .object([
        ("spec", .object([("containers", .array([.object([("image", .string("nginx:1.27"))])]))]))
      ]),
    ],
    counts: ["pods{app=web,node=worker-2}": 2])

  func check(_ text: String) throws -> ExpressionOutcome {
    ExpressionEvaluator(source).evaluate(try ExpressionParser.parse(text))
  }

  @Test func comparesFields() throws {
    #expect(try check("deployment/web.status.replicas == 3").holds)
    #expect(
      try check("deployment/web.status.readyReplicas == 3")
        == ExpressionOutcome(holds: false, found: "2"))
    #expect(
      try check("deployment/web.status.readyReplicas < deployment/web.status.replicas")
        == ExpressionOutcome(holds: true, found: "2 and 3"))
    #expect(try check(#"deployment/web.metadata.labels["app.kubernetes.io/name"] == "web""#).holds)
    #expect(try check(#"pod/prod/p.spec.containers[0].image == "nginx:1.27""#).holds)
  }

  @Test func absentFieldsAreZeroValues() throws {
    #expect(
      try check("deployment/web.status.availableReplicas == 0")
        == ExpressionOutcome(holds: true, found: "0 (not set)"))
    #expect(
      try check("deployment/web.status.availableReplicas >= 1")
        == ExpressionOutcome(holds: false, found: "0 (not set)"))
    #expect(try check(#"deployment/web.spec.paused == false"#).holds)
  }

  @Test func missingObjectFails() throws {
    #expect(
      try check("deployment/api.status.replicas == 1")
        == ExpressionOutcome(holds: false, found: "no deployment named api"))
    #expect(
      try check("deployment/prod/web.status.replicas == 1")
        == ExpressionOutcome(holds: false, found: "no deployment named web in namespace prod"))
  }

  @Test func countsAndBooleans() throws {
    #expect(
      try check("count(pods{app=web, node=worker-2}) == 0")
        == ExpressionOutcome(holds: false, found: "2"))
    #expect(
      try check("count(pods{app=web, node=worker-2}) == 2 and deployment/web.status.replicas > 2")
        .holds)
    #expect(
      try check("count(pods{app=db}) == 1 or deployment/web.status.replicas == 9")
        == ExpressionOutcome(holds: false, found: "0; 3"))
    #expect(try check("not (count(pods{app=db}) == 1)").holds)
    #expect(
      try check("count(pods{app=web, node=worker-2}) == 2 and deployment/web.status.replicas == 3")
        == ExpressionOutcome(holds: true, found: "2, 3"))
  }

  @Test func typeMismatchDoesNotHold() throws {
    #expect(
      try check(#"deployment/web.status.replicas == "3""#)
        == ExpressionOutcome(holds: false, found: "3 (cannot compare a number with a string)"))
    #expect(
      try check("deployment/web.status < 1")
        == ExpressionOutcome(
          holds: false,
          found: #"{"replicas":3,"readyReplicas":2} (cannot compare an object with a number)"#))
    #expect(
      try check("deployment/web.status.replicas")
        == ExpressionOutcome(holds: false, found: "3, which is a number, not a boolean"))
  }
}
