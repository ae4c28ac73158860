import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel
import KubeSimNodeAgent
import KubeSimYAML

/// Expectation operands read from the API server's store.
///
/// Counting works on the typed objects (no JSON per pod), so `count(pods{…})` in a `during:`
/// expectation costs one pass over the pods per processed instant.
struct APIServerDataSource: ExpectationDataSource {
  let api: APIServer
  let timeBase: TimeBase
  /// Self-healing measurements for `recovery(…)` and `availability(…)`.
  var selfHealing: SelfHealingRecorder?
  /// Node cost, for `cost(…)`.
  var costMeter: CostMeter?

  /// What each Service's load came to, for `served(…)`, `failed(…)`, `latency(…)`.
  var traffic: (() -> [ServiceTraffic])? = nil
  /// The request timeout (latency bound).
  var requestTimeout: SimDuration = .seconds(30)

  func metric(_ call: MetricCall) -> ExpressionValue? {
    if TrafficMetric.names.contains(call.name) {
      return TrafficMetric.value(call, traffic?() ?? [], timeout: requestTimeout)
    }
    if let v = usageOrCostMetric(call) { return v }
    guard let r = selfHealing else { return nil }
    if call.name == "availability" {
      let parts = call.argument.split(separator: ",").map {
        $0.split(separator: " ").joined()
      }
      let name = String(parts[0].dropFirst("service/".count))
      let key = name.contains("/") ? name : "default/" + name
      guard let ppm = r.availabilityPPM(key, all: parts.count > 1, now: api.now) else {
        return nil
      }
      return .double(Double(ppm) / 1_000_000)
    }
    guard let n = Int(call.argument.split(separator: " ").last ?? "") else { return nil }
    return r.faultMetric(call.name, index: n).map { .duration($0.microseconds) }
  }

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
