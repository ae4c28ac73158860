/// `kubesim bench [NAME…] [--json]`: the benchmarks of Sources/KubeSimCLI/Bench (lane kernel).
enum BenchCommand {
  static let spec = CommandSpec(
    name: "bench", abstract: "Run the benchmark suite (use a release build).",
    usage: "bench [NAME…] [--json]",
    options: [.flag("json", help: "Print the figures as JSON.")],
    positionalName: "NAME",
    discussion: """
      Names select groups (e.g. kernel); none runs all. Figures are medians of repeated runs.
      Example: swift run -c release kubesim bench kernel
      """)

  static let definitions: [CommandDefinition] = [
    CommandDefinition(spec: spec) { arguments, context in
      let (output, code) = Benchmarks.run(
        names: arguments.positionals, json: arguments.flag("json"))
      if code == 0 {
        context.stdout.write(output)
        return .success
      }
      context.stderr.write("kubesim bench: " + output)
      return .badInput
    }
  ]
}
