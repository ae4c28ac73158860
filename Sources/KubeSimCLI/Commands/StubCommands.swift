/// Commands that later issues implement: they parse `--help` but exit 2 saying which issue brings
/// them, so scripts fail loudly instead of silently doing nothing.
enum StubCommands {
  static let all: [CommandDefinition] = [
    stub(
      "explain", "Show every scheduling attempt of a pod, plugin by plugin.",
      "explain FILE… --pod NAME [--snapshot] [-o json]", issue: 3),
  ]

  private static func stub(_ name: String, _ abstract: String, _ usage: String, issue: Int)
    -> CommandDefinition
  {
    let spec = CommandSpec(
      name: name, abstract: abstract + " (not implemented yet: issue \(issue))", usage: usage,
      positionalName: "ARG")
    return CommandDefinition(spec: spec) { _, context in
      context.err("kubesim \(name): not implemented yet (issue \(issue))")
      return .badInput
    }
  }
}
