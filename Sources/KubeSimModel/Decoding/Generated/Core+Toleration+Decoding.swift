import KubeSimKernel
import KubeSimYAML

extension Toleration: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> Toleration
  {
    var v = Toleration()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "key":
        d.push(key)
        v.key = try String.decode(pair.value, in: &d)
        d.pop()
      case "operator":
        d.push(key)
        v.operator = try TolerationOperator.decode(pair.value, in: &d)
        d.pop()
      case "value":
        d.push(key)
        v.value = try String.decode(pair.value, in: &d)
        d.pop()
      case "effect":
        d.push(key)
        v.effect = try TaintEffect.decode(pair.value, in: &d)
        d.pop()
      case "tolerationSeconds":
        d.push(key)
        v.tolerationSeconds = try Int64.decode(pair.value, in: &d)
        d.pop()
      default:
        throw d.unknownField(pair, known: Toleration.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "key", "operator", "value", "effect", "tolerationSeconds",
  ]
}

extension TolerationOperator: ManifestDecodable {
  /// Decodes one of the values upstream accepts; anything else is an error.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> TolerationOperator
  {
    try d.decodeEnum(node)
  }
}
