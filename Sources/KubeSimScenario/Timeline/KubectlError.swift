/// A kubectl command line (or structured `kubectl:` entry) that KubeSim cannot run.
///
/// The message is a lower-case sentence; the timeline decoder prefixes the entry's position.
public struct KubectlError: Error, Sendable, Equatable, CustomStringConvertible {
  public var message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}
