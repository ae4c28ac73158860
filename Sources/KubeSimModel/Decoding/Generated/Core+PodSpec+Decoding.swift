import KubeSimKernel
import KubeSimYAML

extension PodSpec: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> PodSpec
  {
    var v = PodSpec()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "volumes":
        d.push(key)
        v.volumes = try d.decodeArray(pair.value)
        d.pop()
      case "initContainers":
        d.push(key)
        v.initContainers = try d.decodeArray(pair.value)
        d.pop()
      case "containers":
        d.push(key)
        v.containers = try d.decodeArray(pair.value)
        d.pop()
      case "restartPolicy":
        d.push(key)
        v.restartPolicy = try RestartPolicy.decode(pair.value, in: &d)
        d.pop()
      case "terminationGracePeriodSeconds":
        d.push(key)
        v.terminationGracePeriodSeconds = try Int64.decode(pair.value, in: &d)
        d.pop()
      case "activeDeadlineSeconds":
        d.push(key)
        v.activeDeadlineSeconds = try Int64.decode(pair.value, in: &d)
        d.pop()
      case "dnsPolicy":
        d.push(key)
        v.dnsPolicy = try DNSPolicy.decode(pair.value, in: &d)
        d.pop()
      case "nodeSelector":
        d.push(key)
        v.nodeSelector = try StringMap.decode(pair.value, in: &d)
        d.pop()
      case "serviceAccountName":
        d.push(key)
        v.serviceAccountName = try String.decode(pair.value, in: &d)
        d.pop()
      case "nodeName":
        d.push(key)
        v.nodeName = try String.decode(pair.value, in: &d)
        d.pop()
      case "hostname":
        d.push(key)
        v.hostname = try String.decode(pair.value, in: &d)
        d.pop()
      case "subdomain":
        d.push(key)
        v.subdomain = try String.decode(pair.value, in: &d)
        d.pop()
      case "hostNetwork":
        d.push(key)
        v.hostNetwork = try Bool.decode(pair.value, in: &d)
        d.pop()
      case "affinity":
        d.push(key)
        v.affinity = try Affinity.decode(pair.value, in: &d)
        d.pop()
      case "schedulerName":
        d.push(key)
        v.schedulerName = try String.decode(pair.value, in: &d)
        d.pop()
      case "tolerations":
        d.push(key)
        v.tolerations = try d.decodeArray(pair.value)
        d.pop()
      case "priorityClassName":
        d.push(key)
        v.priorityClassName = try String.decode(pair.value, in: &d)
        d.pop()
      case "priority":
        d.push(key)
        v.priority = try Int32.decode(pair.value, in: &d)
        d.pop()
      case "enableServiceLinks":
        d.push(key)
        v.enableServiceLinks = try Bool.decode(pair.value, in: &d)
        d.pop()
      case "preemptionPolicy":
        d.push(key)
        v.preemptionPolicy = try PreemptionPolicy.decode(pair.value, in: &d)
        d.pop()
      case "overhead":
        d.push(key)
        v.overhead = try ResourceList.decode(pair.value, in: &d)
        d.pop()
      case "topologySpreadConstraints":
        d.push(key)
        v.topologySpreadConstraints = try d.decodeArray(pair.value)
        d.pop()
      case "schedulingGates":
        d.push(key)
        v.schedulingGates = try d.decodeArray(pair.value)
        d.pop()
      case "resources":
        d.push(key)
        v.resources = try ResourceRequirements.decode(pair.value, in: &d)
        d.pop()
      case "hostPID", "hostIPC", "hostUsers", "shareProcessNamespace", "securityContext",
        "imagePullSecrets", "setHostnameAsFQDN", "serviceAccount",
        "automountServiceAccountToken", "dnsConfig", "hostAliases", "readinessGates",
        "runtimeClassName", "os", "ephemeralContainers", "resourceClaims", "hostnameOverride",
        "workloadRef":
        d.ignored(pair, key: key)
      default:
        throw d.unknownField(pair, known: PodSpec.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "volumes", "initContainers", "containers", "restartPolicy", "terminationGracePeriodSeconds",
    "activeDeadlineSeconds", "dnsPolicy", "nodeSelector", "serviceAccountName", "nodeName",
    "hostNetwork", "affinity", "schedulerName", "tolerations", "priorityClassName", "priority",
    "enableServiceLinks", "preemptionPolicy", "overhead", "topologySpreadConstraints",
    "schedulingGates", "resources", "hostPID", "hostIPC", "hostUsers", "shareProcessNamespace",
    "securityContext", "imagePullSecrets", "hostname", "subdomain", "setHostnameAsFQDN",
    "serviceAccount", "automountServiceAccountToken", "dnsConfig", "hostAliases", "readinessGates",
    "runtimeClassName", "os", "ephemeralContainers", "resourceClaims", "hostnameOverride",
    "workloadRef",
  ]
}

extension PodSchedulingGate: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> PodSchedulingGate
  {
    var v = PodSchedulingGate()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "name":
        d.push(key)
        v.name = try String.decode(pair.value, in: &d)
        d.pop()
      default:
        throw d.unknownField(pair, known: PodSchedulingGate.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "name"
  ]
}

extension Volume: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> Volume
  {
    var v = Volume()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "name":
        d.push(key)
        v.name = try String.decode(pair.value, in: &d)
        d.pop()
      case "persistentVolumeClaim":
        d.push(key)
        v.persistentVolumeClaim = try PersistentVolumeClaimVolumeSource.decode(pair.value, in: &d)
        d.pop()
      case "emptyDir":
        d.push(key)
        v.emptyDir = try EmptyDirVolumeSource.decode(pair.value, in: &d)
        d.pop()
      case "hostPath":
        d.push(key)
        v.hostPath = try HostPathVolumeSource.decode(pair.value, in: &d)
        d.pop()
      case "configMap", "secret", "projected", "downwardAPI", "nfs", "csi",
        "ephemeral", "gcePersistentDisk", "awsElasticBlockStore", "gitRepo", "iscsi", "glusterfs",
        "rbd", "flexVolume", "cinder", "cephfs", "flocker", "fc", "azureFile", "vsphereVolume",
        "quobyte", "azureDisk", "photonPersistentDisk", "portworxVolume", "scaleIO", "storageos",
        "image":
        d.ignored(pair, key: key)
      default:
        throw d.unknownField(pair, known: Volume.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "name", "persistentVolumeClaim", "emptyDir", "hostPath", "configMap", "secret", "projected",
    "downwardAPI", "nfs", "csi", "ephemeral", "gcePersistentDisk", "awsElasticBlockStore",
    "gitRepo", "iscsi", "glusterfs", "rbd", "flexVolume", "cinder", "cephfs", "flocker", "fc",
    "azureFile", "vsphereVolume", "quobyte", "azureDisk", "photonPersistentDisk", "portworxVolume",
    "scaleIO", "storageos", "image",
  ]
}

extension EmptyDirVolumeSource: ManifestDecodable {
  /// Decodes a mapping; other fields are warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> EmptyDirVolumeSource
  {
    var v = EmptyDirVolumeSource()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "medium":
        d.push(key)
        v.medium = try String.decode(pair.value, in: &d)
        d.pop()
      case "sizeLimit":
        d.push(key)
        v.sizeLimit = try Quantity.decode(pair.value, in: &d)
        d.pop()
      default:
        // Fields of newer releases (e.g. emptyDir `mode`) are not modelled: warnings.
        d.ignored(pair, key: key)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = ["medium", "sizeLimit"]
}

extension HostPathVolumeSource: ManifestDecodable {
  /// Decodes a mapping; other fields are warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> HostPathVolumeSource
  {
    var v = HostPathVolumeSource()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "path":
        d.push(key)
        v.path = try String.decode(pair.value, in: &d)
        d.pop()
      case "type":
        d.push(key)
        v.type = try String.decode(pair.value, in: &d)
        d.pop()
      default:
        // Fields of newer releases (e.g. emptyDir `mode`) are not modelled: warnings.
        d.ignored(pair, key: key)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = ["path", "type"]
}

extension PersistentVolumeClaimVolumeSource: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> PersistentVolumeClaimVolumeSource
  {
    var v = PersistentVolumeClaimVolumeSource()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "claimName":
        d.push(key)
        v.claimName = try String.decode(pair.value, in: &d)
        d.pop()
      case "readOnly":
        d.push(key)
        v.readOnly = try Bool.decode(pair.value, in: &d)
        d.pop()
      default:
        throw d.unknownField(pair, known: PersistentVolumeClaimVolumeSource.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "claimName", "readOnly",
  ]
}

extension RestartPolicy: ManifestDecodable {
  /// Decodes one of the values upstream accepts; anything else is an error.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> RestartPolicy
  {
    try d.decodeEnum(node)
  }
}

extension DNSPolicy: ManifestDecodable {
  /// Decodes one of the values upstream accepts; anything else is an error.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> DNSPolicy
  {
    try d.decodeEnum(node)
  }
}

extension PreemptionPolicy: ManifestDecodable {
  /// Decodes one of the values upstream accepts; anything else is an error.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> PreemptionPolicy
  {
    try d.decodeEnum(node)
  }
}
