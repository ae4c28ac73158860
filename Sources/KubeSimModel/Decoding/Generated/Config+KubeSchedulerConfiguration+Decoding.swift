import KubeSimKernel
import KubeSimYAML

extension KubeSchedulerConfiguration: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> KubeSchedulerConfiguration
  {
    var v = KubeSchedulerConfiguration()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "metadata":
        d.push(key)
        v.metadata = try ObjectMeta.decode(pair.value, in: &d)
        d.pop()
      case "parallelism":
        d.push(key)
        v.parallelism = try Int32.decode(pair.value, in: &d)
        d.pop()
      case "percentageOfNodesToScore":
        d.push(key)
        v.percentageOfNodesToScore = try Int32.decode(pair.value, in: &d)
        d.pop()
      case "podInitialBackoffSeconds":
        d.push(key)
        v.podInitialBackoffSeconds = try Int64.decode(pair.value, in: &d)
        d.pop()
      case "podMaxBackoffSeconds":
        d.push(key)
        v.podMaxBackoffSeconds = try Int64.decode(pair.value, in: &d)
        d.pop()
      case "profiles":
        d.push(key)
        v.profiles = try d.decodeArray(pair.value)
        d.pop()
      case "apiVersion", "kind": continue
      case "leaderElection", "clientConnection", "healthzBindAddress", "metricsBindAddress",
        "enableProfiling", "enableContentionProfiling", "extenders", "delayCacheUntilActive":
        d.ignored(pair, key: key)
      default:
        throw d.unknownField(pair, known: KubeSchedulerConfiguration.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "metadata", "parallelism", "percentageOfNodesToScore", "podInitialBackoffSeconds",
    "podMaxBackoffSeconds", "profiles", "leaderElection", "clientConnection", "healthzBindAddress",
    "metricsBindAddress", "enableProfiling", "enableContentionProfiling", "extenders",
    "delayCacheUntilActive",
  ]
}

extension KubeSchedulerProfile: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> KubeSchedulerProfile
  {
    var v = KubeSchedulerProfile()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "schedulerName":
        d.push(key)
        v.schedulerName = try String.decode(pair.value, in: &d)
        d.pop()
      case "percentageOfNodesToScore":
        d.push(key)
        v.percentageOfNodesToScore = try Int32.decode(pair.value, in: &d)
        d.pop()
      case "plugins":
        d.push(key)
        v.plugins = try Plugins.decode(pair.value, in: &d)
        d.pop()
      case "pluginConfig":
        d.push(key)
        v.pluginConfig = try d.decodeArray(pair.value)
        d.pop()
      default:
        throw d.unknownField(pair, known: KubeSchedulerProfile.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "schedulerName", "percentageOfNodesToScore", "plugins", "pluginConfig",
  ]
}

extension Plugins: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> Plugins
  {
    var v = Plugins()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "preEnqueue":
        d.push(key)
        v.preEnqueue = try PluginSet.decode(pair.value, in: &d)
        d.pop()
      case "queueSort":
        d.push(key)
        v.queueSort = try PluginSet.decode(pair.value, in: &d)
        d.pop()
      case "preFilter":
        d.push(key)
        v.preFilter = try PluginSet.decode(pair.value, in: &d)
        d.pop()
      case "filter":
        d.push(key)
        v.filter = try PluginSet.decode(pair.value, in: &d)
        d.pop()
      case "postFilter":
        d.push(key)
        v.postFilter = try PluginSet.decode(pair.value, in: &d)
        d.pop()
      case "preScore":
        d.push(key)
        v.preScore = try PluginSet.decode(pair.value, in: &d)
        d.pop()
      case "score":
        d.push(key)
        v.score = try PluginSet.decode(pair.value, in: &d)
        d.pop()
      case "reserve":
        d.push(key)
        v.reserve = try PluginSet.decode(pair.value, in: &d)
        d.pop()
      case "permit":
        d.push(key)
        v.permit = try PluginSet.decode(pair.value, in: &d)
        d.pop()
      case "preBind":
        d.push(key)
        v.preBind = try PluginSet.decode(pair.value, in: &d)
        d.pop()
      case "bind":
        d.push(key)
        v.bind = try PluginSet.decode(pair.value, in: &d)
        d.pop()
      case "postBind":
        d.push(key)
        v.postBind = try PluginSet.decode(pair.value, in: &d)
        d.pop()
      case "multiPoint":
        d.push(key)
        v.multiPoint = try PluginSet.decode(pair.value, in: &d)
        d.pop()
      default:
        throw d.unknownField(pair, known: Plugins.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "preEnqueue", "queueSort", "preFilter", "filter", "postFilter", "preScore", "score", "reserve",
    "permit", "preBind", "bind", "postBind", "multiPoint",
  ]
}

extension PluginSet: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> PluginSet
  {
    var v = PluginSet()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "enabled":
        d.push(key)
        v.enabled = try d.decodeArray(pair.value)
        d.pop()
      case "disabled":
        d.push(key)
        v.disabled = try d.decodeArray(pair.value)
        d.pop()
      default:
        throw d.unknownField(pair, known: PluginSet.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "enabled", "disabled",
  ]
}

extension Plugin: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> Plugin
  {
    var v = Plugin()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "name":
        d.push(key)
        v.name = try String.decode(pair.value, in: &d)
        d.pop()
      case "weight":
        d.push(key)
        v.weight = try Int32.decode(pair.value, in: &d)
        d.pop()
      default:
        throw d.unknownField(pair, known: Plugin.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "name", "weight",
  ]
}

extension PluginConfig: ManifestDecodable {
  /// Decodes a mapping; unknown fields are errors, unmodelled ones warnings.
  public static func decode(_ node: YAMLNode, in d: inout DecodingContext)
    throws(ManifestError) -> PluginConfig
  {
    var v = PluginConfig()
    for pair in try d.mapping(node) {
      let key = try d.key(pair)
      if d.isNull(pair.value) { continue }
      switch key {
      case "name":
        d.push(key)
        v.name = try String.decode(pair.value, in: &d)
        d.pop()
      case "args":
        d.push(key)
        v.args = try YAMLNode.decode(pair.value, in: &d)
        d.pop()
      default:
        throw d.unknownField(pair, known: PluginConfig.knownFields)
      }
    }
    return v
  }

  /// The field names this type accepts (modelled and ignored), for hints.
  public static let knownFields: [String] = [
    "name", "args",
  ]
}
