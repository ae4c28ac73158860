import KubeSimAPIServer
import KubeSimKernel
import KubeSimNodeAgent

extension ScenarioRunner {
  /// Runs a timeline `load:` action: hands the profile to kube-proxy, which routes it.
  func performLoad(
    _ service: String, _ profile: LoadProfile, _ entry: TimelineEntry, _ report: inout RunReport
  ) {
    let now = world.now
    guard let proxy = world.component(KubeProxy.self) else {
      report.actionFailures.append(
        "timeline action failed at \(DurationFormat.compact(microseconds: now.microseconds)) (\(entry.location)): load \(entry.text): no kube-proxy in this world"
      )
      return
    }
    _ = world.api.withContext(of: proxy) { ctx in proxy.setLoad(service, profile, &ctx) }
    timelineSink?(line(now, "load", entry.text))
  }

  /// Tells kube-proxy's traffic model which machines a fault took down or brought back
  /// (`node-crash`/`node-recover`, `zone-outage`/`zone-recover`): pods there stop serving.
  /// A partition or a stopped kubelet leaves the containers running and serving.
  func trafficFault(_ fault: Fault) {
    guard let proxy = world.component(KubeProxy.self) else { return }
    var changes: [(String, Bool)] = []
    switch fault {
    case .nodeCrash(let n): changes = [(n, true)]
    case .nodeRecover(let n): changes = [(n, false)]
    case .zoneOutage(let z), .zoneRecover(let z):
      let down: Bool
      if case .zoneOutage = fault { down = true } else { down = false }
      for case .node(let node) in world.api.list(.node)
      where node.metadata.labels["topology.kubernetes.io/zone"] == z {
        changes.append((node.metadata.name, down))
      }
    default: return
    }
    _ = world.api.withContext(of: proxy) { ctx in
      for (node, down) in changes { proxy.setNode(node, down: down, &ctx) }
    }
  }

  /// What each Service's offered load came to (empty without `load:` actions).
  public var serviceTraffic: [ServiceTraffic] {
    world.component(KubeProxy.self)?.serviceTraffic ?? []
  }
}

extension ScenarioRunner {
  /// The per-Service results for the report, with latency percentiles computed once.
  func trafficResults() -> [ServiceTrafficResult] {
    let timeout = world.api.settings.requestTimeout
    return serviceTraffic.map { t in
      ServiceTrafficResult(
        service: t.service, offered: t.offered, served: t.served, failed: t.failed,
        failedNoEndpoints: t.failedNoEndpoints, failedStale: t.failedStale,
        failedOverload: t.failedOverload,
        latencyP50: t.latency.quantile(0.5, timeout: timeout).map(SimDuration.microseconds),
        latencyP90: t.latency.quantile(0.9, timeout: timeout).map(SimDuration.microseconds),
        latencyP99: t.latency.quantile(0.99, timeout: timeout).map(SimDuration.microseconds))
    }
  }
}

/// One Service's offered load over the run, as the summary reports it.
public struct ServiceTrafficResult: Sendable, Hashable {
  /// `namespace/name`.
  public var service: String
  public var offered: Int64
  public var served: Int64
  public var failed: Int64
  /// Failures by cause: no endpoint in kube-proxy's rules; routed to a pod that no longer
  /// serves (stale rule); beyond a pod's capacity.
  public var failedNoEndpoints: Int64
  public var failedStale: Int64
  public var failedOverload: Int64
  /// Response-time percentiles of the served requests (nil: nothing served).
  public var latencyP50: SimDuration?
  public var latencyP90: SimDuration?
  public var latencyP99: SimDuration?
}
