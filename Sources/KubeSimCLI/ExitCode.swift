/// The exit codes of `kubesim`, as SCENARIO-FORMAT.md defines them.
public enum ExitCode: Int32, Sendable, Equatable {
  /// Success, and every expectation held.
  case success = 0
  /// An expectation or a verification failed.
  case expectationFailed = 1
  /// Bad input (a file that does not parse, decode or validate) or bad usage.
  case badInput = 2
}
