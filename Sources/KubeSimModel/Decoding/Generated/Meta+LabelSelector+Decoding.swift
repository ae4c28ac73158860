import KubeSimKernel
import KubeSimYAML

extension LabelSelector: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> LabelSelector
  {
    var v = LabelSelector()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "matchLabels":
        d.push(key)
        v.matchLabels = try StringMap.decode(pair.value, in: &d)
        d.pop()
      case "matchExpressions":
        d.push(key)
        v.matchExpressions = try d.decodeArray(pair.value)
        d.pop()
      default:
        throw d.unknownField(pair, known: LabelSelector.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "matchLabels", "matchExpressions",
  ]
}

extension LabelSelectorRequirement: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> LabelSelectorRequirement
  {
    var v = LabelSelectorRequirement()
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
        v.operator = try LabelSelectorOperator.decode(pair.value, in: &d)
        d.pop()
      case "values":
        d.push(key)
        v.values = try d.decodeArray(pair.value)
        d.pop()
      default:
        throw d.unknownField(pair, known: LabelSelectorRequirement.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "key", "operator", "values",
  ]
}

extension LabelSelectorOperator: ManifestDecodable {
  /// Decodes one of the values upstream accepts; anything else is an error.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> LabelSelectorOperator
  {
    try d.decodeEnum(node)
  }
}
