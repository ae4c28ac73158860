import KubeSimKernel
import KubeSimYAML

extension OwnerReference: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> OwnerReference
  {
    var v = OwnerReference()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "apiVersion":
        d.push(key)
        v.apiVersion = try String.decode(pair.value, in: &d)
        d.pop()
      case "kind":
        d.push(key)
        v.kind = try String.decode(pair.value, in: &d)
        d.pop()
      case "name":
        d.push(key)
        v.name = try String.decode(pair.value, in: &d)
        d.pop()
      case "uid":
        d.push(key)
        v.uid = try String.decode(pair.value, in: &d)
        d.pop()
      case "controller":
        d.push(key)
        v.controller = try Bool.decode(pair.value, in: &d)
        d.pop()
      case "blockOwnerDeletion":
        d.push(key)
        v.blockOwnerDeletion = try Bool.decode(pair.value, in: &d)
        d.pop()
      default:
        throw d.unknownField(pair, known: OwnerReference.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "apiVersion", "kind", "name", "uid", "controller", "blockOwnerDeletion",
  ]
}
