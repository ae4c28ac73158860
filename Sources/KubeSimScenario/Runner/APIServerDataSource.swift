import KubeSimAPIServer
import KubeSimModel
import KubeSimYAML

/// Expectation operands read from the API server's store.
///
/// Counting works on the typed objects (no JSON per pod), so `count(pods{…})` in a `during:`
/// expectation costs one pass over the pods per processed instant.
struct APIServerDataSource: ExpectationDataSource {
  let api: APIServer
  let timeBase: TimeBase

  func objectJSON(kind: String, namespace: String?, name: String) -> JSONValue? {
    guard let k = ScenarioKinds.resolve(kind) else { return nil }
    let ns = k.isNamespaced ? (namespace ?? "default") : nil
    guard let object = api.get(k, ns, name) else { return nil }
    return ObjectJSON.render(object, timeBase: timeBase)
  }

  func count(kind: String, terms: [SelectorTerm]) -> Int {
    guard let k = ScenarioKinds.resolve(kind) else { return 0 }
    var n = 0
    for object in api.list(k) where terms.allSatisfy({ Self.matches(object, $0) }) { n += 1 }
    return n
  }

  static func matches(_ object: APIObject, _ term: SelectorTerm) -> Bool {
    let actual: String?
    switch term.key {
    case "namespace": actual = object.metadata.namespace ?? ""
    case "node":
      if case .pod(let p) = object { actual = p.spec.nodeName ?? "" } else { actual = nil }
    case "phase":
      // Every stored pod has a phase upstream (pod strategy PrepareForCreate sets Pending,
      // pkg/registry/core/pod/strategy.go); an unset one reads as Pending here too.
      if case .pod(let p) = object {
        actual = p.status.phase?.rawValue ?? PodPhase.pending.rawValue
      } else {
        actual = nil
      }
    case "ready":
      switch object {
      case .pod(let p):
        let ready = p.status.conditions.contains { $0.type == "Ready" && $0.status == .true }
        actual = ready ? "true" : "false"
      case .node(let n):
        let ready = n.status.conditions.contains { $0.type == "Ready" && $0.status == .true }
        actual = ready ? "true" : "false"
      default: actual = nil
      }
    default:
      actual = object.metadata.labels[term.key]
    }
    return term.negated ? actual != term.value : actual == term.value
  }
}
