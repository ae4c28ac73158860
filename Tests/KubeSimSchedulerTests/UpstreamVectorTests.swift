import Foundation
import KubeSimModel
import Testing

@testable import KubeSimScheduler

/// One transcribed upstream NodeResourcesFit vector, read from
/// ../shared/reference/scheduler-vectors.json (see `SchedulerVectors`).
struct FitVector: CustomStringConvertible, Sendable {
  let raw: [String: JSONAny]
  var description: String { "\(raw["plugin"]?.string ?? "") / \(raw["name"]?.string ?? "")" }

  static let all: [FitVector] = SchedulerVectors.lane
    .filter { $0.upstreamPlugin == "NodeResourcesFit" }
    .map { FitVector(raw: $0.raw.object) }
}

/// A Sendable wrapper over Foundation JSON values.
enum JSONAny: Sendable {
  case string(String)
  case number(Int64)
  case bool(Bool)
  case array([JSONAny])
  case object([String: JSONAny])
  case null
  init(_ v: Any) {
    switch v {
    case let s as String: self = .string(s)
    case let b as Bool where type(of: v) == type(of: true as AnyObject): self = .bool(b)
    case let n as NSNumber: self = .number(n.int64Value)
    case let a as [Any]: self = .array(a.map(JSONAny.init))
    case let o as [String: Any]: self = .object(o.mapValues(JSONAny.init))
    default: self = .null
    }
  }
  var string: String? { if case .string(let s) = self { return s } else { return nil } }
  var number: Int64? { if case .number(let n) = self { return n } else { return nil } }
  var array: [JSONAny] { if case .array(let a) = self { return a } else { return [] } }
  var object: [String: JSONAny] { if case .object(let o) = self { return o } else { return [:] } }
  subscript(_ k: String) -> JSONAny? { object[k] }
}

/// Builds model objects from the vectors' JSON.
enum VectorBuild {
  static func resourceList(_ j: JSONAny?) -> ResourceList {
    var list = ResourceList()
    for k in (j?.object.keys.sorted() ?? []) {
      if let s = j?[k]?.string, let q = try? Quantity(parsing: s) { list[k] = q }
    }
    return list
  }

  static func container(_ j: JSONAny) -> Container {
    var c = Container(name: j["name"]?.string ?? "c", image: j["image"]?.string)
    c.resources.requests = resourceList(j["requests"])
    if j["restartPolicy"]?.string == "Always" { c.restartPolicy = .always }
    return c
  }

  static func pod(_ j: JSONAny, name: String) -> Pod {
    var p = Pod(metadata: ObjectMeta(name: name, namespace: "default"))
    p.spec.containers = (j["containers"]?.array ?? []).map(container)
    p.spec.initContainers = (j["initContainers"]?.array ?? []).map(container)
    if j["overhead"] != nil { p.spec.overhead = resourceList(j["overhead"]) }
    p.spec.nodeName = j["nodeName"]?.string
    return p
  }

  static func snapshot(_ v: FitVector) -> NodeSnapshot {
    var snap = NodeSnapshot()
    for n in v.raw["nodes"]?.array ?? [] {
      var node = Node(metadata: ObjectMeta(name: n["name"]?.string ?? ""))
      node.status.allocatable = resourceList(n["allocatable"])
      node.status.capacity = resourceList(n["capacity"] ?? n["allocatable"])
      snap.upsert(node)
    }
    for (i, e) in (v.raw["existingPods"]?.array ?? []).enumerated() {
      guard let nodeName = e["nodeName"]?.string, let slot = snap.table.slot(of: nodeName) else {
        continue
      }
      let info = PodInfo(pod(e, name: "existing-\(i)"))
      snap.table.addPod(slot: slot, requests: info.requests, nonZero: info.nonZeroRequests)
    }
    return snap
  }

  static func plugin(_ v: FitVector) -> NodeResourcesFit {
    let args = v.raw["args"]
    let strategy = args?["scoringStrategy"]
    let resources = (strategy?["resources"]?.array ?? []).map {
      NodeResourcesFit.ResourceWeight(
        name: $0["name"]?.string ?? "", weight: $0["weight"]?.number ?? 1)
    }
    var fit = NodeResourcesFit(
      strategy: NodeResourcesFit.Strategy(rawValue: strategy?["type"]?.string ?? "")
        ?? .leastAllocated,
      resources: resources.isEmpty
        ? [.init(name: "cpu", weight: 1), .init(name: "memory", weight: 1)] : resources,
      ignoredResources: (args?["ignoredResources"]?.array ?? []).compactMap(\.string),
      ignoredResourceGroups: (args?["ignoredResourceGroups"]?.array ?? []).compactMap(\.string))
    let shape = (strategy?["requestedToCapacityRatio"]?["shape"]?.array ?? []).map {
      NodeResourcesFit.ShapePoint(
        utilization: $0["utilization"]?.number ?? 0, score: $0["score"]?.number ?? 0)
    }
    if !shape.isEmpty { fit.shape = shape }
    return fit
  }
}

@Suite struct UpstreamVectorTests {
  @Test(.enabled(if: SchedulerVectors.url != nil, SchedulerVectors.absent))
  func vectorsAreLoaded() throws {
    #expect(FitVector.all.count >= 54)
  }

  /// `TestBrokenLinearFunction` (requested_to_capacity_ratio_test.go): 3 shapes, 28 points.
  @Test(.enabled(if: SchedulerVectors.url != nil, SchedulerVectors.absent))
  func brokenLinearFunctionMatchesUpstream() throws {
    let cases = SchedulerVectors.helpers.filter {
      $0["function"]?.string == "helper.BuildBrokenLinearFunction"
    }
    var checked = 0
    for c in cases {
      let points = (c["points_utilization_score"]?.array ?? []).map {
        NodeResourcesFit.ShapePoint(
          utilization: $0.array[0].number ?? 0, score: $0.array[1].number ?? 0)
      }
      for a in c["assertions_p_expected"]?.array ?? [] {
        let p = a.array[0].number ?? 0
        #expect(
          NodeResourcesFit.brokenLinear(points, p) == a.array[1].number,
          "\(c["name"]?.string ?? "") p=\(p)")
        checked += 1
      }
    }
    #expect(checked == 28)
  }

  @Test("upstream NodeResourcesFit vector", arguments: FitVector.all)
  func matchesUpstream(_ v: FitVector) throws {
    let snap = VectorBuild.snapshot(v)
    let fit = VectorBuild.plugin(v)
    let pod = PodInfo(VectorBuild.pod(try #require(v.raw["pod"]), name: "incoming"))
    let expected = v.raw["expected"]?.object ?? [:]
    let isFilter = v.raw["plugin"]?.string == "NodeResourcesFit"
    for nodeName in expected.keys.sorted() {
      let slot = try #require(snap.table.slot(of: nodeName))
      if isFilter {
        let st = fit.filter(CycleState(), pod, snap, slot: slot)
        #expect("\(st.code)" == codeName(expected[nodeName]?.string ?? ""), "\(v)")
        let reasons = (v.raw["expected_reasons"]?[nodeName]?.array ?? []).compactMap(\.string)
        #expect(st.reasons == reasons, "\(v)")
      } else {
        let s = fit.score(CycleState(), pod, snap, slot: slot)
        #expect(s == expected[nodeName]?.number, "\(v) node \(nodeName)")
      }
    }
  }

  private func codeName(_ upstream: String) -> String {
    switch upstream {
    case "Success": return "success"
    case "Unschedulable": return "unschedulable"
    case "UnschedulableAndUnresolvable": return "unschedulableAndUnresolvable"
    default: return upstream
    }
  }
}
