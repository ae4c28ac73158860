import KubeSimKernel
import KubeSimModel
import KubeSimYAML

extension SimulationSettings {
  /// Applies one `settings:` entry of a scenario (`spec.settings.<key>`).
  ///
  /// Durations use Go syntax (`10ms`, `40s`); sizes and counts are integers; flags are
  /// booleans; `timeBase` is an RFC 3339 time (`2026-01-01T00:00:00Z`). Unknown keys and
  /// bad values throw `ManifestError` at the value with path `spec.settings.<key>`, e.g.
  /// `s.yaml:9:16: spec.settings.watchDelay: expected a duration such as 10ms or 1m30s, found "soon"`.
  public mutating func set(_ key: String, _ value: YAMLNode) throws(ManifestError) {
    let path = "spec.settings." + key
    switch key {
    case "watchDelay": watchDelay = try Self.duration(value, path)
    case "schedulerCycleCost": schedulerCycleCost = try Self.duration(value, path)
    case "containerStartDelay": containerStartDelay = try Self.duration(value, path)
    case "nodeStatusUpdateFrequency": nodeStatusUpdateFrequency = try Self.duration(value, path)
    case "nodeMonitorPeriod": nodeMonitorPeriod = try Self.duration(value, path)
    case "nodeMonitorGracePeriod": nodeMonitorGracePeriod = try Self.duration(value, path)
    case "nodeStartupGracePeriod": nodeStartupGracePeriod = try Self.duration(value, path)
    case "podInitialBackoff": podInitialBackoff = try Self.duration(value, path)
    case "podMaxBackoff": podMaxBackoff = try Self.duration(value, path)
    case "imagePullBandwidthBytesPerSecond":
      imagePullBandwidthBytesPerSecond = try Self.integer(value, path, minimum: 1)
    case "defaultImageSizeBytes": defaultImageSizeBytes = try Self.integer(value, path, minimum: 0)
    case "defaultNotReadyTolerationSeconds":
      defaultNotReadyTolerationSeconds = try Self.integer(value, path, minimum: 0)
    case "defaultUnreachableTolerationSeconds":
      defaultUnreachableTolerationSeconds = try Self.integer(value, path, minimum: 0)
    case "maxEvents": maxEvents = Int(try Self.integer(value, path, minimum: 1))
    case "serializeImagePulls": serializeImagePulls = try Self.bool(value, path)
    case "maxParallelImagePulls":
      maxParallelImagePulls = Int(try Self.integer(value, path, minimum: 1))
    case "checkInvariants": checkInvariants = try Self.bool(value, path)
    case "evictionHard": evictionHard = try EvictionThreshold.parse(value, path, graces: nil)
    case "evictionSoft":
      // The grace periods may come before or after (checked by whichever comes second).
      evictionSoft = try EvictionThreshold.parse(value, path, graces: evictionSoftGraces)
    case "evictionSoftGracePeriod":
      let graces = try EvictionThreshold.parseGraces(value, path)
      evictionSoftGraces = graces
      for i in evictionSoft.indices {
        guard let g = graces[evictionSoft[i].signal] else {
          throw ManifestError(
            "grace period must be specified for the soft eviction threshold "
              + evictionSoft[i].signal.rawValue, at: value.location, path: path)
        }
        evictionSoft[i].gracePeriod = g
      }
    case "evictionPressureTransitionPeriod":
      evictionPressureTransitionPeriod = try Self.duration(value, path)
    case "evictionMaxPodGracePeriod":
      evictionMaxPodGracePeriod = try Self.integer(value, path, minimum: 0)
    case "timeBase": timeBaseUnixSeconds = try Self.rfc3339(value, path)
    case "kubernetesVersion": kubernetesVersion = try Self.version(value, path)
    case "clusterAutoscaler": try clusterAutoscaler.decode(value, path: path)
    case "schedulerProfile":
      // The name is checked against the policies by the scenario loader (the API server does
      // not know the scheduler's policies).
      guard case .scalar(let s) = value.content, !s.text.isEmpty else {
        throw ManifestError("expected a policy name", at: value.location, path: path)
      }
      schedulerProfile = s.text
    case "endpointSliceUpdatesBatchPeriod", "kubeProxyMinSyncPeriod", "kubeProxySyncDuration",
      "trafficInterval", "requestTimeout", "kubeProxyMode", "ipvsScheduler":
      try setTraffic(key, value, path)
    default:
      var message = "unknown setting \"\(key)\""
      if let near = Self.keys.first(where: { $0.lowercased() == key.lowercased() })
        ?? Self.keys.first(where: { Self.sharesPrefix($0, key) })
      {
        message += "; did you mean \"\(near)\"?"
      }
      message += " Known settings: " + Self.keys.joined(separator: ", ")
      throw ManifestError(message, at: value.location, path: path)
    }
  }

  private static func sharesPrefix(_ a: String, _ b: String) -> Bool {
    let n = min(6, min(a.count, b.count))
    return n >= 4 && a.lowercased().prefix(n) == b.lowercased().prefix(n)
  }

  private static func found(_ node: YAMLNode) -> String {
    switch node.content {
    case .scalar(let s): return "\"\(s.text)\""
    case .sequence: return "a sequence"
    case .mapping: return "a mapping"
    }
  }

  static func duration(_ node: YAMLNode, _ path: String) throws(ManifestError) -> SimDuration {
    guard case .scalar(let s) = node.content else {
      throw ManifestError(
        "expected a duration such as 10ms or 1m30s, found \(found(node))", at: node.location,
        path: path)
    }
    let d: SimDuration
    do {
      d = try SimDuration(parsing: s.text)
    } catch {
      throw ManifestError(
        "expected a duration such as 10ms or 1m30s, found \"\(s.text)\"", at: node.location,
        path: path)
    }
    if d < .zero {
      throw ManifestError(
        "expected a duration that is not negative, found \"\(s.text)\"", at: node.location,
        path: path)
    }
    return d
  }

  static func integer(_ node: YAMLNode, _ path: String, minimum: Int64) throws(ManifestError)
    -> Int64
  {
    guard case .scalar(let s) = node.content, case .int(let v) = s.value else {
      throw ManifestError(
        "expected an integer, found \(found(node))", at: node.location, path: path)
    }
    if v < minimum {
      throw ManifestError(
        "expected an integer of at least \(minimum), found \(v)", at: node.location, path: path)
    }
    return v
  }

  /// A Kubernetes release "MAJOR.MINOR", optionally with a leading "v" and a patch number
  /// ("1.35", "v1.34.2"); stored as "MAJOR.MINOR".
  static func version(_ node: YAMLNode, _ path: String) throws(ManifestError) -> String {
    var text = ""
    if case .scalar(let s) = node.content { text = s.text }
    var t = Substring(text)
    if t.hasPrefix("v") { t = t.dropFirst() }
    let parts = t.split(separator: ".", omittingEmptySubsequences: false)
    guard (2...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }),
      let major = Int(parts[0]), let minor = Int(parts[1])
    else {
      throw ManifestError(
        "expected a Kubernetes version such as \"1.35\", found \(found(node))",
        at: node.location, path: path)
    }
    return "\(major).\(minor)"
  }

  static func bool(_ node: YAMLNode, _ path: String) throws(ManifestError) -> Bool {
    guard case .scalar(let s) = node.content, case .bool(let v) = s.value else {
      throw ManifestError(
        "expected true or false, found \(found(node))", at: node.location, path: path)
    }
    return v
  }

  /// Parses an RFC 3339 time in whole seconds (`2026-01-01T00:00:00Z`, or with an offset such
  /// as `+02:00`) into seconds since the Unix epoch (the model's `TimeBase.parseUnix`).
  static func rfc3339(_ node: YAMLNode, _ path: String) throws(ManifestError) -> Int64 {
    guard case .scalar(let s) = node.content, let (seconds, micros) = TimeBase.parseUnix(s.text),
      micros == 0
    else {
      throw ManifestError(
        "expected an RFC 3339 time in whole seconds such as 2026-01-01T00:00:00Z, found "
          + found(node), at: node.location, path: path)
    }
    return seconds
  }
}
