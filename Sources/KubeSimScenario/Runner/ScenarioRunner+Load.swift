import KubeSimAPIServer
import KubeSimNodeAgent

extension ScenarioRunner {
  /// Runs a timeline `load:` action: hands the profile to kube-proxy, which routes it.
  func performLoad(
    _ service: String, _ profile: LoadProfile, _ entry: TimelineEntry, _ report: inout RunReport
  ) {
    let now = world.now
    guard let proxy = world.component(KubeProxy.self) else {
      report.actionFailures.append(
        "timeline action failed at \(DurationFormat.compact(microseconds: now.microseconds)) (\(entry.location)): load \(entry.text): no kube-proxy in this world")
      return
    }
    _ = world.api.withContext(of: proxy) { ctx in proxy.setLoad(service, profile, &ctx) }
    timelineSink?(line(now, "load", entry.text))
  }

  /// What each Service's offered load came to (empty without `load:` actions).
  public var serviceTraffic: [ServiceTraffic] {
    world.component(KubeProxy.self)?.serviceTraffic ?? []
  }
}
