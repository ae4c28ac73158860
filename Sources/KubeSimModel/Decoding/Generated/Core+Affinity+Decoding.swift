import KubeSimKernel
import KubeSimYAML

extension Affinity: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> Affinity
  {
    var v = Affinity()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "nodeAffinity":
        d.push(key)
        v.nodeAffinity = try NodeAffinity.decode(pair.value, in: &d)
        d.pop()
      case "podAffinity":
        d.push(key)
        v.podAffinity = try PodAffinity.decode(pair.value, in: &d)
        d.pop()
      case "podAntiAffinity":
        d.push(key)
        v.podAntiAffinity = try PodAntiAffinity.decode(pair.value, in: &d)
        d.pop()
      default:
        throw d.unknownField(pair, known: Affinity.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "nodeAffinity", "podAffinity", "podAntiAffinity",
  ]
}

extension NodeAffinity: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> NodeAffinity
  {
    var v = NodeAffinity()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "requiredDuringSchedulingIgnoredDuringExecution":
        d.push(key)
        v.requiredDuringSchedulingIgnoredDuringExecution = try NodeSelector.decode(
          pair.value, in: &d)
        d.pop()
      case "preferredDuringSchedulingIgnoredDuringExecution":
        d.push(key)
        v.preferredDuringSchedulingIgnoredDuringExecution = try d.decodeArray(pair.value)
        d.pop()
      default:
        throw d.unknownField(pair, known: NodeAffinity.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "requiredDuringSchedulingIgnoredDuringExecution",
    "preferredDuringSchedulingIgnoredDuringExecution",
  ]
}

extension NodeSelector: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> NodeSelector
  {
    var v = NodeSelector()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "nodeSelectorTerms":
        d.push(key)
        v.nodeSelectorTerms = try d.decodeArray(pair.value)
        d.pop()
      default:
        throw d.unknownField(pair, known: NodeSelector.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "nodeSelectorTerms"
  ]
}

extension NodeSelectorTerm: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> NodeSelectorTerm
  {
    var v = NodeSelectorTerm()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "matchExpressions":
        d.push(key)
        v.matchExpressions = try d.decodeArray(pair.value)
        d.pop()
      case "matchFields":
        d.push(key)
        v.matchFields = try d.decodeArray(pair.value)
        d.pop()
      default:
        throw d.unknownField(pair, known: NodeSelectorTerm.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "matchExpressions", "matchFields",
  ]
}

extension NodeSelectorRequirement: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> NodeSelectorRequirement
  {
    var v = NodeSelectorRequirement()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "key":
        d.push(key)
        v.key = try String.decode(pair.value, in: &d)
        d.pop()
      case "operator":
        d.push(key)
        v.operator = try NodeSelectorOperator.decode(pair.value, in: &d)
        d.pop()
      case "values":
        d.push(key)
        v.values = try d.decodeArray(pair.value)
        d.pop()
      default:
        throw d.unknownField(pair, known: NodeSelectorRequirement.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "key", "operator", "values",
  ]
}

extension NodeSelectorOperator: ManifestDecodable {
  /// Decodes one of the values upstream accepts; anything else is an error.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> NodeSelectorOperator
  {
    try d.decodeEnum(node)
  }
}

extension PreferredSchedulingTerm: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> PreferredSchedulingTerm
  {
    var v = PreferredSchedulingTerm()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "weight":
        d.push(key)
        v.weight = try Int32.decode(pair.value, in: &d)
        d.pop()
      case "preference":
        d.push(key)
        v.preference = try NodeSelectorTerm.decode(pair.value, in: &d)
        d.pop()
      default:
        throw d.unknownField(pair, known: PreferredSchedulingTerm.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "weight", "preference",
  ]
}

extension PodAffinity: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> PodAffinity
  {
    var v = PodAffinity()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "requiredDuringSchedulingIgnoredDuringExecution":
        d.push(key)
        v.requiredDuringSchedulingIgnoredDuringExecution = try d.decodeArray(pair.value)
        d.pop()
      case "preferredDuringSchedulingIgnoredDuringExecution":
        d.push(key)
        v.preferredDuringSchedulingIgnoredDuringExecution = try d.decodeArray(pair.value)
        d.pop()
      default:
        throw d.unknownField(pair, known: PodAffinity.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "requiredDuringSchedulingIgnoredDuringExecution",
    "preferredDuringSchedulingIgnoredDuringExecution",
  ]
}

extension PodAntiAffinity: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> PodAntiAffinity
  {
    var v = PodAntiAffinity()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "requiredDuringSchedulingIgnoredDuringExecution":
        d.push(key)
        v.requiredDuringSchedulingIgnoredDuringExecution = try d.decodeArray(pair.value)
        d.pop()
      case "preferredDuringSchedulingIgnoredDuringExecution":
        d.push(key)
        v.preferredDuringSchedulingIgnoredDuringExecution = try d.decodeArray(pair.value)
        d.pop()
      default:
        throw d.unknownField(pair, known: PodAntiAffinity.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "requiredDuringSchedulingIgnoredDuringExecution",
    "preferredDuringSchedulingIgnoredDuringExecution",
  ]
}

extension PodAffinityTerm: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> PodAffinityTerm
  {
    var v = PodAffinityTerm()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "labelSelector":
        d.push(key)
        v.labelSelector = try LabelSelector.decode(pair.value, in: &d)
        d.pop()
      case "namespaces":
        d.push(key)
        v.namespaces = try d.decodeArray(pair.value)
        d.pop()
      case "topologyKey":
        d.push(key)
        v.topologyKey = try String.decode(pair.value, in: &d)
        d.pop()
      case "namespaceSelector":
        d.push(key)
        v.namespaceSelector = try LabelSelector.decode(pair.value, in: &d)
        d.pop()
      case "matchLabelKeys":
        d.push(key)
        v.matchLabelKeys = try d.decodeArray(pair.value)
        d.pop()
      case "mismatchLabelKeys":
        d.push(key)
        v.mismatchLabelKeys = try d.decodeArray(pair.value)
        d.pop()
      default:
        throw d.unknownField(pair, known: PodAffinityTerm.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "labelSelector", "namespaces", "topologyKey", "namespaceSelector", "matchLabelKeys",
    "mismatchLabelKeys",
  ]
}

extension WeightedPodAffinityTerm: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> WeightedPodAffinityTerm
  {
    var v = WeightedPodAffinityTerm()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "weight":
        d.push(key)
        v.weight = try Int32.decode(pair.value, in: &d)
        d.pop()
      case "podAffinityTerm":
        d.push(key)
        v.podAffinityTerm = try PodAffinityTerm.decode(pair.value, in: &d)
        d.pop()
      default:
        throw d.unknownField(pair, known: WeightedPodAffinityTerm.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "weight", "podAffinityTerm",
  ]
}
