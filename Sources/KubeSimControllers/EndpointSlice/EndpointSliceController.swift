import KubeSimAPIServer
import KubeSimKernel
import KubeSimModel

/// The EndpointSlice controller (kube-controller-manager, pkg/controller/endpointslice, v1.36):
/// for every Service with a selector it keeps EndpointSlices listing the pods that match,
/// with their conditions, at most `maxEndpointsPerSlice` endpoints per slice.
///
/// Timing, as upstream: a Service change queues the Service at once; a pod change queues every
/// Service selecting the pod (old or new labels) after `--endpointslice-updates-batch-period`
/// (`settings.endpointSliceUpdatesBatchPeriod`, default 0). A queued Service is synced at its due
/// time with no processing cost, so a pod turning unready at T is reflected in its slice at
/// T + watchDelay + batch period.
///
/// Endpoints (`podToEndpoint`, staging/src/k8s.io/endpointslice/utils.go): a pod is listed when
/// it is bound and Running (KubeSim's pods have no IP; a Running pod stands for
/// `ShouldPodBeInEndpoints`' "has an IP and is not terminal"); `ready` = Ready condition True and
/// not terminating, `serving` = Ready condition True, `terminating` = deletionTimestamp set;
/// `publishNotReadyAddresses` makes ready and serving true.
///
/// Placement follows upstream's reconciler (pkg/controller/endpointslice/reconciler.go) in
/// spirit: an endpoint stays in the slice it is in; a new one goes to the first slice with room
/// (in creation order), else to a new slice; a removed one leaves a gap; a slice left empty is
/// deleted unless it is the Service's only one (the placeholder). Only slices whose content
/// changed are written. Within a slice, endpoints are sorted by pod name.
///
/// KubeSim differences: upstream also repacks when slices get fragmented and compares against
/// the informer's slices rather than its own record; a Service's slices are deleted by this
/// controller when the Service goes (upstream leaves that to the garbage collector).
public final class EndpointSliceController: Component {
  /// `--max-endpoints-per-slice` default 100 (pkg/controller/endpointslice/config/v1alpha1/
  /// defaults.go).
  public static let maxEndpointsPerSlice = 100
  /// Label naming the Service (discovery.k8s.io/v1 `LabelServiceName`).
  public static let serviceNameLabel = "kubernetes.io/service-name"
  /// Label naming the managing controller (discovery.k8s.io/v1 `LabelManagedBy`).
  public static let managedByLabel = "endpointslice.kubernetes.io/managed-by"
  /// The controller's name in `managedByLabel` (pkg/controller/endpointslice
  /// `ControllerName = "endpointslice-controller.k8s.io"`).
  public static let controllerName = "endpointslice-controller.k8s.io"

  public let componentName = "endpointslice-controller"
  public var watches: [WatchFilter] { [WatchFilter(kind: .service), WatchFilter(kind: .pod)] }

  let maxPerSlice: Int
  /// Informer caches: Services by key; pods' labels by namespace then name (the pods
  /// themselves are read from the store when a Service is synced, which keeps memory at one
  /// label set per pod on a 150,000-pod cluster).
  var services: [String: Service] = [:]
  var pods: [String: [String: StringMap]] = [:]
  /// Services by namespace and one of their selector pairs ("k=v"; "" for an empty selector),
  /// so a pod change looks at few Services.
  var servicesByPair: [String: [String: Set<String>]] = [:]
  /// Pod names selected by each Service.
  var members: [String: Set<String>] = [:]
  /// Per Service: its slices in creation order (name and endpoints by pod name), which slice
  /// each pod's endpoint is in, and the pods changed since the last sync (nil: all).
  var slices: [String: [SliceRecord]] = [:]
  var podSlice: [String: [String: Int]] = [:]
  var dirtyPods: [String: Set<String>?] = [:]

  struct SliceRecord {
    var name: String
    var endpoints: [String: Endpoint]
  }
  /// Queued Services with their due times.
  var due: [String: SimTime] = [:]
  var armed: Set<SimTime> = []

  /// A controller packing at most `maxEndpointsPerSlice` endpoints per slice.
  public init(maxEndpointsPerSlice: Int = EndpointSliceController.maxEndpointsPerSlice) {
    self.maxPerSlice = max(1, maxEndpointsPerSlice)
  }

  public func observe(_ change: WatchChange, _ ctx: inout ComponentContext) {
    switch change.object {
    case .service(let s): observeService(change, s, &ctx)
    case .pod(let p): observePod(change, p, &ctx)
    default: break
    }
  }

  func observeService(_ change: WatchChange, _ s: Service, _ ctx: inout ComponentContext) {
    let ns = s.metadata.namespace ?? "default"
    let key = ns + "/" + s.metadata.name
    if let old = services[key] { unindex(old, key) }
    if case .deleted = change {
      services[key] = nil
      members[key] = nil
    } else {
      services[key] = s
      if let pair = Self.indexPair(s) {
        servicesByPair[ns, default: [:]][pair, default: []].insert(key)
      }
      var m: Set<String> = []
      if let sel = s.spec.selector {
        for (name, labels) in pods[ns] ?? [:] where Self.selects(sel, labels) { m.insert(name) }
      }
      members[key] = m
    }
    dirtyPods[key] = .some(nil)
    queue(key, at: ctx.now, &ctx)
  }

  func observePod(_ change: WatchChange, _ p: Pod, _ ctx: inout ComponentContext) {
    let ns = p.metadata.namespace ?? "default"
    let name = p.metadata.name
    var touched: Set<String> = []
    if let old = pods[ns]?[name] { touched.formUnion(candidates(old, ns)) }
    if case .deleted = change {
      pods[ns]?[name] = nil
    } else {
      pods[ns, default: [:]][name] = p.metadata.labels
      touched.formUnion(candidates(p.metadata.labels, ns))
    }
    let dueAt = ctx.now + ctx.settings.endpointSliceUpdatesBatchPeriod
    for key in touched {
      guard let s = services[key], let sel = s.spec.selector else { continue }
      if case .deleted = change {
        members[key]?.remove(name)
      } else if Self.selects(sel, p.metadata.labels) {
        members[key, default: []].insert(name)
      } else {
        members[key]?.remove(name)
      }
      if case .some(.some(var set)) = dirtyPods[key] {
        set.insert(name)
        dirtyPods[key] = .some(set)
      } else if dirtyPods[key] == nil {
        dirtyPods[key] = .some([name])
      }
      queue(key, at: dueAt, &ctx)
    }
  }

  /// Services of `ns` that may select a pod with `labels` (one of their selector pairs is
  /// among them).
  func candidates(_ labels: StringMap, _ ns: String) -> Set<String> {
    guard let byPair = servicesByPair[ns] else { return [] }
    var out = byPair[""] ?? []
    for e in labels.entries {
      if let keys = byPair[e.key + "=" + e.value] { out.formUnion(keys) }
    }
    return out
  }

  func unindex(_ s: Service, _ key: String) {
    let ns = s.metadata.namespace ?? "default"
    if let pair = Self.indexPair(s) { servicesByPair[ns]?[pair]?.remove(key) }
  }

  static func indexPair(_ s: Service) -> String? {
    guard let sel = s.spec.selector else { return nil }
    guard let first = sel.entries.first else { return "" }
    return first.key + "=" + first.value
  }

  static func selects(_ selector: StringMap, _ labels: StringMap) -> Bool {
    for e in selector.entries where labels[e.key] != e.value { return false }
    return true
  }

  /// Queues `key` to sync at `t` (an earlier pending due time wins, as a workqueue's AddAfter).
  func queue(_ key: String, at t: SimTime, _ ctx: inout ComponentContext) {
    if let d = due[key], d <= t { return }
    due[key] = t
    if !armed.contains(t) {
      armed.insert(t)
      ctx.setTimer(at: t, token: 0)
    }
  }

  public func timerFired(_ token: UInt64, _ ctx: inout ComponentContext) {
    armed.remove(ctx.now)
    let ready = due.filter { $0.value <= ctx.now }.map(\.key).sorted()
    for key in ready {
      due[key] = nil
      sync(key, &ctx)
    }
  }
}
