import KubeSimKernel
import KubeSimModel
import KubeSimYAML

extension SimulationSettings {
  /// Applies one of the Services-and-traffic settings (issue 6): durations, `kubeProxyMode`
  /// (`iptables` or `ipvs`) and `ipvsScheduler` (`rr` or `lc`).
  mutating func setTraffic(_ key: String, _ value: YAMLNode, _ path: String) throws(ManifestError) {
    switch key {
    case "endpointSliceUpdatesBatchPeriod":
      endpointSliceUpdatesBatchPeriod = try Self.duration(value, path)
    case "kubeProxyMinSyncPeriod": kubeProxyMinSyncPeriod = try Self.duration(value, path)
    case "kubeProxySyncDuration": kubeProxySyncDuration = try Self.duration(value, path)
    case "requestTimeout":
      requestTimeout = try Self.duration(value, path)
      if requestTimeout <= .zero {
        throw ManifestError("expected a positive duration", at: value.location, path: path)
      }
    case "trafficInterval":
      let d = try Self.duration(value, path)
      // A whole number of milliseconds keeps per-interval request counts exact.
      guard d >= .milliseconds(1), d.microseconds % 1000 == 0 else {
        throw ManifestError(
          "expected a whole number of milliseconds, at least 1ms, such as 1s", at: value.location,
          path: path)
      }
      trafficInterval = d
    case "kubeProxyMode":
      kubeProxyMode = try Self.choice(value, path, ["iptables", "ipvs"])
    default:
      ipvsScheduler = try Self.choice(value, path, ["rr", "lc"])
    }
  }

  static func choice(_ node: YAMLNode, _ path: String, _ allowed: [String]) throws(ManifestError)
    -> String
  {
    guard case .scalar(let s) = node.content, allowed.contains(s.text) else {
      var found = "a collection"
      if case .scalar(let s) = node.content { found = "\"\(s.text)\"" }
      throw ManifestError(
        "expected one of \(allowed.joined(separator: ", ")), found \(found)", at: node.location,
        path: path)
    }
    return s.text
  }
}
