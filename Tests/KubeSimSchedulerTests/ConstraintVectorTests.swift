import Foundation
import KubeSimKernel
import KubeSimModel
import Testing

@testable import KubeSimScheduler

/// The InterPodAffinity and PodTopologySpread vectors of ../shared/reference/scheduler-vectors.json,
/// read at test time and run through `SchedulingAlgorithm.schedule` (PreFilter, Filter, PreScore,
/// Score, NormalizeScore), the code path of a simulation.
enum ConstraintVectors {
  /// The vectors file, looked up from this file's path: repo root → `../shared/reference/`
  /// (also one level further up, for worktrees under /work/wt/).
  static let url: URL? = {
    var root = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { root.deleteLastPathComponent() }
    for up in ["..", "../.."] {
      let u = root.appendingPathComponent(up).appendingPathComponent(
        "shared/reference/scheduler-vectors.json")
      if FileManager.default.fileExists(atPath: u.path) { return u }
    }
    return nil
  }()

  static let all: [FitVector] = {
    guard let url, let data = try? Data(contentsOf: url),
      let obj = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
      let arr = obj["vectors"] as? [[String: Any]]
    else { return [] }
    return arr.map { FitVector(raw: $0.mapValues(JSONAny.init)) }.filter {
      let p = $0.raw["plugin"]?.string ?? ""
      return p == "InterPodAffinity" || p == "PodTopologySpread"
    }
  }()

  static func labels(_ j: JSONAny?) -> Labels {
    Labels((j?.object ?? [:]).keys.sorted().map { ($0, j?[$0]?.string ?? "") })
  }

  static func selector(_ j: JSONAny?) -> LabelSelector? {
    guard let j, case .object = j else { return nil }
    var s = LabelSelector(matchLabels: labels(j["matchLabels"]))
    for e in j["matchExpressions"]?.array ?? [] {
      s.matchExpressions.append(
        LabelSelectorRequirement(
          key: e["key"]?.string ?? "",
          operator: LabelSelectorOperator(rawValue: e["operator"]?.string ?? "") ?? .in,
          values: (e["values"]?.array ?? []).compactMap(\.string)))
    }
    return s
  }

  static func term(_ j: JSONAny) -> PodAffinityTerm {
    PodAffinityTerm(
      labelSelector: selector(j["labelSelector"]),
      namespaces: (j["namespaces"]?.array ?? []).compactMap(\.string),
      topologyKey: j["topologyKey"]?.string ?? "",
      namespaceSelector: selector(j["namespaceSelector"]))
  }

  static func weighted(_ j: JSONAny) -> WeightedPodAffinityTerm {
    WeightedPodAffinityTerm(
      weight: Int32(j["weight"]?.number ?? 0), podAffinityTerm: term(j["podAffinityTerm"] ?? .null))
  }

  static func pod(_ j: JSONAny, name: String) -> Pod {
    var p = VectorBuild.pod(j, name: j["name"]?.string ?? name)
    p.metadata.labels = labels(j["labels"])
    if let a = j["affinity"] {
      var aff = Affinity()
      if let pa = a["podAffinity"] {
        aff.podAffinity = PodAffinity(
          requiredDuringSchedulingIgnoredDuringExecution: (pa[
            "requiredDuringSchedulingIgnoredDuringExecution"]?.array ?? []).map(term),
          preferredDuringSchedulingIgnoredDuringExecution: (pa[
            "preferredDuringSchedulingIgnoredDuringExecution"]?.array ?? []).map(weighted))
      }
      if let pa = a["podAntiAffinity"] {
        aff.podAntiAffinity = PodAntiAffinity(
          requiredDuringSchedulingIgnoredDuringExecution: (pa[
            "requiredDuringSchedulingIgnoredDuringExecution"]?.array ?? []).map(term),
          preferredDuringSchedulingIgnoredDuringExecution: (pa[
            "preferredDuringSchedulingIgnoredDuringExecution"]?.array ?? []).map(weighted))
      }
      p.spec.affinity = aff
    }
    p.spec.topologySpreadConstraints = (j["topologySpreadConstraints"]?.array ?? []).map { c in
      TopologySpreadConstraint(
        maxSkew: Int32(c["maxSkew"]?.number ?? 1), topologyKey: c["topologyKey"]?.string ?? "",
        whenUnsatisfiable: UnsatisfiableConstraintAction(
          rawValue: c["whenUnsatisfiable"]?.string ?? "") ?? .doNotSchedule,
        labelSelector: selector(c["labelSelector"]),
        minDomains: c["minDomains"]?.number.map { Int32($0) },
        matchLabelKeys: (c["matchLabelKeys"]?.array ?? []).compactMap(\.string))
    }
    return p
  }
}

/// A test filter that rejects the named nodes (the vectors' `failedNodes`).
struct RejectNodes: FilterPlugin {
  var name: String { "RejectNodes" }
  var names: [String]
  func filter(_ state: CycleState, _ pod: PodInfo, _ snapshot: NodeSnapshot, slot: Int) -> Status {
    names.contains(snapshot.table.names[slot]) ? Status(.unschedulable, ["rejected"]) : .success
  }
}

@Suite struct ConstraintVectorTests {
  @Test func vectorsArePresent() {
    if ConstraintVectors.url == nil {
      print("SKIP: ../shared/reference/scheduler-vectors.json not found")
      return
    }
    #expect(ConstraintVectors.all.count == 11)
  }

  @Test("upstream InterPodAffinity / PodTopologySpread vector", arguments: ConstraintVectors.all)
  func matchesUpstream(_ v: FitVector) throws {
    var snap = NodeSnapshot()
    let nodes = v.raw["nodes"]?.array ?? []
    let failed = v.raw["failedNodes"]?.array ?? []
    for n in nodes + failed {
      var node = Node(metadata: ObjectMeta(name: n["name"]?.string ?? ""))
      node.metadata.labels = ConstraintVectors.labels(n["labels"])
      node.status.allocatable = VectorBuild.resourceList(n["allocatable"])
      node.status.capacity = VectorBuild.resourceList(n["capacity"] ?? n["allocatable"])
      snap.upsert(node)
    }
    for (i, e) in (v.raw["existingPods"]?.array ?? []).enumerated() {
      let p = ConstraintVectors.pod(e, name: "existing-\(i)")
      guard let slot = snap.table.slot(of: p.spec.nodeName ?? "") else { continue }
      snap.pods.add(AssignedPod(p), slot: slot)
    }
    let pod = PodInfo(ConstraintVectors.pod(try #require(v.raw["pod"]), name: "incoming"))
    let plugin = v.raw["plugin"]?.string ?? ""
    let args = v.raw["args"]
    let scorer: any ScorePlugin =
      plugin == "InterPodAffinity"
      ? InterPodAffinity(
        hardPodAffinityWeight: args?["hardPodAffinityWeight"]?.number ?? 1,
        ignorePreferredTermsOfExistingPods: {
          if case .bool(let b)? = args?["ignorePreferredTermsOfExistingPods"] { return b }
          return false
        }())
      : PodTopologySpread(systemDefaulting: args?["defaultingType"]?.string != "List")
    let profile = Profile(
      schedulerName: "test",
      filters: [RejectNodes(names: failed.compactMap { $0["name"]?.string })],
      scores: [(scorer, 1)], percentageOfNodesToScore: 100)
    var algo = SchedulingAlgorithm()
    algo.recordScores = true
    var rng = RandomStream(seed: 1)
    _ = algo.schedule(
      pod, profile: profile, snapshot: snap, order: Array(0..<snap.table.count), random: &rng)
    var got: [String: Int64] = [:]
    for d in algo.lastScores {
      got[snap.table.names[d.slot]] = d.plugins.first?.normalized ?? 0
    }
    var want: [String: Int64] = [:]
    for (k, x) in v.raw["expected"]?.object ?? [:] { want[k] = x.number ?? -1 }
    #expect(got == want, "\(v)")
  }
}
