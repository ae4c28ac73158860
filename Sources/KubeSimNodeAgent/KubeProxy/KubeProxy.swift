import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel

/// kube-proxy: turns EndpointSlices into the routing rules that Service traffic follows, with its
/// own propagation delay, and serves the Services' offered load through those rules.
///
/// **Rule syncs** follow kube-proxy's BoundedFrequencyRunner (pkg/util/async): a slice change
/// seen (watch delay after the controller's write) triggers a sync at once if the last sync was
/// at least `minSyncPeriod` ago, else at last sync + `minSyncPeriod` (iptables 1s, IPVS 0:
/// pkg/proxy/apis/config/v1alpha1/defaults.go); a sync takes `settings.kubeProxySyncDuration`
/// and installs every change seen when it completes. The 30s periodic resync changes nothing in
/// a model without rule drift and is not simulated. So a pod that goes unready at T stops
/// receiving requests at T + 2 × watchDelay + batch period (+ up to minSyncPeriod).
///
/// **Routing** uses the Service's ready endpoints, or its serving terminating ones when none is
/// ready (pkg/proxy/topology.go `CategorizeEndpoints`, ProxyTerminatingEndpoints GA in v1.28).
///
/// KubeSim differences: one kube-proxy stands for the proxies of every node (they watch the same
/// slices with the same delays, so their rules agree at every instant); traffic enters the
/// Service as a whole (no client node, no topology hints or traffic policies).
public final class KubeProxy: Component {
  public let componentName = "kube-proxy"
  public var watches: [WatchFilter] {
    [WatchFilter(kind: .endpointSlice), WatchFilter(kind: .pod)]
  }

  static let syncToken: UInt64 = 0
  static let tickToken: UInt64 = 1
  static let flushToken: UInt64 = 2
  /// Pods (uid) whose stop-serving instant has a segment boundary already.
  var stopping: Set<String> = []

  /// Slices seen but not yet installed ("ns/slice" → service key and endpoints, nil: deleted).
  var pendingSlices: [String: (service: String, endpoints: [Endpoint])?] = [:]
  /// Installed rules: service key → slice name → endpoints.
  var rules: [String: [String: [Endpoint]]] = [:]
  /// Which service each installed slice belongs to.
  var sliceService: [String: String] = [:]
  var lastSync: SimTime?
  var syncArmed = false
  /// Times at which rule syncs completed (for tests and reports).
  public private(set) var syncTimes: [SimTime] = []

  // Load.
  var loads: [String: LoadProfile] = [:]
  var routers: [String: ServiceRouter] = [:]
  var carry: [String: Int64] = [:]
  var traffic: [String: ServiceTraffic] = [:]
  var ticking = false
  /// Start of the segment not yet served, and of the current traffic interval.
  var segmentStart: SimTime?
  var intervalStart: SimTime?
  /// Requests each pod served in the current interval, and its in-flight estimate (thousandths).
  var intervalServed: [String: Int64] = [:]
  /// Requests routed to each "service|pod" in the current interval, with the pod's capacity.
  var intervalRouted: [String: (count: Int64, capacity: Int64?)] = [:]
  var lastInFlight: [String: Int64] = [:]
  /// Served milli-rps and in-flight per pod key in the last interval; what the ledger last got.
  var podRates: [String: (served: Int64, inFlight: Int64)] = [:]
  var recordedPods: Set<String> = []
  var lastHousekeeping: Int64 = -1
  /// Per pod uid: capacity in milli-rps (nil: unbounded) and preStop run time.
  var podModels: [String: (capacity: Int64?, preStop: SimDuration)] = [:]

  public init() {}

  // MARK: Rule syncs

  public func observe(_ change: WatchChange, _ ctx: inout ComponentContext) {
    if case .pod(let pod) = change.object {
      observePod(change, pod, &ctx)
      return
    }
    guard case .endpointSlice(let slice) = change.object else { return }
    let key = (slice.metadata.namespace ?? "default") + "/" + slice.metadata.name
    if case .deleted = change {
      pendingSlices[key] = .some(nil)
    } else {
      guard let svc = slice.metadata.labels["kubernetes.io/service-name"] else { return }
      pendingSlices[key] = (
        service: (slice.metadata.namespace ?? "default") + "/" + svc, endpoints: slice.endpoints
      )
    }
    guard !syncArmed else { return }
    syncArmed = true
    var start = ctx.now
    if let last = lastSync { start = max(start, last + ctx.settings.effectiveKubeProxyMinSyncPeriod) }
    ctx.setTimer(at: start + ctx.settings.kubeProxySyncDuration, token: Self.syncToken)
  }

  public func timerFired(_ token: UInt64, _ ctx: inout ComponentContext) {
    switch token {
    case Self.syncToken: installRules(&ctx)
    case Self.tickToken: tick(&ctx)
    default: flush(&ctx)
    }
  }

  /// A pod change while load flows is a segment boundary (its serving state may have changed);
  /// a pod being deleted stops serving when its kubelet sends SIGTERM (after the preStop hook),
  /// another boundary.
  func observePod(_ change: WatchChange, _ pod: Pod, _ ctx: inout ComponentContext) {
    if case .deleted = change {
      stopping.remove(pod.metadata.uid)
      podModels[pod.metadata.uid] = nil
      ctx.api.traffic.forget((pod.metadata.namespace ?? "default") + "/" + pod.metadata.name)
    }
    guard ticking else { return }
    flush(&ctx)
    if pod.metadata.deletionTimestamp != nil, !stopping.contains(pod.metadata.uid),
      case .modified = change
    {
      stopping.insert(pod.metadata.uid)
      let at = ctx.now + model(of: pod).preStop
      if at > ctx.now { ctx.setTimer(at: at, token: Self.flushToken) }
    }
  }

  func installRules(_ ctx: inout ComponentContext) {
    flush(&ctx)
    syncArmed = false
    lastSync = ctx.now - ctx.settings.kubeProxySyncDuration
    syncTimes.append(ctx.now)
    for key in pendingSlices.keys.sorted() {
      guard let change = pendingSlices[key] else { continue }
      let name = String(key.split(separator: "/", maxSplits: 1).last ?? "")
      if let old = sliceService[key] {
        rules[old]?[name] = nil
        if rules[old]?.isEmpty == true { rules[old] = nil }
      }
      if let c = change {
        rules[c.service, default: [:]][name] = c.endpoints
        sliceService[key] = c.service
      } else {
        sliceService[key] = nil
      }
    }
    pendingSlices.removeAll()
  }

  /// The endpoints kube-proxy routes `service` ("namespace/name") to now, in slice then
  /// endpoint order: the ready ones, or the serving terminating ones when none is ready.
  public func routedEndpoints(_ service: String) -> [Endpoint] {
    guard let slices = rules[service] else { return [] }
    var all: [Endpoint] = []
    for name in slices.keys.sorted() { all += slices[name] ?? [] }
    let ready = all.filter { $0.conditions.ready == true }
    if !ready.isEmpty { return ready }
    return all.filter { $0.conditions.serving == true && $0.conditions.terminating == true }
  }

  /// The Services with traffic so far, sorted by key, with what their load came to.
  public var serviceTraffic: [ServiceTraffic] {
    traffic.keys.sorted().compactMap { traffic[$0] }
  }
}
