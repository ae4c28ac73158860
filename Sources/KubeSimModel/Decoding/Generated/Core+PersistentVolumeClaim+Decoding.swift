import KubeSimKernel
import KubeSimYAML

extension PersistentVolumeClaim: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> PersistentVolumeClaim
  {
    var v = PersistentVolumeClaim()
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
        v.spec = try PersistentVolumeClaimSpec.decode(pair.value, in: &d)
        d.pop()
      case "status":
        d.push(key)
        v.status = try PersistentVolumeClaimStatus.decode(pair.value, in: &d)
        d.pop()
      case "apiVersion", "kind": continue
      default:
        throw d.unknownField(pair, known: PersistentVolumeClaim.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "metadata", "spec", "status",
  ]
}

extension PersistentVolumeClaimSpec: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> PersistentVolumeClaimSpec
  {
    var v = PersistentVolumeClaimSpec()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "accessModes":
        d.push(key)
        v.accessModes = try d.decodeArray(pair.value)
        d.pop()
      case "selector":
        d.push(key)
        v.selector = try LabelSelector.decode(pair.value, in: &d)
        d.pop()
      case "resources":
        d.push(key)
        v.resources = try VolumeResourceRequirements.decode(pair.value, in: &d)
        d.pop()
      case "volumeName":
        d.push(key)
        v.volumeName = try String.decode(pair.value, in: &d)
        d.pop()
      case "storageClassName":
        d.push(key)
        v.storageClassName = try String.decode(pair.value, in: &d)
        d.pop()
      case "volumeMode":
        d.push(key)
        v.volumeMode = try String.decode(pair.value, in: &d)
        d.pop()
      case "dataSource", "dataSourceRef", "volumeAttributesClassName":
        d.ignored(pair, key: key)
      default:
        throw d.unknownField(pair, known: PersistentVolumeClaimSpec.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "accessModes", "selector", "resources", "volumeName", "storageClassName", "volumeMode",
    "dataSource", "dataSourceRef", "volumeAttributesClassName",
  ]
}

extension VolumeResourceRequirements: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> VolumeResourceRequirements
  {
    var v = VolumeResourceRequirements()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "limits":
        d.push(key)
        v.limits = try ResourceList.decode(pair.value, in: &d)
        d.pop()
      case "requests":
        d.push(key)
        v.requests = try ResourceList.decode(pair.value, in: &d)
        d.pop()
      default:
        throw d.unknownField(pair, known: VolumeResourceRequirements.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "limits", "requests",
  ]
}

extension PersistentVolumeClaimStatus: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> PersistentVolumeClaimStatus
  {
    var v = PersistentVolumeClaimStatus()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "phase":
        d.push(key)
        v.phase = try String.decode(pair.value, in: &d)
        d.pop()
      case "accessModes":
        d.push(key)
        v.accessModes = try d.decodeArray(pair.value)
        d.pop()
      case "capacity":
        d.push(key)
        v.capacity = try ResourceList.decode(pair.value, in: &d)
        d.pop()
      case "conditions", "allocatedResources", "allocatedResourceStatuses",
        "currentVolumeAttributesClassName", "modifyVolumeStatus":
        d.ignored(pair, key: key)
      default:
        throw d.unknownField(pair, known: PersistentVolumeClaimStatus.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "phase", "accessModes", "capacity", "conditions", "allocatedResources",
    "allocatedResourceStatuses", "currentVolumeAttributesClassName", "modifyVolumeStatus",
  ]
}
