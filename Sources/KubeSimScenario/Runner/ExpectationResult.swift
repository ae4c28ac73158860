import KubeSimKernel

/// The verdict of one expectation.
public struct ExpectationResult: Sendable {
  /// The text as written, for messages.
  public var text: String
  /// `end`, `12m`, `8m..12m`.
  public var timing: String
  /// `file:line:col` of the `that:` value.
  public var location: String
  /// Whether it held (at every check, for `during:`).
  public var passed: Bool
  /// When it was found not to hold (the first time, for `during:`).
  public var failedAt: SimTime?
  /// What was found the last time it was evaluated (at the failure when it failed).
  public var found: String

  /// `expectation failed at 12m (s.yaml:31:11): count(…) == 0 — found 2`.
  public var failureMessage: String? {
    guard !passed else { return nil }
    let at = failedAt.map { DurationFormat.compact(microseconds: $0.microseconds) } ?? timing
    return "expectation failed at \(at) (\(location)): \(text) — found \(found)"
  }
}
