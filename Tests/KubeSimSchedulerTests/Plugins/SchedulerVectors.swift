import Foundation
import KubeSimModel
import KubeSimYAML
import Testing

@testable import KubeSimScheduler

/// The upstream vectors of ../shared/reference/scheduler-vectors.json, read at test time so
/// held-back vectors of the same shape can be dropped in.
enum SchedulerVectors {
  /// The file, found from this source file: repo root → `../shared/reference/` (also tried one
  /// level higher, for worktrees under a subfolder). nil when absent.
  static let url: URL? = {
    var root = URL(fileURLWithPath: #filePath)
    for _ in 0..<4 { root.deleteLastPathComponent() }
    for up in ["..", "../.."] {
      let u = root.appendingPathComponent(up).appendingPathComponent(
        "shared/reference/scheduler-vectors.json"
      ).standardizedFileURL
      if FileManager.default.fileExists(atPath: u.path) { return u }
    }
    return nil
  }()

  /// Why the vector tests are skipped when the file is missing.
  static let absent: Comment = "skipped: ../shared/reference/scheduler-vectors.json not found"

  static let document: JSONAny = {
    guard let url, let data = try? Data(contentsOf: url),
      let obj = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
    else { return .object([:]) }
    return JSONAny(obj)
  }()

  /// Upstream plugins this lane implements.
  static let lanePlugins: Set<String> = [
    "TaintToleration", "NodeAffinity", "NodePorts", "NodeResourcesFit",
    "NodeResourcesBalancedAllocation", "ImageLocality",
  ]

  /// The vectors of this lane's plugins, in file order.
  static let lane: [Vector] = {
    let all = document["vectors"]?.array ?? []
    return all.enumerated().compactMap { i, v in
      guard let up = v["upstream_plugin"]?.string, lanePlugins.contains(up) else { return nil }
      return Vector(index: i, raw: v)
    }
  }()

  static var helpers: [JSONAny] { document["helper_vectors"]?.array ?? [] }
}

/// One vector.
struct Vector: CustomStringConvertible, Sendable {
  let index: Int
  let raw: JSONAny
  var description: String { "#\(index) \(plugin) / \(raw["name"]?.string ?? "")" }
  var plugin: String { raw["plugin"]?.string ?? "" }
  var upstreamPlugin: String { raw["upstream_plugin"]?.string ?? "" }
  var phase: String { raw["phase"]?.string ?? "" }
  var isFilter: Bool { phase.contains("Filter") }
  var isLegacyFormula: Bool { (raw["formula_version"]?.string ?? "").hasPrefix("<=v1.35") }
  var expected: [String: JSONAny] { raw["expected"]?.object ?? [:] }
}

/// Vector inputs as Kubernetes manifests (JSON is YAML), decoded by the same `ManifestDecoder`
/// a scenario file goes through.
enum VectorManifests {
  static func json(_ j: JSONAny?) -> String {
    guard let j else { return "null" }
    switch j {
    case .string(let s): return JSONValue.string(s).compactString
    case .number(let n): return String(n)
    case .bool(let b): return b ? "true" : "false"
    case .null: return "null"
    case .array(let a): return "[" + a.map { json($0) }.joined(separator: ", ") + "]"
    case .object(let o):
      return "{" + o.keys.sorted().map { "\(json(.string($0))): \(json(o[$0]))" }
        .joined(separator: ", ") + "}"
    }
  }

  static func node(_ n: JSONAny) -> String {
    let name = n["name"]?.string ?? ""
    let alloc = n["allocatable"]
    let cap = n["capacity"] ?? alloc
    var status: [String] = []
    if let alloc { status.append("\"allocatable\": \(json(alloc))") }
    if let cap { status.append("\"capacity\": \(json(cap))") }
    if let images = n["images"] { status.append("\"images\": \(json(images))") }
    return """
      {"apiVersion": "v1", "kind": "Node", "metadata": {"name": \(json(.string(name))), \
      "labels": \(json(n["labels"] ?? .object([:])))}, "spec": {"taints": \
      \(json(n["taints"] ?? .array([])))}, "status": {\(status.joined(separator: ", "))}}
      """
  }

  static func container(_ c: JSONAny, _ i: Int, prefix: String) -> String {
    var f: [String] = ["\"name\": \(json(.string(c["name"]?.string ?? "\(prefix)\(i)")))"]
    f.append("\"image\": \(json(.string(c["image"]?.string ?? "pause")))")
    if let r = c["requests"] { f.append("\"resources\": {\"requests\": \(json(r))}") }
    if let p = c["ports"] {
      let ports = p.array.map { port -> String in
        var o = port.object
        if o["containerPort"] == nil { o["containerPort"] = o["hostPort"] ?? .number(80) }
        return json(.object(o))
      }
      f.append("\"ports\": [\(ports.joined(separator: ", "))]")
    }
    if let rp = c["restartPolicy"] { f.append("\"restartPolicy\": \(json(rp))") }
    return "{" + f.joined(separator: ", ") + "}"
  }

  static func pod(_ p: JSONAny, name: String, nodeName: String?) -> String {
    var spec: [String] = []
    let cs = p["containers"]?.array ?? []
    spec.append(
      "\"containers\": [" + cs.enumerated().map { container($1, $0, prefix: "c") }
        .joined(separator: ", ") + "]")
    if let ics = p["initContainers"]?.array, !ics.isEmpty {
      spec.append(
        "\"initContainers\": [" + ics.enumerated().map { container($1, $0, prefix: "init") }
          .joined(separator: ", ") + "]")
    }
    if let nodeName { spec.append("\"nodeName\": \(json(.string(nodeName)))") }
    for k in ["overhead", "nodeSelector", "affinity", "tolerations"] {
      if let v = p[k] { spec.append("\"\(k)\": \(json(v))") }
    }
    return """
      {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": \(json(.string(name))), \
      "namespace": "default", "labels": \(json(p["labels"] ?? .object([:])))}, \
      "spec": {\(spec.joined(separator: ", "))}}
      """
  }

  /// The incoming pod, the nodes and the existing pods of a vector as YAML documents. Existing
  /// pods whose nodeName is not a node of a one-node vector go on that node (upstream tests
  /// that build a NodeInfo without a Node object).
  static func documents(_ v: Vector) -> (incoming: String, nodes: [String], pods: [String]) {
    let nodes = v.raw["nodes"]?.array ?? []
    let names = nodes.map { $0["name"]?.string ?? "" }
    var pods: [String] = []
    for (i, e) in (v.raw["existingPods"]?.array ?? []).enumerated() {
      var nodeName = e["nodeName"]?.string
      if let n = nodeName, !names.contains(n), names.count == 1 { nodeName = names[0] }
      pods.append(pod(e, name: "existing-\(i)", nodeName: nodeName))
    }
    return (pod(v.raw["pod"] ?? .object([:]), name: "incoming", nodeName: nil), nodes.map(node), pods)
  }

  static func decode(_ text: String) throws -> APIObject {
    var d = ManifestDecoder()
    let docs = try d.decodeStream(text, file: "vector.yaml")
    guard case .object(let o)? = docs.first else { throw VectorError.empty }
    return o
  }

  enum VectorError: Error { case empty, wrongKind }

  static func objects(_ v: Vector) throws -> (pod: Pod, nodes: [Node], pods: [Pod]) {
    let docs = documents(v)
    guard case .pod(let incoming) = try decode(docs.incoming) else { throw VectorError.wrongKind }
    var nodes: [Node] = []
    for n in docs.nodes {
      guard case .node(let x) = try decode(n) else { throw VectorError.wrongKind }
      nodes.append(x)
    }
    var pods: [Pod] = []
    for p in docs.pods {
      guard case .pod(let x) = try decode(p) else { throw VectorError.wrongKind }
      pods.append(x)
    }
    return (incoming, nodes, pods)
  }
}
