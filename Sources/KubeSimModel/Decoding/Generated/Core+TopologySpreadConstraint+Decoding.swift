import KubeSimKernel
import KubeSimYAML

extension TopologySpreadConstraint: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> TopologySpreadConstraint
  {
    var v = TopologySpreadConstraint()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "maxSkew":
        d.push(key)
        v.maxSkew = try Int32.decode(pair.value, in: &d)
        d.pop()
      case "topologyKey":
        d.push(key)
        v.topologyKey = try String.decode(pair.value, in: &d)
        d.pop()
      case "whenUnsatisfiable":
        d.push(key)
        v.whenUnsatisfiable = try UnsatisfiableConstraintAction.decode(pair.value, in: &d)
        d.pop()
      case "labelSelector":
        d.push(key)
        v.labelSelector = try LabelSelector.decode(pair.value, in: &d)
        d.pop()
      case "minDomains":
        d.push(key)
        v.minDomains = try Int32.decode(pair.value, in: &d)
        d.pop()
      case "nodeAffinityPolicy":
        d.push(key)
        v.nodeAffinityPolicy = try NodeInclusionPolicy.decode(pair.value, in: &d)
        d.pop()
      case "nodeTaintsPolicy":
        d.push(key)
        v.nodeTaintsPolicy = try NodeInclusionPolicy.decode(pair.value, in: &d)
        d.pop()
      case "matchLabelKeys":
        d.push(key)
        v.matchLabelKeys = try d.decodeArray(pair.value)
        d.pop()
      default:
        throw d.unknownField(pair, known: TopologySpreadConstraint.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "maxSkew", "topologyKey", "whenUnsatisfiable", "labelSelector", "minDomains",
    "nodeAffinityPolicy", "nodeTaintsPolicy", "matchLabelKeys",
  ]
}

extension UnsatisfiableConstraintAction: ManifestDecodable {
  /// Decodes one of the values upstream accepts; anything else is an error.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> UnsatisfiableConstraintAction
  {
    try d.decodeEnum(node)
  }
}

extension NodeInclusionPolicy: ManifestDecodable {
  /// Decodes one of the values upstream accepts; anything else is an error.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> NodeInclusionPolicy
  {
    try d.decodeEnum(node)
  }
}
