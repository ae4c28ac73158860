/// `kubesim run FILE… [--seed N] [--until T] [--out DIR] [--quiet] [--verbose]`.
enum RunCommand {
  static let spec = CommandSpec(
    name: "run", abstract: "Run a scenario: print its timeline and summary, write outputs.",
    usage: "run FILE… [--seed N] [--until T] [--out DIR] [--quiet] [--verbose]",
    options: [
      .option("seed", value: "N", help: "Seed for every random choice (overrides spec.seed)."),
      .option("until", value: "T", help: "Simulated time to run, e.g. 15m (overrides spec.duration)."),
      .option("out", value: "DIR", help: "Write events.jsonl, placements.csv, summary.json, summary.md here."),
      .flag("quiet", short: "q", help: "Print only the summary (no timeline, no progress line)."),
      .flag("verbose", short: "v", help: "Also list warnings (ignored fields) before running."),
    ],
    minPositionals: 1,
    discussion: """
      Exit codes: 0 when every expectation holds, 1 when one fails, 2 for bad input.
      Example: kubesim run Scenarios/hello-cluster.yaml --out out/hello
      """)

  static let definition = CommandDefinition(spec: spec) { arguments, context in
    context.err("kubesim run: not available in this build yet")
    return .badInput
  }
}
