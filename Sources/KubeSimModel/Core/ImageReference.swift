/// Splits container image references the way upstream `parsers.ParseImageName`
/// (`pkg/util/parsers/parsers.go`, over `github.com/distribution/reference`) reports tags.
public enum ImageReference {
  /// The tag of `image`: the text after the last `:` of the last path component, before any
  /// `@digest`; `"latest"` when there is neither a tag nor a digest; `""` when there is a digest
  /// but no tag.
  ///
  /// `nginx` → `latest`, `nginx:1.27` → `1.27`, `registry:5000/app` → `latest`,
  /// `nginx@sha256:…` → `""`, `nginx:1.27@sha256:…` → `1.27`.
  public static func tag(of image: String) -> String {
    var name = Substring(image)
    var hasDigest = false
    if let at = name.firstIndex(of: "@") {
      hasDigest = true
      name = name[..<at]
    }
    let lastComponent = name.split(separator: "/", omittingEmptySubsequences: false).last ?? name
    if let colon = lastComponent.lastIndex(of: ":") {
      return String(lastComponent[lastComponent.index(after: colon)...])
    }
    return hasDigest ? "" : "latest"
  }
}
