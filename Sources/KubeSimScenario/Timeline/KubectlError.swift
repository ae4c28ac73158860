/// A kubectl command line (or structured `kubectl:` entry) that KubeSim cannot run.
///
/// The message is a lower-case sentence; the timeline decoder prefixes the entry's position.
public struct KubectlError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What is wrong, as a lower-case sentence fragment.
  public var message: String
  /// Creates a value with the given parts.
  public init(_ message: String) { self.message = message }
  /// The message as printed.
  public var description: String { message }
}
