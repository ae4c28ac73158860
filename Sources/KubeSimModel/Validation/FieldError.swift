import KubeSimYAML

/// One validation failure, formatted as upstream `field.Error`
/// (`k8s.io/apimachinery/pkg/util/validation/field/errors.go`):
/// `spec.replicas: Invalid value: -1: must be greater than or equal to 0`.
public struct FieldError: Error, Sendable, Equatable, CustomStringConvertible {
  /// Upstream `field.ErrorType` strings.
  public enum ErrorType: String, Sendable {
    /// `Required value`.
    case required = "Required value"
    /// `Invalid value`.
    case invalid = "Invalid value"
    /// `Unsupported value`.
    case notSupported = "Unsupported value"
    /// `Duplicate value`.
    case duplicate = "Duplicate value"
    /// `Forbidden`.
    case forbidden = "Forbidden"
    /// `Too long`.
    case tooLong = "Too long"
  }

  /// The offending field.
  public var path: FieldPath
  /// The kind of failure.
  public var type: ErrorType
  /// The bad value as upstream prints it (`"abc"`, `-1`, `map[string]string{"a":"b"}`), for
  /// the types that print one.
  public var badValue: String?
  /// The explanation.
  public var detail: String

  /// Creates an error.
  public init(
    _ type: ErrorType, _ path: FieldPath, _ badValue: String? = nil, _ detail: String = ""
  ) {
    self.type = type
    self.path = path
    self.badValue = badValue
    self.detail = detail
  }

  /// `path: Type[: value][: detail]`.
  public var description: String {
    var s = "\(path): \(type.rawValue)"
    if let badValue, type != .required && type != .forbidden && type != .tooLong {
      s += ": " + badValue
    }
    if !detail.isEmpty { s += ": " + detail }
    return s
  }

  /// The error as a `ManifestError` located in the document the object was decoded from.
  public func manifestError(in document: YAMLNode) -> ManifestError {
    ManifestError(descriptionWithoutPath, at: path.location(in: document), path: path.description)
  }

  var descriptionWithoutPath: String {
    let full = description
    let prefix = "\(path): "
    return full.hasPrefix(prefix) ? String(full.dropFirst(prefix.count)) : full
  }

  /// A string as `%q` prints it.
  public static func quote(_ s: String) -> String {
    var out = ""
    JSONValue.writeString(s, to: &out)
    return out
  }

  /// A label selector as Go's `%#v` prints a `metav1.LabelSelector` in validation messages:
  /// `v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}`.
  public static func goSelector(_ s: LabelSelector) -> String {
    let labels = s.matchLabels.isEmpty ? "map[string]string(nil)" : goMap(s.matchLabels)
    let exprs =
      s.matchExpressions.isEmpty
      ? "[]v1.LabelSelectorRequirement(nil)"
      : "[]v1.LabelSelectorRequirement{"
        + s.matchExpressions.map { r in
          "v1.LabelSelectorRequirement{Key:\(quote(r.key)), Operator:\(quote(r.operator.rawValue)), "
            + "Values:[]string{" + r.values.map(quote).joined(separator: ", ") + "}}"
        }.joined(separator: ", ") + "}"
    return "v1.LabelSelector{MatchLabels:\(labels), MatchExpressions:\(exprs)}"
  }

  /// A string map as Go's `%#v` prints `map[string]string` (keys sorted).
  public static func goMap(_ m: StringMap) -> String {
    "map[string]string{"
      + m.entries.map { quote($0.key) + ":" + quote($0.value) }
      .joined(separator: ", ") + "}"
  }
}
