import KubeSimKernel
import KubeSimModel
import KubeSimYAML

/// Decodes a `kind: Scenario` document (`kubesim.io/v1alpha1`) into a `Scenario`.
///
/// Errors are collected, not thrown one at a time: each field, timeline entry and expectation
/// is checked, so a user sees every mistake of the document at once. Timeline actions and
/// expectations are parsed and checked here, before anything runs.
public struct ScenarioDecoder {
  /// Problems found, in document order.
  public private(set) var diagnostics: [ScenarioDiagnostic] = []

  /// Creates an empty value.
  public init() {}

  static let topFields = ["apiVersion", "kind", "metadata", "spec"]
  static let metadataFields = ["name", "namespace", "description", "labels", "annotations"]
  static let specFields = [
    "seed", "duration", "include", "settings", "timeline", "faults", "expect",
  ]

  /// Decodes `document`; nil when it has errors (see `diagnostics`).
  public mutating func decode(_ document: YAMLNode) -> Scenario? {
    let before = diagnostics.count
    let root = YAMLField(document, "")
    guard
      let top = record({ () throws(ScenarioDiagnostic) in try root.mapping(allowed: Self.topFields)
        })
    else { return nil }
    var scenario = Scenario(name: "", location: document.location)
    var sawName = false
    var metadataLocation = document.location
    if let metadata = top.first(where: { $0.0 == "metadata" })?.1 {
      metadataLocation = metadata.node.location
      for (key, field) in record({ () throws(ScenarioDiagnostic) in
        try metadata.mapping(allowed: Self.metadataFields)
      }) ?? [] {
        switch key {
        case "name":
          if let name = record({ () throws(ScenarioDiagnostic) in try field.string() }) {
            scenario.name = name
            sawName = true
          }
        case "description":
          scenario.description = record({ () throws(ScenarioDiagnostic) in try field.string() })
        default: break
        }
      }
    }
    if !sawName {
      diagnostics.append(
        ScenarioDiagnostic(at: metadataLocation, path: "metadata.name", "a Scenario needs a name"))
    }
    if let spec = top.first(where: { $0.0 == "spec" })?.1 {
      decodeSpec(spec, into: &scenario)
    }
    return diagnostics.count == before ? scenario : nil
  }

  private mutating func decodeSpec(_ spec: YAMLField, into scenario: inout Scenario) {
    guard
      let fields = record({ () throws(ScenarioDiagnostic) in
        try spec.mapping(allowed: Self.specFields)
      })
    else {
      return
    }
    for (key, field) in fields {
      switch key {
      case "seed":
        scenario.seed = record({ () throws(ScenarioDiagnostic) in try field.unsignedInteger() })
      case "duration":
        if let d = record({ () throws(ScenarioDiagnostic) in try field.duration() }) {
          if d <= .zero {
            diagnostics.append(
              field.error("expected a positive duration, found \(field.foundText)"))
          } else {
            scenario.duration = d
          }
        }
      case "include":
        if case .sequence = field.node.content {
          for item in record({ () throws(ScenarioDiagnostic) in try field.sequence() }) ?? [] {
            if let path = record({ () throws(ScenarioDiagnostic) in try item.string() }) {
              scenario.includes.append((path, item.node.location))
            }
          }
        } else if let path = record({ () throws(ScenarioDiagnostic) in try field.string() }) {
          scenario.includes.append((path, field.node.location))
        }
      case "settings":
        if case .mapping(let pairs) = field.node.content {
          scenario.settings = pairs
        } else if !field.isNull {
          diagnostics.append(
            field.error("expected a mapping of settings, found \(field.foundText)"))
        }
      case "timeline":
        if field.isNull { continue }
        for item in record({ () throws(ScenarioDiagnostic) in try field.sequence() }) ?? [] {
          if let entry = record({ () throws(ScenarioDiagnostic) in
            try TimelineEntryDecoder.decode(item)
          }) {
            scenario.timeline.append(entry)
          }
        }
      case "faults":
        if field.isNull { continue }
        for item in record({ () throws(ScenarioDiagnostic) in try field.sequence() }) ?? [] {
          if let process = record({ () throws(ScenarioDiagnostic) in
            try FaultProcessDecoder.decode(item)
          }) {
            scenario.faultProcesses.append(process)
          }
        }
      case "expect":
        if field.isNull { continue }
        for item in record({ () throws(ScenarioDiagnostic) in try field.sequence() }) ?? [] {
          if let expectation = record({ () throws(ScenarioDiagnostic) in
            try ExpectationDecoder.decode(item)
          }) {
            scenario.expectations.append(expectation)
          }
        }
      default: break
      }
    }
    // Entries run in time order; entries at the same time keep file order (a stable sort).
    scenario.timeline = scenario.timeline.enumerated().sorted {
      ($0.element.at, $0.offset) < ($1.element.at, $1.offset)
    }.map(\.element)
  }

  /// Runs `body`, recording its diagnostic on failure.
  private mutating func record<T>(_ body: () throws(ScenarioDiagnostic) -> T) -> T? {
    do {
      return try body()
    } catch {
      diagnostics.append(error)
      return nil
    }
  }
}
