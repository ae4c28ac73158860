/// Commands that later issues implement: they parse `--help` but exit 2 saying which issue brings
/// them, so scripts fail loudly instead of silently doing nothing.
enum StubCommands {
  /// Empty since issue 7: every command of SCENARIO-FORMAT.md is implemented. A command added to
  /// the contract before it is built goes here with the issue that brings it.
  static let all: [CommandDefinition] = []

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
