import KubeSimKernel
import KubeSimYAML

extension PersistentVolume: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> PersistentVolume
  {
    var v = PersistentVolume()
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
        v.spec = try PersistentVolumeSpec.decode(pair.value, in: &d)
        d.pop()
      case "status":
        d.push(key)
        v.status = try PersistentVolumeStatus.decode(pair.value, in: &d)
        d.pop()
      case "apiVersion", "kind": continue
      default:
        throw d.unknownField(pair, known: PersistentVolume.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "metadata", "spec", "status",
  ]
}

extension PersistentVolumeSpec: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> PersistentVolumeSpec
  {
    var v = PersistentVolumeSpec()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "capacity":
        d.push(key)
        v.capacity = try ResourceList.decode(pair.value, in: &d)
        d.pop()
      case "accessModes":
        d.push(key)
        v.accessModes = try d.decodeArray(pair.value)
        d.pop()
      case "claimRef":
        d.push(key)
        v.claimRef = try ObjectReference.decode(pair.value, in: &d)
        d.pop()
      case "persistentVolumeReclaimPolicy":
        d.push(key)
        v.persistentVolumeReclaimPolicy = try String.decode(pair.value, in: &d)
        d.pop()
      case "storageClassName":
        d.push(key)
        v.storageClassName = try String.decode(pair.value, in: &d)
        d.pop()
      case "volumeMode":
        d.push(key)
        v.volumeMode = try String.decode(pair.value, in: &d)
        d.pop()
      case "nodeAffinity":
        d.push(key)
        v.nodeAffinity = try VolumeNodeAffinity.decode(pair.value, in: &d)
        d.pop()
      case "csi":
        d.push(key)
        v.csi = try CSIPersistentVolumeSource.decode(pair.value, in: &d)
        d.pop()
      case "mountOptions", "hostPath", "nfs", "local", "gcePersistentDisk",
        "awsElasticBlockStore", "iscsi", "glusterfs", "rbd", "cephfs", "fc", "flexVolume",
        "azureFile", "azureDisk", "vsphereVolume", "portworxVolume", "scaleIO", "storageos",
        "photonPersistentDisk", "quobyte", "cinder", "flocker", "volumeAttributesClassName":
        d.ignored(pair, key: key)
      default:
        throw d.unknownField(pair, known: PersistentVolumeSpec.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "capacity", "accessModes", "claimRef", "persistentVolumeReclaimPolicy", "storageClassName",
    "volumeMode", "nodeAffinity", "mountOptions", "hostPath", "nfs", "local", "csi",
    "gcePersistentDisk", "awsElasticBlockStore", "iscsi", "glusterfs", "rbd", "cephfs", "fc",
    "flexVolume", "azureFile", "azureDisk", "vsphereVolume", "portworxVolume", "scaleIO",
    "storageos", "photonPersistentDisk", "quobyte", "cinder", "flocker",
    "volumeAttributesClassName",
  ]
}

extension VolumeNodeAffinity: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> VolumeNodeAffinity
  {
    var v = VolumeNodeAffinity()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "required":
        d.push(key)
        v.required = try NodeSelector.decode(pair.value, in: &d)
        d.pop()
      default:
        throw d.unknownField(pair, known: VolumeNodeAffinity.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "required"
  ]
}

extension PersistentVolumeStatus: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> PersistentVolumeStatus
  {
    var v = PersistentVolumeStatus()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "phase":
        d.push(key)
        v.phase = try String.decode(pair.value, in: &d)
        d.pop()
      case "message", "reason", "lastPhaseTransitionTime":
        d.ignored(pair, key: key)
      default:
        throw d.unknownField(pair, known: PersistentVolumeStatus.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "phase", "message", "reason", "lastPhaseTransitionTime",
  ]
}

extension CSIPersistentVolumeSource: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> CSIPersistentVolumeSource
  {
    var v = CSIPersistentVolumeSource()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "driver":
        d.push(key)
        v.driver = try String.decode(pair.value, in: &d)
        d.pop()
      case "volumeHandle":
        d.push(key)
        v.volumeHandle = try String.decode(pair.value, in: &d)
        d.pop()
      case "readOnly":
        d.push(key)
        v.readOnly = try Bool.decode(pair.value, in: &d)
        d.pop()
      case "fsType", "volumeAttributes", "controllerPublishSecretRef", "nodeStageSecretRef",
        "nodePublishSecretRef", "controllerExpandSecretRef", "nodeExpandSecretRef":
        d.ignored(pair, key: key)
      default:
        throw d.unknownField(pair, known: CSIPersistentVolumeSource.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "driver", "volumeHandle", "readOnly", "fsType", "volumeAttributes",
    "controllerPublishSecretRef", "nodeStageSecretRef", "nodePublishSecretRef",
    "controllerExpandSecretRef", "nodeExpandSecretRef",
  ]
}
