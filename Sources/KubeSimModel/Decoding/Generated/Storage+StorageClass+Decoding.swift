import KubeSimKernel
import KubeSimYAML

extension StorageClass: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> StorageClass
  {
    var v = StorageClass()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "metadata":
        d.push(key)
        v.metadata = try ObjectMeta.decode(pair.value, in: &d)
        d.pop()
      case "provisioner":
        d.push(key)
        v.provisioner = try String.decode(pair.value, in: &d)
        d.pop()
      case "parameters":
        d.push(key)
        v.parameters = try StringMap.decode(pair.value, in: &d)
        d.pop()
      case "reclaimPolicy":
        d.push(key)
        v.reclaimPolicy = try String.decode(pair.value, in: &d)
        d.pop()
      case "mountOptions":
        d.push(key)
        v.mountOptions = try d.decodeArray(pair.value)
        d.pop()
      case "allowVolumeExpansion":
        d.push(key)
        v.allowVolumeExpansion = try Bool.decode(pair.value, in: &d)
        d.pop()
      case "volumeBindingMode":
        d.push(key)
        v.volumeBindingMode = try String.decode(pair.value, in: &d)
        d.pop()
      case "apiVersion", "kind": continue
      case "allowedTopologies":
        d.ignored(pair, key: key)
      default:
        throw d.unknownField(pair, known: StorageClass.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "metadata", "provisioner", "parameters", "reclaimPolicy", "mountOptions",
    "allowVolumeExpansion", "volumeBindingMode", "allowedTopologies",
  ]
}
