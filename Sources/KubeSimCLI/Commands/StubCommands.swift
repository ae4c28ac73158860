/// Commands that later issues implement: they parse `--help` but exit 2 saying which issue brings
/// them, so scripts fail loudly instead of silently doing nothing.
enum StubCommands {
  static let all: [CommandDefinition] = [
    stub(
      "describe", "Show one object like kubectl describe, with its events.",
      "describe KIND NAME --at T FILE…", issue: 4),
    stub("top", "Show usage like kubectl top.", "top pods|nodes --at T FILE…", issue: 6),
    stub(
      "compare", "Run policies over seeds and compare their metrics.",
      "compare FILE… --profile A --profile B --seeds 1..20", issue: 7),
    stub(
      "sweep", "Run one deterministic shard of a parameter sweep.",
      "sweep FILE --grid '…' [--shard i/N]", issue: 7),
    stub("merge", "Merge sweep shards into one report.", "merge DIR…", issue: 7),
    stub(
      "verify", "Compare a run with its golden outputs.",
      "verify FILE… --golden DIR | --update", issue: 7),
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
