/// A failed load: every error found, in input order.
public struct ScenarioLoadError: Error, Sendable, CustomStringConvertible {
  /// Every problem found, in input order.
  public var diagnostics: [ScenarioDiagnostic]
  /// Creates a value with the given parts.
  public init(_ diagnostics: [ScenarioDiagnostic]) { self.diagnostics = diagnostics }
  /// The message as printed.
  public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
