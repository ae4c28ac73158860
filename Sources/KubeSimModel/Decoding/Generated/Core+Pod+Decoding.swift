import KubeSimKernel
import KubeSimYAML

extension Pod: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> Pod
  {
    var v = Pod()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "metadata":
        d.push(key)
        v.metadata = try ObjectMeta.decode(pair.value, in: &d)
        d.pop()
      case "spec":
        d.push(key)
        v.spec = try PodSpec.decode(pair.value, in: &d)
        d.pop()
      case "status":
        d.push(key)
        v.status = try PodStatus.decode(pair.value, in: &d)
        d.pop()
      case "apiVersion", "kind": continue
      default:
        throw d.unknownField(pair, known: Pod.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "metadata", "spec", "status",
  ]
}
