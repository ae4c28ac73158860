import KubeSimKernel
import KubeSimModel
import KubeSimYAML

/// Decodes one `spec.timeline` entry: `at:` plus exactly one of `kubectl:`, `fault:`, `load:`.
///
/// `kubectl:` takes a command line (`scale deployment/web --replicas=5`) or the structured form
/// (see `StructuredKubectl`); `fault:` a fault (see `Fault`, `FaultDecoder`); `load:` a Service's
/// offered load (see `LoadDecoder`).
enum TimelineEntryDecoder {
  static let fields = ["at", "kubectl", "fault", "load"]

  static func decode(_ item: YAMLField) throws(ScenarioDiagnostic) -> TimelineEntry {
    let fields = try item.mapping(allowed: Self.fields)
    guard let at = fields.first(where: { $0.0 == "at" })?.1 else {
      throw item.error("a timeline entry needs at: (a time such as 2m)")
    }
    let time = try at.duration()
    if time < .zero { throw at.error("expected a time at or after 0s, found \(at.foundText)") }
    let actions = fields.filter { $0.0 != "at" }
    guard actions.count == 1, let (verb, action) = actions.first else {
      throw item.error(
        "a timeline entry needs exactly one of kubectl:, fault:, load:, found \(actions.count)")
    }
    switch verb {
    case "fault":
      let (fault, text) = try FaultDecoder.decode(action)
      return TimelineEntry(
        at: SimTime(microseconds: time.microseconds), action: .fault(fault),
        location: at.node.location, text: text)
    case "load":
      let (service, profile, text) = try LoadDecoder.decode(action, at: SimTime(microseconds: time.microseconds))
      return TimelineEntry(
        at: SimTime(microseconds: time.microseconds),
        action: .load(service: service, profile: profile), location: at.node.location, text: text)
    default:
      break
    }
    let command: KubectlCommand
    let text: String
    do {
      if case .mapping = action.node.content {
        let words = try StructuredKubectl.words(action)
        command = try KubectlCommandParser.parse(words: words)
        text = words.map(StructuredKubectl.quoteIfNeeded).joined(separator: " ")
      } else {
        text = try action.string()
        command = try KubectlCommandParser.parse(text)
      }
      try TimelineValidation.check(command)
    } catch let error as KubectlError {
      throw action.error(error.message)
    } catch let error as ScenarioDiagnostic {
      throw error
    } catch {
      throw action.error("\(error)")
    }
    return TimelineEntry(
      at: SimTime(microseconds: time.microseconds), action: .kubectl(command),
      location: at.node.location, text: text)
  }
}

/// Checks what can be checked before the run: kinds exist and fit the verb.
enum TimelineValidation {
  static func check(_ command: KubectlCommand) throws(KubectlError) {
    switch command {
    case .scale(let target, _):
      let kind = try resolve(target.kind)
      guard [.deployment, .replicaSet, .statefulSet].contains(kind) else {
        throw KubectlError(
          "kubectl scale applies to deployments, replicasets and statefulsets, found \(kind.plural)"
        )
      }
    case .delete(let target, _), .label(let target, _, _), .annotate(let target, _, _):
      _ = try resolve(target.kind)
      if let s = target.selector { _ = try selector(s) }
    case .taint(let target, _, _):
      if let s = target.selector { _ = try selector(s) }
    case .cordon, .uncordon, .apply, .create, .drain:
      break
    case .setImage(let target, _), .setResources(let target, _, _, _), .rollout(_, let target, _),
      .patch(let target, _):
      _ = try resolve(target.kind)
      if let s = target.selector { _ = try selector(s) }
    }
  }

  /// A `-l` selector in kubectl's string form (`app=web,tier notin (db)`).
  static func selector(_ text: String) throws(KubectlError) -> LabelSelector {
    do {
      return try LabelSelector(parsing: text)
    } catch {
      throw KubectlError("invalid selector \"\(text)\": \(error.message)")
    }
  }

  /// The model kind for a kubectl resource name (`deploy`, `deployments.apps`, `Pod`).
  static func resolve(_ resource: String) throws(KubectlError) -> ObjectKind {
    if let kind = ScenarioKinds.resolve(resource) { return kind }
    throw KubectlError(
      "unknown resource type \"\(resource)\" (expected a kind such as pods, deployments, nodes)")
  }
}
