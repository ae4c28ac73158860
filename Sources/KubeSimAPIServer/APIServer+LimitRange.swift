import KubeSimModel

extension APIServer {
  /// LimitRanger admission for a new pod: every `type: Container` item of every LimitRange in
  /// the namespace (by name) first defaults missing container requests and limits, then the
  /// Container and Pod items' `min`/`max` are enforced. Errors are aggregated as upstream
  /// (`[a, b]` for several). Upstream: plugin/pkg/admission/limitranger/admission.go
  /// (`PodMutateLimitFunc`, `PodValidateLimitFunc`, `minConstraint`, `maxConstraint`), item
  /// defaults from pkg/apis/core/v1/defaults.go `SetDefaults_LimitRangeItem`.
  /// KubeSim differs: `maxLimitRequestRatio` is not enforced, the `kubernetes.io/limit-ranger`
  /// annotation is not written, and resources are checked in name order (upstream iterates a Go
  /// map, in random order).
  func admitLimitRanges(_ pod: inout Pod, name: String) throws(APIError) {
    guard (stores[.limitRange]?.count ?? 0) > 0 else { return }
    let namespace = pod.metadata.namespace ?? "default"
    let ranges = list(.limitRange, namespace: namespace)
    guard !ranges.isEmpty else { return }
    var items: [LimitRangeItem] = []
    for case .limitRange(let lr) in ranges {
      items.append(contentsOf: lr.spec.limits.map(Self.defaultedItem))
    }
    for item in items where item.type == "Container" {
      for i in pod.spec.containers.indices {
        Self.merge(item.default, into: &pod.spec.containers[i].resources.limits)
        Self.merge(item.defaultRequest, into: &pod.spec.containers[i].resources.requests)
      }
      for i in pod.spec.initContainers.indices {
        Self.merge(item.default, into: &pod.spec.initContainers[i].resources.limits)
        Self.merge(item.defaultRequest, into: &pod.spec.initContainers[i].resources.requests)
      }
    }
    var errors: [String] = []
    for item in items {
      switch item.type {
      case "Container":
        for c in pod.spec.initContainers + pod.spec.containers {
          errors += Self.constraints(item, "Container", c.resources.requests, c.resources.limits)
        }
      case "Pod":
        var requests = ResourceList()
        var limits = ResourceList()
        for c in pod.spec.containers {
          Self.add(c.resources.requests, into: &requests)
          Self.add(c.resources.limits, into: &limits)
        }
        errors += Self.constraints(item, "Pod", requests, limits)
      default: continue
      }
    }
    if errors.count == 1 {
      throw .forbidden(.pod, name, errors[0])
    } else if errors.count > 1 {
      // k8s.io/apimachinery/pkg/util/errors Aggregate.Error
      throw .forbidden(.pod, name, "[" + errors.joined(separator: ", ") + "]")
    }
  }

  /// `SetDefaults_LimitRangeItem`: for Container items, default ← max, defaultRequest ← default,
  /// then defaultRequest ← min, each only where unset.
  static func defaultedItem(_ item: LimitRangeItem) -> LimitRangeItem {
    guard item.type == "Container" else { return item }
    var out = item
    merge(item.max, into: &out.default)
    merge(out.default, into: &out.defaultRequest)
    merge(item.min, into: &out.defaultRequest)
    return out
  }

  static func merge(_ defaults: ResourceList, into list: inout ResourceList) {
    for (name, quantity) in defaults where list[name] == nil { list[name] = quantity }
  }

  static func add(_ extra: ResourceList, into list: inout ResourceList) {
    for (name, quantity) in extra {
      if let existing = list[name], let sum = try? existing.adding(quantity) {
        list[name] = sum
      } else if list[name] == nil {
        list[name] = quantity
      }
    }
  }

  /// `minConstraint` and `maxConstraint` of upstream, with their exact messages.
  static func constraints(
    _ item: LimitRangeItem, _ type: String, _ requests: ResourceList, _ limits: ResourceList
  ) -> [String] {
    var errors: [String] = []
    for (resource, enforced) in item.min {
      let req = requests[resource]
      let lim = limits[resource]
      guard let req else {
        errors.append(
          "minimum \(resource) usage per \(type) is \(enforced).  No request is specified")
        continue
      }
      if req.milliValue < enforced.milliValue {
        errors.append(
          "minimum \(resource) usage per \(type) is \(enforced), but request is \(req)")
      } else if let lim, lim.milliValue < enforced.milliValue {
        errors.append("minimum \(resource) usage per \(type) is \(enforced), but limit is \(lim)")
      }
    }
    for (resource, enforced) in item.max {
      let req = requests[resource]
      guard let lim = limits[resource] else {
        errors.append(
          "maximum \(resource) usage per \(type) is \(enforced).  No limit is specified")
        continue
      }
      if lim.milliValue > enforced.milliValue {
        errors.append("maximum \(resource) usage per \(type) is \(enforced), but limit is \(lim)")
      } else if let req, req.milliValue > enforced.milliValue {
        errors.append(
          "maximum \(resource) usage per \(type) is \(enforced), but request is \(req)")
      }
    }
    return errors
  }
}
