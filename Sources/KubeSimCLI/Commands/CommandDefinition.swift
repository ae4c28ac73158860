/// A subcommand of `kubesim`: its spec and the function that runs it.
struct CommandDefinition: Sendable {
  var spec: CommandSpec
  /// Runs with already-parsed arguments; never called when `--help` was given.
  var run: @Sendable (ParsedArguments, CommandContext) -> ExitCode
}
