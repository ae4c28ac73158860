import KubeSimKernel
import KubeSimYAML

extension HorizontalPodAutoscaler: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> HorizontalPodAutoscaler
  {
    var v = HorizontalPodAutoscaler()
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
        v.spec = try HorizontalPodAutoscalerSpec.decode(pair.value, in: &d)
        d.pop()
      case "status":
        d.push(key)
        v.status = try HorizontalPodAutoscalerStatus.decode(pair.value, in: &d)
        d.pop()
      case "apiVersion", "kind": continue
      default:
        throw d.unknownField(pair, known: HorizontalPodAutoscaler.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "metadata", "spec", "status",
  ]
}

extension HorizontalPodAutoscalerSpec: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> HorizontalPodAutoscalerSpec
  {
    var v = HorizontalPodAutoscalerSpec()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "scaleTargetRef":
        d.push(key)
        v.scaleTargetRef = try CrossVersionObjectReference.decode(pair.value, in: &d)
        d.pop()
      case "minReplicas":
        d.push(key)
        v.minReplicas = try Int32.decode(pair.value, in: &d)
        d.pop()
      case "maxReplicas":
        d.push(key)
        v.maxReplicas = try Int32.decode(pair.value, in: &d)
        d.pop()
      case "metrics":
        d.push(key)
        v.metrics = try d.decodeArray(pair.value)
        d.pop()
      case "behavior":
        d.push(key)
        v.behavior = try HorizontalPodAutoscalerBehavior.decode(pair.value, in: &d)
        d.pop()
      default:
        throw d.unknownField(pair, known: HorizontalPodAutoscalerSpec.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "scaleTargetRef", "minReplicas", "maxReplicas", "metrics", "behavior",
  ]
}

extension CrossVersionObjectReference: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> CrossVersionObjectReference
  {
    var v = CrossVersionObjectReference()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "kind":
        d.push(key)
        v.kind = try String.decode(pair.value, in: &d)
        d.pop()
      case "name":
        d.push(key)
        v.name = try String.decode(pair.value, in: &d)
        d.pop()
      case "apiVersion":
        d.push(key)
        v.apiVersion = try String.decode(pair.value, in: &d)
        d.pop()
      default:
        throw d.unknownField(pair, known: CrossVersionObjectReference.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "kind", "name", "apiVersion",
  ]
}

extension MetricSpec: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> MetricSpec
  {
    var v = MetricSpec()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "type":
        d.push(key)
        v.type = try String.decode(pair.value, in: &d)
        d.pop()
      case "resource":
        d.push(key)
        v.resource = try ResourceMetricSource.decode(pair.value, in: &d)
        d.pop()
      case "containerResource":
        d.push(key)
        v.containerResource = try ContainerResourceMetricSource.decode(pair.value, in: &d)
        d.pop()
      case "pods":
        d.push(key)
        v.pods = try YAMLNode.decode(pair.value, in: &d)
        d.pop()
      case "object":
        d.push(key)
        v.object = try YAMLNode.decode(pair.value, in: &d)
        d.pop()
      case "external":
        d.push(key)
        v.external = try YAMLNode.decode(pair.value, in: &d)
        d.pop()
      default:
        throw d.unknownField(pair, known: MetricSpec.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "type", "resource", "containerResource", "pods", "object", "external",
  ]
}

extension ResourceMetricSource: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> ResourceMetricSource
  {
    var v = ResourceMetricSource()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "name":
        d.push(key)
        v.name = try String.decode(pair.value, in: &d)
        d.pop()
      case "target":
        d.push(key)
        v.target = try MetricTarget.decode(pair.value, in: &d)
        d.pop()
      default:
        throw d.unknownField(pair, known: ResourceMetricSource.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "name", "target",
  ]
}

extension ContainerResourceMetricSource: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> ContainerResourceMetricSource
  {
    var v = ContainerResourceMetricSource()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "name":
        d.push(key)
        v.name = try String.decode(pair.value, in: &d)
        d.pop()
      case "target":
        d.push(key)
        v.target = try MetricTarget.decode(pair.value, in: &d)
        d.pop()
      case "container":
        d.push(key)
        v.container = try String.decode(pair.value, in: &d)
        d.pop()
      default:
        throw d.unknownField(pair, known: ContainerResourceMetricSource.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "name", "target", "container",
  ]
}

extension MetricTarget: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> MetricTarget
  {
    var v = MetricTarget()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "type":
        d.push(key)
        v.type = try String.decode(pair.value, in: &d)
        d.pop()
      case "value":
        d.push(key)
        v.value = try Quantity.decode(pair.value, in: &d)
        d.pop()
      case "averageValue":
        d.push(key)
        v.averageValue = try Quantity.decode(pair.value, in: &d)
        d.pop()
      case "averageUtilization":
        d.push(key)
        v.averageUtilization = try Int32.decode(pair.value, in: &d)
        d.pop()
      default:
        throw d.unknownField(pair, known: MetricTarget.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "type", "value", "averageValue", "averageUtilization",
  ]
}

extension HorizontalPodAutoscalerBehavior: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> HorizontalPodAutoscalerBehavior
  {
    var v = HorizontalPodAutoscalerBehavior()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "scaleUp":
        d.push(key)
        v.scaleUp = try HPAScalingRules.decode(pair.value, in: &d)
        d.pop()
      case "scaleDown":
        d.push(key)
        v.scaleDown = try HPAScalingRules.decode(pair.value, in: &d)
        d.pop()
      default:
        throw d.unknownField(pair, known: HorizontalPodAutoscalerBehavior.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "scaleUp", "scaleDown",
  ]
}

extension HPAScalingRules: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> HPAScalingRules
  {
    var v = HPAScalingRules()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "stabilizationWindowSeconds":
        d.push(key)
        v.stabilizationWindowSeconds = try Int32.decode(pair.value, in: &d)
        d.pop()
      case "selectPolicy":
        d.push(key)
        v.selectPolicy = try String.decode(pair.value, in: &d)
        d.pop()
      case "policies":
        d.push(key)
        v.policies = try d.decodeArray(pair.value)
        d.pop()
      case "tolerance":
        d.push(key)
        v.tolerance = try Quantity.decode(pair.value, in: &d)
        d.pop()
      default:
        throw d.unknownField(pair, known: HPAScalingRules.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "stabilizationWindowSeconds", "selectPolicy", "policies", "tolerance",
  ]
}

extension HPAScalingPolicy: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> HPAScalingPolicy
  {
    var v = HPAScalingPolicy()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "type":
        d.push(key)
        v.type = try String.decode(pair.value, in: &d)
        d.pop()
      case "value":
        d.push(key)
        v.value = try Int32.decode(pair.value, in: &d)
        d.pop()
      case "periodSeconds":
        d.push(key)
        v.periodSeconds = try Int32.decode(pair.value, in: &d)
        d.pop()
      default:
        throw d.unknownField(pair, known: HPAScalingPolicy.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "type", "value", "periodSeconds",
  ]
}

extension HorizontalPodAutoscalerStatus: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> HorizontalPodAutoscalerStatus
  {
    var v = HorizontalPodAutoscalerStatus()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "observedGeneration":
        d.push(key)
        v.observedGeneration = try Int64.decode(pair.value, in: &d)
        d.pop()
      case "lastScaleTime":
        d.push(key)
        v.lastScaleTime = try SimTime.decode(pair.value, in: &d)
        d.pop()
      case "currentReplicas":
        d.push(key)
        v.currentReplicas = try Int32.decode(pair.value, in: &d)
        d.pop()
      case "desiredReplicas":
        d.push(key)
        v.desiredReplicas = try Int32.decode(pair.value, in: &d)
        d.pop()
      case "currentMetrics":
        d.push(key)
        v.currentMetrics = try YAMLNode.decode(pair.value, in: &d)
        d.pop()
      case "conditions":
        d.push(key)
        v.conditions = try d.decodeArray(pair.value)
        d.pop()
      default:
        throw d.unknownField(pair, known: HorizontalPodAutoscalerStatus.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "observedGeneration", "lastScaleTime", "currentReplicas", "desiredReplicas", "currentMetrics",
    "conditions",
  ]
}

extension HorizontalPodAutoscalerCondition: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> HorizontalPodAutoscalerCondition
  {
    var v = HorizontalPodAutoscalerCondition()
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
        throw d.unknownField(pair, known: HorizontalPodAutoscalerCondition.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "type", "status", "lastTransitionTime", "reason", "message",
  ]
}
