/// Syntax checks for names, label keys and values, with upstream's messages
/// (`k8s.io/apimachinery/pkg/util/validation/validation.go`), written as small hand parsers
/// (no regular expressions).
public enum LabelSyntax {
  static let qualifiedNameFmt = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]"
  static let qualifiedNameErrMsg =
    "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an "
    + "alphanumeric character"
  static let labelValueFmt = "(" + qualifiedNameFmt + ")?"
  static let dns1123LabelFmt = "[a-z0-9]([-a-z0-9]*[a-z0-9])?"
  static let dns1123SubdomainFmt = dns1123LabelFmt + "(\\." + dns1123LabelFmt + ")*"
  static let dns1035LabelFmt = "[a-z]([-a-z0-9]*[a-z0-9])?"

  static func isAlnum(_ c: UInt8) -> Bool {
    (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
  }
  static func isLowerAlnum(_ c: UInt8) -> Bool { (c >= 48 && c <= 57) || (c >= 97 && c <= 122) }

  /// `([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]` on a non-empty string.
  static func matchesQualifiedNamePart(_ s: String) -> Bool {
    let u = Array(s.utf8)
    guard let f = u.first, let l = u.last, isAlnum(f), isAlnum(l) else { return false }
    return u.allSatisfy { isAlnum($0) || $0 == 45 || $0 == 95 || $0 == 46 }
  }

  static func matchesDNS1123Label(_ s: String) -> Bool {
    let u = Array(s.utf8)
    guard let f = u.first, let l = u.last, isLowerAlnum(f), isLowerAlnum(l) else { return false }
    return u.allSatisfy { isLowerAlnum($0) || $0 == 45 }
  }

  /// The first problem with `value` as a label key (`IsQualifiedName`), or nil when valid.
  public static func qualifiedNameError(_ value: String) -> String? {
    let parts = value.split(separator: "/", omittingEmptySubsequences: false)
    var name: String
    switch parts.count {
    case 1: name = value
    case 2:
      let prefix = String(parts[0])
      name = String(parts[1])
      if prefix.isEmpty { return "prefix part must be non-empty" }
      if let e = dns1123SubdomainError(prefix) { return "prefix part " + e }
    default:
      return "a qualified name " + qualifiedNameErrMsg + " (e.g. 'MyName',  or 'my.name',  or "
        + "'123-abc', regex used for validation is '" + qualifiedNameFmt + "') with an optional "
        + "DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"
    }
    if name.isEmpty { return "name part must be non-empty" }
    if name.utf8.count > 63 { return "name part must be no more than 63 characters" }
    if !matchesQualifiedNamePart(name) {
      return "name part " + qualifiedNameErrMsg + " (e.g. 'MyName',  or 'my.name',  or "
        + "'123-abc', regex used for validation is '" + qualifiedNameFmt + "')"
    }
    return nil
  }

  /// The first problem with `value` as a label value (`IsValidLabelValue`), or nil when valid.
  public static func labelValueError(_ value: String) -> String? {
    if value.utf8.count > 63 { return "must be no more than 63 characters" }
    if !value.isEmpty && !matchesQualifiedNamePart(value) {
      return "a valid label must be an empty string or " + qualifiedNameErrMsg
        + " (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '"
        + labelValueFmt + "')"
    }
    return nil
  }

  /// The first problem with `value` as a DNS-1123 subdomain (`IsDNS1123Subdomain`), or nil.
  public static func dns1123SubdomainError(_ value: String) -> String? {
    if value.utf8.count > 253 { return "must be no more than 253 characters" }
    let labels = value.split(separator: ".", omittingEmptySubsequences: false)
    if !labels.allSatisfy({ matchesDNS1123Label(String($0)) }) {
      return "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, "
        + "'-' or '.', and must start and end with an alphanumeric character (e.g. "
        + "'example.com', regex used for validation is '" + dns1123SubdomainFmt + "')"
    }
    return nil
  }

  /// The first problem with `value` as a DNS-1123 label (`IsDNS1123Label`), or nil.
  public static func dns1123LabelError(_ value: String) -> String? {
    if value.utf8.count > 63 { return "must be no more than 63 characters" }
    if !matchesDNS1123Label(value) {
      return "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or "
        + "'-', and must start and end with an alphanumeric character (e.g. 'my-name',  or "
        + "'123-abc', regex used for validation is '" + dns1123LabelFmt + "')"
    }
    return nil
  }

  /// The first problem with `value` as a DNS-1035 label (`IsDNS1035Label`, Service names), or nil.
  public static func dns1035LabelError(_ value: String) -> String? {
    if value.utf8.count > 63 { return "must be no more than 63 characters" }
    let u = Array(value.utf8)
    let ok =
      u.first.map { $0 >= 97 && $0 <= 122 } == true && u.last.map(isLowerAlnum) == true
      && u.allSatisfy { isLowerAlnum($0) || $0 == 45 }
    if !ok {
      return "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start "
        + "with an alphabetic character, and end with an alphanumeric character (e.g. "
        + "'my-name',  or 'abc-123', regex used for validation is '" + dns1035LabelFmt + "')"
    }
    return nil
  }
}
