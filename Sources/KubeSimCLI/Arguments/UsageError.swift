/// A command-line mistake: an unknown option, a missing value, a bad count of files.
///
/// `description` is the full line printed on stderr, prefixed with the command
/// (`kubesim run: unknown option '--sede' (did you mean '--seed'?)`); the exit code is 2.
public struct UsageError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The command the error belongs to (`run`), or empty for the top level.
  public var command: String
  /// What is wrong, in lower case.
  public var message: String

  /// Creates a value with the given parts.
  public init(command: String, _ message: String) {
    self.command = command
    self.message = message
  }

  /// The message as printed.
  public var description: String {
    command.isEmpty ? "kubesim: \(message)" : "kubesim \(command): \(message)"
  }
}
