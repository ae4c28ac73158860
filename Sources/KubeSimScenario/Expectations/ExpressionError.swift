/// A syntax or validation error in a `that:` expression, at an offset into its text.
///
/// The scenario decoder turns the offset into a `file:line:col` by adding it to the scalar's
/// position (plus one for a quoted scalar's opening quote).
public struct ExpressionError: Error, Sendable, Equatable, CustomStringConvertible {
  public var message: String
  /// 0-based offset in Unicode scalars.
  public var offset: Int

  public init(_ message: String, at offset: Int) {
    self.message = message
    self.offset = offset
  }

  public var description: String { "column \(offset + 1): \(message)" }
}
