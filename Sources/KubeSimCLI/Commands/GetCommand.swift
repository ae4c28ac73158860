/// `kubesim get KIND [NAME] --at T FILE… [-o wide|json]`.
enum GetCommand {
  static let spec = CommandSpec(
    name: "get", abstract: "Show the cluster as kubectl get would at simulated time T.",
    usage: "get KIND [NAME] --at T FILE… [-o wide|json]",
    options: [
      .option("at", value: "T", help: "Simulated time, e.g. 2m30s (default: the scenario's end)."),
      .option("output", short: "o", value: "FORMAT", help: "wide or json."),
      .option("seed", value: "N", help: "Seed (overrides spec.seed)."),
    ],
    positionalName: "ARG", minPositionals: 2,
    discussion: """
      KIND is a kubectl resource name (pods, po, nodes, deployments, deploy, …).
      NAME is optional: an argument that names an existing file is taken as a FILE.
      Example: kubesim get pods --at 1m Scenarios/hello-cluster.yaml -o wide
      """)

  static let definition = CommandDefinition(spec: spec) { arguments, context in
    context.err("kubesim get: not available in this build yet")
    return .badInput
  }
}
