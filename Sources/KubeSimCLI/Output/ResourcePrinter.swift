import KubeSimKernel
import KubeSimModel

/// kubectl get's default and wide columns for each kind.
///
/// Columns and cell formats follow kubectl's printers (pkg/printers/internalversion/printers.go,
/// v1.32: `printPod`, `printNode`, `printDeployment`, `printReplicaSet`, `printService`,
/// `printNamespace`). Kinds without a printer show NAME and AGE, as kubectl does for resources
/// it has no columns for.
///
/// KubeSim differs: RESTARTS omits the "(2m ago)" suffix; pod IPs are empty (no network model).
struct ResourcePrinter {
  let now: SimTime
  let wide: Bool
  let showNamespace: Bool
  /// Prepended to every NAME (`deployment.apps/`) when several kinds are listed.
  var namePrefix = ""

  func table(_ kind: ObjectKind, _ objects: [APIObject]) -> TableWriter {
    var header: [String]
    switch kind {
    case .pod:
      header = ["NAME", "READY", "STATUS", "RESTARTS", "AGE"]
      if wide { header += ["IP", "NODE", "NOMINATED NODE", "READINESS GATES"] }
    case .node:
      header = ["NAME", "STATUS", "ROLES", "AGE", "VERSION"]
      if wide {
        header += ["INTERNAL-IP", "EXTERNAL-IP", "OS-IMAGE", "KERNEL-VERSION", "CONTAINER-RUNTIME"]
      }
    case .deployment:
      header = ["NAME", "READY", "UP-TO-DATE", "AVAILABLE", "AGE"]
      if wide { header += ["CONTAINERS", "IMAGES", "SELECTOR"] }
    case .replicaSet:
      header = ["NAME", "DESIRED", "CURRENT", "READY", "AGE"]
      if wide { header += ["CONTAINERS", "IMAGES", "SELECTOR"] }
    case .service:
      header = ["NAME", "TYPE", "CLUSTER-IP", "EXTERNAL-IP", "PORT(S)", "AGE"]
      if wide { header += ["SELECTOR"] }
    case .namespace:
      header = ["NAME", "STATUS", "AGE"]
    default:
      header = ["NAME", "AGE"]
    }
    if showNamespace { header.insert("NAMESPACE", at: 0) }
    var table = TableWriter(header: header)
    for object in objects {
      var row = cells(object)
      row[0] = namePrefix + row[0]
      if showNamespace { row.insert(object.metadata.namespace ?? "", at: 0) }
      table.append(row)
    }
    return table
  }

  private func age(_ m: ObjectMeta) -> String {
    guard let created = m.creationTimestamp else { return "<unknown>" }
    return HumanDuration.format(microseconds: (now - created).microseconds)
  }

  private func cells(_ object: APIObject) -> [String] {
    let m = object.metadata
    switch object {
    case .pod(let p):
      let statuses = p.status.containerStatuses
      let total = p.spec.containers.count
      let ready = statuses.filter(\.ready).count
      let restarts = statuses.reduce(0) { $0 + Int($1.restartCount) }
      var row = [m.name, "\(ready)/\(total)", podStatus(p), String(restarts), age(m)]
      if wide {
        row += [
          nonEmpty(p.status.podIP), nonEmpty(p.spec.nodeName), nonEmpty(p.status.nominatedNodeName),
          "<none>",
        ]
      }
      return row
    case .node(let n):
      var status = "Unknown"
      if let ready = n.status.conditions.first(where: { $0.type == "Ready" }) {
        status = ready.status == .true ? "Ready" : (ready.status == .false ? "NotReady" : "Unknown")
      }
      if n.spec.unschedulable == true { status += ",SchedulingDisabled" }
      let prefix = "node-role.kubernetes.io/"
      let roles = m.labels.keys.filter { $0.hasPrefix(prefix) }.map {
        String($0.dropFirst(prefix.count))
      }
      var row = [
        m.name, status, roles.isEmpty ? "<none>" : roles.joined(separator: ","), age(m),
        n.status.nodeInfo?.kubeletVersion ?? "",
      ]
      if wide {
        let internalIP = n.status.addresses.first { $0.type == "InternalIP" }?.address
        let external = n.status.addresses.first { $0.type == "ExternalIP" }?.address
        row += [
          nonEmpty(internalIP), nonEmpty(external), "<unknown>", "<unknown>",
          nonEmpty(n.status.nodeInfo?.containerRuntimeVersion),
        ]
      }
      return row
    case .deployment(let d):
      let desired = d.spec.replicas ?? 1
      var row = [
        m.name, "\(d.status.readyReplicas)/\(desired)", String(d.status.updatedReplicas),
        String(d.status.availableReplicas), age(m),
      ]
      if wide { row += containers(d.spec.template.spec) + [selector(d.spec.selector)] }
      return row
    case .replicaSet(let r):
      var row = [
        m.name, String(r.spec.replicas ?? 1), String(r.status.replicas),
        String(r.status.readyReplicas),
        age(m),
      ]
      if wide { row += containers(r.spec.template.spec) + [selector(r.spec.selector)] }
      return row
    case .service(let s):
      let type = s.spec.type?.rawValue ?? "ClusterIP"
      let external: String
      switch s.spec.type {
      case .externalName: external = s.spec.externalName ?? "<none>"
      case .loadBalancer: external = "<pending>"
      default: external = "<none>"
      }
      let ports = s.spec.ports.map { p -> String in
        let proto = p.protocol?.rawValue ?? "TCP"
        if let node = p.nodePort { return "\(p.port):\(node)/\(proto)" }
        return "\(p.port)/\(proto)"
      }
      var row = [
        m.name, type, nonEmpty(s.spec.clusterIP), external,
        ports.isEmpty ? "<none>" : ports.joined(separator: ","), age(m),
      ]
      if wide {
        let sel = s.spec.selector.map { $0.map { "\($0.key)=\($0.value)" }.joined(separator: ",") }
        row.append(sel.flatMap { $0.isEmpty ? nil : $0 } ?? "<none>")
      }
      return row
    case .namespace(let n):
      return [m.name, n.status.phase ?? "Active", age(m)]
    default:
      return [m.name, age(m)]
    }
  }

  /// kubectl's STATUS column: the phase, refined by pod and container reasons
  /// (printers.go `printPod`).
  private func podStatus(_ p: Pod) -> String {
    var reason = p.status.phase?.rawValue ?? "Pending"
    if let r = p.status.reason, !r.isEmpty { reason = r }
    for status in p.status.containerStatuses {
      if let w = status.state.waiting?.reason, !w.isEmpty {
        reason = w
      } else if let t = status.state.terminated {
        if let r = t.reason, !r.isEmpty {
          reason = r
        } else if let signal = t.signal, signal != 0 {
          reason = "Signal:\(signal)"
        } else {
          reason = "ExitCode:\(t.exitCode)"
        }
      }
    }
    if p.metadata.deletionTimestamp != nil {
      reason = p.status.reason == "NodeLost" ? "Unknown" : "Terminating"
    }
    return reason
  }

  private func containers(_ spec: PodSpec) -> [String] {
    [
      spec.containers.map(\.name).joined(separator: ","),
      spec.containers.map { $0.image ?? "" }.joined(separator: ","),
    ]
  }

  private func selector(_ s: LabelSelector) -> String {
    var parts = s.matchLabels.map { "\($0.key)=\($0.value)" }
    for e in s.matchExpressions {
      parts.append(
        "\(e.key) \(e.operator.rawValue.lowercased()) (\(e.values.joined(separator: ",")))")
    }
    return parts.isEmpty ? "<none>" : parts.joined(separator: ",")
  }

  private func nonEmpty(_ s: String?) -> String {
    guard let s, !s.isEmpty else { return "<none>" }
    return s
  }
}
