import KubeSimYAML

/// A manifest that cannot be accepted: where, which field, and what was wrong.
///
/// `description` is `file:line:col: field.path: message`, e.g.
/// `web.yaml:14:11: spec.replicas: expected an integer, found "three"`.
public struct ManifestError: Error, Sendable, Equatable, CustomStringConvertible {
  /// Where the offending node starts.
  public var location: SourceLocation
  /// The field path from the document root (`spec.template.spec.containers[0].image`); empty for
  /// document-level errors.
  public var path: String
  /// What was found and what was expected.
  public var message: String

  /// Creates an error.
  public init(_ message: String, at location: SourceLocation, path: String = "") {
    self.location = location
    self.path = path
    self.message = message
  }

  /// A YAML syntax error, reported the same way.
  public init(_ error: YAMLError) {
    self.init(error.message, at: error.location)
  }

  public var description: String {
    path.isEmpty ? "\(location): \(message)" : "\(location): \(path): \(message)"
  }
}

/// Something accepted but not used: a Kubernetes field KubeSim does not model. Shown by
/// `kubesim validate --verbose`; never changes behaviour.
public struct ManifestWarning: Sendable, Equatable, CustomStringConvertible {
  /// Where the field's key is.
  public var location: SourceLocation
  /// The field path.
  public var path: String
  /// The message, e.g. `ignored: not modelled`.
  public var message: String

  /// Creates a warning.
  public init(_ message: String, at location: SourceLocation, path: String) {
    self.location = location
    self.path = path
    self.message = message
  }

  public var description: String { "\(location): \(path): \(message)" }
}
