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
  var ticking = false
  /// Start of the segment not yet served, and of the current traffic interval.
  var segmentStart: SimTime?
  var intervalStart: SimTime?
  /// Per-Service state in dense slots (the traffic hot path indexes arrays, not dictionaries).
  var slots: [ServiceSlot] = []
  var slotIndex: [String: Int] = [:]
  /// Slots in Service-key order: all, and those with load now.
  var slotOrder: [Int] = []
  var loaded: [Int] = []
  /// The Service each routed pod belongs to ("ns/name" → service key).
  var podService: [String: String] = [:]
  /// Pods being deleted and when they stop serving.
  var stopTimes: [String: SimTime] = [:]
  /// Requests routed to each "service|pod" in the current interval, with the pod's capacity
  /// (the per-endpoint path).
  var intervalRouted: [Int: [String: (count: Int64, capacity: Int64?)]] = [:]
  /// What `servingPod` read of each pod (by "namespace/name"), dropped when the pod is written.
  var servingFacts: [String: PodServingFacts] = [:]
  /// The capacity of the stored pod (by "namespace/name"), dropped when the pod is written.
  var capacityByPod: [String: Int64?] = [:]
  /// The API server's tracker of written pods (`dropStaleFacts`).
  var podTracker: Int?
  var lastInFlight: [String: Int64] = [:]
  var lastHousekeeping: Int64 = -1
  /// The run's proxy mode, traffic interval and request timeout (fixed settings, read once).
  var config: (mode: ProxyMode, intervalUs: Int64, timeout: SimDuration)?
  /// Per pod uid: capacity in milli-rps (nil: unbounded) and preStop run time.
  var podModels: [String: (capacity: Int64?, preStop: SimDuration)] = [:]

  /// When set, each Service's cumulative offered/served/failed counts are kept at the first
  /// traffic interval at or after every multiple of it (for time series sampled after the
  /// fact, e.g. metrics.csv); memory O(Services × run / step).
  public var historyStep: SimDuration?
  var history: [Int: [(time: SimTime, offered: Int64, served: Int64, failed: Int64)]] = [:]
  var lastHistoryBucket: Int64 = -1

  /// A Service's cumulative counts as they were at `time` (the last interval at or before it
  /// when `historyStep` is set; the current counts otherwise or after the last interval).
  public func trafficTotals(_ service: String, at time: SimTime) -> (
    offered: Int64, served: Int64, failed: Int64
  ) {
    guard let i = slotIndex[service], let stats = slots[i].stats else { return (0, 0, 0) }
    if let h = history[i], let last = h.last, time < last.time {
      var lo = 0
      var hi = h.count
      while lo < hi {
        let mid = (lo + hi) / 2
        if h[mid].time <= time { lo = mid + 1 } else { hi = mid }
      }
      guard lo > 0 else { return (0, 0, 0) }
      return (h[lo - 1].offered, h[lo - 1].served, h[lo - 1].failed)
    }
    return (stats.offered, stats.served, stats.failed)
  }

  /// A Service's routable endpoints with their pod keys and capacities.
  struct Route {
    var endpoints: [Endpoint]
    var keys: [String]
    /// Per endpoint, the pod it names (what `servingPod` needs, without the whole `Endpoint`).
    var targets: [PodTarget] = []
    var capacities: [Int64?]
    /// The common capacity when every endpoint has the same one (nil inside: unbounded).
    var uniform: Int64??
  }

  /// The pod an endpoint names.
  struct PodTarget {
    var namespace: String
    var name: String?
    var uid: String?
  }

  /// The facts about the stored pod that decide whether it serves.
  struct PodServingFacts {
    var uid: String
    /// Phase Running and every container running.
    var runs: Bool
    var node: String?
    /// When a pod being deleted stops accepting requests (`servingPod`).
    var deletion: SimTime?
  }

  /// The slot of `service`, created on first use (kept in key order).
  func slot(_ service: String) -> Int {
    if let i = slotIndex[service] { return i }
    let i = slots.count
    slots.append(ServiceSlot(key: service))
    slotIndex[service] = i
    let at = slotOrder.firstIndex { slots[$0].key > service } ?? slotOrder.count
    slotOrder.insert(i, at: at)
    return i
  }

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
    if let last = lastSync {
      start = max(start, last + ctx.settings.effectiveKubeProxyMinSyncPeriod)
    }
    ctx.setTimer(at: start + ctx.settings.kubeProxySyncDuration, token: Self.syncToken)
  }

  public func timerFired(_ token: UInt64, _ ctx: inout ComponentContext) {
    switch token {
    case Self.syncToken: installRules(&ctx)
    case Self.tickToken: tick(&ctx)
    default: podStopped(&ctx)
    }
  }

  /// A pod change while load flows is a segment boundary (its serving state may have changed);
  /// a pod being deleted stops serving when its kubelet sends SIGTERM (after the preStop hook),
  /// another boundary.
  func observePod(_ change: WatchChange, _ pod: Pod, _ ctx: inout ComponentContext) {
    let key = (pod.metadata.namespace ?? "default") + "/" + pod.metadata.name
    if case .deleted = change {
      podModels[pod.metadata.uid] = nil
      stopTimes[key] = nil
      ctx.api.traffic.forget(key)
    }
    guard ticking, let service = podService[key], let i = slotIndex[service] else { return }
    flush(&ctx)
    slots[i].allServing = nil
    if pod.metadata.deletionTimestamp != nil, stopTimes[key] == nil, case .modified = change {
      let at = ctx.now + model(of: pod).preStop
      stopTimes[key] = at
      if at > ctx.now { ctx.setTimer(at: at, token: Self.flushToken) }
    }
  }

  /// A pod reached the end of its preStop hook: serve up to now, then re-check its Service.
  func podStopped(_ ctx: inout ComponentContext) {
    flush(&ctx)
    for key in stopTimes.keys.sorted() where stopTimes[key] == ctx.now {
      if let service = podService[key], let i = slotIndex[service] { slots[i].allServing = nil }
    }
  }

  func installRules(_ ctx: inout ComponentContext) {
    flush(&ctx)
    syncArmed = false
    lastSync = ctx.now - ctx.settings.kubeProxySyncDuration
    syncTimes.append(ctx.now)
    var touched: Set<String> = []
    for key in pendingSlices.keys.sorted() {
      guard let change = pendingSlices[key] else { continue }
      let name = String(key.split(separator: "/", maxSplits: 1).last ?? "")
      if let old = sliceService[key] { touched.insert(old) }
      if let c = change { touched.insert(c.service) }
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
    for service in touched.sorted() { resolveRoute(service, &ctx) }
  }

  /// Rebuilds the route of `service` from the installed rules and tells the ledger which pods
  /// now receive its traffic.
  func resolveRoute(_ service: String, _ ctx: inout ComponentContext) {
    let i = slot(service)
    let old = slots[i].route?.keys ?? []
    let endpoints = routedEndpoints(service)
    dropStaleFacts(ctx)
    var route = Route(endpoints: endpoints, keys: [], capacities: [], uniform: nil)
    for e in endpoints {
      let key = (e.targetRef?.namespace ?? "default") + "/" + (e.targetRef?.name ?? "")
      route.keys.append(key)
      route.targets.append(
        PodTarget(
          namespace: e.targetRef?.namespace ?? "default", name: e.targetRef?.name,
          uid: e.targetRef?.uid))
      var capacity: Int64? = nil
      if let known = capacityByPod[key] {
        capacity = known
      } else if let name = e.targetRef?.name,
        case .pod(let pod)? = ctx.api.get(.pod, e.targetRef?.namespace ?? "default", name)
      {
        capacity = model(of: pod).capacity
        capacityByPod[key] = capacity
      }
      route.capacities.append(capacity)
    }
    if let first = route.capacities.first, route.capacities.allSatisfy({ $0 == first }) {
      route.uniform = .some(first)
    }
    slots[i].route = endpoints.isEmpty ? nil : route
    slots[i].allServing = nil
    let now = ctx.now
    let current = Set(route.keys)
    for key in old where !current.contains(key) && podService[key] == service {
      podService[key] = nil
      ctx.api.traffic.assign(key, at: now, service: nil)
    }
    for key in route.keys where podService[key] != service {
      podService[key] = service
      ctx.api.traffic.assign(key, at: now, service: service)
    }
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
    slotOrder.compactMap { slots[$0].stats }
  }
}
