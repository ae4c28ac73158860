/// The path of the field being decoded, kept as a stack inside `DecodingContext` so that
/// decoding a field costs no string building; it is rendered only for messages.
///
/// Rendering: keys joined by `.`, indexes as `[i]`: `spec.containers[0].resources.requests.cpu`.
public struct FieldPath: Sendable, Equatable, CustomStringConvertible {
  /// One step of a path.
  public enum Component: Sendable, Equatable {
    /// A mapping key.
    case key(String)
    /// A sequence index.
    case index(Int)
  }

  /// The steps from the document root.
  public var components: [Component]

  /// The empty path (the document root).
  public init(_ components: [Component] = []) { self.components = components }

  /// The path with one more key.
  public func child(_ key: String) -> FieldPath { FieldPath(components + [.key(key)]) }

  /// The path with one more index.
  public func index(_ i: Int) -> FieldPath { FieldPath(components + [.index(i)]) }

  /// `spec.containers[0].image`.
  public var description: String {
    var s = ""
    for c in components {
      switch c {
      case .key(let k):
        if !s.isEmpty { s += "." }
        s += k
      case .index(let i): s += "[\(i)]"
      }
    }
    return s
  }
}
