import KubeSimModel

/// The objects upstream `helper.DefaultSelector` reads (pkg/scheduler/framework/plugins/helper/
/// spread.go): Services by namespace, and ReplicaSet/StatefulSet selectors by `namespace/name`,
/// kept from the scheduler's watches. (ReplicationControllers are not modelled by KubeSim.)
public struct DefaultSpreadSelectors: Sendable {
  /// Service selectors by `namespace/name`.
  private var services: [String: (namespace: String, selector: StringMap)] = [:]
  /// Service keys by the first pair of their selector (every pod a Service selects carries
  /// it), so a pod visits only the Services that may select it, not every Service.
  private var servicesByAnchor: [SpreadSelectorAnchor: [String]] = [:]
  /// ReplicaSet and StatefulSet selectors by `Kind/namespace/name`.
  private var controllers: [String: LabelSelector] = [:]

  public init() {}

  /// Whether nothing is known (the common fast path: no pod gets default constraints).
  public var isEmpty: Bool { services.isEmpty && controllers.isEmpty }

  /// Records an added or modified object (Service, ReplicaSet, StatefulSet); others are ignored.
  public mutating func upsert(_ object: APIObject) {
    switch object {
    case .service(let s):
      let key = "\(s.metadata.namespace ?? "default")/\(s.metadata.name)"
      unindexService(key)
      if let sel = s.spec.selector, let first = sel.entries.first {
        let ns = s.metadata.namespace ?? "default"
        services[key] = (ns, sel)
        servicesByAnchor[
          SpreadSelectorAnchor(namespace: ns, key: first.key, value: first.value), default: []
        ].append(key)
      } else {
        services[key] = nil
      }
    case .replicaSet(let r):
      controllers["ReplicaSet/\(r.metadata.namespace ?? "default")/\(r.metadata.name)"] =
        r.spec.selector
    case .statefulSet(let s):
      controllers["StatefulSet/\(s.metadata.namespace ?? "default")/\(s.metadata.name)"] =
        s.spec.selector
    default: break
    }
  }

  /// Drops a Service from the anchor index (before it changes or goes).
  private mutating func unindexService(_ key: String) {
    guard let old = services[key], let first = old.selector.entries.first else { return }
    let anchor = SpreadSelectorAnchor(namespace: old.namespace, key: first.key, value: first.value)
    servicesByAnchor[anchor]?.removeAll { $0 == key }
    if servicesByAnchor[anchor]?.isEmpty == true { servicesByAnchor[anchor] = nil }
  }

  /// Forgets a deleted object.
  public mutating func remove(_ object: APIObject) {
    switch object {
    case .service(let s):
      let key = "\(s.metadata.namespace ?? "default")/\(s.metadata.name)"
      unindexService(key)
      services[key] = nil
    case .replicaSet(let r):
      controllers["ReplicaSet/\(r.metadata.namespace ?? "default")/\(r.metadata.name)"] = nil
    case .statefulSet(let s):
      controllers["StatefulSet/\(s.metadata.namespace ?? "default")/\(s.metadata.name)"] = nil
    default: break
    }
  }

  /// Upstream `DefaultSelector`: the merged selectors of the Services in the pod's namespace
  /// that select it (`GetPodServices`; a nil or empty Service selector selects nothing), plus the
  /// requirements of the pod's controlling ReplicaSet or StatefulSet. nil when empty.
  public func selector(for pod: Pod) -> LabelSelector? {
    if isEmpty { return nil }
    let ns = pod.metadata.namespace ?? "default"
    var merged = StringMap()
    // The Services anchored on one of the pod's labels, in sorted key order (every selected
    // pod carries its Service's first selector pair; sorted keys as a whole-map scan would).
    var candidates: [String] = []
    for l in pod.metadata.labels.entries {
      let anchor = SpreadSelectorAnchor(namespace: ns, key: l.key, value: l.value)
      if let keys = servicesByAnchor[anchor] { candidates += keys }
    }
    candidates.sort()
    for key in candidates {
      guard let s = services[key], s.namespace == ns, pod.metadata.labels.containsAll(s.selector)
      else { continue }
      for e in s.selector.entries { merged[e.key] = e.value }
    }
    var sel = LabelSelector(matchLabels: merged)
    if let owner = pod.metadata.ownerReferences.first(where: { $0.controller == true }),
      owner.kind == "ReplicaSet" || owner.kind == "StatefulSet",
      let c = controllers["\(owner.kind)/\(ns)/\(owner.name)"]
    {
      for e in c.matchLabels.entries {
        sel.matchExpressions.append(
          LabelSelectorRequirement(key: e.key, operator: .in, values: [e.value]))
      }
      sel.matchExpressions += c.matchExpressions
    }
    return sel.isEmpty ? nil : sel
  }
}
