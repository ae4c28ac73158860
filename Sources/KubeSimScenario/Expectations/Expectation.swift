import KubeSimKernel
import KubeSimYAML

/// One `spec.expect` entry: an expression and when it must hold.
public struct Expectation: Sendable {
  /// When the expression is checked.
  public enum Timing: Sendable, Equatable {
    /// At the end of the run (`at: end`, or neither `at` nor `during`).
    case end
    /// Once, at this instant (after its events).
    case at(SimTime)
    /// After every processed instant in `from...to` (both ends included).
    case during(from: SimTime, to: SimTime)
  }

  /// When the expression is checked.
  public var timing: Timing
  /// The parsed `that:` expression.
  public var expression: Expression
  /// The `that:` text as written, for messages.
  public var text: String
  /// The position of the `that:` value.
  public var location: SourceLocation

  /// Creates a value with the given parts.
  public init(timing: Timing, expression: Expression, text: String, location: SourceLocation) {
    self.timing = timing
    self.expression = expression
    self.text = text
    self.location = location
  }

  /// `end`, `12m`, `8m..12m` as written in messages.
  public var timingText: String {
    switch timing {
    case .end: return "end"
    case .at(let t): return DurationFormat.compact(microseconds: t.microseconds)
    case .during(let a, let b):
      return DurationFormat.compact(microseconds: a.microseconds) + ".."
        + DurationFormat.compact(microseconds: b.microseconds)
    }
  }
}
