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
    /// A map key, rendered `[key]` as upstream `field.Path.Key` (validation paths such as
    /// `resources.requests[cpu]`).
    case mapKey(String)
  }

  /// The steps from the document root.
  public var components: [Component]

  /// A path from components (empty: the document root).
  public init(_ components: [Component] = []) { self.components = components }

  /// The path with one more key.
  public func child(_ key: String) -> FieldPath { FieldPath(components + [.key(key)]) }

  /// The path with one more index.
  public func index(_ i: Int) -> FieldPath { FieldPath(components + [.index(i)]) }

  /// The path with one more map key.
  public func key(_ k: String) -> FieldPath { FieldPath(components + [.mapKey(k)]) }

  /// A path from dotted keys: `FieldPath("spec", "replicas")`.
  public init(_ keys: String...) { components = keys.map { .key($0) } }

  /// `spec.containers[0].image`.
  public var description: String {
    var s = ""
    for c in components {
      switch c {
      case .key(let k):
        if !s.isEmpty { s += "." }
        s += k
      case .index(let i): s += "[\(i)]"
      case .mapKey(let k): s += "[\(k)]"
      }
    }
    return s
  }
}
