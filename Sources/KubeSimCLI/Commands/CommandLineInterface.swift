/// The `kubesim` command line: dispatches to subcommands, prints help and usage errors.
///
/// `Sources/kubesim/main.swift` calls `main(arguments:context:)` with the process's streams;
/// tests call `run(_:)`, which captures both streams, so the whole CLI is tested in-process.
public enum CommandLineInterface {
  /// Every subcommand, in the order `kubesim --help` lists them.
  static var commands: [CommandDefinition] {
    [
      RunCommand.definition, ValidateCommand.definition, ParseCommand.definition,
      GetCommand.definition, DescribeCommand.definition, ExplainCommand.definition,
      TopCommand.definition, VerifyCommand.definition, CompareCommand.definition,
      SweepCommand.definition, MergeCommand.definition,
    ]
      + BenchCommand.definitions + StubCommands.all
  }

  /// Runs `kubesim` with `arguments` (without the program name) and returns the exit code.
  public static func main(arguments: [String], context: CommandContext) -> ExitCode {
    guard let first = arguments.first else {
      context.stderr.write(overview)
      return .badInput
    }
    if first == "--help" || first == "-h" || first == "help" {
      if first == "help", arguments.count > 1,
        let command = commands.first(where: { $0.spec.name == arguments[1] })
      {
        context.stdout.write(command.spec.helpText)
      } else {
        context.stdout.write(overview)
      }
      return .success
    }
    guard let command = commands.first(where: { $0.spec.name == first }) else {
      var message = "unknown command '\(first)'"
      if first.hasPrefix("-") { message = "unknown option '\(first)'" }
      if let suggestion = ArgumentParser.closest(to: first, among: commands.map(\.spec.name)) {
        message += " (did you mean '\(suggestion)'?)"
      }
      context.err(UsageError(command: "", message).description)
      context.err("Run 'kubesim --help' for the list of commands.")
      return .badInput
    }
    let parsed: ParsedArguments
    do {
      parsed = try ArgumentParser(command.spec).parse(Array(arguments.dropFirst()))
    } catch let error as UsageError {
      context.err(error.description)
      context.err("Run 'kubesim \(command.spec.name) --help' for usage.")
      return .badInput
    } catch {
      context.err("kubesim \(command.spec.name): \(error)")
      return .badInput
    }
    if parsed.helpRequested {
      context.stdout.write(command.spec.helpText)
      return .success
    }
    return command.run(parsed, context)
  }

  /// Runs `kubesim` in-process with buffered output: (exit code, stdout, stderr).
  public static func run(_ arguments: [String]) -> (code: ExitCode, stdout: String, stderr: String)
  {
    let out = BufferSink()
    let err = BufferSink()
    let code = main(arguments: arguments, context: CommandContext(stdout: out, stderr: err))
    return (code, out.text, err.text)
  }

  /// The text of `kubesim --help`.
  static var overview: String {
    var lines = [
      "OVERVIEW: KubeSim, a deterministic discrete-event simulator of a Kubernetes cluster.",
      "",
      "USAGE: kubesim COMMAND [OPTIONS] FILE…",
      "",
      "COMMANDS:",
    ]
    let all = commands
    let width = all.map { $0.spec.name.count }.max() ?? 0
    for command in all {
      let pad = String(repeating: " ", count: width - command.spec.name.count)
      lines.append("  \(command.spec.name)\(pad)   \(command.spec.abstract)")
    }
    lines += [
      "",
      "Exit codes: 0 success and every expectation holds; 1 an expectation failed;",
      "2 bad input or usage. 'kubesim COMMAND --help' describes each command.",
    ]
    return lines.joined(separator: "\n") + "\n"
  }
}
