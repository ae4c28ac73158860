import KubeSimKernel
import KubeSimModel
import Testing

@testable import KubeSimScheduler

/// `DefaultSpreadSelectors.selector(for:)` visits only the Services anchored on one of the pod's
/// labels; it must merge exactly the Services a scan of all of them would.
@Suite struct DefaultSpreadSelectorsTests {
  static func service(_ name: String, ns: String, _ selector: StringMap?) -> APIObject {
    .service(
      Service(
        metadata: ObjectMeta(name: name, namespace: ns), spec: ServiceSpec(selector: selector)))
  }

  /// Upstream `GetPodServices` + merge, by brute force over every live Service.
  static func scan(_ live: [String: (String, StringMap)], _ pod: Pod) -> LabelSelector? {
    var merged = StringMap()
    for key in live.keys.sorted() {
      guard let (ns, sel) = live[key], ns == (pod.metadata.namespace ?? "default"),
        !sel.isEmpty, pod.metadata.labels.containsAll(sel)
      else { continue }
      for e in sel.entries { merged[e.key] = e.value }
    }
    let s = LabelSelector(matchLabels: merged)
    return s.isEmpty ? nil : s
  }

  @Test("merged Service selectors equal a scan", arguments: 0..<8)
  func matchesScan(seed: Int) {
    var rng = RandomStream(seed: UInt64(seed))
    var selectors = DefaultSpreadSelectors()
    var live: [String: (String, StringMap)] = [:]
    let keys = ["app", "tier", "team"]
    let values = ["a", "b"]
    func randomMap(_ n: Int) -> StringMap {
      var m = StringMap()
      for _ in 0..<n { m[keys[rng.uniform(below: 3)]] = values[rng.uniform(below: 2)] }
      return m
    }
    for step in 0..<200 {
      let name = "s\(rng.uniform(below: 12))"
      let ns = ["default", "other"][rng.uniform(below: 2)]
      if rng.uniform(below: 4) == 0 {
        selectors.remove(Self.service(name, ns: ns, nil))
        live["\(ns)/\(name)"] = nil
      } else {
        // Some selectors empty or nil: they select nothing.
        let sel: StringMap? = rng.uniform(below: 8) == 0 ? nil : randomMap(rng.uniform(below: 3))
        selectors.upsert(Self.service(name, ns: ns, sel))
        live["\(ns)/\(name)"] = (ns, sel ?? StringMap())
      }
      let pod = ConstraintFilterTests.pod(
        "p", ns: ["default", "other"][rng.uniform(below: 2)], labels: randomMap(3))
      #expect(
        selectors.selector(for: pod) == Self.scan(live, pod), "--seed \(seed) step \(step)")
    }
  }
}
