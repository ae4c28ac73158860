import Foundation
import KubeSimKernel
import KubeSimModel
import KubeSimYAML

/// Decodes one `spec.expect` entry: `that:` with `at:` (a time or `end`), `during: A..B`, or
/// neither (checked at the end). The expression is parsed and its kinds checked now.
enum ExpectationDecoder {
  static let fields = ["that", "at", "during"]

  static func decode(_ item: YAMLField) throws(ScenarioDiagnostic) -> Expectation {
    let fields = try item.mapping(allowed: Self.fields)
    func get(_ key: String) -> YAMLField? { fields.first(where: { $0.0 == key })?.1 }
    guard let that = get("that") else {
      throw item.error(
        "an expectation needs that: (e.g. that: deployment/web.status.readyReplicas == 3)")
    }
    var timing = Expectation.Timing.end
    if get("at") != nil, let during = get("during") {
      throw during.error("give at: or during:, not both")
    }
    if let at = get("at") {
      if case .scalar(let s) = at.node.content, s.text == "end" {
        timing = .end
      } else {
        let d = try at.duration()
        timing = .at(SimTime(microseconds: d.microseconds))
      }
    }
    if let during = get("during") {
      let text = try during.string()
      let parts = text.components(separatedBy: "..")
      guard parts.count == 2,
        let from = try? SimDuration(parsing: parts[0].trimmingCharacters(in: .whitespaces)),
        let to = try? SimDuration(parsing: parts[1].trimmingCharacters(in: .whitespaces))
      else {
        throw during.error("expected an interval such as 8m..12m, found \(during.foundText)")
      }
      guard from <= to else {
        throw during.error("the interval ends before it starts: \(text)")
      }
      timing = .during(
        from: SimTime(microseconds: from.microseconds), to: SimTime(microseconds: to.microseconds))
    }
    let text = try that.string()
    let expression: Expression
    do {
      expression = try ExpressionParser.parse(text)
    } catch let error as ExpressionError {
      throw ScenarioDiagnostic(
        at: position(of: error.offset, in: that), path: that.path, error.message)
    } catch {
      throw that.error("\(error)")
    }
    for (kind, offset) in expression.kindReferences where ScenarioKinds.resolve(kind) == nil {
      throw ScenarioDiagnostic(
        at: position(of: offset, in: that), path: that.path,
        "unknown kind \"\(kind)\" (expected a kind such as pods, deployments, nodes)")
    }
    for field in expression.fieldReferences {
      guard let kind = ScenarioKinds.resolve(field.kind),
        let problem = FieldNames.check(field.path, of: kind)
      else { continue }
      throw ScenarioDiagnostic(
        at: position(of: field.offset, in: that), path: that.path, "\(field.text): \(problem)")
    }
    for query in expression.countQueries {
      guard let kind = ScenarioKinds.resolve(query.kind) else { continue }
      for term in query.terms {
        let allowed: Bool
        switch term.key {
        case "node", "phase": allowed = kind == .pod
        case "ready": allowed = kind == .pod || kind == .node
        default: allowed = true
        }
        if !allowed {
          throw ScenarioDiagnostic(
            at: position(of: query.offset, in: that), path: that.path,
            "count(\(query.kind){\(term.key)=…}): \(term.key)= applies to pods\(term.key == "ready" ? " and nodes" : " only"), not \(kind.plural)"
          )
        }
      }
    }
    return Expectation(
      timing: timing, expression: expression, text: text, location: that.node.location)
  }

  /// The source position of character `offset` of the expression: exact for one-line plain and
  /// quoted scalars, the scalar's start otherwise (block scalars fold lines).
  static func position(of offset: Int, in field: YAMLField) -> SourceLocation {
    var location = field.node.location
    guard case .scalar(let s) = field.node.content, !s.text.contains("\n") else { return location }
    switch s.style {
    case .plain: location.column += offset
    case .singleQuoted, .doubleQuoted:
      // Exact unless the scalar had escapes before `offset`; close enough for a pointer.
      location.column += offset + 1
    case .literal, .folded: break
    }
    return location
  }
}
