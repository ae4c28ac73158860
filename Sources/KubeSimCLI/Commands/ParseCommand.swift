/// `kubesim parse FILE`: each YAML document as one line of JSON, as KubeSim read it.
enum ParseCommand {
  static let spec = CommandSpec(
    name: "parse", abstract: "Print each YAML document of a file as one line of JSON.",
    usage: "parse FILE", minPositionals: 1, maxPositionals: 1,
    discussion: "Plain scalars resolve as Kubernetes' YAML reader resolves them (yes/on are true).")

  static let definition = CommandDefinition(spec: spec) { arguments, context in
    context.err("kubesim parse: not available in this build yet")
    return .badInput
  }
}
