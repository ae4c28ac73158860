/// Image reference normalization as the kubelet applies it (the model's `ImageReference` parses tags).
public enum ImageName {
  /// Upstream `applyDefaultImageTag` (pkg/kubelet/images/image_manager.go, v1.35): a reference
  /// with neither tag nor digest gets ":latest". A tag is a ":" after the last "/".
  public static func withDefaultTag(_ image: String) -> String {
    if image.contains("@") { return image }
    let lastSlash = image.lastIndex(of: "/")
    let lastColon = image.lastIndex(of: ":")
    if let c = lastColon, c > (lastSlash ?? image.startIndex) || lastSlash == nil { return image }
    return image + ":latest"
  }
}
