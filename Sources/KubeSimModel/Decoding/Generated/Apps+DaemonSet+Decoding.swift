import KubeSimKernel
import KubeSimYAML

extension DaemonSet: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> DaemonSet
  {
    var v = DaemonSet()
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
        v.spec = try DaemonSetSpec.decode(pair.value, in: &d)
        d.pop()
      case "status":
        d.push(key)
        v.status = try DaemonSetStatus.decode(pair.value, in: &d)
        d.pop()
      case "apiVersion", "kind": continue
      default:
        throw d.unknownField(pair, known: DaemonSet.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "metadata", "spec", "status",
  ]
}

extension DaemonSetSpec: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> DaemonSetSpec
  {
    var v = DaemonSetSpec()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "selector":
        d.push(key)
        v.selector = try LabelSelector.decode(pair.value, in: &d)
        d.pop()
      case "template":
        d.push(key)
        v.template = try PodTemplateSpec.decode(pair.value, in: &d)
        d.pop()
      case "updateStrategy":
        d.push(key)
        v.updateStrategy = try DaemonSetUpdateStrategy.decode(pair.value, in: &d)
        d.pop()
      case "minReadySeconds":
        d.push(key)
        v.minReadySeconds = try Int32.decode(pair.value, in: &d)
        d.pop()
      case "revisionHistoryLimit":
        d.push(key)
        v.revisionHistoryLimit = try Int32.decode(pair.value, in: &d)
        d.pop()
      default:
        throw d.unknownField(pair, known: DaemonSetSpec.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "selector", "template", "updateStrategy", "minReadySeconds", "revisionHistoryLimit",
  ]
}

extension DaemonSetUpdateStrategy: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> DaemonSetUpdateStrategy
  {
    var v = DaemonSetUpdateStrategy()
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
        v.rollingUpdate = try RollingUpdateDaemonSet.decode(pair.value, in: &d)
        d.pop()
      default:
        throw d.unknownField(pair, known: DaemonSetUpdateStrategy.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "type", "rollingUpdate",
  ]
}

extension RollingUpdateDaemonSet: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> RollingUpdateDaemonSet
  {
    var v = RollingUpdateDaemonSet()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "maxUnavailable":
        d.push(key)
        v.maxUnavailable = try IntOrString.decode(pair.value, in: &d)
        d.pop()
      case "maxSurge":
        d.push(key)
        v.maxSurge = try IntOrString.decode(pair.value, in: &d)
        d.pop()
      default:
        throw d.unknownField(pair, known: RollingUpdateDaemonSet.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "maxUnavailable", "maxSurge",
  ]
}

extension DaemonSetStatus: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> DaemonSetStatus
  {
    var v = DaemonSetStatus()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "currentNumberScheduled":
        d.push(key)
        v.currentNumberScheduled = try Int32.decode(pair.value, in: &d)
        d.pop()
      case "numberMisscheduled":
        d.push(key)
        v.numberMisscheduled = try Int32.decode(pair.value, in: &d)
        d.pop()
      case "desiredNumberScheduled":
        d.push(key)
        v.desiredNumberScheduled = try Int32.decode(pair.value, in: &d)
        d.pop()
      case "numberReady":
        d.push(key)
        v.numberReady = try Int32.decode(pair.value, in: &d)
        d.pop()
      case "observedGeneration":
        d.push(key)
        v.observedGeneration = try Int64.decode(pair.value, in: &d)
        d.pop()
      case "updatedNumberScheduled":
        d.push(key)
        v.updatedNumberScheduled = try Int32.decode(pair.value, in: &d)
        d.pop()
      case "numberAvailable":
        d.push(key)
        v.numberAvailable = try Int32.decode(pair.value, in: &d)
        d.pop()
      case "numberUnavailable":
        d.push(key)
        v.numberUnavailable = try Int32.decode(pair.value, in: &d)
        d.pop()
      case "collisionCount", "conditions":
        d.ignored(pair, key: key)
      default:
        throw d.unknownField(pair, known: DaemonSetStatus.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "currentNumberScheduled", "numberMisscheduled", "desiredNumberScheduled", "numberReady",
    "observedGeneration", "updatedNumberScheduled", "numberAvailable", "numberUnavailable",
    "collisionCount", "conditions",
  ]
}
