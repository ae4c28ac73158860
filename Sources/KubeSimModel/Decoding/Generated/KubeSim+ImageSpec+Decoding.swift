import KubeSimKernel
import KubeSimYAML

extension ImageSpec: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> ImageSpec
  {
    var v = ImageSpec()
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
        v.spec = try ImageSpecSpec.decode(pair.value, in: &d)
        d.pop()
      case "apiVersion", "kind": continue
      default:
        throw d.unknownField(pair, known: ImageSpec.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "metadata", "spec",
  ]
}

extension ImageSpecSpec: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> ImageSpecSpec
  {
    var v = ImageSpecSpec()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "reference":
        d.push(key)
        v.reference = try String.decode(pair.value, in: &d)
        d.pop()
      case "aliases":
        d.push(key)
        v.aliases = try d.decodeArray(pair.value)
        d.pop()
      case "layers":
        d.push(key)
        v.layers = try d.decodeArray(pair.value)
        d.pop()
      case "unpullable":
        d.push(key)
        v.unpullable = try Bool.decode(pair.value, in: &d)
        d.pop()
      default:
        throw d.unknownField(pair, known: ImageSpecSpec.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "reference", "aliases", "layers", "unpullable",
  ]
}

extension ImageLayer: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> ImageLayer
  {
    var v = ImageLayer()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "digest":
        d.push(key)
        v.digest = try String.decode(pair.value, in: &d)
        d.pop()
      case "size":
        d.push(key)
        v.size = try Quantity.decode(pair.value, in: &d)
        d.pop()
      default:
        throw d.unknownField(pair, known: ImageLayer.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "digest", "size",
  ]
}
