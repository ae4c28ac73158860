import KubeSimKernel
import KubeSimYAML

extension ReplicaSet: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> ReplicaSet
  {
    var v = ReplicaSet()
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
        v.spec = try ReplicaSetSpec.decode(pair.value, in: &d)
        d.pop()
      case "status":
        d.push(key)
        v.status = try ReplicaSetStatus.decode(pair.value, in: &d)
        d.pop()
      case "apiVersion", "kind": continue
      default:
        throw d.unknownField(pair, known: ReplicaSet.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "metadata", "spec", "status",
  ]
}

extension ReplicaSetSpec: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> ReplicaSetSpec
  {
    var v = ReplicaSetSpec()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "replicas":
        d.push(key)
        v.replicas = try Int32.decode(pair.value, in: &d)
        d.pop()
      case "minReadySeconds":
        d.push(key)
        v.minReadySeconds = try Int32.decode(pair.value, in: &d)
        d.pop()
      case "selector":
        d.push(key)
        v.selector = try LabelSelector.decode(pair.value, in: &d)
        d.pop()
      case "template":
        d.push(key)
        v.template = try PodTemplateSpec.decode(pair.value, in: &d)
        d.pop()
      default:
        throw d.unknownField(pair, known: ReplicaSetSpec.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "replicas", "minReadySeconds", "selector", "template",
  ]
}

extension ReplicaSetStatus: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> ReplicaSetStatus
  {
    var v = ReplicaSetStatus()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "replicas":
        d.push(key)
        v.replicas = try Int32.decode(pair.value, in: &d)
        d.pop()
      case "fullyLabeledReplicas":
        d.push(key)
        v.fullyLabeledReplicas = try Int32.decode(pair.value, in: &d)
        d.pop()
      case "readyReplicas":
        d.push(key)
        v.readyReplicas = try Int32.decode(pair.value, in: &d)
        d.pop()
      case "availableReplicas":
        d.push(key)
        v.availableReplicas = try Int32.decode(pair.value, in: &d)
        d.pop()
      case "terminatingReplicas":
        d.push(key)
        v.terminatingReplicas = try Int32.decode(pair.value, in: &d)
        d.pop()
      case "observedGeneration":
        d.push(key)
        v.observedGeneration = try Int64.decode(pair.value, in: &d)
        d.pop()
      case "conditions":
        d.push(key)
        v.conditions = try d.decodeArray(pair.value)
        d.pop()
      default:
        throw d.unknownField(pair, known: ReplicaSetStatus.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "replicas", "fullyLabeledReplicas", "readyReplicas", "availableReplicas", "terminatingReplicas",
    "observedGeneration", "conditions",
  ]
}

extension ReplicaSetCondition: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> ReplicaSetCondition
  {
    var v = ReplicaSetCondition()
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
        throw d.unknownField(pair, known: ReplicaSetCondition.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "type", "status", "lastTransitionTime", "reason", "message",
  ]
}
