import KubeSimKernel
import KubeSimModel
import KubeSimYAML

/// Decodes one `spec.faults` entry (see `FaultProcess`).
enum FaultProcessDecoder {
  static let fields = ["selector", "mtbf", "mttr", "distribution", "shape"]

  static func decode(_ item: YAMLField) throws(ScenarioDiagnostic) -> FaultProcess {
    let kinds = FaultProcess.Kind.allCases.map(\.rawValue)
    let pairs = try item.mapping(allowed: kinds)
    guard pairs.count == 1, let (name, body) = pairs.first,
      let kind = FaultProcess.Kind(rawValue: name)
    else {
      throw item.error("a fault process needs exactly one of \(kinds.joined(separator: ", "))")
    }
    let f = try body.mapping(allowed: fields)
    func field(_ k: String) -> YAMLField? { f.first { $0.0 == k }?.1 }
    guard let mtbfField = field("mtbf"), let mttrField = field("mttr") else {
      throw body.error("\(name) needs mtbf: and mttr: (durations such as 6h and 20m)")
    }
    let mtbf = try mtbfField.duration()
    let mttr = try mttrField.duration()
    if mtbf <= .zero {
      throw mtbfField.error("expected a positive duration, found \(mtbfField.foundText)")
    }
    if mttr <= .zero {
      throw mttrField.error("expected a positive duration, found \(mttrField.foundText)")
    }
    var selector = LabelSelector()
    if let s = field("selector") {
      selector = try Self.selector(s)
    }
    var distribution = FaultProcess.Distribution.exponential
    if let d = field("distribution") {
      switch try d.string() {
      case "exponential": break
      case "weibull":
        guard let shapeField = field("shape") else {
          throw d.error("a weibull distribution needs shape: (a positive number such as 1.5)")
        }
        let text = try shapeField.string()
        guard let k = Double(text), k >= 0.1, k <= 20 else {
          throw shapeField.error(
            "expected a shape between 0.1 and 20, found \(shapeField.foundText)")
        }
        distribution = .weibull(shape: k)
      default:
        throw d.error("expected exponential or weibull, found \(d.foundText)")
      }
    }
    return FaultProcess(
      kind: kind, selector: selector, mtbf: mtbf, mttr: mttr, distribution: distribution)
  }

  /// `{matchLabels: {k: v}}` or kubectl's string form (`pool=spot,tier!=db`).
  static func selector(_ field: YAMLField) throws(ScenarioDiagnostic) -> LabelSelector {
    if case .mapping = field.node.content {
      var labels: StringMap = [:]
      for (k, v) in try field.mapping(allowed: ["matchLabels"]) where k == "matchLabels" {
        for (lk, lv) in try v.mapping() { labels[lk] = try lv.string() }
      }
      return LabelSelector(matchLabels: labels)
    }
    let text = try field.string()
    do {
      return try LabelSelector(parsing: text)
    } catch {
      throw field.error("invalid selector \"\(text)\": \(error.message)")
    }
  }
}
