import KubeSimKernel
import KubeSimYAML

extension PodDisruptionBudget: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> PodDisruptionBudget
  {
    var v = PodDisruptionBudget()
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
        v.spec = try PodDisruptionBudgetSpec.decode(pair.value, in: &d)
        d.pop()
      case "status":
        d.push(key)
        v.status = try PodDisruptionBudgetStatus.decode(pair.value, in: &d)
        d.pop()
      case "apiVersion", "kind": continue
      default:
        throw d.unknownField(pair, known: PodDisruptionBudget.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "metadata", "spec", "status",
  ]
}

extension PodDisruptionBudgetSpec: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> PodDisruptionBudgetSpec
  {
    var v = PodDisruptionBudgetSpec()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "minAvailable":
        d.push(key)
        v.minAvailable = try IntOrString.decode(pair.value, in: &d)
        d.pop()
      case "selector":
        d.push(key)
        v.selector = try LabelSelector.decode(pair.value, in: &d)
        d.pop()
      case "maxUnavailable":
        d.push(key)
        v.maxUnavailable = try IntOrString.decode(pair.value, in: &d)
        d.pop()
      case "unhealthyPodEvictionPolicy":
        d.push(key)
        v.unhealthyPodEvictionPolicy = try String.decode(pair.value, in: &d)
        d.pop()
      default:
        throw d.unknownField(pair, known: PodDisruptionBudgetSpec.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "minAvailable", "selector", "maxUnavailable", "unhealthyPodEvictionPolicy",
  ]
}

extension PodDisruptionBudgetStatus: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> PodDisruptionBudgetStatus
  {
    var v = PodDisruptionBudgetStatus()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "observedGeneration":
        d.push(key)
        v.observedGeneration = try Int64.decode(pair.value, in: &d)
        d.pop()
      case "disruptionsAllowed":
        d.push(key)
        v.disruptionsAllowed = try Int32.decode(pair.value, in: &d)
        d.pop()
      case "currentHealthy":
        d.push(key)
        v.currentHealthy = try Int32.decode(pair.value, in: &d)
        d.pop()
      case "desiredHealthy":
        d.push(key)
        v.desiredHealthy = try Int32.decode(pair.value, in: &d)
        d.pop()
      case "expectedPods":
        d.push(key)
        v.expectedPods = try Int32.decode(pair.value, in: &d)
        d.pop()
      case "disruptedPods", "conditions":
        d.ignored(pair, key: key)
      default:
        throw d.unknownField(pair, known: PodDisruptionBudgetStatus.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "observedGeneration", "disruptionsAllowed", "currentHealthy", "desiredHealthy", "expectedPods",
    "disruptedPods", "conditions",
  ]
}
