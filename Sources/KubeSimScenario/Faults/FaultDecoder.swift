import KubeSimYAML

/// Decodes a timeline `fault:` value: the string form (`node-crash worker-2`) or the
/// structured form (`{type: node-crash, node: worker-2}`, with `node`, `zone`, `pod`,
/// `exitCode`, `duration` and `factor` as the type needs, e.g.
/// `{type: api-server-outage, duration: 2m}`).
enum FaultDecoder {
  static let fields = ["type", "node", "zone", "pod", "exitCode", "duration", "factor"]

  /// The fault and its text as the timeline shows it.
  static func decode(_ field: YAMLField) throws(ScenarioDiagnostic) -> (Fault, String) {
    var words: [String] = []
    if case .mapping = field.node.content {
      let pairs = try field.mapping(allowed: fields)
      guard let type = pairs.first(where: { $0.0 == "type" })?.1 else {
        throw field.error(
          "a structured fault needs type: (one of \(Fault.types.joined(separator: ", ")))")
      }
      words.append(try type.string())
      for key in ["node", "zone", "pod", "exitCode", "duration", "factor"] {
        if let v = pairs.first(where: { $0.0 == key })?.1 { words.append(try v.string()) }
      }
    } else {
      words = try field.string().split(separator: " ").map(String.init)
    }
    do {
      return (try Fault.parse(words: words), words.joined(separator: " "))
    } catch {
      throw field.error(error.message)
    }
  }
}
