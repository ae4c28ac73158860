/// A syntax or validation error in a `that:` expression, at an offset into its text.
///
/// The scenario decoder turns the offset into a `file:line:col` by adding it to the scalar's
/// position (plus one for a quoted scalar's opening quote).
public struct ExpressionError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What is wrong, as a lower-case sentence fragment.
  public var message: String
  /// 0-based offset in Unicode scalars.
  public var offset: Int

  /// Creates a value with the given parts.
  public init(_ message: String, at offset: Int) {
    self.message = message
    self.offset = offset
  }

  /// The message as printed.
  public var description: String { "column \(offset + 1): \(message)" }
}
