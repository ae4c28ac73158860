/// A YAML syntax error or an unsupported construct, with the position where it was found.
///
/// The message is a sentence fragment in lower case, without the location, e.g.
/// `found a tab character where indentation is expected`; `description` prefixes `file:line:col: `.
public struct YAMLError: Error, Sendable, Equatable, CustomStringConvertible {
  public var location: SourceLocation
  public var message: String

  public init(_ message: String, at location: SourceLocation) {
    self.message = message
    self.location = location
  }

  public var description: String { "\(location): \(message)" }
}
