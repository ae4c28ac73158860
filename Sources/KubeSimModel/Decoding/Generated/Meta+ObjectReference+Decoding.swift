import KubeSimKernel
import KubeSimYAML

extension ObjectReference: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> ObjectReference
  {
    var v = ObjectReference()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "kind":
        d.push(key)
        v.kind = try String.decode(pair.value, in: &d)
        d.pop()
      case "namespace":
        d.push(key)
        v.namespace = try String.decode(pair.value, in: &d)
        d.pop()
      case "name":
        d.push(key)
        v.name = try String.decode(pair.value, in: &d)
        d.pop()
      case "uid":
        d.push(key)
        v.uid = try String.decode(pair.value, in: &d)
        d.pop()
      case "apiVersion":
        d.push(key)
        v.apiVersion = try String.decode(pair.value, in: &d)
        d.pop()
      case "resourceVersion":
        d.push(key)
        v.resourceVersion = try String.decode(pair.value, in: &d)
        d.pop()
      case "fieldPath":
        d.push(key)
        v.fieldPath = try String.decode(pair.value, in: &d)
        d.pop()
      default:
        throw d.unknownField(pair, known: ObjectReference.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "kind", "namespace", "name", "uid", "apiVersion", "resourceVersion", "fieldPath",
  ]
}
