import KubeSimKernel
import KubeSimYAML

extension StatefulSet: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> StatefulSet
  {
    var v = StatefulSet()
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
        v.spec = try StatefulSetSpec.decode(pair.value, in: &d)
        d.pop()
      case "status":
        d.push(key)
        v.status = try StatefulSetStatus.decode(pair.value, in: &d)
        d.pop()
      case "apiVersion", "kind": continue
      default:
        throw d.unknownField(pair, known: StatefulSet.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "metadata", "spec", "status",
  ]
}

extension StatefulSetSpec: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> StatefulSetSpec
  {
    var v = StatefulSetSpec()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "replicas":
        d.push(key)
        v.replicas = try Int32.decode(pair.value, in: &d)
        d.pop()
      case "selector":
        d.push(key)
        v.selector = try LabelSelector.decode(pair.value, in: &d)
        d.pop()
      case "template":
        d.push(key)
        v.template = try PodTemplateSpec.decode(pair.value, in: &d)
        d.pop()
      case "volumeClaimTemplates":
        d.push(key)
        v.volumeClaimTemplates = try d.decodeArray(pair.value)
        d.pop()
      case "serviceName":
        d.push(key)
        v.serviceName = try String.decode(pair.value, in: &d)
        d.pop()
      case "podManagementPolicy":
        d.push(key)
        v.podManagementPolicy = try String.decode(pair.value, in: &d)
        d.pop()
      case "updateStrategy":
        d.push(key)
        v.updateStrategy = try StatefulSetUpdateStrategy.decode(pair.value, in: &d)
        d.pop()
      case "revisionHistoryLimit":
        d.push(key)
        v.revisionHistoryLimit = try Int32.decode(pair.value, in: &d)
        d.pop()
      case "minReadySeconds":
        d.push(key)
        v.minReadySeconds = try Int32.decode(pair.value, in: &d)
        d.pop()
      case "persistentVolumeClaimRetentionPolicy":
        d.push(key)
        v.persistentVolumeClaimRetentionPolicy =
          try StatefulSetPersistentVolumeClaimRetentionPolicy.decode(pair.value, in: &d)
        d.pop()
      case "ordinals":
        d.push(key)
        v.ordinals = try StatefulSetOrdinals.decode(pair.value, in: &d)
        d.pop()
      default:
        throw d.unknownField(pair, known: StatefulSetSpec.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "replicas", "selector", "template", "volumeClaimTemplates", "serviceName",
    "podManagementPolicy", "updateStrategy", "revisionHistoryLimit", "minReadySeconds",
    "persistentVolumeClaimRetentionPolicy", "ordinals",
  ]
}

extension StatefulSetUpdateStrategy: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> StatefulSetUpdateStrategy
  {
    var v = StatefulSetUpdateStrategy()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "type":
        d.push(key)
        v.type = try String.decode(pair.value, in: &d)
        d.pop()
      case "rollingUpdate":
        d.push(key)
        v.rollingUpdate = try RollingUpdateStatefulSetStrategy.decode(pair.value, in: &d)
        d.pop()
      default:
        throw d.unknownField(pair, known: StatefulSetUpdateStrategy.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "type", "rollingUpdate",
  ]
}

extension RollingUpdateStatefulSetStrategy: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> RollingUpdateStatefulSetStrategy
  {
    var v = RollingUpdateStatefulSetStrategy()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "partition":
        d.push(key)
        v.partition = try Int32.decode(pair.value, in: &d)
        d.pop()
      case "maxUnavailable":
        d.push(key)
        v.maxUnavailable = try IntOrString.decode(pair.value, in: &d)
        d.pop()
      default:
        throw d.unknownField(pair, known: RollingUpdateStatefulSetStrategy.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "partition", "maxUnavailable",
  ]
}

extension StatefulSetPersistentVolumeClaimRetentionPolicy: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> StatefulSetPersistentVolumeClaimRetentionPolicy
  {
    var v = StatefulSetPersistentVolumeClaimRetentionPolicy()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "whenDeleted":
        d.push(key)
        v.whenDeleted = try String.decode(pair.value, in: &d)
        d.pop()
      case "whenScaled":
        d.push(key)
        v.whenScaled = try String.decode(pair.value, in: &d)
        d.pop()
      default:
        throw d.unknownField(
          pair, known: StatefulSetPersistentVolumeClaimRetentionPolicy.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "whenDeleted", "whenScaled",
  ]
}

extension StatefulSetOrdinals: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> StatefulSetOrdinals
  {
    var v = StatefulSetOrdinals()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "start":
        d.push(key)
        v.start = try Int32.decode(pair.value, in: &d)
        d.pop()
      default:
        throw d.unknownField(pair, known: StatefulSetOrdinals.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "start"
  ]
}

extension StatefulSetStatus: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> StatefulSetStatus
  {
    var v = StatefulSetStatus()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "observedGeneration":
        d.push(key)
        v.observedGeneration = try Int64.decode(pair.value, in: &d)
        d.pop()
      case "replicas":
        d.push(key)
        v.replicas = try Int32.decode(pair.value, in: &d)
        d.pop()
      case "readyReplicas":
        d.push(key)
        v.readyReplicas = try Int32.decode(pair.value, in: &d)
        d.pop()
      case "currentReplicas":
        d.push(key)
        v.currentReplicas = try Int32.decode(pair.value, in: &d)
        d.pop()
      case "updatedReplicas":
        d.push(key)
        v.updatedReplicas = try Int32.decode(pair.value, in: &d)
        d.pop()
      case "currentRevision":
        d.push(key)
        v.currentRevision = try String.decode(pair.value, in: &d)
        d.pop()
      case "updateRevision":
        d.push(key)
        v.updateRevision = try String.decode(pair.value, in: &d)
        d.pop()
      case "availableReplicas":
        d.push(key)
        v.availableReplicas = try Int32.decode(pair.value, in: &d)
        d.pop()
      case "collisionCount", "conditions":
        d.ignored(pair, key: key)
      default:
        throw d.unknownField(pair, known: StatefulSetStatus.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "observedGeneration", "replicas", "readyReplicas", "currentReplicas", "updatedReplicas",
    "currentRevision", "updateRevision", "availableReplicas", "collisionCount", "conditions",
  ]
}
