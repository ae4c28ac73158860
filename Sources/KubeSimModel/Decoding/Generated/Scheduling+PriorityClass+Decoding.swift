import KubeSimKernel
import KubeSimYAML

extension PriorityClass: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> PriorityClass
  {
    var v = PriorityClass()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "metadata":
        d.push(key)
        v.metadata = try ObjectMeta.decode(pair.value, in: &d)
        d.pop()
      case "value":
        d.push(key)
        v.value = try Int32.decode(pair.value, in: &d)
        d.pop()
      case "globalDefault":
        d.push(key)
        v.globalDefault = try Bool.decode(pair.value, in: &d)
        d.pop()
      case "description":
        d.push(key)
        v.description = try String.decode(pair.value, in: &d)
        d.pop()
      case "preemptionPolicy":
        d.push(key)
        v.preemptionPolicy = try PreemptionPolicy.decode(pair.value, in: &d)
        d.pop()
      case "apiVersion", "kind": continue
      default:
        throw d.unknownField(pair, known: PriorityClass.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "metadata", "value", "globalDefault", "description", "preemptionPolicy",
  ]
}
