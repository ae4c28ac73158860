import KubeSimYAML

/// One problem (or warning) found while loading a scenario, with where it is.
///
/// Every error KubeSim reports on input has this shape:
/// `file:line:col: field.path: what was found, what was expected` (the path is omitted for
/// syntax errors, which have none). The loader collects all it can before failing, like a
/// compiler, and prints them in input order.
public struct ScenarioDiagnostic: Error, Sendable, Equatable, CustomStringConvertible {
  /// Errors stop the run (exit 2); warnings are printed by `validate --verbose` and `run --verbose`.
  public enum Severity: Sendable, Equatable { case error, warning }

  /// Error or warning.
  public var severity: Severity
  /// Where the problem is.
  public var location: SourceLocation
  /// The field path inside the document (`spec.timeline[2].kubectl`), or empty.
  public var path: String
  /// What is wrong, as a lower-case sentence fragment.
  public var message: String

  /// Creates a value with the given parts.
  public init(
    _ severity: Severity = .error, at location: SourceLocation, path: String = "",
    _ message: String
  ) {
    self.severity = severity
    self.location = location
    self.path = path
    self.message = message
  }

  /// `file:line:col: path: message`; a location with line 0 (a whole file named on the command
  /// line) prints as just the file name.
  public var description: String {
    let prefix = severity == .warning ? "warning: " : ""
    let place = location.line == 0 ? location.file : location.description
    return path.isEmpty
      ? "\(place): \(prefix)\(message)" : "\(place): \(prefix)\(path): \(message)"
  }
}
