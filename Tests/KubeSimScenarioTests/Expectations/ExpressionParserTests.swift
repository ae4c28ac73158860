import Testing

@testable import KubeSimScenario

@Suite struct ExpressionParserTests {
  @Test func parsesFieldComparison() throws {
    let e = try ExpressionParser.parse("deployment/web.status.readyReplicas == 5")
    #expect(
      e
        == .comparison(
          .field(
            FieldReference(
              kind: "deployment", namespace: nil, name: "web",
              path: [.key("status"), .key("readyReplicas")], offset: 0,
              text: "deployment/web.status.readyReplicas")),
          .equal, .literal(.int(5))))
  }

  @Test func parsesNamespaceIndexesAndQuotedKeys() throws {
    let e = try ExpressionParser.parse(
      #"pod/prod/web-1.metadata.labels["app.kubernetes.io/name"] != 'web'"#)
    guard case .comparison(.field(let f), .notEqual, .literal(.string("web"))) = e else {
      Issue.record("unexpected \(e)")
      return
    }
    #expect(f.namespace == "prod")
    #expect(f.name == "web-1")
    #expect(f.path == [.key("metadata"), .key("labels"), .key("app.kubernetes.io/name")])
    let g = try ExpressionParser.parse("pod/web-1.spec.containers[0].image == \"nginx\"")
    guard case .comparison(.field(let h), _, _) = g else {
      Issue.record("unexpected \(g)")
      return
    }
    #expect(h.path == [.key("spec"), .key("containers"), .index(0), .key("image")])
  }

  @Test func parsesCountWithSelector() throws {
    let e = try ExpressionParser.parse("count(pods{app=web, node=worker-2, ready!=false}) >= 2")
    guard case .comparison(.count(let q), .greaterOrEqual, .literal(.int(2))) = e else {
      Issue.record("unexpected \(e)")
      return
    }
    #expect(q.kind == "pods")
    #expect(
      q.terms == [
        SelectorTerm(key: "app", value: "web", negated: false),
        SelectorTerm(key: "node", value: "worker-2", negated: false),
        SelectorTerm(key: "ready", value: "false", negated: true),
      ])
    #expect(q.text == "count(pods{app=web, node=worker-2, ready!=false})")
    let all = try ExpressionParser.parse("count(nodes) == 3")
    guard case .comparison(.count(let n), _, _) = all else {
      Issue.record("unexpected \(all)")
      return
    }
    #expect(n.terms.isEmpty)
  }

  @Test func parsesLiteralsAndDurations() throws {
    #expect(
      try ExpressionParser.parse("1.5 < 2")
        == .comparison(.literal(.double(1.5)), .less, .literal(.int(2))))
    #expect(
      try ExpressionParser.parse("-3 <= 1h30m")
        == .comparison(.literal(.int(-3)), .lessOrEqual, .literal(.duration(5_400_000_000))))
    #expect(
      try ExpressionParser.parse("250ms > 1e3")
        == .comparison(.literal(.duration(250_000)), .greater, .literal(.double(1000))))
    #expect(try ExpressionParser.parse("true") == .literal(.bool(true)))
  }

  @Test func andBindsTighterThanOr() throws {
    let e = try ExpressionParser.parse("true or false and not false")
    #expect(
      e == .or(.literal(.bool(true)), .and(.literal(.bool(false)), .not(.literal(.bool(false))))))
  }

  @Test(arguments: [
    ("", "empty expression", 0),
    (
      "deployment/web == 3",
      "expected a field path after 'deployment/web' (e.g. deployment/web.status.readyReplicas)", 14
    ),
    (
      "availability(web) >= 0.99",
      "expected availability(service/NAME or service/NAME, all), found availability(web)", 13
    ),
    ("recovery(fault 0) < 6m", "expected recovery(fault N), found recovery(fault 0)", 9),
    (
      "sum(pods) > 1",
      "unknown function 'sum' (expected count, recovery, detection, eviction, availability, cost, cpu_usage, offered, served, failed, failure_rate, latency)", 0
    ),
    ("count(pods{app}) == 1", "expected '=' or '!=' after selector key 'app'", 14),
    ("count(pods{ready=yes}) == 1", "ready= takes true or false, found 'yes'", 11),
    ("1 < 2 < 3", "comparisons do not chain (write 'a < b and b < c')", 6),
    (
      "web == 3",
      "unknown name 'web' (expected kind/name.field.path, count(kind{…}), or a literal; quote strings)",
      0
    ),
    ("x/y.status == \"abc", "unterminated string (missing \")", 14),
    ("3 == 5x", "invalid number or duration '5x' (durations use Go syntax: 250ms, 40s, 1h30m)", 5),
    ("(1 == 1", "expected ')'", 7),
    ("1 == 1 2", "unexpected '2' (expected an operator, 'and', 'or' or the end)", 7),
    ("a/b/c/d.x == 1", "too many '/' (expected kind/name or kind/namespace/name)", 0),
  ])
  func rejectsWithMessageAndOffset(_ text: String, _ message: String, _ offset: Int) {
    #expect(throws: ExpressionError(message, at: offset)) { try ExpressionParser.parse(text) }
  }

  @Test func formatsDurations() {
    #expect(DurationFormat.compact(microseconds: 720_000_000) == "12m")
    #expect(DurationFormat.compact(microseconds: 3_605_000_000) == "1h5s")
  }
}
