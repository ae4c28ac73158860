import KubeSimKernel
import KubeSimYAML

extension ConfigMap: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> ConfigMap
  {
    var v = ConfigMap()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "metadata":
        d.push(key)
        v.metadata = try ObjectMeta.decode(pair.value, in: &d)
        d.pop()
      case "immutable":
        d.push(key)
        v.immutable = try Bool.decode(pair.value, in: &d)
        d.pop()
      case "data":
        d.push(key)
        v.data = try StringMap.decode(pair.value, in: &d)
        d.pop()
      case "binaryData":
        d.push(key)
        v.binaryData = try StringMap.decode(pair.value, in: &d)
        d.pop()
      case "apiVersion", "kind": continue
      default:
        throw d.unknownField(pair, known: ConfigMap.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "metadata", "immutable", "data", "binaryData",
  ]
}
