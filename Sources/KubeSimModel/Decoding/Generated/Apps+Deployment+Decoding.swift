import KubeSimKernel
import KubeSimYAML

extension Deployment: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> Deployment
  {
    var v = Deployment()
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
        v.spec = try DeploymentSpec.decode(pair.value, in: &d)
        d.pop()
      case "status":
        d.push(key)
        v.status = try DeploymentStatus.decode(pair.value, in: &d)
        d.pop()
      case "apiVersion", "kind": continue
      default:
        throw d.unknownField(pair, known: Deployment.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "metadata", "spec", "status",
  ]
}

extension DeploymentSpec: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> DeploymentSpec
  {
    var v = DeploymentSpec()
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
      case "strategy":
        d.push(key)
        v.strategy = try DeploymentStrategy.decode(pair.value, in: &d)
        d.pop()
      case "minReadySeconds":
        d.push(key)
        v.minReadySeconds = try Int32.decode(pair.value, in: &d)
        d.pop()
      case "revisionHistoryLimit":
        d.push(key)
        v.revisionHistoryLimit = try Int32.decode(pair.value, in: &d)
        d.pop()
      case "paused":
        d.push(key)
        v.paused = try Bool.decode(pair.value, in: &d)
        d.pop()
      case "progressDeadlineSeconds":
        d.push(key)
        v.progressDeadlineSeconds = try Int32.decode(pair.value, in: &d)
        d.pop()
      default:
        throw d.unknownField(pair, known: DeploymentSpec.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "replicas", "selector", "template", "strategy", "minReadySeconds", "revisionHistoryLimit",
    "paused", "progressDeadlineSeconds",
  ]
}

extension DeploymentStrategy: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> DeploymentStrategy
  {
    var v = DeploymentStrategy()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "type":
        d.push(key)
        v.type = try DeploymentStrategyType.decode(pair.value, in: &d)
        d.pop()
      case "rollingUpdate":
        d.push(key)
        v.rollingUpdate = try RollingUpdateDeployment.decode(pair.value, in: &d)
        d.pop()
      default:
        throw d.unknownField(pair, known: DeploymentStrategy.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "type", "rollingUpdate",
  ]
}

extension RollingUpdateDeployment: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> RollingUpdateDeployment
  {
    var v = RollingUpdateDeployment()
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
        throw d.unknownField(pair, known: RollingUpdateDeployment.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "maxUnavailable", "maxSurge",
  ]
}

extension DeploymentStrategyType: ManifestDecodable {
  /// Decodes one of the values upstream accepts; anything else is an error.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> DeploymentStrategyType
  {
    try d.decodeEnum(node)
  }
}

extension DeploymentStatus: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> DeploymentStatus
  {
    var v = DeploymentStatus()
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
      case "updatedReplicas":
        d.push(key)
        v.updatedReplicas = try Int32.decode(pair.value, in: &d)
        d.pop()
      case "readyReplicas":
        d.push(key)
        v.readyReplicas = try Int32.decode(pair.value, in: &d)
        d.pop()
      case "availableReplicas":
        d.push(key)
        v.availableReplicas = try Int32.decode(pair.value, in: &d)
        d.pop()
      case "unavailableReplicas":
        d.push(key)
        v.unavailableReplicas = try Int32.decode(pair.value, in: &d)
        d.pop()
      case "terminatingReplicas":
        d.push(key)
        v.terminatingReplicas = try Int32.decode(pair.value, in: &d)
        d.pop()
      case "conditions":
        d.push(key)
        v.conditions = try d.decodeArray(pair.value)
        d.pop()
      case "collisionCount":
        d.push(key)
        v.collisionCount = try Int32.decode(pair.value, in: &d)
        d.pop()
      default:
        throw d.unknownField(pair, known: DeploymentStatus.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "observedGeneration", "replicas", "updatedReplicas", "readyReplicas", "availableReplicas",
    "unavailableReplicas", "terminatingReplicas", "conditions", "collisionCount",
  ]
}

extension DeploymentCondition: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> DeploymentCondition
  {
    var v = DeploymentCondition()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "type":
        d.push(key)
        v.type = try String.decode(pair.value, in: &d)
        d.pop()
      case "status":
        d.push(key)
        v.status = try ConditionStatus.decode(pair.value, in: &d)
        d.pop()
      case "lastUpdateTime":
        d.push(key)
        v.lastUpdateTime = try SimTime.decode(pair.value, in: &d)
        d.pop()
      case "lastTransitionTime":
        d.push(key)
        v.lastTransitionTime = try SimTime.decode(pair.value, in: &d)
        d.pop()
      case "reason":
        d.push(key)
        v.reason = try String.decode(pair.value, in: &d)
        d.pop()
      case "message":
        d.push(key)
        v.message = try String.decode(pair.value, in: &d)
        d.pop()
      default:
        throw d.unknownField(pair, known: DeploymentCondition.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "type", "status", "lastUpdateTime", "lastTransitionTime", "reason", "message",
  ]
}
