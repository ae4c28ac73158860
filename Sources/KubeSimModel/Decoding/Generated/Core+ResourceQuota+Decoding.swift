import KubeSimKernel
import KubeSimYAML

extension ResourceQuota: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> ResourceQuota
  {
    var v = ResourceQuota()
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
        v.spec = try ResourceQuotaSpec.decode(pair.value, in: &d)
        d.pop()
      case "status":
        d.push(key)
        v.status = try ResourceQuotaStatus.decode(pair.value, in: &d)
        d.pop()
      case "apiVersion", "kind": continue
      default:
        throw d.unknownField(pair, known: ResourceQuota.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "metadata", "spec", "status",
  ]
}

extension ResourceQuotaSpec: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> ResourceQuotaSpec
  {
    var v = ResourceQuotaSpec()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "hard":
        d.push(key)
        v.hard = try ResourceList.decode(pair.value, in: &d)
        d.pop()
      case "scopes":
        d.push(key)
        v.scopes = try d.decodeArray(pair.value)
        d.pop()
      case "scopeSelector":
        d.push(key)
        v.scopeSelector = try ScopeSelector.decode(pair.value, in: &d)
        d.pop()
      default:
        throw d.unknownField(pair, known: ResourceQuotaSpec.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "hard", "scopes", "scopeSelector",
  ]
}

extension ScopeSelector: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> ScopeSelector
  {
    var v = ScopeSelector()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "matchExpressions":
        d.push(key)
        v.matchExpressions = try d.decodeArray(pair.value)
        d.pop()
      default:
        throw d.unknownField(pair, known: ScopeSelector.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "matchExpressions"
  ]
}

extension ScopedResourceSelectorRequirement: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> ScopedResourceSelectorRequirement
  {
    var v = ScopedResourceSelectorRequirement()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "scopeName":
        d.push(key)
        v.scopeName = try String.decode(pair.value, in: &d)
        d.pop()
      case "operator":
        d.push(key)
        v.operator = try String.decode(pair.value, in: &d)
        d.pop()
      case "values":
        d.push(key)
        v.values = try d.decodeArray(pair.value)
        d.pop()
      default:
        throw d.unknownField(pair, known: ScopedResourceSelectorRequirement.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "scopeName", "operator", "values",
  ]
}

extension ResourceQuotaStatus: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> ResourceQuotaStatus
  {
    var v = ResourceQuotaStatus()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "hard":
        d.push(key)
        v.hard = try ResourceList.decode(pair.value, in: &d)
        d.pop()
      case "used":
        d.push(key)
        v.used = try ResourceList.decode(pair.value, in: &d)
        d.pop()
      default:
        throw d.unknownField(pair, known: ResourceQuotaStatus.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "hard", "used",
  ]
}
