/// What a command runs with: its output streams and facts about the terminal.
public struct CommandContext {
  /// Normal output (tables, JSON, the timeline).
  public var stdout: any TextSink
  /// Errors, warnings and the progress line.
  public var stderr: any TextSink
  /// Whether stderr is a terminal: the progress line is shown only then.
  public var stderrIsTerminal: Bool

  /// Creates a value with the given parts.
  public init(stdout: any TextSink, stderr: any TextSink, stderrIsTerminal: Bool = false) {
    self.stdout = stdout
    self.stderr = stderr
    self.stderrIsTerminal = stderrIsTerminal
  }

  /// Writes one line on stdout.
  public func out(_ line: String) { stdout.write(line + "\n") }
  /// Writes one line on stderr.
  public func err(_ line: String) { stderr.write(line + "\n") }
}
