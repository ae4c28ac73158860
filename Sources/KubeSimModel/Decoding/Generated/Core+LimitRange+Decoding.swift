import KubeSimKernel
import KubeSimYAML

extension LimitRange: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> LimitRange
  {
    var v = LimitRange()
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
        v.spec = try LimitRangeSpec.decode(pair.value, in: &d)
        d.pop()
      case "apiVersion", "kind": continue
      default:
        throw d.unknownField(pair, known: LimitRange.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "metadata", "spec",
  ]
}

extension LimitRangeSpec: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> LimitRangeSpec
  {
    var v = LimitRangeSpec()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "limits":
        d.push(key)
        v.limits = try d.decodeArray(pair.value)
        d.pop()
      default:
        throw d.unknownField(pair, known: LimitRangeSpec.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "limits"
  ]
}

extension LimitRangeItem: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> LimitRangeItem
  {
    var v = LimitRangeItem()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "type":
        d.push(key)
        v.type = try String.decode(pair.value, in: &d)
        d.pop()
      case "max":
        d.push(key)
        v.max = try ResourceList.decode(pair.value, in: &d)
        d.pop()
      case "min":
        d.push(key)
        v.min = try ResourceList.decode(pair.value, in: &d)
        d.pop()
      case "default":
        d.push(key)
        v.default = try ResourceList.decode(pair.value, in: &d)
        d.pop()
      case "defaultRequest":
        d.push(key)
        v.defaultRequest = try ResourceList.decode(pair.value, in: &d)
        d.pop()
      case "maxLimitRequestRatio":
        d.push(key)
        v.maxLimitRequestRatio = try ResourceList.decode(pair.value, in: &d)
        d.pop()
      default:
        throw d.unknownField(pair, known: LimitRangeItem.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "type", "max", "min", "default", "defaultRequest", "maxLimitRequestRatio",
  ]
}
