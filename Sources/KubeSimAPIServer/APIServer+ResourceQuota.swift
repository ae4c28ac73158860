import KubeSimModel

extension APIServer {
  /// ResourceQuota admission of a new object: for every quota of the namespace (by name), the
  /// usage after the create must stay within `spec.hard` for each resource the object uses.
  ///
  /// Tracked: `pods`, `count/pods`, `cpu`/`requests.cpu`, `memory`/`requests.memory`,
  /// `limits.cpu`, `limits.memory` (non-terminal pods), `count/<resource>[.<group>]` for every
  /// kind, and the legacy names `services`, `configmaps`, `secrets`, `persistentvolumeclaims`,
  /// `resourcequotas`. Upstream: plugin/pkg/admission/resourcequota/controller.go `CheckRequest`
  /// (`exceeded quota: %s, requested: %s, used: %s, limited: %s`, resources sorted, `k=v`
  /// joined by `,`), pkg/quota/v1/evaluator/core/pods.go `Constraints`
  /// (`must specify requests.cpu for: app; …`).
  /// KubeSim differs: usage is KubeSim's own count (not `status.used` written by a controller,
  /// which KubeSim keeps equal to it), and quota scopes are ignored.
  func admitQuota(_ obj: APIObject, name: String, replacing old: APIObject?) throws(APIError) {
    guard old == nil, obj.kind.isNamespaced, let namespace = obj.metadata.namespace,
      (stores[.resourceQuota]?.count ?? 0) > 0
    else { return }
    let quotas = list(.resourceQuota, namespace: namespace)
    guard !quotas.isEmpty else { return }
    let delta = Self.usage(of: obj)
    let used = quotaUsage(namespace)
    for case .resourceQuota(let quota) in quotas {
      if case .pod(let pod) = obj {
        let missing = Self.missingConstraints(pod, hard: quota.spec.hard)
        if !missing.isEmpty {
          throw .forbidden(
            obj.kind, name, "failed quota: \(quota.metadata.name): must specify \(missing)")
        }
      }
      var requested: [String] = []
      var usedParts: [String] = []
      var limited: [String] = []
      for (resource, hard) in quota.spec.hard {
        guard let d = delta.first(where: { $0.0 == resource })?.1, d != 0 else { continue }
        let u = used.first(where: { $0.0 == resource })?.1 ?? 0
        if u + d > Self.amount(hard, resource) {
          requested.append("\(resource)=\(Self.format(d, resource, like: hard))")
          usedParts.append("\(resource)=\(Self.format(u, resource, like: hard))")
          limited.append("\(resource)=\(hard)")
        }
      }
      if !requested.isEmpty {
        throw .forbidden(
          obj.kind, name,
          "exceeded quota: \(quota.metadata.name), requested: \(requested.joined(separator: ",")), "
            + "used: \(usedParts.joined(separator: ",")), limited: \(limited.joined(separator: ","))"
        )
      }
    }
  }

  /// Writes `status.hard` and `status.used` of every quota in `namespace` (the quota
  /// controller's job upstream; KubeSim does it after each change of usage).
  func refreshQuotaStatus(_ namespace: String) {
    guard (stores[.resourceQuota]?.count ?? 0) > 0 else { return }
    let used = quotaUsage(namespace)
    for case .resourceQuota(let quota) in list(.resourceQuota, namespace: namespace) {
      var status = ResourceQuotaStatus(hard: quota.spec.hard, used: ResourceList())
      for (resource, hard) in quota.spec.hard {
        let u = used.first(where: { $0.0 == resource })?.1 ?? 0
        status.used[resource] = Self.quantity(u, resource, like: hard)
      }
      guard status != quota.status,
        let id = stores[.resourceQuota]?.id(of: key(.resourceQuota, namespace, quota.metadata.name))
      else { continue }
      var updated = quota
      updated.status = status
      _ = commit(.resourceQuota(updated), replacing: .resourceQuota(quota), id: id)
    }
  }

  /// Refreshes quota status after a write that changed a namespace's usage.
  func flushQuotaStatus() {
    guard let ns = quotaDirtyNamespace else { return }
    quotaDirtyNamespace = nil
    refreshQuotaStatus(ns)
  }

  /// The namespace's usage as (resource name, amount in milli-units for cpu, else units).
  func quotaUsage(_ namespace: String) -> [(String, Int64)] {
    let u = namespaceUsage[namespace] ?? QuotaUsage()
    var out: [(String, Int64)] = [
      ("pods", u.pods), ("count/pods", u.pods),
      ("cpu", u.requests.milliCPU), ("requests.cpu", u.requests.milliCPU),
      ("memory", u.requests.memoryBytes), ("requests.memory", u.requests.memoryBytes),
      ("limits.cpu", u.limits.milliCPU), ("limits.memory", u.limits.memoryBytes),
    ]
    for kind in ObjectKind.allCases where kind.isNamespaced && kind != .pod {
      let n = u.counts[kind] ?? 0
      out.append(("count/" + kind.qualifiedResource, n))
      if kind.group.isEmpty { out.append((kind.plural, n)) }
    }
    return out
  }

  /// What creating `obj` adds to its namespace's usage.
  static func usage(of obj: APIObject) -> [(String, Int64)] {
    if case .pod(let pod) = obj {
      guard !pod.isTerminal else { return [] }
      let r = PodResources.requests(of: pod)
      let l = PodResources.limits(of: pod)
      return [
        ("pods", 1), ("count/pods", 1), ("cpu", r.milliCPU), ("requests.cpu", r.milliCPU),
        ("memory", r.memoryBytes), ("requests.memory", r.memoryBytes),
        ("limits.cpu", l.milliCPU), ("limits.memory", l.memoryBytes),
      ]
    }
    var out = [("count/" + obj.kind.qualifiedResource, Int64(1))]
    if obj.kind.group.isEmpty { out.append((obj.kind.plural, 1)) }
    return out
  }

  /// The pod evaluator's `Constraints`: each container must request (or limit) every
  /// cpu/memory resource a quota tracks. "" when nothing is missing.
  static func missingConstraints(_ pod: Pod, hard: ResourceList) -> String {
    let validation = [
      "cpu", "limits.cpu", "limits.memory", "memory", "requests.cpu", "requests.memory",
    ]
    let required = validation.filter { hard[$0] != nil }
    guard !required.isEmpty else { return "" }
    var parts: [String] = []
    for resource in required {
      var names: [String] = []
      for c in pod.spec.containers {
        let r = c.resources
        let has: Bool
        switch resource {
        case "cpu", "requests.cpu": has = r.requests[ResourceList.cpu] != nil
        case "memory", "requests.memory": has = r.requests[ResourceList.memory] != nil
        case "limits.cpu": has = r.limits[ResourceList.cpu] != nil
        default: has = r.limits[ResourceList.memory] != nil
        }
        if !has { names.append(c.name) }
      }
      if !names.isEmpty {
        parts.append("\(resource) for: \(names.sorted().joined(separator: ","))")
      }
    }
    return parts.joined(separator: "; ")
  }

  static func isCPU(_ resource: String) -> Bool {
    resource == "cpu" || resource.hasSuffix(".cpu")
  }

  static func amount(_ q: Quantity, _ resource: String) -> Int64 {
    isCPU(resource) ? q.milliValue : q.value
  }

  static func quantity(_ amount: Int64, _ resource: String, like hard: Quantity) -> Quantity {
    if isCPU(resource) { return Quantity(milli: amount, format: .decimalSI) }
    return Quantity(amount, format: hard.format)
  }

  static func format(_ amount: Int64, _ resource: String, like hard: Quantity) -> String {
    quantity(amount, resource, like: hard).description
  }
}
