import Foundation
import KubeSimModel
import KubeSimYAML
import Testing

@Suite struct LabelSelectorTests {
  static let labels: StringMap = ["app": "web", "tier": "frontend", "track": "stable"]

  /// (selector string, matches `labels`)
  static let table: [(String, Bool)] = [
    ("", true),
    ("app=web", true), ("app==web", true), ("app!=web", false), ("app=db", false),
    ("app in (web,db)", true), ("app in (db)", false), ("app notin (db, cache)", true),
    ("app notin (web)", false), ("missing notin (x)", true), ("missing!=x", true),
    ("track", true), ("!track", false), ("!legacy", true), ("legacy", false),
    ("app in (a,b),tier!=db", false), ("app in (web,b),tier!=db,!x,track", true),
    ("  app = web ,  tier in ( frontend )  ", true), ("app=", false), ("release=", false),
  ]

  @Test(arguments: table)
  func stringFormMatches(_ row: (String, Bool)) throws {
    let s = try LabelSelector(parsing: row.0)
    #expect(s.matches(Self.labels) == row.1, "\(row.0)")
  }

  @Test func parsesToExpressionsInOrder() throws {
    let s = try LabelSelector(parsing: "app in (a,b),tier!=db,!x,y")
    #expect(
      s.matchExpressions == [
        LabelSelectorRequirement(key: "app", operator: .in, values: ["a", "b"]),
        LabelSelectorRequirement(key: "tier", operator: .notIn, values: ["db"]),
        LabelSelectorRequirement(key: "x", operator: .doesNotExist),
        LabelSelectorRequirement(key: "y", operator: .exists),
      ])
  }

  @Test(arguments: [
    ("app in (a", "unable to parse requirement: found 'EOS', expected: ',' or ')'"),
    ("app in a", "unable to parse requirement: found 'a', expected: '('"),
    (",app", "unable to parse requirement: found ',', expected: identifier"),
    (
      "app=web tier=x",
      "unable to parse requirement: found 'tier', expected: ',' or 'end of string'"
    ),
    ("app>1", "operator '>' is not supported in a LabelSelector"),
    (
      "-bad=x",
      "invalid label key \"-bad\": name part must consist of alphanumeric characters, "
        + "'-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',"
        + "  or 'my.name',  or '123-abc', regex used for validation is "
        + "'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"
    ),
  ])
  func rejectsMalformed(_ row: (String, String)) {
    #expect(throws: LabelSelectorParseError.self) { try LabelSelector(parsing: row.0) }
    do {
      _ = try LabelSelector(parsing: row.0)
    } catch {
      #expect(error.message == row.1)
    }
  }

  @Test func structuredSelectorSemantics() {
    #expect(LabelSelector().matches(["a": "b"]))
    #expect(LabelSelector(matchLabels: ["app": "web"]).matches(Self.labels))
    #expect(!LabelSelector(matchLabels: ["app": "web", "x": "y"]).matches(Self.labels))
    // An In requirement without values is invalid upstream: it selects nothing.
    #expect(
      !LabelSelector(matchExpressions: [.init(key: "app", operator: .in)]).matches(Self.labels))
  }
}

@Suite struct TolerationTests {
  static func taint(_ key: String, _ value: String?, _ effect: TaintEffect) -> Taint {
    Taint(key: key, value: value, effect: effect)
  }

  @Test func toleratesAsUpstream() {
    let t = Self.taint("dedicated", "user1", .noSchedule)
    #expect(Toleration(key: "dedicated", operator: .equal, value: "user1").tolerates(t))
    #expect(Toleration(key: "dedicated", value: "user1", effect: .noSchedule).tolerates(t))
    #expect(!Toleration(key: "dedicated", operator: .equal, value: "user2").tolerates(t))
    #expect(Toleration(key: "dedicated", operator: .exists).tolerates(t))
    #expect(Toleration(operator: .exists).tolerates(t))
    #expect(!Toleration(key: "dedicated", operator: .exists, effect: .noExecute).tolerates(t))
    #expect(!Toleration(key: "other", operator: .exists).tolerates(t))
    #expect(Toleration(key: "k", operator: .equal).tolerates(Self.taint("k", nil, .noExecute)))
    // Alpha numeric comparisons: the taint's value against the toleration's.
    let sla = Self.taint("sla", "950", .noSchedule)
    #expect(Toleration(key: "sla", operator: .gt, value: "900").tolerates(sla))
    #expect(!Toleration(key: "sla", operator: .lt, value: "900").tolerates(sla))
    #expect(!Toleration(key: "sla", operator: .gt, value: "0900").tolerates(sla))
    #expect(!Toleration(key: "sla", operator: .gt, value: "x").tolerates(sla))
  }

  @Test func firstUntoleratedTaintSkipsPreferNoSchedule() {
    let taints = [
      Self.taint("soft", "x", .preferNoSchedule), Self.taint("a", "1", .noSchedule),
      Self.taint("b", "2", .noExecute),
    ]
    let tolerations = [Toleration(key: "a", operator: .exists)]
    #expect(
      tolerations.firstUntoleratedTaint(taints, effects: [.noSchedule, .noExecute])
        == Self.taint("b", "2", .noExecute))
    #expect(
      [Toleration]().firstUntoleratedTaint(
        [Self.taint("soft", "x", .preferNoSchedule)], effects: [.noSchedule, .noExecute]) == nil)
  }
}

/// TaintToleration [Filter] and NodeAffinity [PreFilter+Filter] vectors from
/// shared/reference/scheduler-vectors.json (transcribed from upstream tests).
@Suite struct SchedulerVectorMatchingTests {
  static var vectorsURL: URL {
    ManifestFiles.examplesDirectory.deletingLastPathComponent()
      .appendingPathComponent("scheduler-vectors.json")
  }

  static func vectors() -> [[String: Any]] {
    guard let data = try? Data(contentsOf: vectorsURL),
      let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
      let list = root["vectors"] as? [[String: Any]]
    else { return [] }
    return list.filter {
      let plugin = $0["plugin"] as? String
      let phase = $0["phase"] as? String
      return (plugin == "TaintToleration" && phase == "Filter")
        || (plugin == "NodeAffinity" && phase == "PreFilter+Filter")
    }
  }

  /// Decodes a JSON object (valid YAML flow syntax) as `T` through the manifest decoder.
  static func decode<T: ManifestDecodable>(_ json: Any, as: T.Type) throws -> T {
    let data = try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys])
    let text = String(decoding: data, as: UTF8.self)
    let node = try #require(try YAMLParser.parseStream(text, file: "vector").first)
    var d = DecodingContext()
    return try T.decode(node, in: &d)
  }

  @Test(.enabled(if: !vectors().isEmpty, "scheduler-vectors.json is absent: skipped"))
  func filterVerdictsMatchUpstream() throws {
    var checked = 0
    for v in Self.vectors() {
      let name = v["name"] as? String ?? "?"
      var podJSON = v["pod"] as? [String: Any] ?? [:]
      podJSON.removeValue(forKey: "name")
      podJSON.removeValue(forKey: "labels")
      let spec = try Self.decode(podJSON, as: PodSpec.self)
      let expected = v["expected"] as? [String: String] ?? [:]
      let reasons = v["expected_reasons"] as? [String: [String]] ?? [:]
      for nodeJSON in v["nodes"] as? [[String: Any]] ?? [] {
        let nodeName = nodeJSON["name"] as? String ?? ""
        let labels = try Self.decode(nodeJSON["labels"] ?? [String: String](), as: StringMap.self)
        let taints: [Taint] = try (nodeJSON["taints"] as? [Any] ?? []).map {
          try Self.decode($0, as: Taint.self)
        }
        let passes: Bool
        var reason: String?
        if v["plugin"] as? String == "TaintToleration" {
          let t = spec.tolerations.firstUntoleratedTaint(
            taints, effects: [.noSchedule, .noExecute])
          passes = t == nil
          if let t { reason = "node(s) had untolerated taint {\(t.key): \(t.value ?? "")}" }
        } else {
          passes = spec.requiredNodeAffinityMatches(labels: labels, name: nodeName)
          if !passes { reason = "node(s) didn't match Pod's node affinity/selector" }
        }
        #expect(passes == (expected[nodeName] == "Success"), "\(name)")
        if let r = reasons[nodeName]?.first { #expect(reason == r, "\(name)") }
        checked += 1
      }
    }
    #expect(checked >= 20)
  }

  @Test func nodeSelectorTermEdgeCases() {
    let labels: StringMap = ["kernel-version": "0206", "zone": "a"]
    func term(_ r: NodeSelectorRequirement) -> NodeSelectorTerm {
      NodeSelectorTerm(matchExpressions: [r])
    }
    #expect(
      term(.init(key: "kernel-version", operator: .gt, values: ["0204"]))
        .matches(labels: labels, name: "n"))
    #expect(
      !term(.init(key: "kernel-version", operator: .lt, values: ["0204"]))
        .matches(labels: labels, name: "n"))
    #expect(
      !term(.init(key: "zone", operator: .gt, values: ["1"])).matches(labels: labels, name: "n"))
    #expect(
      !term(.init(key: "zone", operator: .gt, values: ["1", "2"]))
        .matches(labels: labels, name: "n"))
    #expect(
      term(.init(key: "missing", operator: .notIn, values: ["x"]))
        .matches(labels: labels, name: "n"))
    #expect(!NodeSelectorTerm().matches(labels: labels, name: "n"))
    let byName = NodeSelectorTerm(matchFields: [
      .init(
        key: "metadata.name", operator: .in,
        values: ["node1"])
    ])
    #expect(byName.matches(labels: labels, name: "node1"))
    #expect(!byName.matches(labels: labels, name: "node2"))
    let twoValues = NodeSelectorTerm(matchFields: [
      .init(
        key: "metadata.name", operator: .in,
        values: ["node1", "node2"])
    ])
    #expect(!twoValues.matches(labels: labels, name: "node1"))
  }
}
