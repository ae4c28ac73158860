import Foundation
import KubeSimScheduler
import KubeSimTestSupport
import Testing

@testable import KubeSimCLI

/// `kubesim explain --snapshot -o json` reproduces the upstream vectors end to end: each vector
/// of TaintToleration, NodeAffinity, NodePorts, NodeResourcesFit, BalancedAllocation and
/// ImageLocality becomes a scenario file (Nodes, running Pods, the incoming Pod, and a
/// KubeSchedulerConfiguration that disables every plugin with '*' and enables only the one
/// under test, at filter or at score with weight 1 — and at preFilter or preScore when the
/// plugin implements it, since a profile runs only the points enabled — with the vector's args), read from
/// ../shared/reference/scheduler-vectors.json at test time.
@Suite(.serialized) struct ExplainSnapshotVectorTests {
  static let vectorsURL: URL? = {
    let root = RepositoryPaths.root()
    for up in ["..", "../.."] {
      let u = root.appendingPathComponent(up)
        .appendingPathComponent("shared/reference/scheduler-vectors.json").standardizedFileURL
      if FileManager.default.fileExists(atPath: u.path) { return u }
    }
    return nil
  }()

  static let plugins: Set<String> = [
    "TaintToleration", "NodeAffinity", "NodePorts", "NodeResourcesFit",
    "NodeResourcesBalancedAllocation", "ImageLocality",
  ]

  /// The lane's vectors as Foundation JSON, re-serialized to strings (Sendable test arguments).
  static let vectors: [String] = {
    guard let url = vectorsURL, let data = try? Data(contentsOf: url),
      let doc = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
      let all = doc["vectors"] as? [[String: Any]]
    else { return [] }
    return all.filter { plugins.contains($0["upstream_plugin"] as? String ?? "") }.compactMap {
      guard let d = try? JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys])
      else { return nil }
      return String(decoding: d, as: UTF8.self)
    }
  }()

  static func json(_ v: Any) -> String {
    let d = (try? JSONSerialization.data(withJSONObject: v, options: [.sortedKeys, .fragmentsAllowed])) ?? Data()
    return String(decoding: d, as: UTF8.self)
  }

  static func container(_ c: [String: Any], _ i: Int, _ prefix: String) -> [String: Any] {
    var out: [String: Any] = ["name": c["name"] as? String ?? "\(prefix)\(i)"]
    out["image"] = c["image"] as? String ?? "pause"
    if let r = c["requests"] { out["resources"] = ["requests": r] }
    if let ports = c["ports"] as? [[String: Any]] {
      out["ports"] = ports.map { p -> [String: Any] in
        var q = p
        if q["containerPort"] == nil { q["containerPort"] = q["hostPort"] ?? 80 }
        return q
      }
    }
    if let rp = c["restartPolicy"] { out["restartPolicy"] = rp }
    return out
  }

  static func pod(_ p: [String: Any], name: String, nodeName: String?) -> String {
    var spec: [String: Any] = [:]
    spec["containers"] = (p["containers"] as? [[String: Any]] ?? []).enumerated().map {
      container($1, $0, "c")
    }
    if let ics = p["initContainers"] as? [[String: Any]], !ics.isEmpty {
      spec["initContainers"] = ics.enumerated().map { container($1, $0, "init") }
    }
    if let nodeName { spec["nodeName"] = nodeName }
    for k in ["overhead", "nodeSelector", "affinity", "tolerations"] { spec[k] = p[k] }
    let meta: [String: Any] = [
      "name": name, "namespace": "default", "labels": p["labels"] ?? [String: Any](),
    ]
    return json(["apiVersion": "v1", "kind": "Pod", "metadata": meta, "spec": spec])
  }

  /// The scenario file of a vector.
  static func scenario(_ v: [String: Any]) -> String {
    let nodes = v["nodes"] as? [[String: Any]] ?? []
    let names = nodes.map { $0["name"] as? String ?? "" }
    var docs: [String] = []
    for n in nodes {
      var status: [String: Any] = [:]
      if let a = n["allocatable"] {
        status["allocatable"] = a
        status["capacity"] = n["capacity"] ?? a
      }
      if let i = n["images"] { status["images"] = i }
      docs.append(
        json([
          "apiVersion": "v1", "kind": "Node",
          "metadata": ["name": n["name"] ?? "", "labels": n["labels"] ?? [String: Any]()],
          "spec": ["taints": n["taints"] ?? [Any]()], "status": status,
        ]))
    }
    for (i, e) in (v["existingPods"] as? [[String: Any]] ?? []).enumerated() {
      var nodeName = e["nodeName"] as? String
      if let nn = nodeName, !names.contains(nn), names.count == 1 { nodeName = names[0] }
      docs.append(pod(e, name: "existing-\(i)", nodeName: nodeName))
    }
    docs.append(pod(v["pod"] as? [String: Any] ?? [:], name: "incoming", nodeName: nil))
    let plugin = v["upstream_plugin"] as? String ?? ""
    let isFilter = (v["phase"] as? String ?? "").contains("Filter")
    var pluginsCfg: [String: Any] = ["multiPoint": ["disabled": [["name": "*"]]]]
    let points = PluginRegistry.inTree.lookup(plugin)?.points ?? []
    if isFilter {
      pluginsCfg["filter"] = ["enabled": [["name": plugin]]]
      if points.contains(.preFilter) { pluginsCfg["preFilter"] = ["enabled": [["name": plugin]]] }
    } else {
      pluginsCfg["score"] = ["enabled": [["name": plugin, "weight": 1]]]
      if points.contains(.preScore) { pluginsCfg["preScore"] = ["enabled": [["name": plugin]]] }
    }
    var profile: [String: Any] = ["schedulerName": "default-scheduler", "plugins": pluginsCfg]
    if let args = v["args"] as? [String: Any], !args.isEmpty {
      profile["pluginConfig"] = [["name": plugin, "args": args]]
    }
    docs.append(
      json([
        "apiVersion": "kubescheduler.config.k8s.io/v1", "kind": "KubeSchedulerConfiguration",
        "profiles": [profile],
      ]))
    let legacy = (v["formula_version"] as? String ?? "").hasPrefix("<=v1.35")
    docs.append(
      json([
        "apiVersion": "kubesim.io/v1alpha1", "kind": "Scenario", "metadata": ["name": "vector"],
        "spec": ["settings": ["kubernetesVersion": legacy ? "1.35" : "1.36"]],
      ]))
    return docs.joined(separator: "\n---\n") + "\n"
  }

  @Test(.enabled(if: vectorsURL != nil, "skipped: ../shared/reference/scheduler-vectors.json not found"))
  func allLaneVectorsAreRead() {
    #expect(Self.vectors.count >= 106)
  }

  @Test("explain --snapshot reproduces the vector", arguments: vectors)
  func reproduces(_ text: String) throws {
    let v = try #require(
      try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    let label = "\(v["plugin"] ?? "") / \(v["name"] ?? "")"
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kubesim-explain-vectors-\(ProcessInfo.processInfo.processIdentifier)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let file = dir.appendingPathComponent("vector.yaml")
    try Self.scenario(v).write(to: file, atomically: true, encoding: .utf8)
    let r = CommandLineInterface.run([
      "explain", file.path, "--pod", "incoming", "--snapshot", "-o", "json",
    ])
    #expect(r.code == .success, "\(label): \(r.stderr)")
    let out = try #require(
      try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any], "\(label)")
    let attempt = try #require((out["attempts"] as? [[String: Any]])?.first, "\(label)")
    let nodes = attempt["nodes"] as? [[String: Any]] ?? []
    func node(_ name: String) -> [String: Any]? { nodes.first { $0["node"] as? String == name } }
    let plugin = v["upstream_plugin"] as? String ?? ""
    let expected = v["expected"] as? [String: Any] ?? [:]
    let phase = v["phase"] as? String ?? ""
    if phase.contains("Filter") {
      let skip = v["expected_prefilter_status"] as? String == "Skip"
      for (name, want) in expected {
        let n = try #require(node(name), "\(label) node '\(name)'")
        let verdict = (n["filter"] as? [String: Any])?[plugin] as? String
        if want as? String == "Success" {
          #expect(verdict == (skip ? nil : "Success"), "\(label) node '\(name)'")
        } else {
          let reasons = (v["expected_reasons"] as? [String: [String]])?[name]
          if let reasons {
            #expect(verdict == reasons.joined(separator: ", "), "\(label) node '\(name)'")
          } else {
            #expect(verdict != nil && verdict != "Success", "\(label) node '\(name)'")
          }
        }
      }
      return
    }
    let nodeCount = (v["nodes"] as? [Any])?.count ?? 0
    if v["expected_prescore_status"] as? String == "Skip" || nodeCount < 2 {
      // Skipped by PreScore, or one feasible node (selected without scoring).
      #expect(nodes.allSatisfy { ($0["scores"] as? [String: Any])?.isEmpty ?? true }, "\(label)")
      return
    }
    let normalized = phase.contains("NormalizeScore") && !phase.contains("no NormalizeScore")
    for (name, want) in expected {
      let n = try #require(node(name), "\(label) node '\(name)'")
      guard let s = (n["scores"] as? [String: Any])?[plugin] as? [String: Any] else {
        // Skipped by PreScore where upstream's test called Score directly: contributes 0.
        #expect((want as? Int) == 0 && !phase.hasPrefix("PreScore"), "\(label) node '\(name)'")
        continue
      }
      #expect(s[normalized ? "normalized" : "raw"] as? Int == want as? Int, "\(label) '\(name)'")
      #expect(s["weight"] as? Int == 1, "\(label)")
    }
  }
}
