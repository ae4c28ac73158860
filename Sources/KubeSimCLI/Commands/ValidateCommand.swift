import KubeSimScenario

/// `kubesim validate FILE… [--verbose]`.
enum ValidateCommand {
  static let spec = CommandSpec(
    name: "validate",
    abstract: "Parse and check files (scenarios or plain manifests) without running.",
    usage: "validate FILE… [--verbose]",
    options: [
      .flag("verbose", short: "v", help: "List the fields KubeSim accepts but does not model.")
    ],
    minPositionals: 1,
    discussion: """
      Prints 'FILE: N documents OK' per file, or every error found (exit 2). Objects are also
      created (not run) in a simulated API server when a Scenario is present, so admission
      errors show too.
      Files without a Scenario document are checked as kubectl apply --dry-run would take them.
      """)

  static let definition = CommandDefinition(spec: spec) { arguments, context in
    switch ScenarioLoader.load(arguments.positionals, requireScenario: false) {
    case .failure(let error):
      for diagnostic in error.diagnostics { context.err(diagnostic.description) }
      let n = error.diagnostics.count
      context.err("\(n) error\(n == 1 ? "" : "s")")
      return .badInput
    case .success(let input):
      // For a scenario, admission too: build the World (creating every object through the API
      // server) without running it, so a pod in a missing namespace or a bad setting is caught
      // here as `run` would catch it. Plain manifests are checked as `kubectl apply
      // --dry-run=client` does, without a cluster: their namespaces may exist elsewhere.
      do throws(ScenarioLoadError) {
        if input.scenario != nil { _ = try ScenarioRunner(input, options: RunOptions()) }
      } catch {
        for diagnostic in error.diagnostics { context.err(diagnostic.description) }
        let n = error.diagnostics.count
        context.err("\(n) error\(n == 1 ? "" : "s")")
        return .badInput
      }
      printWarnings(input, verbose: arguments.flag("verbose"), context)
      for (file, count) in zip(input.files, input.documentCounts) {
        context.out("\(file): \(count) document\(count == 1 ? "" : "s") OK")
      }
      return .success
    }
  }

  /// Warnings that change what happens (Jobs that never complete, pod fields the scheduler
  /// does not honour yet) always; ignored fields only with `--verbose`.
  static func printWarnings(_ input: LoadedInput, verbose: Bool, _ context: CommandContext) {
    for warning in input.warnings {
      if verbose || warning.message.contains("never exit")
        || warning.message.contains("does not honour")
      {
        context.err(warning.description)
      }
    }
  }
}
