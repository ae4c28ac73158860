/// `kubesim validate FILE… [--verbose]`.
enum ValidateCommand {
  static let spec = CommandSpec(
    name: "validate", abstract: "Parse and check files (scenarios or plain manifests) without running.",
    usage: "validate FILE… [--verbose]",
    options: [
      .flag("verbose", short: "v", help: "List the fields KubeSim accepts but does not model."),
    ],
    minPositionals: 1,
    discussion: "Prints 'FILE: N documents OK' per file, or the errors (exit 2).")

  static let definition = CommandDefinition(spec: spec) { arguments, context in
    context.err("kubesim validate: not available in this build yet")
    return .badInput
  }
}
